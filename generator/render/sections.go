package render

import (
	"bytes"
	"hash"
	"hash/fnv"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
)

// What changed inside a page: the manifest keeps, for each page, a hash and
// a word count of each of its sections (the text before the first heading,
// then each ## and ### heading with the text up to the next), so that a
// later edition can say which sections were added, removed or reworded,
// and how much of the page that is.

// ManifestSection is a section of a page. ID is its heading's id ("" for
// the text before the first heading).
type ManifestSection struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Hash  string `json:"hash"`
	Words int    `json:"words"`
}

// PageChange is a page added, removed or changed, with its kind and, for a
// changed page, what changed in it.
type PageChange struct {
	Title, URL string
	Kind       string // "page", "section", "definition", "metric", "journey", "home"
	KindText   string // "Definition", "Metric", ...
	Added      []string
	Removed    []string
	Reworded   []string
	Words      int // words in the sections added, removed and reworded
	Total      int // words of the page now (or then, for a removed page)
}

// Sized reports whether the change is known section by section.
func (c PageChange) Sized() bool { return c.Total > 0 || c.Words > 0 }

// Percent is the share of the page's words in changed sections, at least 1.
func (c PageChange) Percent() int {
	if c.Total == 0 {
		return 100
	}
	return max(1, min(100, c.Words*100/c.Total))
}

// kindOf is a manifest page's kind; an older manifest without kinds is
// read from the path, as the sections of a site are fixed.
func kindOf(p ManifestPage) string {
	if p.Kind != "" {
		return p.Kind
	}
	for _, k := range kind.Table {
		if prefix := k.Folder + "/"; k.Folder != "" && strings.HasPrefix(p.Path, prefix) && p.Path != prefix {
			return string(k.Name)
		}
	}
	if p.Path == "" {
		return "home"
	}
	return "page"
}

func pageChange(p ManifestPage) PageChange {
	name := kindOf(p)
	text := kind.Of(kind.Name(name)).Label
	if text == "" { // a kind an older or newer shiftbook wrote
		text = "Page"
	}
	return PageChange{Title: p.Title, URL: p.Path, Kind: name, KindText: text, Total: words(p.Sections)}
}

func words(sections []ManifestSection) int {
	n := 0
	for _, s := range sections {
		n += s.Words
	}
	return n
}

// diffSections fills in what changed between a page's sections then and now.
// Without sections on both sides (an edition made before they were kept)
// nothing more than "changed" can be said.
func diffSections(c *PageChange, old, cur []ManifestSection) {
	if old == nil || cur == nil {
		c.Total = 0
		return
	}
	was := map[string]ManifestSection{}
	for _, s := range old {
		was[s.ID] = s
	}
	now := map[string]bool{}
	for _, s := range cur {
		now[s.ID] = true
		o, ok := was[s.ID]
		switch {
		case !ok:
			c.Added = append(c.Added, sectionName(s))
			c.Words += s.Words
		case o.Hash != s.Hash:
			c.Reworded = append(c.Reworded, sectionName(s))
			c.Words += max(s.Words, o.Words)
		}
	}
	for _, s := range old {
		if !now[s.ID] {
			c.Removed = append(c.Removed, sectionName(s))
			c.Words += s.Words
		}
	}
}

func sectionName(s ManifestSection) string {
	if s.ID == "" {
		return "the introduction"
	}
	return "“" + s.Title + "”"
}

// pageSections splits a page's body at its ## and ### headings. Each
// section's hash is of its HTML with the placeholders resolved (a link's
// target, a shortcode's name and arguments), so that a link added in one
// section does not make the next one look reworded. The resolved HTML is
// never made: its pieces go straight into the hash and the word count.
func pageSections(p *link.Page) []ManifestSection {
	if p.Body == nil {
		return []ManifestSection{}
	}
	buf := bodyBufs.Get().(*[]byte)
	defer bodyBufs.Put(buf)
	src := p.Body.ReadInto(buf)
	titles := map[string]string{}
	for _, h := range p.Body.Headings {
		titles[h.ID] = h.Text
	}
	var out []ManifestSection
	start, id := 0, ""
	flush := func(end int) {
		chunk := src[start:end]
		if id == "" && len(bytes.TrimSpace(chunk)) == 0 {
			return
		}
		var sum sectionSum
		sum.h = fnv.New64a()
		resolvePlaceholders(&sum, p, chunk)
		out = append(out, ManifestSection{ID: id, Title: titles[id], Hash: hex16(sum.h.Sum64()), Words: sum.words.n})
	}
	for i := 0; i < len(src); {
		j := nextHeading(src[i:])
		if j < 0 {
			break
		}
		at := i + j
		flush(at)
		id = headingID(src[at:])
		start = at
		i = at + 4
	}
	flush(len(src))
	if out == nil {
		return []ManifestSection{}
	}
	return out
}

// hex16 is fmt.Sprintf("%016x", v).
func hex16(v uint64) string {
	s := strconv.FormatUint(v, 16)
	return strings.Repeat("0", 16-len(s)) + s
}

// sectionSum takes a section's resolved HTML piece by piece: its hash and
// its words, as if of the whole.
type sectionSum struct {
	h     hash.Hash64
	words wordCount
}

func (s *sectionSum) Write(b []byte) {
	s.h.Write(b)
	s.words.write(b)
}

func (s *sectionSum) WriteString(t string) {
	io.WriteString(s.h, t)
	s.words.write([]byte(t))
}

// nextHeading finds the next <h2 or <h3 tag.
func nextHeading(b []byte) int {
	for off := 0; ; {
		k := bytes.Index(b[off:], []byte("<h"))
		if k < 0 {
			return -1
		}
		k += off
		if k+3 < len(b) && (b[k+2] == '2' || b[k+2] == '3') && (b[k+3] == ' ' || b[k+3] == '>') {
			return k
		}
		off = k + 2
	}
}

// headingID reads the id of the heading tag at the start of b, without the
// id prefix placeholder.
func headingID(b []byte) string {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return ""
	}
	tag := b[:end]
	i := bytes.Index(tag, []byte(`id="`))
	if i < 0 {
		return ""
	}
	v := tag[i+4:]
	if q := bytes.IndexByte(v, '"'); q >= 0 {
		v = v[:q]
	}
	return html.UnescapeString(strings.ReplaceAll(string(v), link.IDPrefix, ""))
}

// resolvePlaceholders writes a body chunk into w with its placeholders
// replaced by what they stand for, independent of where the page is shown.
func resolvePlaceholders(w *sectionSum, p *link.Page, chunk []byte) {
	for {
		before, ph, rest, ok := link.NextPlaceholder(chunk)
		w.Write(before)
		if !ok {
			return
		}
		chunk = rest
		n := ph.N
		switch ph.Kind {
		case link.PlaceLink:
			if n < len(p.Targets) {
				w.WriteString(p.Targets[n])
			}
		case link.PlaceTerm:
			// The link, not its tooltip: a definition's summary is
			// not the page's words.
			if n < len(p.Targets) {
				w.WriteString(`<a href="` + p.Targets[n] + `">`)
			}
		case link.PlaceTermEnd:
			w.WriteString(`</a>`)
		case link.PlaceShortcode:
			if n < len(p.Body.Shortcodes) {
				sc := p.Body.Shortcodes[n]
				w.WriteString("{{" + sc.Name + " " + strings.Join(sc.Args, " ") + "}}")
			}
		}
	}
}

// wordCount counts the words of HTML text given piece by piece: runs of
// bytes that are neither white space nor inside a tag.
type wordCount struct {
	n       int
	in, tag bool
}

// wordBytes sorts the bytes outside a tag: a word's, white space, or '<'.
var wordBytes = func() (t [256]byte) {
	for _, c := range []byte(" \n\t\r") {
		t[c] = wordSpace
	}
	t['<'] = wordTag
	return t
}()

const (
	wordLetter = iota
	wordSpace
	wordTag
)

func (w *wordCount) write(h []byte) {
	n, in, tag := w.n, w.in, w.tag
	for i := 0; i < len(h); i++ {
		if tag {
			// Inside a tag only its end counts ('<' there changes nothing).
			j := bytes.IndexByte(h[i:], '>')
			if j < 0 {
				break
			}
			i += j
			tag = false
			continue
		}
		switch wordBytes[h[i]] {
		case wordTag:
			tag, in = true, false
		case wordSpace:
			in = false
		default:
			if !in && h[i] != '>' {
				n++
				in = true
			}
		}
	}
	w.n, w.in, w.tag = n, in, tag
}
