// Package slug is the one home of the rules that turn what an author writes
// (a content path, a heading, a title) into an address or a name: page URLs,
// ids of headings, terms and tags, and the file names `shiftbook new` makes.
// Each rule is written once, here, so the link stage, the renderer and the
// scaffolding cannot drift apart.
package slug

import (
	"path"
	"strings"
	"unicode"
)

// ContentDir is the folder pages live in; its name is not part of a URL.
const ContentDir = "content"

// PageURL maps a content path to its clean URL: content/a/b.md → /a/b/,
// and a folder's own page (content/a/_index.md) → /a/ when section is true.
// A slug replaces the last part, except on a section page, whose URL is
// its folder's.
func PageURL(file, slug string, section bool) string {
	rel := strings.TrimPrefix(file, ContentDir+"/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	dir, base := path.Split(rel)
	if section {
		base = ""
	} else if slug != "" {
		base = slug
	}
	p := strings.Trim(URLPart(dir+base), "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// URLPart lowercases a path and turns spaces into dashes, so "Our
// Vision.md" is /our-vision/. #, ? and % would end or escape the address a
// browser reads, so they are dropped like spaces: "FAQ #2?.md" is /faq-2/.
func URLPart(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '#' || r == '?' || r == '%'
	}), "-"))
}

// ID is the id a heading text gets before it is made unique, and the id of
// a tag's page: lower case, letters, digits, _ and - kept, spaces as dashes,
// the rest dropped (GitHub's rule, so links written for GitHub work).
func ID(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}

// File makes a file name from a title: lowercase letters and digits joined
// by single dashes; apostrophes vanish ("customer's" → "customers").
func File(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// LanguagePrefix is the folder the pages of a language other than the
// default are written under, and their addresses start with: "nl/",
// "pt-br/" for pt-BR.
func LanguagePrefix(code string) string { return strings.ToLower(code) + "/" }
