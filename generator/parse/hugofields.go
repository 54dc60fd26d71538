package parse

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Hugo's own front matter fields that are no other tool's, beyond those
// of otherToolKeys that do something here. Hugo documents each, so a page
// moved from Hugo has them; "unknown front matter key" would be untrue,
// and its advice (move it under [params]) wrong. Each is read for what it
// means here: accepted when it changes nothing that matters, a warning
// when Hugo's effect is lost but no harm comes of it, and an error when
// Hugo would keep the page out of the site and shiftbook would publish it.
var hugoFieldKeys = []string{"resources", "outputs", "sitemap", "menus", "isCJKLanguage", "markup", "headless", "build", "_build", "cascade"}

// hugoMarkdown are the values of Hugo's markup that name markdown.
var hugoMarkdown = []string{"markdown", "goldmark", "md", ""}

// hugoMarkups name the other languages Hugo's markup may name.
var hugoMarkups = map[string]string{
	"asciidocext": "AsciiDoc", "asciidoc": "AsciiDoc", "adoc": "AsciiDoc", "org": "Org",
	"pandoc": "Pandoc", "pdc": "Pandoc", "rst": "reStructuredText", "html": "HTML", "htm": "HTML",
}

// hugoOut are the front matter keys with which Hugo keeps pages out of the
// site: passed down by cascade, their effect would be lost.
var hugoOut = []string{"draft", "build", "_build", "headless", "publishDate", "expiryDate"}

// hugoField decodes one of hugoFieldKeys (canonical, written as k).
func (d *fieldDecoder) hugoField(fm *FrontMatter, canonical, k string, v any) {
	key := []string{k}
	switch canonical {
	case "resources":
		d.warnf(key, "%s names and titles a page's files for Hugo's templates; shiftbook does not read it, so it is ignored: write a picture's text in the page (![What it shows](photo.jpg)), then remove %s", k, k)
	case "outputs":
		d.warnf(key, "%s picks the formats Hugo writes a page in (HTML, RSS, JSON…); shiftbook writes every page as HTML and makes the search index itself, so %s is ignored: remove it", k, k)
	case "sitemap":
		d.warnf(key, "%s sets how Hugo lists the page in sitemap.xml; shiftbook lists every page alike, so %s is ignored: remove it", k, k)
	case "menus":
		d.warnf(key, "%s puts a page in Hugo's menus; shiftbook's navigation is made from the content folders, so %s is ignored: order pages with weight and name them in the navigation with linkTitle, then remove %s", k, k, k)
	case "isCJKLanguage":
		// It only tells Hugo how to count words; true or false changes
		// nothing here.
		d.boolean(v, k)
	case "markup":
		if m := strings.ToLower(strings.TrimSpace(d.str(v, k))); d.isText(v) && !slices.Contains(hugoMarkdown, m) {
			lang := hugoMarkups[m]
			if lang == "" {
				lang = m
			}
			d.errorf(key, "%s says this page is written in %s, not markdown; shiftbook reads markdown only: write the page in markdown, then remove %s", d.form(k, m), lang, k)
		}
	case "headless":
		if d.boolean(v, k) {
			d.errorf(key, "%s keeps a page out of Hugo's site (other pages use its text or files); shiftbook publishes every page: write %s to leave it out, or remove %s to publish it", d.boolForm(k), d.boolForm("draft"), k)
		}
	case "build", "_build":
		d.build(fm, k, v)
	case "cascade":
		d.cascade(k, v)
	}
}

// boolSuffix is what follows a key to set it true: " = true" in TOML,
// ": true" in YAML.
func (d *fieldDecoder) boolSuffix() string {
	if d.yaml {
		return ": true"
	}
	return " = true"
}

// boolForm is key set to true as the page writes it.
func (d *fieldDecoder) boolForm(key string) string { return key + d.boolSuffix() }

// build reads Hugo's build options: render never keeps the page out of
// Hugo's site, which is an error (shiftbook would publish it); list never
// or local builds it without listing it, which is unlisted.
func (d *fieldDecoder) build(fm *FrontMatter, k string, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		d.errorf([]string{k}, "%s must be a table of Hugo's build options (render, list, publishResources), not %s", k, describe(v))
		return
	}
	for _, sub := range slices.Sorted(maps.Keys(m)) {
		at := []string{k, sub}
		switch val := fmt.Sprint(m[sub]); strings.ToLower(sub) {
		case "render":
			if val == "never" || val == "false" || val == "link" {
				d.errorf(at, "%s.render = %q keeps the page out of Hugo's site; shiftbook publishes every page: write %s to leave it out, or remove %s to publish it", k, val, d.boolForm("draft"), k)
			}
		case "list":
			if val == "never" || val == "false" || val == "local" {
				// Hugo builds the page but lists it in no (or only its
				// own) section: what unlisted does.
				d.unlisted(fm, k, true)
			}
		case "publishresources":
			// The page's files are always published here.
		default:
			d.errorf(at, "%s.%s is not one of Hugo's build options (render, list, publishResources); remove it", k, sub)
		}
	}
}

// cascade reads Hugo's cascade, which passes keys down to the pages
// below; shiftbook passes none. A key that keeps pages out of Hugo's
// site is an error, since here those pages would be published; others
// are a warning naming them.
func (d *fieldDecoder) cascade(k string, v any) {
	var tables []map[string]any
	switch v := v.(type) {
	case map[string]any:
		tables = append(tables, v)
	case []any:
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				tables = append(tables, m)
			}
		}
	}
	var passed []string
	for _, t := range tables {
		for name := range t {
			if name != "_target" && name != "target" && !slices.Contains(passed, name) {
				passed = append(passed, name)
			}
		}
	}
	slices.Sort(passed)
	for _, name := range passed {
		if slices.ContainsFunc(hugoOut, func(o string) bool { return strings.EqualFold(o, name) }) {
			d.errorf([]string{k}, "%s passes %s down to the pages below in Hugo, which can keep them out of the site; shiftbook passes nothing down, so they would be published: write %s on each page to leave out, then remove %s", k, name, d.boolForm("draft"), k)
			return
		}
	}
	sets := ""
	if len(passed) > 0 {
		sets = " (it sets " + strings.Join(passed, ", ") + ")"
	}
	d.warnf([]string{k}, "%s passes settings down to the pages below in Hugo; shiftbook passes nothing down, so %s is ignored%s: write on each page the settings it needs, then remove %s", k, k, sets, k)
}
