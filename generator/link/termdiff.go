package link

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A definition edited in the dev server changes the vocabulary every body
// was autolinked with, but only the bodies that mention one of the names
// it changed can come out different: a name is matched only where its
// first word is in the text. So a body is kept when its file is the same
// and none of the changed names' first words is in it, in any letter
// case. (The tooltips are not in the body: see termLink.)

// termKeys are the vocabulary as autolinking sees it: each name as
// written → what it stands for (the definition's file and title, whether
// it is linked by itself, whether it is an abbreviation).
func (t *Terms) termKeys() map[string]string {
	keys := make(map[string]string, len(t.names))
	for _, name := range t.names {
		lower := strings.ToLower(strings.TrimSpace(name))
		def := t.byKey[lower]
		if def == nil {
			continue
		}
		keys[name] = def.Path + "\x00" + def.Title() + "\x00" + strconv.FormatBool(def.Meta.NoAutolink) + "\x00" + strconv.FormatBool(t.abbrs[lower])
	}
	return keys
}

// changedWords are the first words (lowercased) of the names that are in
// one vocabulary and not the other, or stand for something else.
func changedWords(before, after map[string]string) []string {
	seen := map[string]bool{}
	var words []string
	add := func(name string) {
		w := strings.ToLower(firstWord(name))
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for name, v := range before {
		if after[name] != v {
			add(name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			add(name)
		}
	}
	return words
}

// firstWord is the name up to its first character that is not part of a
// word, as matching reads it.
func firstWord(name string) string {
	name = strings.TrimSpace(name)
	for i, r := range name {
		if !isWordRune(r) {
			return name[:i]
		}
	}
	return name
}

// mentionsAny reports whether src may mention a word of words (each
// lowercased), in any letter case. A character reference (&#…;) may spell
// any word: a source with one is taken to mention them all.
func mentionsAny(src []byte, words []string) bool {
	for _, w := range words {
		if w == "" || containsFold(src, w) {
			return true
		}
	}
	return len(words) > 0 && bytes.Contains(src, []byte("&#"))
}

// containsFold reports whether s holds w (lowercase) in any letter case.
// It looks for w's first letter in either case, keeping the next place
// of each until it is passed: looking both up again at every candidate
// read the rest of s again for the rarer case each time (92 ms of a
// definition edit at 5,000 pages, for a word starting with 's').
func containsFold(s []byte, w string) bool {
	c := w[0]
	if c >= utf8.RuneSelf {
		return bytes.Contains(bytes.ToLower(s), []byte(w))
	}
	up := c
	if 'a' <= c && c <= 'z' {
		up = c - 'a' + 'A'
	}
	const unknown, none = -2, -1
	lower, upper := unknown, unknown
	if up == c {
		upper = none
	}
	for off := 0; len(s)-off >= len(w); {
		if lower != none && lower < off {
			lower = indexFrom(s, off, c)
		}
		if upper != none && upper < off {
			upper = indexFrom(s, off, up)
		}
		i := lower
		if i == none || upper != none && upper < i {
			i = upper
		}
		if i == none || len(s)-i < len(w) {
			return false
		}
		if bytes.EqualFold(s[i:i+len(w)], []byte(w)) {
			return true
		}
		off = i + 1
	}
	return false
}

// indexFrom is the place of the first c in s at or after off, or -1.
func indexFrom(s []byte, off int, c byte) int {
	if i := bytes.IndexByte(s[off:], c); i >= 0 {
		return off + i
	}
	return -1
}
