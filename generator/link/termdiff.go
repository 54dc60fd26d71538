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
// It looks for the rarest letter of w (by the letters' frequency in
// English text) in either case, and compares w around each place it is
// found, keeping the next place of each case until it is passed: looking
// for the first letter, and both cases again at every candidate, took
// 92 ms of a definition edit at 5,000 pages for a word starting with 's'.
func containsFold(s []byte, w string) bool {
	if w[0] >= utf8.RuneSelf {
		return bytes.Contains(bytes.ToLower(s), []byte(w))
	}
	k := rarestByte(w)
	c := w[k]
	up := c
	if 'a' <= c && c <= 'z' {
		up = c - 'a' + 'A'
	}
	const unknown, none = -2, -1
	lower, upper := unknown, unknown
	if up == c {
		upper = none
	}
	for off := k; len(s)-(off-k) >= len(w); {
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
		if i == none || len(s)-(i-k) < len(w) {
			return false
		}
		if bytes.EqualFold(s[i-k:i-k+len(w)], []byte(w)) {
			return true
		}
		off = i + 1
	}
	return false
}

// letterFrequency ranks the lowercase letters from the most to the least
// frequent in English text.
const letterFrequency = "etaoinshrdlcumwfgypbvkjxqz"

// rarestByte is the place in w of its rarest ASCII byte: a byte that is
// no letter (a digit, a hyphen) counts as rarer than any letter.
func rarestByte(w string) int {
	best, bestRank := 0, -1
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			continue
		}
		rank := strings.IndexByte(letterFrequency, c)
		if rank < 0 {
			rank = len(letterFrequency)
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// indexFrom is the place of the first c in s at or after off, or -1.
func indexFrom(s []byte, off int, c byte) int {
	if i := bytes.IndexByte(s[off:], c); i >= 0 {
		return off + i
	}
	return -1
}
