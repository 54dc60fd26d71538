// Package markdown is shiftbook's markdown dialect: goldmark with GFM,
// footnotes, heading ids, chroma highlighting, [[term]] links and
// {{< shortcode >}} calls. Parsing and rendering are separate so that a
// parsed page can be cached and rendered again when the rest of the site changes.
package markdown

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure an Engine.
type Options struct {
	// HTML is what becomes of raw HTML written in markdown: HTMLDrop (the
	// default: authors paste from many places, and the site must not run
	// their scripts), HTMLSafe or HTMLUnsafe.
	HTML string
	// NoCache highlights every code block afresh: for a build that is not
	// rebuilt, where a cache only holds memory.
	NoCache bool
	// SiteShortcodes are the site's own shortcodes (layouts/shortcodes/):
	// of Hugo's built-in ones read here (HugoShortcodes), a site's own of
	// the same name wins.
	SiteShortcodes []string
}

// Engine parses and renders markdown. It is safe for concurrent use.
type Engine struct {
	opts      Options
	parser    parser.Parser
	highlight *highlighter
	hugo      map[string]bool // Hugo's shortcodes read here, for this site
	renderers sync.Pool       // of *pageRenderer
}

// New makes an Engine.
func New(opts Options) *Engine {
	hugo := hugoShortcodes(opts.SiteShortcodes)
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
		goldmark.WithParserOptions(linkifyOptions()...),
		goldmark.WithParserOptions(
			parser.WithInlineParsers(
				util.Prioritized(termLinkParser{}, 199), // before the link parser (200)
				util.Prioritized(shortcodeParser{}, 150),
				util.Prioritized(attrListParser{}, 160), // { #id .class }: headings' too (see attrlist.go)
			),
			parser.WithBlockParsers(
				util.Prioritized(shortcodeBlockParser{hugo: hugo}, 50), // before paragraphs and lists
				util.Prioritized(admonitionParser{}, 60),
				util.Prioritized(docusaurusParser{}, 60),
				util.Prioritized(tabParser{}, 60),
			),
			parser.WithASTTransformers(util.Prioritized(attrLists{}, 70), util.Prioritized(headingIDs{}, 80), util.Prioritized(callParagraphs{}, 90), util.Prioritized(shortcodePairs{}, 100), util.Prioritized(tabSets{}, 110)),
		),
	)
	// After callParagraphs: a figure is often written over several lines.
	md.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(hugoCalls{hugo: hugo}, 95)))
	e := &Engine{opts: opts, parser: md.Parser(), highlight: newHighlighter(!opts.NoCache), hugo: hugo}
	e.renderers.New = func() any { return e.newPageRenderer() }
	return e
}

// Heading is a heading of a page, for the table of contents and anchor checks.
type Heading struct {
	Level  int
	ID     string
	Text   string
	Offset int // byte offset in the body
}

// Link is a link or image destination written in the page.
type Link struct {
	Dest   string // as CommonMark reads it: backslash escapes and entities decoded
	Offset int
	Image  bool
}

// Doc is a parsed markdown body. Its AST is not changed by rendering, so a
// cached Doc can be rendered any number of times.
type Doc struct {
	Source     []byte
	Root       ast.Node
	Headings   []Heading
	Links      []Link
	Terms      []*TermLink
	Shortcodes []*Shortcode
	IDs        map[string]bool // every id a link may point at: headings, {#id} attributes, raw HTML ids
	Dropped    []Dropped       // raw HTML left out of the page, for warnings
	Unsafe     []UnsafeLink    // links and pictures written without their address, for warnings
	RawErrors  []RawError      // raw HTML kept that would break the page
	TooDeep    *TooDeep        // set when the body was not parsed: nested deeper than MaxNesting
	// Attrs are what attribute lists ({ .md-button }) asked for that the
	// page does not show, for warnings: each problem once.
	Attrs []AttrProblem
	// Admonitions are Docusaurus admonitions of an unknown type or not
	// closed, closing lines that close none, and alerts of an unknown
	// type ([!NB]), for warnings.
	Admonitions []AdmonitionProblem

	raw      map[ast.Node]rawHTML // the raw HTML kept (html = "safe" or "unsafe"), ready to write
	unclosed map[string]int       // elements whose start tag the sanitizer removed, by name
	alerts   map[ast.Node]alert   // quotes that are GitHub alerts → what their marker says
	termIDs  map[ast.Node]string  // terms of definition lists → their ids
	titleID  string               // the id of the heading DropTitle removed
	// openRaw is a raw text element (<script>, <style>, <textarea>) raw
	// HTML opened and has not closed yet, an error if it never does.
	openRaw     *RawError
	openRawName string
}

// Parse parses a markdown body.
func (e *Engine) Parse(src []byte) *Doc {
	if off, depth := Nesting(src); off >= 0 {
		return tooDeep(src, off, depth)
	}
	src, refs := rewriteRefs(src)
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := e.parser.Parse(text.NewReader(src), parser.WithContext(ctx))
	doc := &Doc{Source: src, Root: root, IDs: map[string]bool{}, Attrs: attrProblems(ctx)}
	doc.restoreRefs(refs)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := n.(*ast.Text); ok {
			mergeText(t, src)
		}
		switch n := n.(type) {
		case *ast.Heading:
			h := Heading{Level: n.Level, Text: plainText(n, src), Offset: blockOffset(n, src)}
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					h.ID = string(b)
				}
			}
			doc.Headings = append(doc.Headings, h)
		case *ast.Link:
			doc.Links = append(doc.Links, Link{Dest: string(Destination(n.Destination)), Offset: inlineOffset(n, src)})
			doc.unsafeLink(n.Destination, n, false, e.opts.HTML == HTMLUnsafe)
		case *ast.Image:
			doc.Links = append(doc.Links, Link{Dest: string(Destination(n.Destination)), Offset: inlineOffset(n, src), Image: true})
			doc.unsafeLink(n.Destination, n, true, e.opts.HTML == HTMLUnsafe)
		case *ast.AutoLink:
			doc.unsafeLink(n.URL(src), n, false, e.opts.HTML == HTMLUnsafe)
		case *TermLink:
			doc.Terms = append(doc.Terms, n)
		case *Admonition, *ast.Paragraph:
			doc.docusaurusProblems(n, src)
		case *ast.Blockquote:
			if a, unknown, ok := doc.alertOf(n, src); ok {
				if doc.alerts == nil {
					doc.alerts = map[ast.Node]alert{}
				}
				doc.alerts[n] = a
				if unknown {
					doc.Admonitions = append(doc.Admonitions, AdmonitionProblem{Offset: blockOffset(n, src), Problem: "alert", Type: a.typ})
				}
			}
		case *extast.DefinitionTerm:
			id := string(ctx.IDs().Generate([]byte(plainText(n, src)), n.Kind()))
			if doc.termIDs == nil {
				doc.termIDs = map[ast.Node]string{}
			}
			doc.termIDs[n] = id
			doc.IDs[id] = true
		case *ast.HTMLBlock, *ast.RawHTML:
			if e.opts.HTML == HTMLSafe || e.opts.HTML == HTMLUnsafe {
				if doc.raw == nil {
					doc.raw = map[ast.Node]rawHTML{}
				}
				doc.raw[n] = doc.parseRawHTML(n, e.opts.HTML)
			} else if raw, at := rawNode(n, src); droppedTag(raw) != "" {
				doc.Dropped = append(doc.Dropped, Dropped{Offset: at(0), Tag: droppedTag(raw)})
			}
			return ast.WalkSkipChildren, nil
		case *Shortcode:
			if p, ok := n.Parent().(*ast.Paragraph); ok {
				n.Alone = onlyChild(p, n, src)
				n.InParagraph = !n.Alone
			}
			doc.Shortcodes = append(doc.Shortcodes, n)
		case *ShortcodeBlock:
			if n.Call.Name != "details" || !e.hugo["details"] { // Hugo's details is read here
				doc.Shortcodes = append(doc.Shortcodes, n.Call)
			}
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				doc.IDs[string(b)] = true
			}
		}
		return ast.WalkContinue, nil
	})
	if doc.openRaw != nil {
		doc.RawErrors = append(doc.RawErrors, *doc.openRaw)
	}
	return doc
}

// Unescape is a link destination, or a fence's info string, with its
// backslash escapes and entity references decoded, as CommonMark reads it:
// `/bar\*` is the address /bar*, `/caf&eacute;/` is /café/. goldmark keeps
// both as written.
func Unescape(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '&') < 0 {
		return raw
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw)))
}

// EscapeURL percent-encodes what a URL must not hold as it is (a space,
// a quote, a character beyond ASCII), as CommonMark writes destinations;
// an escape already written (%20) is kept.
func EscapeURL(u string) string {
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '%' || c == '`' || c == '{' || c == '}' || c == '|' || c == '^' || c == '[' || c == ']' {
			return string(util.URLEscape([]byte(u), false))
		}
	}
	return u
}

// mergeText joins the text nodes that follow t on the same line into it.
// goldmark splits a line's text at its last space (and wherever an inline
// parser looked and found nothing); Context.Autolink is given one text node
// at a time, so a term such as "customer journey" split into "customer" and
// " journey" would be missed, or its first word linked instead.
func mergeText(t *ast.Text, src []byte) {
	for !t.SoftLineBreak() && !t.HardLineBreak() {
		next, ok := t.NextSibling().(*ast.Text)
		if !ok || !t.Merge(next, src) {
			return
		}
		t.Parent().RemoveChild(t.Parent(), next)
	}
}

// onlyChild reports whether n is the only non-blank child of p.
func onlyChild(p ast.Node, n ast.Node, src []byte) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if c == n {
			continue
		}
		if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
			continue
		}
		return false
	}
	return true
}

// blockOffset is the byte offset where a block starts.
func blockOffset(n ast.Node, src []byte) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if l := n.Lines(); l.Len() > 0 {
		return l.At(0).Start
	}
	return 0
}

// inlineOffset is the byte offset of an inline node: its own position when
// goldmark recorded one, else its first text, else its block's start.
func inlineOffset(n ast.Node, src []byte) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return blockOffset(p, src)
		}
	}
	return 0
}

// textValue is a text node's text as a reader sees it: goldmark keeps
// its source, backslash escapes and entities (&lt;, &#169;) as written,
// for the renderer to resolve; text of code is kept as written.
func textValue(t *ast.Text, src []byte) []byte {
	v := t.Segment.Value(src)
	if t.IsRaw() || !bytes.ContainsAny(v, "\\&") {
		return v
	}
	return util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
}

// plainText is the text of a node without markup, as a reader sees it.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	writePlainText(&b, n, src, false)
	return b.String()
}

func writePlainText(b *bytes.Buffer, n ast.Node, src []byte, marks bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(textValue(c, src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			var code bytes.Buffer
			writePlainText(&code, c, src, marks)
			b.WriteString(unescapeShortcodes(code.String())) // as codeSpan shows it
		case *ast.AutoLink: // its text is its URL, not a child
			b.Write(c.Label(src))
		case *TermLink:
			b.WriteString(c.Label)
		case *Shortcode:
			if c.Paired {
				writePlainText(b, c, src, marks) // its inner content is text of the page
			} else if marks {
				b.WriteString(ShortcodeMark(c.Offset))
			}
		case *ast.RawHTML:
		default:
			writePlainText(b, c, src, marks)
		}
	}
}

// Text is the readable text of the whole body, for the search index:
// paragraphs, lists, tables and code, without markup. Each shortcode is a
// ShortcodeMark, for the renderer to fill in with what the shortcode shows.
func (d *Doc) Text() string { return d.TextUpTo(-1) }

// TextUpTo is Text, stopping once at least limit bytes are written (a
// negative limit: no limit), for callers that keep only the start.
func (d *Doc) TextUpTo(limit int) string {
	var b bytes.Buffer
	if limit > 0 {
		b.Grow(limit + limit/4) // grown once, not by doubling
	}
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if limit >= 0 && b.Len() >= limit {
			return ast.WalkStop, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock, *extast.TableCell:
			writePlainText(&b, n, d.Source, true)
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(d.Source))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Context is what rendering needs from the rest of the site, given per page.
type Context interface {
	// LinkURL returns the URL to write for a link or image destination.
	LinkURL(dest string) string
	// TermLink writes the HTML of a [[term]] link.
	TermLink(w util.BufWriter, t *TermLink)
	// Shortcode writes the HTML of a shortcode call. alone is true when it
	// stands in a paragraph of its own, which is then not written.
	Shortcode(w util.BufWriter, s *Shortcode)
	// ShortcodeEnd ends the inner content of a call with a closing tag,
	// written (as HTML) between Shortcode and ShortcodeEnd.
	ShortcodeEnd(w util.BufWriter, s *Shortcode)
	// Autolink writes a run of prose text that starts at offset of the body,
	// escaped with write, linking the mentions of defined terms planned for
	// it. It is never called inside headings, links or code.
	Autolink(w util.BufWriter, text []byte, offset int, write func(util.BufWriter, []byte))
	// IDPrefix is put before every id the page writes (headings,
	// footnotes): the book, which puts many pages on one, keeps them unique.
	IDPrefix() string
}

// Render writes the HTML of doc.
func (e *Engine) Render(w io.Writer, doc *Doc, ctx Context) error {
	pr := e.renderers.Get().(*pageRenderer)
	defer e.renderers.Put(pr)
	pr.nodes.ctx, pr.nodes.doc = ctx, doc
	pr.nodes.depth = 0
	defer func() { pr.nodes.ctx, pr.nodes.doc = nil, nil }()
	if doc.titleID != "" {
		var b bytes.Buffer
		b.WriteString(`<span id="`)
		if ctx != nil {
			b.WriteString(ctx.IDPrefix())
		}
		b.Write(util.EscapeHTML([]byte(doc.titleID)))
		b.WriteString("\"></span>\n")
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
	}
	return pr.r.Render(w, doc.Source, doc.Root)
}

type pageRenderer struct {
	r     renderer.Renderer
	nodes *nodeRenderer
}

func (e *Engine) newPageRenderer() *pageRenderer {
	nr := &nodeRenderer{engine: e}
	nr.escape = nr.writeEscaped
	var htmlOpts []html.Option
	if e.opts.HTML == HTMLUnsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe()) // javascript: links kept too
	}
	nr.Config = html.NewConfig()
	for _, o := range htmlOpts {
		o.SetHTMLOption(&nr.Config)
	}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(html.NewRenderer(htmlOpts...), 1000),
		util.Prioritized(extension.NewTableHTMLRenderer(), 500),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(extension.NewTaskCheckBoxHTMLRenderer(), 500),
		util.Prioritized(extension.NewDefinitionListHTMLRenderer(), 500),
		util.Prioritized(extension.NewFootnoteHTMLRenderer(
			extension.WithFootnoteIDPrefixFunction(func(ast.Node) []byte {
				if nr.ctx == nil {
					return nil
				}
				return []byte(nr.ctx.IDPrefix())
			}),
		), 500),
		util.Prioritized(nr, 100),
		util.Prioritized(figureRenderer{}, 100),
	))
	return &pageRenderer{r: r, nodes: nr}
}

// DropTitle removes the heading that repeats the page's title, which the
// layout already shows as the page's <h1>: a first block that is a heading
// with the title's text (any case), or, when the title was taken from the
// body, the first "#" heading with that text wherever it is (GitHub and
// MkDocs pages often start with a badge or a note above it).
func (d *Doc) DropTitle(title string, fromBody bool) {
	title = strings.TrimSpace(title)
	if title == "" {
		return
	}
	var drop *ast.Heading
	if h, ok := d.Root.FirstChild().(*ast.Heading); ok && strings.EqualFold(strings.TrimSpace(plainText(h, d.Source)), title) {
		drop = h
	}
	if drop == nil && fromBody {
		for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
			if h, ok := c.(*ast.Heading); ok && h.Level == 1 {
				if strings.TrimSpace(plainText(h, d.Source)) == title {
					drop = h
				}
				break
			}
		}
	}
	if drop == nil {
		return
	}
	// The heading leaves the body and "On this page", but its id stays: a
	// link to it (GitHub READMEs often start with [top](#my-handbook)) goes
	// to the start of the body, where Render writes it.
	offset := blockOffset(drop, d.Source)
	for i, h := range d.Headings {
		if h.Offset == offset {
			d.Headings = slices.Delete(d.Headings, i, i+1)
			d.titleID = h.ID
			break
		}
	}
	d.Root.RemoveChild(d.Root, drop)
}
