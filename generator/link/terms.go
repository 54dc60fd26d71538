package link

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/markdown"
)

// Terms is the shared vocabulary: every definition by its title, abbreviation
// and synonyms.
type Terms struct {
	List   []*Page          // definitions sorted by title, case-insensitively
	byKey  map[string]*Page // lowercased title, abbr, synonym → definition
	folded *trieNode        // titles and synonyms, matched ignoring case
	exact  *trieNode        // abbreviations, matched as written: "CES" is a term, "ces" is not
	names  []string         // every key as written, for did-you-mean
	// starts holds the first word (lowercased) of every key: a cheap test
	// that lets matching skip most words of a text at once; prefixes is a
	// cheaper one still, on the first three letters of those words.
	starts   map[string]bool
	prefixes *[prefixSlots]bool
}

func (t *Terms) addStart(key string) {
	end := 0
	for end < len(key) {
		r, size := utf8.DecodeRuneInString(key[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	first := strings.ToLower(key[:end])
	t.starts[first] = true
	t.prefixes[prefixKey(first)] = true
}

// prefixKey folds the first three bytes of a lowercased word into a small
// number: an array lookup that turns away most words before the map lookup.
// The three bytes come before any plural ending of a word of four letters or
// more, which are the only words matched with one; an apostrophe ends them
// ("CX's" is a mention of CX).
func prefixKey(lower string) uint16 {
	var h uint16
	for i := 0; i < 3 && i < len(lower) && lower[i] != '\''; i++ {
		h = h*31 + uint16(lower[i])
	}
	return h & (prefixSlots - 1)
}

const prefixSlots = 1 << 14

// wordPrefixKey is prefixKey of a word of text, lowercasing ASCII as it goes.
func wordPrefixKey(word []byte) (uint16, bool) {
	var h uint16
	for i := 0; i < 3 && i < len(word) && word[i] != '\''; i++ {
		b := word[i]
		if b >= 0x80 {
			return 0, false // not ASCII: leave it to the full test
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		h = h*31 + uint16(b)
	}
	return h & (prefixSlots - 1), true
}

// mayStart reports whether some key starts with the word, or with the word
// less a plural ending.
func (t *Terms) mayStart(word []byte) bool {
	var buf [64]byte
	lower := buf[:0]
	for _, b := range word {
		if b >= 0x80 || len(lower) == len(buf) {
			lower = []byte(strings.ToLower(string(word)))
			break
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		lower = append(lower, b)
	}
	if t.starts[string(lower)] {
		return true
	}
	// "customers'", "customer's" and "customers's" are mentions of customer.
	if n := len(lower) - 2; n > 0 && string(lower[n:]) == "'s" {
		lower = lower[:n]
	} else {
		lower = bytes.TrimSuffix(lower, []byte("'"))
	}
	if t.starts[string(lower)] {
		return true
	}
	for _, suffix := range []string{"s", "es"} {
		if n := len(lower) - len(suffix); n > 0 && string(lower[n:]) == suffix && t.starts[string(lower[:n])] {
			return true
		}
	}
	return false
}

// Lookup finds a definition by title, abbreviation or synonym, ignoring case.
func (t *Terms) Lookup(name string) *Page { return t.byKey[strings.ToLower(strings.TrimSpace(name))] }

// Summary is the hover text of a definition: its summary, else its description.
func Summary(def *Page) string {
	if def.Meta.Summary != "" {
		return def.Meta.Summary
	}
	return def.Meta.Description
}

// TermID is the anchor of a definition on the glossary page.
func TermID(def *Page) string { return "term-" + markdown.Slug(def.Title()) }

func (t *Terms) anchors() map[string]bool {
	a := map[string]bool{}
	for _, d := range t.List {
		a[TermID(d)] = true
		if l := Letter(d.Title()); l != "" {
			a["letter-"+strings.ToLower(l)] = true
		}
	}
	return a
}

// Letter is the A–Z heading a term is filed under ("#" for digits and symbols).
func Letter(title string) string {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(title))
	if unicode.IsLetter(r) {
		return strings.ToUpper(string(r))
	}
	return "#"
}

func (s *Site) indexTerms() diag.List {
	t := &Terms{byKey: map[string]*Page{}, folded: &trieNode{}, exact: &trieNode{}, starts: map[string]bool{}, prefixes: new([prefixSlots]bool)}
	s.Terms = t
	var diags diag.List
	for _, p := range s.Pages {
		if p.Kind == KindDefinition {
			t.List = append(t.List, p)
		}
	}
	sort.SliceStable(t.List, func(i, j int) bool {
		a, b := strings.ToLower(t.List[i].Title()), strings.ToLower(t.List[j].Title())
		if a != b {
			return a < b
		}
		return t.List[i].URL < t.List[j].URL
	})
	add := func(def *Page, key, field string, exact bool) {
		key = strings.TrimSpace(key)
		if key == "" {
			return
		}
		lower := strings.ToLower(key)
		if other, ok := t.byKey[lower]; ok {
			if other != def {
				diags.Add(diag.AtLine(def.Path, def.Source, def.Meta.Line(field), 1,
					"term %q is already defined by %s; one vocabulary means one meaning: remove it here or there", key, other.Path))
			}
			return
		}
		t.byKey[lower] = def
		t.names = append(t.names, key)
		t.addStart(key)
		if exact {
			t.exact.insert(key, def)
		} else {
			t.folded.insert(lower, def)
		}
	}
	for _, def := range t.List {
		add(def, def.Title(), "title", false)
	}
	for _, def := range t.List {
		add(def, def.Meta.Abbr, "abbr", true)
		for _, syn := range def.Meta.Synonyms {
			add(def, syn, "synonyms", false)
		}
	}
	return diags
}

// TermMatch is a mention of a defined term in a run of text.
type TermMatch struct {
	Start, End int // byte offsets in the text
	Def        *Page
}

// trieNode is a node of a trie of keys by rune. Its children are a short
// list, not a map: past the first letters most nodes have one child, and a
// scan of a few runes is quicker than hashing one.
type trieNode struct {
	runes []rune
	next  []*trieNode // next[i] follows runes[i]
	def   *Page
}

func (t *trieNode) child(r rune) *trieNode {
	for i, c := range t.runes {
		if c == r {
			return t.next[i]
		}
	}
	return nil
}

func (t *trieNode) insert(key string, def *Page) {
	n := t
	for _, r := range key {
		c := n.child(r)
		if c == nil {
			c = &trieNode{}
			n.runes = append(n.runes, r)
			n.next = append(n.next, c)
		}
		n = c
	}
	if n.def == nil {
		n.def = def
	}
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord is isWordRune for ASCII, the bulk of most text.
var asciiWord = func() (t [0x80]bool) {
	for c := range t {
		r := rune(c)
		t[c] = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == '-' || r == '\''
	}
	return t
}()

// match finds mentions of terms in text: whole words only, longest first,
// never overlapping. A folded match may end in a plural "s" or "es".
// It reads every byte of every page, so ASCII is classed by table, and a
// word that no term starts with is skipped whole.
func (t *Terms) match(text []byte) []TermMatch {
	var out []TermMatch
	inWord := false // text[i-1] ends a word character
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] || inWord {
				inWord = asciiWord[c]
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRune(text[i:])
			if w := isWordRuneSlow(r); !w || inWord {
				inWord = w
				i += size
				continue
			}
		}
		end := wordEnd(text, i)
		if k, ascii := wordPrefixKey(text[i:end]); ascii && !t.prefixes[k] || !t.mayStart(text[i:end]) {
			i, inWord = end, true // no term starts with this word
			continue
		}
		if e, def := t.longest(text, i); def != nil {
			out = append(out, TermMatch{Start: i, End: e, Def: def})
			r, _ := utf8.DecodeLastRune(text[:e])
			i, inWord = e, isWordRune(r)
			continue
		}
		i, inWord = end, true
	}
	return out
}

// wordEnd returns where the word that starts at i ends.
func wordEnd(text []byte, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if !isWordRuneSlow(r) {
			return i
		}
		i += size
	}
	return i
}

func (t *Terms) longest(text []byte, start int) (int, *Page) {
	bestEnd, best := -1, (*Page)(nil)
	try := func(root *trieNode, fold bool) {
		n := root
		for i := start; i < len(text) && n != nil; {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(text[i:])
				if fold {
					r = unicode.ToLower(r)
				}
			} else if fold && 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			n = n.child(r)
			i += size
			if n == nil || n.def == nil {
				continue
			}
			for _, suffix := range pluralSuffixes(fold, i-start) {
				end := i + len(suffix)
				if end > len(text) || !bytes.EqualFold(text[i:end], []byte(suffix)) {
					continue
				}
				if boundary(text, end) && end > bestEnd {
					bestEnd, best = end, n.def
				}
			}
		}
	}
	try(t.folded, true)
	try(t.exact, false)
	return bestEnd, best
}

func pluralSuffixes(fold bool, keyLen int) []string {
	if fold && keyLen >= 4 {
		return []string{"", "s", "es"}
	}
	return []string{""}
}

func boundary(text []byte, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRune(text[i:])
	if r == '-' || r == '\'' {
		// "customer-centric" is not a mention of "customer"; "NPS's" is
		// one of NPS, "NPS'sX" is not.
		next, size := utf8.DecodeRune(text[i+1:])
		if r == '\'' && next == 's' {
			end := i + 1 + size
			after, _ := utf8.DecodeRune(text[end:])
			return end >= len(text) || !isWordRune(after)
		}
		return r == '\'' && !isWordRune(next)
	}
	return !isWordRune(r)
}
