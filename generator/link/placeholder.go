package link

import (
	"bytes"
	"strconv"
)

// A page body is rendered to HTML once, in this stage, with placeholders
// where the HTML depends on where it is shown or on the rest of the site:
// link targets, id prefixes and shortcodes. The render stage fills them in
// for the page itself and again for the book, without parsing the markdown
// a second time. This file is the one place that writes and reads them.
//
// Placeholders start and end with a NUL byte, which never occurs in a page
// (parse rejects NUL):
//
//	"\x00I\x00"       the id prefix ("" on the page, "b12-" in the book)
//	"\x00L" n "\x00"  the URL of Body.Links[n], relative to where it is shown
//	"\x00S" n "\x00"  the HTML of Body.Shortcodes[n]; for a call with a
//	                  closing tag, its inner content follows, up to
//	"\x00E" n "\x00"  the end of the inner content of Body.Shortcodes[n]
//	"\x00T" n "\x00"  the start of a link to a definition, Body.Links[n]:
//	                  its tooltip is the definition's in the language the
//	                  body is shown in, so that a page shown untranslated
//	                  keeps its one rendered body in every language
//	"\x00U" n "\x00"  the end of that link (the term's words are between)
const (
	Mark     = '\x00'
	IDPrefix = "\x00I\x00"
)

// PlaceholderKind says what a placeholder stands for.
type PlaceholderKind byte

const (
	PlaceIDPrefix     PlaceholderKind = 'I'
	PlaceLink         PlaceholderKind = 'L' // N: the index in Body.Links
	PlaceShortcode    PlaceholderKind = 'S' // N: the index in Body.Shortcodes
	PlaceShortcodeEnd PlaceholderKind = 'E' // N: the index in Body.Shortcodes
	PlaceTerm         PlaceholderKind = 'T' // N: the index in Body.Links
	PlaceTermEnd      PlaceholderKind = 'U' // N: the index in Body.Links
)

// Placeholder is one placeholder in a body's HTML.
type Placeholder struct {
	Kind PlaceholderKind
	N    int // unused for PlaceIDPrefix
}

// String is the placeholder as it is written in a body.
func (p Placeholder) String() string {
	if p.Kind == PlaceIDPrefix {
		return IDPrefix
	}
	return string(Mark) + string(p.Kind) + strconv.Itoa(p.N) + string(Mark)
}

// ShortcodeEnd is the placeholder that ends the inner content of
// Body.Shortcodes[n].
func ShortcodeEnd(n int) string { return Placeholder{PlaceShortcodeEnd, n}.String() }

// NextPlaceholder finds the first placeholder in src: it returns the HTML
// before it, the placeholder, and what follows it. ok is false when src
// holds no whole placeholder; then before is src up to any stray mark,
// which cannot happen in a body this stage wrote. A placeholder of a kind
// the caller does not know (none, in "\x00\x00") is for it to skip.
func NextPlaceholder(src []byte) (before []byte, p Placeholder, rest []byte, ok bool) {
	i := bytes.IndexByte(src, Mark)
	if i < 0 {
		return src, Placeholder{}, nil, false
	}
	j := bytes.IndexByte(src[i+1:], Mark)
	if j < 0 {
		return src[:i], Placeholder{}, nil, false
	}
	token := src[i+1 : i+1+j]
	rest = src[i+2+j:]
	if len(token) == 0 {
		return src[:i], Placeholder{}, rest, true
	}
	n, _ := strconv.Atoi(string(token[1:]))
	return src[:i], Placeholder{Kind: PlaceholderKind(token[0]), N: n}, rest, true
}
