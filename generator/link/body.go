package link

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/work"
)

// A page body is rendered to HTML once, here, with placeholders (see
// placeholder.go) where the HTML depends on where it is shown or on the
// rest of the site; and no syntax tree outlives this step, which keeps a
// large site's memory small.

// Body is a page's markdown rendered with placeholders, and what the body
// refers to.
type Body struct {
	HTML       []byte
	Headings   []markdown.Heading
	IDs        map[string]bool
	Links      []markdown.Link // Links[n] is placeholder L n; URL not yet known
	Shortcodes []*markdown.Shortcode
	Uses       []string // paths of the definitions used, in first-use order
	Text       string   // the start of the readable text, for the search index
	Diags      diag.List
	Minified   bool // HTML went through Bodies.Minify

	resolved []*resolution // the last resolutions of Links and Shortcodes, one per language
	// targetsSum is this body's page's part of Site.targetsFingerprint
	// (see pageTargets), at targetsURL and targetsPath.
	targetsURL, targetsPath string
	targetsSum              uint64

	// spill holds HTML instead of the field (see Spill): spillLen bytes at spillAt.
	spill    *Spill
	spillAt  int64
	spillLen int
}

// Bodies caches rendered bodies between builds, by file content and by the
// vocabulary they were autolinked with: a body is rendered again only when
// its file or the set of terms changed.
type Bodies struct {
	// Release drops each page's source once its body is rendered: for a
	// build that is not rebuilt, where sources are a quarter of the memory.
	// Diagnostics made after that are placed later (diag.List.Place) from
	// the few files they name, read again; they carry no fix.
	Release bool
	// Minify, when set, minifies each body once, placeholders and all, so
	// that a body shown twice (on its page and in the book) is not
	// minified twice. Placeholders pass through a minifier that keeps
	// attribute quotes: they hold no white space and no markup.
	Minify func(w io.Writer, html []byte) error
	// Spill, when set with Release, holds each body's HTML once rendered,
	// instead of memory (Body.Bytes reads it back).
	Spill *Spill

	mu      sync.Mutex
	entries map[string]bodyEntry
	// keys and autolink are the vocabulary (Terms.termKeys) and the
	// autolink setting every entry is good for; keys is nil before the
	// first build.
	keys     map[string]string
	autolink bool
	buffers  sync.Pool // of *bytes.Buffer, reused between bodies: grown once, not for every page
}

type bodyEntry struct {
	hash, terms uint64
	body        *Body
}

// NewBodies makes an empty cache.
func NewBodies() *Bodies { return &Bodies{entries: map[string]bodyEntry{}} }

// renderBodies renders every page's body, from the cache where it can, in
// parallel, and reports how many were rendered.
func (s *Site) renderBodies(ctx context.Context, md *markdown.Engine, cache *Bodies, hashes map[string]uint64, workers int) int {
	if cache == nil {
		cache = NewBodies()
	}
	autolink := s.Config.Glossary.Autolink
	termsHash := s.Terms.fingerprint(autolink)
	var todo []*Page
	cache.mu.Lock()
	keys := s.Terms.termKeys()
	// The first words of the names the vocabulary changed since the
	// cached bodies were made; all of them when that is not known.
	var changed []string
	known := cache.keys != nil && cache.autolink == autolink
	if known {
		changed = changedWords(cache.keys, keys)
	}
	live := make(map[string]bodyEntry, len(s.Pages))
	for _, p := range s.Pages {
		if p.Body != nil {
			// Another language's (Input.Body): this page's source is not needed.
			if cache.Release {
				p.Source, p.Page.Body = nil, nil
			}
			continue
		}
		if p.Virtual || p.Unread {
			p.Body = &Body{IDs: map[string]bool{}}
			continue
		}
		e, ok := cache.entries[p.Path]
		if ok && e.hash == hashes[p.Path] && (e.terms == termsHash || known && unchangedBy(e.body, p, changed)) {
			p.Body = e.body
			live[p.Path] = bodyEntry{hash: e.hash, terms: termsHash, body: e.body}
			continue
		}
		todo = append(todo, p)
	}
	cache.mu.Unlock()

	work.Each(ctx, workers, len(todo), func(i int) {
		p := todo[i]
		p.Body = s.renderBody(md, p, cache)
		if cache.Release {
			p.Source, p.Page.Body = nil, nil
		}
	})
	if ctx.Err() != nil {
		return len(todo) // stopped: the cache keeps what it had
	}

	cache.mu.Lock()
	if !cache.Release {
		for _, p := range todo {
			live[p.Path] = bodyEntry{hash: hashes[p.Path], terms: termsHash, body: p.Body}
		}
		cache.entries = live
		cache.keys, cache.autolink = keys, autolink
	}
	cache.mu.Unlock()
	return len(todo)
}

// unchangedBy reports whether a body made from p's file, unchanged, is
// the same under a vocabulary whose changed names start with the words
// changed (see termdiff.go). A body with problems is made again: a
// did-you-mean may name a new term.
func unchangedBy(b *Body, p *Page, changed []string) bool {
	return len(changed) == 0 || len(b.Diags) == 0 && !mentionsAny(p.Page.Body, changed)
}

func (s *Site) renderBody(md *markdown.Engine, p *Page, cache *Bodies) *Body {
	doc := md.Parse(p.Page.Body)
	if deep := doc.TooDeep; deep != nil {
		b := &Body{IDs: doc.IDs}
		b.Diags.Add(diag.At(p.Path, p.Source, p.BodyOffset+deep.Offset,
			"this line is nested too deep to read: lists inside lists (or quotes inside quotes, or ::: admonitions inside admonitions) deeper than about %d levels; flatten the list, or split it into sections with headings",
			markdown.MaxNesting))
		return b
	}
	doc.DropTitle(p.Title(), p.TitleFromBody) // the layout shows the title
	b := &Body{Headings: doc.Headings, IDs: doc.IDs, Shortcodes: doc.Shortcodes, Text: searchText(doc.TextUpTo(2 * MaxSearchText))}
	for _, e := range doc.RawErrors {
		b.Diags.Add(diag.At(p.Path, p.Source, p.BodyOffset+e.Offset, "%s", e.Message))
	}
	for _, d := range doc.Dropped {
		b.Diags.Add(diag.Warning(diag.At(p.Path, p.Source, p.BodyOffset+d.Offset, "%s", droppedHTML(s.Config.RawHTML(), d.Tag))))
	}
	for _, a := range doc.Admonitions {
		b.Diags.Add(diag.Warning(diag.At(p.Path, p.Source, p.BodyOffset+a.Offset, "%s", admonitionProblem(a))))
	}
	for _, a := range doc.Attrs {
		b.Diags.Add(diag.Warning(diag.At(p.Path, p.Source, p.BodyOffset+a.Offset, "%s", attrProblem(a))))
	}
	for _, u := range doc.Unsafe {
		msg := "the link to %s:… is removed; links may only go to web pages, mail and files of the site"
		if u.Image {
			msg = "the picture from %s:… is removed; pictures may only come from web pages and files of the site"
		}
		d := diag.Warning(diag.At(p.Path, p.Source, p.BodyOffset+u.Offset, msg, u.Scheme))
		d.Kind = "links"
		b.Diags.Add(d)
	}
	ctx := &bodyContext{site: s, page: p, body: b, linked: map[*Page]bool{}}
	if p.Kind == kind.Definition {
		ctx.linked[p] = true // a term is never linked on its own page
	}
	ctx.doc = doc
	buf := cache.buffer()
	if err := md.Render(buf, doc, ctx); err != nil {
		b.Diags.Add(diag.File(p.Path, "cannot render: %v", err))
	}
	if cache.Minify != nil {
		small := cache.buffer()
		if err := cache.Minify(small, buf.Bytes()); err == nil {
			buf, small = small, buf
			b.Minified = true
		}
		cache.buffers.Put(small)
	}
	if cache.Release && cache.Spill != nil {
		if off, ok := cache.Spill.put(buf.Bytes()); ok {
			b.spill, b.spillAt, b.spillLen = cache.Spill, off, buf.Len()
		}
	}
	if b.spill == nil {
		b.HTML = bytes.Clone(buf.Bytes()) // exact size: a site keeps every body until render
	}
	cache.buffers.Put(buf)
	return b
}

// droppedHTML says what raw HTML a page leaves out, and how to keep it.
func droppedHTML(mode, tag string) string {
	if mode == markdown.HTMLSafe {
		return fmt.Sprintf("raw HTML %s is not in the safe subset of [markdown] html = \"safe\" and is left out of the page; write it in markdown, or set html = \"unsafe\" in site.toml to keep all raw HTML (scripts included)", tag)
	}
	return fmt.Sprintf("raw HTML %s is left out of the page (raw HTML is off); set [markdown] html = \"safe\" in site.toml to keep tables, details, kbd, sub/sup, images and links, or write it in markdown", tag)
}

// buffer returns an empty buffer, grown by an earlier body.
func (c *Bodies) buffer() *bytes.Buffer {
	buf, _ := c.buffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	return buf
}

// bodyContext is the markdown.Context of rendering a body with placeholders.
type bodyContext struct {
	site   *Site
	page   *Page
	doc    *markdown.Doc
	cursor int // next of doc.Links, to give each rendered link its position
	body   *Body
	linked map[*Page]bool
	names  map[string]bool // longer names that held a term, warned about once
}

func (c *bodyContext) IDPrefix() string { return IDPrefix }

func (c *bodyContext) LinkURL(dest string) string {
	l := markdown.Link{Dest: dest}
	for i := c.cursor; i < len(c.doc.Links); i++ {
		if c.doc.Links[i].Dest == dest {
			l, c.cursor = c.doc.Links[i], i+1
			break
		}
	}
	return c.link(l)
}

func holdsCall(dest string) bool { _, ok := markdown.CallIn(dest); return ok }

// link records a destination to resolve later and returns its placeholder.
func (c *bodyContext) link(l markdown.Link) string {
	dest := l.Dest
	if dest == "" || external(dest) && !holdsCall(dest) {
		return dest
	}
	c.body.Links = append(c.body.Links, l)
	return Placeholder{PlaceLink, len(c.body.Links) - 1}.String()
}

func (c *bodyContext) use(def *Page) {
	if !c.linked[def] {
		c.linked[def] = true
		c.body.Uses = append(c.body.Uses, def.Path)
	}
}

// termLink writes a link to a definition between placeholders: the render
// stage writes the link and its tooltip (see render's term markup), from
// the definition in the language the page is shown in. The link is by
// file, which names the definition in every language, where its address
// may be translated.
func (c *bodyContext) termLink(w util.BufWriter, def *Page, label []byte, escape func(util.BufWriter, []byte)) {
	c.body.Links = append(c.body.Links, markdown.Link{Dest: TermDest(def)})
	n := len(c.body.Links) - 1
	w.WriteString(Placeholder{PlaceTerm, n}.String())
	escape(w, label)
	w.WriteString(Placeholder{PlaceTermEnd, n}.String())
}

// TermDest is the destination a link to a definition is resolved from:
// its file, from content/, escaped as a link to it is read (a # or ? in
// the file's name is part of it).
func TermDest(def *Page) string {
	return (&url.URL{Path: "/" + strings.TrimPrefix(def.Path, load.ContentDir+"/")}).EscapedPath()
}

func escapeText(w util.BufWriter, b []byte) { w.WriteString(html.EscapeString(string(b))) }

func (c *bodyContext) TermLink(w util.BufWriter, t *markdown.TermLink) {
	if t.NoLink {
		escapeText(w, []byte(t.Label))
		return
	}
	def := c.site.Terms.Lookup(t.Target)
	if def == nil {
		msg := "unknown term %q"
		msg += diag.DidYouMean(t.Target, c.site.Terms.names, "; add a page for it under content/definitions/, or check the spelling")
		p := c.page
		c.body.Diags.Add(diag.At(p.Path, p.Source, p.BodyOffset+t.Offset, msg, t.Target))
		escapeText(w, []byte(t.Label))
		return
	}
	c.use(def)
	c.termLink(w, def, []byte(t.Label), escapeText)
}

func (c *bodyContext) Autolink(w util.BufWriter, text []byte, offset int, write func(util.BufWriter, []byte)) {
	if !c.site.Config.Glossary.Autolink || len(c.site.Terms.List) == 0 ||
		c.page.Meta.NoAutolink && c.page.Kind != kind.Definition {
		write(w, text)
		return
	}
	last := 0
	for _, m := range c.site.Terms.match(text) {
		if c.linked[m.Def] {
			continue
		}
		if from, to, inside := longerName(text, m.Start, m.End); inside {
			// "Customer Experience Week" is an event, not the term
			// "customer experience": said once per name and page.
			name := string(text[from:to])
			if !c.names[name] {
				if c.names == nil {
					c.names = map[string]bool{}
				}
				c.names[name] = true
				p := c.page
				mention := string(text[m.Start:m.End])
				c.body.Diags.Add(diag.Warning(diag.At(p.Path, p.Source, p.BodyOffset+offset+m.Start,
					"%q is part of the longer name %q, so it is not linked to the term %q; write [[%s]] to link it anyway, or [[!%s]] to say it is a name",
					mention, name, m.Def.Title(), mention, name)))
			}
			continue
		}
		c.use(m.Def)
		write(w, text[last:m.Start])
		c.termLink(w, m.Def, text[m.Start:m.End], write)
		last = m.End
	}
	write(w, text[last:])
}

func (c *bodyContext) Shortcode(w util.BufWriter, sc *markdown.Shortcode) {
	for i, s := range c.body.Shortcodes {
		if s == sc {
			w.WriteString(Placeholder{PlaceShortcode, i}.String())
			return
		}
	}
}

func (c *bodyContext) ShortcodeEnd(w util.BufWriter, sc *markdown.Shortcode) {
	for i, s := range c.body.Shortcodes {
		if s == sc {
			w.WriteString(ShortcodeEnd(i))
			return
		}
	}
}

// fingerprint identifies the vocabulary as autolinking and tooltips see it:
// a body rendered with the same fingerprint is the same HTML.
func (t *Terms) fingerprint(autolink bool) uint64 {
	h := fnv.New64a()
	keys := slices.Sorted(maps.Keys(t.byKey))
	if autolink {
		h.Write([]byte("autolink\x00"))
	}
	for _, k := range keys {
		def := t.byKey[k]
		// Its address and tooltip are not in the body (see termLink).
		for _, s := range []string{k, def.Path, def.Title(), def.Meta.Definition.Abbr, strconv.FormatBool(def.Meta.NoAutolink)} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	return h.Sum64()
}

// MaxSearchText bounds the text kept per page for the search index, so the
// index of a large site stays a size a browser loads in a moment.
const MaxSearchText = 1500

// foldSpace is strings.Join(strings.Fields(s), " ") in one pass, a run of
// ASCII non-space bytes at a time.
func foldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !asciiSpace[c] {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
				j++
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// searchText collapses white space and keeps the first MaxSearchText bytes,
// cut at a word.
func searchText(s string) string {
	if len(s) > 2*MaxSearchText {
		cut := 2 * MaxSearchText // enough to fill the limit once spaces are folded
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = foldSpace(s)
	if len(s) <= MaxSearchText {
		return s
	}
	cut := strings.LastIndexByte(s[:MaxSearchText], ' ')
	if cut <= 0 {
		// No space (Chinese, Japanese): cut at the start of a character.
		cut = MaxSearchText
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + " …"
}
