package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Doc is one document of the index: what a result shows, and the text it
// is found by. Its file (search/d/N.js) holds it as JSON with these short
// keys, empty fields left out:
//
//	t  title
//	u  URL relative to the site root ("" is the home page), so the index
//	   works under any path prefix
//	s  title of the section the page is in
//	k  kind: home, section, definition, metric or journey; none for a page
//	w  keywords: a definition's abbreviation and synonyms, a metric's id, a
//	   journey's persona
//	d  summary
//	h  headings (indexed, left out of the file: a result does not show them)
//	x  the start of the readable text
type Doc struct {
	Title    string   `json:"t"`
	URL      string   `json:"u"`
	Section  string   `json:"s,omitempty"`
	Kind     string   `json:"k,omitempty"`
	Keywords []string `json:"w,omitempty"`
	Summary  string   `json:"d,omitempty"`
	Headings []string `json:"h,omitempty"`
	Text     string   `json:"x,omitempty"`
	// Fallback marks, in a language other than the default, a page shown
	// in the default language's text (not translated yet); Translated
	// lists, in the default language, the languages that translate the
	// page. With them the search box of one language can show another's
	// hits without showing the same text twice (themes' languages.js).
	// Both are empty on a site of one language.
	Fallback   bool     `json:"f,omitempty"`
	Translated []string `json:"tr,omitempty"`
}

// The fields a token is found in, one bit each, in the order a posting
// lists them (site.js: TITLE … SECTION).
const (
	fieldTitle = 1 << iota
	fieldKeyword
	fieldHeading
	fieldSummary
	fieldBody
	fieldSection
	fields = 6
)

// boosted are the kinds ranked a little higher (site.js: KIND_BOOST).
var boosted = map[string]bool{"definition": true, "metric": true}

// DocsPerShard sets how many token shards an index has: one per this many
// documents. At the corpus's 1 KB of postings a document, a shard is about
// 40 KB before compression, and a word's shard is all a query word needs.
const DocsPerShard = 160

// Dir is the folder of the index in the output.
const Dir = "search/"

// ManifestPath is the file a page loads first.
const ManifestPath = Dir + "index.js"

// Paths lists the files of an index of n documents, sorted: the manifest,
// the token shards and a file per document. They are known from the count
// alone, before the index is made.
func Paths(n int) []string {
	out := []string{ManifestPath}
	for i := range shardCount(n) {
		out = append(out, shardPath(i))
	}
	for i := range n {
		out = append(out, docPath(i))
	}
	sort.Strings(out)
	return out
}

func shardCount(n int) int { return max(1, (n+DocsPerShard-1)/DocsPerShard) }
func shardPath(i int) string {
	return Dir + "t/" + strconv.Itoa(i) + ".js"
}
func docPath(i int) string { return Dir + "d/" + strconv.Itoa(i) + ".js" }

// posting is where a token occurs in one document: the fields, and its
// places in the title (name 0) and the keywords (name 1, 2, …) as codes
// (name*256 + position)*2 + 1 if it is the name's last word, from which
// site.js tells a title the query spells, begins or holds as a phrase.
// posting is one document of a token's list. A site has millions (a
// token list per word of every page), so it is small: most have no places.
type posting struct {
	doc  int32
	mask uint8
	occ  *[]int // the token's places in the title and keywords; nil: none
}

// places is p's places in the title and keywords.
func (p posting) places() []int {
	if p.occ == nil {
		return nil
	}
	return *p.occ
}

// Files makes the index of docs: every path of Paths(len(docs)) with its
// content. The same docs give the same bytes.
func Files(docs []Doc) (map[string][]byte, error) {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	// Documents are numbered by the length of their title, then URL: the
	// order site.js breaks a tie in score by.
	tlen := make([]int, len(docs))
	for i, d := range docs {
		tlen[i] = len(utf16.Encode([]rune(d.Title)))
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if tlen[i] != tlen[j] {
			return tlen[i] < tlen[j]
		}
		return docs[i].URL < docs[j].URL
	})
	post := map[string][]posting{}
	x := &indexer{post: post}
	for n, i := range order {
		x.indexDoc(n, &docs[i])
	}
	tokens := make([]string, 0, len(post))
	for t := range post {
		tokens = append(tokens, t)
	}
	sort.Strings(tokens)

	enc := make([]string, len(tokens))
	total := 0
	for i, t := range tokens {
		enc[i] = encodePostings(post[t])
		total += len(enc[i]) + len(t)
	}
	shards := shardCount(len(docs))
	limit := max(2*total/shards, 4096)
	merged := bigPrefixes(tokens, enc, limit)

	// The key stream: every token and merged prefix, sorted, a prefix
	// before the token that spells it. Each goes to the shard its place in
	// the stream falls in, so shards are about equal in size.
	type key struct {
		text   string
		merged bool
		data   string
	}
	keys := make([]key, 0, len(tokens)+len(merged))
	for i, t := range tokens {
		keys = append(keys, key{text: t, data: enc[i]})
	}
	for _, p := range merged {
		lo := sort.SearchStrings(tokens, p)
		hi := lo
		for hi < len(tokens) && strings.HasPrefix(tokens[hi], p) {
			hi++
		}
		var lists [][]posting
		for _, t := range tokens[lo:hi] {
			lists = append(lists, post[t])
		}
		keys = append(keys, key{text: p, merged: true, data: encodePostings(mergePostings(lists, len(docs)))})
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].text != keys[b].text {
			return keys[a].text < keys[b].text
		}
		return keys[a].merged && !keys[b].merged
	})
	streamSize := 0
	for _, k := range keys {
		streamSize += len(k.text) + len(k.data)
	}
	type shard struct {
		Tokens  [][2]string `json:"t"`
		Merged  [][2]string `json:"m,omitempty"`
		first   string
		nonzero bool
	}
	out := make([]shard, shards)
	at, s := 0, 0
	for i, k := range keys {
		if i == 0 || keys[i-1].text != k.text {
			s = min(shards-1, at*shards/max(streamSize, 1))
		}
		at += len(k.text) + len(k.data)
		sh := &out[s]
		if !sh.nonzero {
			sh.first, sh.nonzero = k.text, true
		}
		if k.merged {
			sh.Merged = append(sh.Merged, [2]string{k.text, k.data})
		} else {
			sh.Tokens = append(sh.Tokens, [2]string{k.text, k.data})
		}
	}

	files := map[string][]byte{}
	payloads := map[string][]byte{}
	for i := range out {
		if out[i].Tokens == nil {
			out[i].Tokens = [][2]string{}
		}
		b, err := encodeJSON(out[i])
		if err != nil {
			return nil, err
		}
		payloads[shardPath(i)] = b
	}
	for n, i := range order {
		// A result shows no headings: they are found by, not shown.
		d := docs[i]
		d.Headings = nil
		b, err := encodeJSON(d)
		if err != nil {
			return nil, err
		}
		payloads[docPath(n)] = b
	}
	// The version names this index's content: the manifest asks for every
	// other file with it (?v=), so a browser never mixes a cached shard of
	// an older build with a newer manifest.
	h := sha256.New()
	paths := make([]string, 0, len(payloads))
	for p := range payloads {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(payloads[p])
		h.Write([]byte{0})
	}
	firsts := make([]*string, shards)
	for i := range out {
		if out[i].nonzero {
			firsts[i] = &out[i].first
		}
	}
	boost := make([]int, 0)
	for n, i := range order {
		if boosted[docs[i].Kind] {
			boost = append(boost, n)
		}
	}
	var bs strings.Builder
	writeDocs(&bs, boost)
	manifest, err := encodeJSON(struct {
		Version string    `json:"v"`
		Docs    int       `json:"n"`
		Boost   string    `json:"b"`
		Shards  []*string `json:"s"`
	}{hex.EncodeToString(h.Sum(nil))[:12], len(docs), bs.String(), firsts})
	if err != nil {
		return nil, err
	}
	payloads[ManifestPath] = manifest
	for p, b := range payloads {
		files[p] = wrap(p, b)
	}
	return files, nil
}

// wrap makes a file a script that hands its JSON to site.js: loaded as a
// script, not fetched, the index also works from file://, where browsers
// refuse fetch. The JSON escapes <, >, &, U+2028 and U+2029, so it is inert
// as script text too.
func wrap(path string, payload []byte) []byte {
	id := ID(path)
	var b bytes.Buffer
	b.Grow(len(payload) + len(id) + 32)
	b.WriteString(`ShiftbookSearch.loaded("`)
	b.WriteString(id)
	b.WriteString(`",`)
	b.Write(payload)
	b.WriteString(");\n")
	return b.Bytes()
}

// ID is the name site.js gives the file at path (ShiftbookSearch.loaded's
// first argument).
func ID(path string) string { return strings.TrimSuffix(strings.TrimPrefix(path, Dir), ".js") }

func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// indexer adds documents' postings, reusing its per-document scratch.
type indexer struct {
	post map[string][]posting
	// mine is the document's tokens, each an index into built.
	mine  map[string]int32
	built []building
	toks  []string
}

type building struct {
	token string
	mask  uint8
	occ   []int
}

// indexDoc adds the postings of document n.
func (x *indexer) indexDoc(n int, d *Doc) {
	if x.mine == nil {
		x.mine = map[string]int32{}
	}
	clear(x.mine)
	x.built = x.built[:0]
	add := func(text string, bit uint8, name int) {
		ts := AppendTokens(x.toks[:0], text)
		x.toks = ts
		for pos, t := range ts {
			k, ok := x.mine[t]
			if !ok {
				k = int32(len(x.built))
				x.mine[t] = k
				x.built = append(x.built, building{token: t})
			}
			p := &x.built[k]
			p.mask |= bit
			if name >= 0 && pos < 256 {
				last := 0
				if pos == len(ts)-1 {
					last = 1
				}
				p.occ = append(p.occ, (name*256+pos)*2+last)
			}
		}
	}
	add(d.Title, fieldTitle, 0)
	for j, w := range d.Keywords {
		add(w, fieldKeyword, j+1)
	}
	for _, h := range d.Headings {
		add(h, fieldHeading, -1)
	}
	add(d.Summary, fieldSummary, -1)
	add(d.Text, fieldBody, -1)
	add(d.Section, fieldSection, -1)
	for i := range x.built {
		p := &x.built[i]
		done := posting{doc: int32(n), mask: p.mask}
		if len(p.occ) > 0 {
			sort.Ints(p.occ)
			occ := p.occ
			done.occ = &occ
		}
		x.post[p.token] = append(x.post[p.token], done)
	}
	clear(x.built) // the next document's places start afresh
}

// encodePostings writes a token's postings (ascending by document): for
// each field its document set, then the name places, parts ended by sep
// and trailing empty parts left out.
func encodePostings(ps []posting) string {
	var b strings.Builder
	parts := make([]string, 0, fields+1)
	var docs []int
	for f := range fields {
		docs = docs[:0]
		for _, p := range ps {
			if p.mask&(1<<f) != 0 {
				docs = append(docs, int(p.doc))
			}
		}
		var part strings.Builder
		writeDocs(&part, docs)
		parts = append(parts, part.String())
	}
	var occ strings.Builder
	prev := -1
	for _, p := range ps {
		places := p.places()
		if len(places) == 0 {
			continue
		}
		writeVLQ(&occ, int(p.doc)-prev-1)
		prev = int(p.doc)
		writeVLQ(&occ, len(places))
		for _, c := range places {
			writeVLQ(&occ, c)
		}
	}
	parts = append(parts, occ.String())
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

// bigPrefixes lists, sorted, the prefixes of tokens whose tokens' postings
// add up to more than limit. site.js reads such a prefix's postings merged
// into one (a short query word matches thousands of tokens), and any other
// prefix's tokens from at most a shard or two.
func bigPrefixes(tokens, enc []string, limit int) []string {
	size := map[string]int{}
	for i, t := range tokens {
		for j := range t {
			if j > 0 {
				size[t[:j]] += len(enc[i]) + len(t)
			}
		}
		size[t] += len(enc[i]) + len(t)
	}
	var out []string
	for p, s := range size {
		if s > limit && utf8.ValidString(p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// mergePostings is the union of posting lists: per document the fields
// OR-ed and the name places joined.
func mergePostings(lists [][]posting, docs int) []posting {
	mask := make([]uint8, docs)
	occ := map[int][]int{}
	for _, l := range lists {
		for _, p := range l {
			mask[p.doc] |= p.mask
			if places := p.places(); len(places) > 0 {
				occ[int(p.doc)] = append(occ[int(p.doc)], places...)
			}
		}
	}
	var out []posting
	for d, m := range mask {
		if m == 0 {
			continue
		}
		done := posting{doc: int32(d), mask: m}
		if o := occ[d]; len(o) > 0 {
			sort.Ints(o)
			o = dedupe(o)
			done.occ = &o
		}
		out = append(out, done)
	}
	return out
}

func dedupe(a []int) []int {
	if len(a) < 2 {
		return a
	}
	out := a[:1]
	for _, v := range a[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}
