package parse

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Front matter keys of Hugo, Docusaurus and MkDocs, so that content written
// for those tools builds as it is. Each is either understood (it does what
// it does there) or refused with a sentence saying what to write instead;
// README.md documents them in one table. Hugo reads its keys in any case
// ("linktitle", "publishdate"), so these match ignoring case too.
var otherToolKeys = []string{
	"aliases", "linkTitle", "sidebar_label", "sidebar_position", "keywords", "categories",
	"author", "authors", "publishDate", "expiryDate", "url", "hide", "hide_table_of_contents", "id",
	"translationKey", "template", "lang", "pre", "post", "hidden", "bookHidden", "toc_hide",
	"menu", "type", "disableToc", "bookToc",
	// Hugo's own other fields: see hugofields.go.
	"resources", "outputs", "sitemap", "menus", "isCJKLanguage", "markup", "headless", "build", "_build", "cascade",
}

// notDoneKeys are the keys of otherToolKeys that shiftbook reads only to
// say what it does instead: refused with an error (url, translationKey),
// or accepted and left without effect (lang when it matches the file's
// language; pre, post, menu and type, with a warning; Hugo's fields of
// hugofields.go). A did-you-mean never
// names them (see suggestKey): "pre" is not a misspelt "url".
var notDoneKeys = append([]string{"url", "translationKey", "lang", "pre", "post", "menu", "type"}, hugoFieldKeys...)

// HideValues are the parts of a page MkDocs Material's hide: list may name.
var HideValues = []string{"navigation", "toc", "footer"}

// otherToolFields remembers which of two keys meaning one thing was written,
// to refuse both.
type otherToolFields struct {
	navLabel, weight, author string // the key written
	weightValue              int
	hasWeight                bool
	id                       string // Docusaurus's id: the slug unless one is written
}

// otherTool decodes key k when it is one of otherToolKeys, and reports
// whether it was.
func (d *fieldDecoder) otherTool(fm *FrontMatter, seen *otherToolFields, k string, v any) bool {
	canonical := ""
	for _, known := range otherToolKeys {
		if strings.EqualFold(k, known) {
			canonical = known
			break
		}
	}
	key := []string{k}
	switch canonical {
	case "":
		return false
	case "aliases":
		for i, a := range d.strs(v, k) {
			if msg := aliasProblem(a); msg != "" {
				d.errorf([]string{k, fmt.Sprint(i)}, "alias %q %s", a, msg)
				continue
			}
			fm.Aliases = append(fm.Aliases, a)
		}
	case "linkTitle", "sidebar_label":
		if seen.navLabel != "" {
			d.errorf(key, "%s and %s both set the navigation label; keep one", seen.navLabel, k)
			return true
		}
		seen.navLabel = k
		fm.LinkTitle = strings.TrimSpace(d.str(v, k))
	case "sidebar_position":
		if seen.weight != "" {
			d.errorf(key, "%s and %s both set the order in the navigation; keep one", seen.weight, k)
			return true
		}
		seen.weight = k
		if n, ok := d.integer(v, k); ok {
			seen.weightValue, seen.hasWeight = n, true
		}
	case "keywords":
		if s, isText := v.(string); isText {
			// Hugo and Docusaurus take a list; a line of words separated by
			// commas is how HTML's meta keywords are written.
			for _, w := range strings.Split(s, ",") {
				if w = strings.TrimSpace(w); w != "" {
					fm.Keywords = append(fm.Keywords, w)
				}
			}
			return true
		}
		fm.Keywords = d.strs(v, k)
	case "categories":
		fm.Categories = d.strs(v, k)
	case "author", "authors":
		if seen.author != "" {
			d.errorf(key, "%s and %s both name who wrote the page; keep one", seen.author, k)
			return true
		}
		seen.author = k
		if m, isTable := v.(map[string]any); isTable {
			// Docusaurus writes an author as a table with a name.
			fm.Authors = append(fm.Authors, d.str(m["name"], k, "name"))
			return true
		}
		if list, isList := v.([]any); isList {
			for i, e := range list {
				if m, isTable := e.(map[string]any); isTable {
					fm.Authors = append(fm.Authors, d.str(m["name"], k, fmt.Sprint(i), "name"))
				} else {
					fm.Authors = append(fm.Authors, d.str(e, k, fmt.Sprint(i)))
				}
			}
			return true
		}
		fm.Authors = d.strs(v, k)
	case "publishDate":
		fm.PublishDate = d.date(v, k)
	case "expiryDate":
		fm.ExpiryDate = d.date(v, k)
	case "url":
		msg := "url sets a page's whole address in Hugo; shiftbook takes the address from the file's place in content/"
		if u, isText := v.(string); isText {
			if base := path.Base(strings.Trim(u, "/")); base != "" && base != "." && base != "/" {
				msg += fmt.Sprintf(": write slug = %q to change the last part of the address, or aliases = [%q] to keep that old address working", base, u)
				d.errorf(key, "%s", msg)
				return true
			}
		}
		d.errorf(key, "%s: write slug = \"...\" to change the last part of the address, or aliases = [\"/old/address/\"] to keep an old address working", msg)
	case "hide":
		switch v.(type) {
		case string, []any, nil:
		default:
			// hide: true (a misreading of Hugo's hidden) is the common one.
			list := `hide = ["navigation"]`
			if d.yaml {
				list = "hide: [navigation]"
			}
			unlisted := "unlisted = true"
			if d.yaml {
				unlisted = "unlisted: true"
			}
			d.errorf(key, "hide must be a list of the parts of the page to leave out, such as %s (it takes navigation, toc and footer), not %s; to leave the page out of the site's navigation, its section's list and the previous/next links, write %s", list, describe(v), unlisted)
			return true
		}
		for i, h := range d.strs(v, k) {
			h = strings.ToLower(strings.TrimSpace(h))
			if !slices.Contains(HideValues, h) {
				at := []string{k, fmt.Sprint(i)}
				d.errorf(at, "hide %q is not a part of the page%s", h, diag.DidYouMean(h, HideValues, "; hide takes navigation, toc and footer"))
				continue
			}
			fm.Hide = append(fm.Hide, h)
			if h == "toc" {
				fm.TOC = false
			}
		}
	case "id":
		// Docusaurus names a doc by its id, which is also the last part of
		// its address unless slug is written: that is what slug does here.
		seen.id = strings.TrimSpace(d.str(v, k))
		if msg := d.slugProblem(k, seen.id); msg != "" {
			d.errorf(key, "%s", msg)
			seen.id = ""
		}
	case "translationKey":
		// Hugo joins translations with different file names by this key;
		// shiftbook joins them by file name only, so one rule finds every
		// translation (check, new --lang and the switcher rely on it).
		d.errorf(key, "translationKey joins translations in Hugo; shiftbook joins a translation to its original by file name: name this file after its original with the language before .md (about.nl.md beside about.md), write slug = \"...\" to keep this translation's own address, and remove translationKey")
	case "template":
		// MkDocs names a page's own template; shiftbook's layouts are the
		// theme's templates, named without .html.
		d.layout(fm, k, strings.TrimSuffix(strings.TrimSpace(d.str(v, k)), ".html"))
	case "lang":
		d.lang(k, d.str(v, k))
	case "pre", "post":
		where := "before"
		if canonical == "post" {
			where = "after"
		}
		d.warnf(key, "%s adds text %s the page's name in the menu of Hugo's learn and relearn themes; shiftbook's navigation shows the page's name (or its linkTitle), so %s is ignored: remove it, or write the name as it should read in linkTitle", k, where, k)
	case "hidden", "bookHidden", "toc_hide":
		// Hugo's learn and relearn themes (hidden), hugo-book (bookHidden)
		// and Docsy (toc_hide) leave such a page out of the menu, and
		// build it: what unlisted does here.
		d.unlisted(fm, k, v)
	case "hide_table_of_contents":
		if d.boolean(v, k) {
			fm.TOC = false
		}
	case "disableToc":
		// Hugo's learn and relearn themes.
		if d.boolean(v, k) {
			fm.TOC = false
		}
	case "bookToc":
		// Hugo's hugo-book theme: false hides the page's contents.
		if !d.boolean(v, k) {
			fm.TOC = false
		}
	case "resources", "outputs", "sitemap", "menus", "isCJKLanguage", "markup", "headless", "build", "_build", "cascade":
		d.hugoField(fm, canonical, k, v)
	case "menu":
		d.warnf(key, "menu puts a page in one of Hugo's menus; shiftbook's navigation is made from the content folders, so menu is ignored: order pages with weight and name them in the navigation with linkTitle, then remove menu")
	case "type":
		d.warnf(key, "type picks a page's layouts in Hugo; shiftbook takes a page's kind from its folder (journeys/, metrics/, definitions/…), so type is ignored: move the page into the folder of its kind, or name a layout with layout, then remove type")
	}
	return true
}

// unlisted sets whether the page is left out of the navigation from key
// k: shiftbook's unlisted, or another tool's key for it. Two such keys
// that agree are fine (a page moved between Hugo themes may have both);
// two that disagree are an error at the later one.
func (d *fieldDecoder) unlisted(fm *FrontMatter, k string, v any) {
	b, ok := v.(bool)
	if !ok {
		d.boolean(v, k) // says what it takes
		return
	}
	if fm.UnlistedKey != "" {
		if b != fm.Unlisted {
			// Keys are read in name order: the message is at the one
			// written later in the file, and names the other first.
			first, later := fm.UnlistedKey, k
			if fm.Line(later) < fm.Line(first) {
				first, later = later, first
			}
			d.errorf([]string{later}, "%s and %s disagree about leaving the page out of the navigation; keep one", first, later)
		}
		return
	}
	fm.Unlisted, fm.UnlistedKey = b, k
}

// finishOtherTool applies what needs every key read: sidebar_position is the
// weight unless weight is written too, which is an error.
func (d *fieldDecoder) finishOtherTool(fm *FrontMatter, seen *otherToolFields) {
	if fm.Slug == "" {
		fm.Slug = seen.id
	}
	if !seen.hasWeight {
		return
	}
	if fm.Weight != 0 {
		d.errorf([]string{seen.weight}, "%s and weight both set the order in the navigation; keep one", seen.weight)
		return
	}
	fm.Weight = seen.weightValue
}

// layout sets the page's layout from key k (layout, or MkDocs's
// template); both written is an error at the later one.
func (d *fieldDecoder) layout(fm *FrontMatter, k, name string) {
	if name == "" {
		return
	}
	if fm.LayoutKey != "" {
		d.errorf([]string{k}, "%s and %s both name the page's layout; keep one", fm.LayoutKey, k)
		return
	}
	fm.Layout, fm.LayoutKey = name, k
}

// lang checks Jekyll's and MkDocs's lang against the language the file's
// name puts the page in: the same language is accepted without a word (a
// site moved from Jekyll has it on every page, and it is true), another
// is an error, since the page would be shown as what it is not.
func (d *fieldDecoder) lang(k, code string) {
	page := d.opts.Language
	if page == "" || code == "" || sameLanguage(code, page) {
		return
	}
	dir, name := path.Split(d.path)
	stem := strings.TrimSuffix(name, path.Ext(name))
	oneLanguage := dir + stem + "." + code + ".md"
	translation := len(d.opts.Languages) > 0 && !strings.EqualFold(page, d.opts.Languages[0])
	if translation {
		stem = strings.TrimSuffix(stem, path.Ext(stem)) // promise.nl → promise
	}
	msg := fmt.Sprintf("lang %q says this page is in %s, but it is in %s", code, code, page)
	switch {
	case len(d.opts.Languages) == 0:
		msg += fmt.Sprintf(", the site's one language; a page's language comes from site.toml and its file name, not from lang: remove lang (to translate the site, add [languages] to site.toml and name the translation %s)",
			oneLanguage)
	case !slices.ContainsFunc(d.opts.Languages, func(l string) bool { return strings.EqualFold(l, code) }):
		msg += fmt.Sprintf(", which its file name says; %s is not one of the site's languages (%s): remove lang", code, strings.Join(d.opts.Languages, ", "))
	case strings.EqualFold(code, d.opts.Languages[0]):
		msg += ", which its file name says; a page's language comes from its file name, not from lang: " +
			fmt.Sprintf("a page in %s, the site's default language, has no code in its name (%s), so remove lang, or move this text to that page", code, stem+".md")
	default:
		msg += ", which its file name says; a page's language comes from its file name, not from lang: " +
			fmt.Sprintf("name the file %s to make it the translation into %s, or remove lang", stem+"."+code+".md", code)
	}
	d.errorf([]string{k}, "%s", msg)
}

// sameLanguage reports whether a lang key's code names the page's
// language: the same code in any case, with - or _, or one that only
// adds or leaves out a region (en-US on an en page).
func sameLanguage(written, page string) bool {
	norm := func(c string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(c), "_", "-")) }
	w, p := norm(written), norm(page)
	if w == p {
		return true
	}
	wb, wRest, _ := strings.Cut(w, "-")
	pb, pRest, _ := strings.Cut(p, "-")
	return wb == pb && (wRest == "" || pRest == "")
}

// slugProblem says what is wrong with a slug (or Docusaurus's id, which is
// one), or "" when it is fine. A slug starting with / is Docusaurus's
// address from the site's root; its last part is what shiftbook's slug is.
func (d *fieldDecoder) slugProblem(k, s string) string {
	if k == "slug" && strings.HasPrefix(s, "/") {
		rest := strings.Trim(s, "/")
		if rest == "" {
			return fmt.Sprintf("%s makes a page the site's home in Docusaurus; shiftbook's home page is content/_index.md: move this page's text there, or remove slug", d.form("slug", s))
		}
		if base := path.Base(rest); d.slugProblem(k, base) == "" {
			aliases := fmt.Sprintf("aliases = [%q]", s)
			if d.yaml {
				aliases = fmt.Sprintf("aliases: [%q]", s)
			}
			return fmt.Sprintf("slug %q is an address from the site's root in Docusaurus; in shiftbook a slug is only the last part of the address, the rest comes from the file's place in content/: write %s to change the last part, or %s to keep the address %s working",
				s, d.form("slug", base), aliases, s)
		}
	}
	if s != "" && (strings.ContainsAny(s, "/\\?#") || s == "." || s == "..") {
		return fmt.Sprintf("%s %q cannot hold /, \\, ?, # or be . or ..; use words joined by dashes", k, s)
	}
	return ""
}

// Hides reports whether the page hides a part (see HideValues).
func (fm *FrontMatter) Hides(part string) bool { return slices.Contains(fm.Hide, part) }

// aliasProblem says what is wrong with an alias, or "" when it is an
// address of this site: "/old/path/", "old-name" (beside the page), or a
// file such as "/old/page.html".
func aliasProblem(a string) string {
	switch {
	case strings.TrimSpace(a) == "":
		return "is empty; write an old address such as \"/old/address/\""
	case strings.ContainsAny(a, "?#\\\"<>") || strings.ContainsFunc(a, func(r rune) bool { return r < ' ' }):
		return "cannot hold ?, #, \\, quotes or < >; write the old address's path only, such as \"/old/address/\""
	case strings.HasPrefix(a, "//"):
		return "is another site's address; an alias is an old address of this site, such as \"/old/address/\""
	}
	if u, err := url.Parse(a); err == nil && u.Scheme != "" {
		return "is a full address; write its path only, such as \"/old/address/\""
	}
	for _, part := range strings.Split(a, "/") {
		if part == ".." || part == "." {
			return "cannot hold . or .. parts; write the old address from the site's root, such as \"/old/address/\""
		}
	}
	return ""
}

// AllTags are the page's tags and then its categories: Hugo's second
// taxonomy is listed with the tags.
func (fm *FrontMatter) AllTags() []string {
	if len(fm.Categories) == 0 {
		return fm.Tags
	}
	return append(slices.Clip(fm.Tags), fm.Categories...)
}
