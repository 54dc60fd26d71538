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
	"translationKey",
}

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
		if seen.id != "" && (strings.ContainsAny(seen.id, "/\\?#") || seen.id == "." || seen.id == "..") {
			d.errorf(key, "id %q cannot hold /, \\, ?, # or be . or ..; use words joined by dashes", seen.id)
			seen.id = ""
		}
	case "translationKey":
		// Hugo joins translations with different file names by this key;
		// shiftbook joins them by file name only, so one rule finds every
		// translation (check, new --lang and the switcher rely on it).
		d.errorf(key, "translationKey joins translations in Hugo; shiftbook joins a translation to its original by file name: name this file after its original with the language before .md (about.nl.md beside about.md), write slug = \"...\" to keep this translation's own address, and remove translationKey")
	case "hide_table_of_contents":
		if d.boolean(v, k) {
			fm.TOC = false
		}
	}
	return true
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
