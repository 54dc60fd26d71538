// Package search writes the search index of a site as the small files the
// theme's site.js loads: a manifest, the token index cut into shards by
// token prefix, and one file per document. A query loads the manifest, the
// one or two shards holding its words and the documents it shows, never the
// whole index, so what a reader fetches stays small however large the site.
package search

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tokens must be exactly the words site.js's tokens() finds in the same text:
// the index is looked up with the words the browser folds from the query.
// TestTokensMatchScript runs both over the same strings.

// marks are the combining marks folding drops (site.js: MARKS).
var marks = [][2]rune{{0x300, 0x36f}, {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff}, {0x20d0, 0x20ff}, {0xfe20, 0xfe2f}}

// special spells in ASCII the letters that do not decompose (site.js: SPECIAL).
var special = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h", 'ŀ': "l", 'ς': "σ"}

// wordRanges are the characters of a word (site.js: WORD_CLASS): digits and
// letters of any script.
var wordRanges = [][2]rune{{'0', '9'}, {'a', 'z'}, {0xc0, 0xd6}, {0xd8, 0xf6}, {0xf8, 0x1fff}, {0x2c00, 0x2dff},
	{0x3040, 0xd7ff}, {0xf900, 0xfdff}, {0xfe70, 0xfefe}, {0xff10, 0xff19}, {0xff21, 0xff3a}, {0xff41, 0xff5a}, {0xff66, 0xffdc}}

func inRanges(r rune, ranges [][2]rune) bool {
	for _, g := range ranges {
		if r >= g[0] && r <= g[1] {
			return true
		}
	}
	return false
}

// Fold is s as search compares it: lower case, combining marks dropped, and
// the letters that do not decompose spelled in ASCII ("Gdańsk" → "gdansk").
//
// Runs of ASCII, most of any text, need only lowering; the runs between
// them go through foldRunes on their own, which gives what folding the
// whole would: every ASCII character is a starter, which neither
// decomposes nor is reordered with the marks before it.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] < utf8.RuneSelf {
			i++
		}
		for _, c := range []byte(s[:i]) {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
		s = s[i:]
		j := 0
		for j < len(s) && s[j] >= utf8.RuneSelf {
			j++
		}
		if j > 0 {
			b.WriteString(foldRunes(s[:j]))
			s = s[j:]
		}
	}
	return b.String()
}

// foldRunes is Fold for any text.
func foldRunes(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if inRanges(r, marks) {
			continue
		}
		if sp, ok := special[r]; ok {
			b.WriteString(sp)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiWord reports whether c, a folded ASCII byte, is a word character.
func asciiWord(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' }

// Tokens are the folded words of s, in order.
func Tokens(s string) []string {
	return AppendTokens(nil, s)
}

// AppendTokens appends the folded words of s to out, in order.
func AppendTokens(out []string, s string) []string {
	if s == "" {
		return out
	}
	f := Fold(s)
	start := -1
	for i := 0; i < len(f); {
		at := i
		var word bool
		if c := f[i]; c < utf8.RuneSelf {
			word = asciiWord(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(f[i:])
			word = r != utf8.RuneError && inRanges(r, wordRanges)
			i += size
		}
		switch {
		case word && start < 0:
			start = at
		case !word && start >= 0:
			out = append(out, f[start:at])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, f[start:])
	}
	return out
}
