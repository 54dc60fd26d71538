package link

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/series"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// Terms is the shared vocabulary: every definition by its title, abbreviation
// and synonyms.
type Terms struct {
	List   []*Page          // definitions sorted by title, case-insensitively
	byKey  map[string]*Page // lowercased title, abbr, synonym → definition
	folded *trieNode        // titles and synonyms, matched ignoring case
	exact  *trieNode        // abbreviations, matched as written: "CES" is a term, "ces" is not
	names  []string         // every key as written, for did-you-mean
	abbrs  map[string]bool  // the lowercased keys that are abbreviations: no plural of those
	// starts holds every form the first word of a key may take in text
	// (lowercased; plural; possessive): matching skips, with one hash, any
	// word of a text that is not one of them.
	starts *wordSet
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
	for _, plural := range []string{"", "s", "es"} {
		for _, possessive := range []string{"", "'", "'s"} {
			t.starts.add(wordHash([]byte(first + plural + possessive)))
		}
	}
}

// wordSet is a set of word hashes, a bit each: a few thousand words in a
// table small enough to stay in the CPU's cache. A hash in the set may be
// another word's (one word in thirty), which only costs a closer look.
type wordSet [1 << 18 / 64]uint64

func (s *wordSet) add(h uint32)      { h %= 1 << 18; s[h/64] |= 1 << (h % 64) }
func (s *wordSet) has(h uint32) bool { h %= 1 << 18; return s[h/64]&(1<<(h%64)) != 0 }

// wordHash is FNV-1a of a lowercased word.
func wordHash(lower []byte) uint32 {
	h := uint32(2166136261)
	for _, b := range lower {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}

// textWord returns the end of the word of text that starts at i, and the
// hash of the word lowercased.
func textWord(text []byte, i int) (end int, hash uint32) {
	h := uint32(2166136261)
	for end = i; end < len(text); end++ {
		c := text[end]
		if c >= utf8.RuneSelf {
			end = wordEnd(text, end)
			return end, wordHash([]byte(strings.ToLower(string(text[i:end]))))
		}
		if !asciiWord[c] {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return end, h
}

// Lookup finds a definition by title, abbreviation or synonym, ignoring
// case. A plural of a title or synonym ("[[touchpoints]]") finds it too, as
// autolinking does.
func (t *Terms) Lookup(name string) *Page {
	key := strings.ToLower(strings.TrimSpace(name))
	if def := t.byKey[key]; def != nil {
		return def
	}
	for _, suffix := range []string{"s", "es"} {
		if stem, ok := strings.CutSuffix(key, suffix); ok && len(stem) >= 4 && !t.abbrs[stem] {
			if def := t.byKey[stem]; def != nil {
				return def
			}
		}
	}
	return nil
}

// Summary is the hover text of a definition: its summary, else its description.
func Summary(def *Page) string {
	if def.Meta.Definition.Summary != "" {
		return def.Meta.Definition.Summary
	}
	return def.Meta.Description
}

// TermID is the anchor of a definition on the glossary page.
func TermID(def *Page) string { return "term-" + slug.ID(def.Title()) }

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

func init() {
	registerKind(kind.Definition, kindLinks{
		early: func(s *Site) diag.List { return s.indexTerms() },
		index: func(s *Site, _ map[string]*series.File) diag.List {
			s.Generated["/glossary/"] = s.Terms.anchors()
			return nil
		},
	})
}

func (s *Site) indexTerms() diag.List {
	t := &Terms{byKey: map[string]*Page{}, abbrs: map[string]bool{}, folded: &trieNode{}, exact: &trieNode{}, starts: new(wordSet)}
	s.Terms = t
	var diags diag.List
	for _, p := range s.Pages {
		if p.Kind == kind.Definition {
			t.List = append(t.List, p)
		}
	}
	sortByTitle(t.List, func(p *Page) *Page { return p })
	quiet := false // the original's names of a translation: taken only when free
	add := func(def *Page, key, field string, exact bool) {
		key = strings.TrimSpace(key)
		if key == "" {
			return
		}
		lower := strings.ToLower(key)
		if other, ok := t.byKey[lower]; ok {
			if other != def && !quiet {
				diags.Add(diag.AtLine(def.Path, def.Source, def.Meta.Line(field), 1,
					"term %q is already defined by %s; one vocabulary means one meaning: remove it here or there", key, other.Path))
			}
			return
		}
		t.byKey[lower] = def
		t.names = append(t.names, key)
		if field == "abbr" {
			t.abbrs[lower] = true
		}
		switch {
		case def.Meta.NoAutolink:
			return // linked only where a page writes [[term]]
		case field != "abbr" && utf8.RuneCountInString(key) <= 2:
			return // "IT", "Go", "UX" as a title: too many words look like it
		case allCaps(key):
			exact = true // an all-caps title ("ENGAGE") matches as written, like an abbreviation
		}
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
	// A name a translation shares with its original goes first: when two
	// translations write the same abbreviation, the one whose original has
	// it keeps it, and the clash is reported at the other.
	for _, def := range t.List {
		if def.Original == nil {
			continue
		}
		own := map[string]bool{strings.ToLower(strings.TrimSpace(def.Original.Meta.Definition.Abbr)): true}
		for _, syn := range def.Original.Meta.Definition.Synonyms {
			own[strings.ToLower(strings.TrimSpace(syn))] = true
		}
		if abbr := def.Meta.Definition.Abbr; own[strings.ToLower(strings.TrimSpace(abbr))] {
			add(def, abbr, "abbr", true)
		}
		for _, syn := range def.Meta.Definition.Synonyms {
			if own[strings.ToLower(strings.TrimSpace(syn))] {
				add(def, syn, "synonyms", false)
			}
		}
	}
	for _, def := range t.List {
		add(def, def.Meta.Definition.Abbr, "abbr", true)
		for _, syn := range def.Meta.Definition.Synonyms {
			add(def, syn, "synonyms", false)
		}
	}
	// A translated definition answers to its original's names too, where
	// no term of the language has them: a page shown untranslated, in the
	// default language's words, links the language's definition.
	quiet = true
	for _, def := range t.List {
		if o := def.Original; o != nil {
			add(def, o.Meta.Title, "title", false)
			add(def, o.Meta.Definition.Abbr, "abbr", true)
			for _, syn := range o.Meta.Definition.Synonyms {
				add(def, syn, "synonyms", false)
			}
		}
	}
	return diags
}

// allCaps reports a key written in capitals only ("ENGAGE", "Q3 OKR").
func allCaps(key string) bool {
	letters := 0
	for _, r := range key {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
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
// word that no term starts with is skipped whole, after one hash.
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
		end, hash := textWord(text, i)
		if !t.starts.has(hash) {
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

// longerName reports whether the mention text[start:end] is part of a
// longer proper name: it starts with a capital, and the capitalised run of
// words it is in goes on after it ("Customer Experience Week"), or starts
// before it with a word that does not begin a sentence ("the Northwind
// Customer Experience"). It returns the run.
func longerName(text []byte, start, end int) (from, to int, inside bool) {
	if r, _ := utf8.DecodeRune(text[start:]); !unicode.IsUpper(r) {
		return 0, 0, false
	}
	from, to = start, end
	for to < len(text) && text[to] == ' ' {
		next := to + 1
		if r, _ := utf8.DecodeRune(text[next:]); !unicode.IsUpper(r) {
			break
		}
		to = wordEnd(text, next)
	}
	for from > 1 && text[from-1] == ' ' {
		prev := from - 1
		wordStart := prev
		for wordStart > 0 {
			r, size := utf8.DecodeLastRune(text[:wordStart])
			if !isWordRune(r) {
				break
			}
			wordStart -= size
		}
		if wordStart == prev || sentenceStart(text, wordStart) {
			break
		}
		if r, _ := utf8.DecodeRune(text[wordStart:]); !unicode.IsUpper(r) {
			break
		}
		from = wordStart
	}
	return from, to, from < start || to > end
}

// sentenceStart reports whether the word at i begins a sentence (or the
// run of text: what came before it is not known here), where any word is
// capitalised.
func sentenceStart(text []byte, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return true
	}
	switch text[j-1] {
	case '.', '!', '?', ':', '\n', '"', '(':
		return true
	}
	return false
}
