package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer renders the nodes whose HTML depends on the site: links
// (rewritten to output URLs), headings (ids, anchors), text (glossary
// autolinks), code (chroma), term links and shortcodes.
type nodeRenderer struct {
	html.Config
	engine *Engine
	ctx    Context
	doc    *Doc
	depth  int                          // > 0 inside a heading or a link, where terms are not autolinked
	escape func(util.BufWriter, []byte) // writeEscaped, bound once: not a closure per text node
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.text)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindCodeSpan, r.codeSpan)
	reg.Register(ast.KindFencedCodeBlock, r.fencedCode)
	reg.Register(ast.KindCodeBlock, r.indentedCode)
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(ast.KindEmphasis, r.emphasis)
	reg.Register(ast.KindListItem, r.listItem)
	reg.Register(extast.KindTaskCheckBox, r.taskCheckBox)
	reg.Register(KindTermLink, r.termLink)
	reg.Register(KindShortcode, r.shortcode)
	reg.Register(KindShortcodeBlock, r.shortcodeBlock)
	reg.Register(KindHighlightBlock, r.highlightBlock)
	reg.Register(extast.KindTable, r.table)
	reg.Register(extast.KindTableCell, r.tableCell)
	reg.Register(ast.KindBlockquote, r.blockquote)
	reg.Register(KindAdmonition, r.admonition)
	reg.Register(KindTabs, r.tabs)
	reg.Register(KindTab, r.tab)
	reg.Register(extast.KindDefinitionTerm, r.definitionTerm)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.rawHTML)
}

// rawHTML writes raw HTML as Parse kept it, its links and ids filled in
// like those of markdown, or a comment where it was left out.
func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var frag rawHTML
	ok := false
	if r.doc != nil {
		frag, ok = r.doc.raw[node]
	}
	if !ok {
		w.WriteString("<!-- raw HTML omitted -->")
		if node.Kind() == ast.KindHTMLBlock {
			w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	}
	for _, part := range frag {
		switch part.kind {
		case 0:
			w.Write(part.literal)
		case 'L':
			r.writeURL(w, []byte(part.value))
		case 'I':
			w.WriteString(r.prefix())
			w.Write(util.EscapeHTML([]byte(part.value)))
		case 'R':
			for i, id := range strings.Fields(part.value) {
				if i > 0 {
					w.WriteByte(' ')
				}
				w.WriteString(r.prefix())
				w.Write(util.EscapeHTML([]byte(id)))
			}
		}
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) writeEscaped(w util.BufWriter, b []byte) { r.Writer.Write(w, b) }

// dangerous is html.IsDangerousURL for a URL with a scheme: the check
// lowercases its URL four times, and most links of a page (relative ones)
// have no scheme to check.
func dangerous(url []byte) bool {
	return bytes.IndexByte(url, ':') >= 0 && html.IsDangerousURL(url)
}

func (r *nodeRenderer) text(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(src)
	if n.HardLineBreak() && !n.IsRaw() {
		value = bytes.TrimRight(value, " \t") // the spaces that make the break are not text
	}
	switch {
	case n.IsRaw():
		r.Writer.RawWrite(w, value)
	case r.depth > 0 || r.ctx == nil:
		r.Writer.Write(w, value)
	default:
		r.ctx.Autolink(w, value, n.Segment.Start, r.escape)
	}
	switch {
	case n.HardLineBreak():
		w.WriteString("<br>\n")
	case n.SoftLineBreak():
		w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) prefix() string {
	if r.ctx == nil {
		return ""
	}
	return r.ctx.IDPrefix()
}

func (r *nodeRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	id := ""
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			id = string(b)
		}
	}
	if entering {
		r.depth++
		w.WriteString("<h")
		w.WriteByte("0123456"[n.Level])
		if id != "" {
			w.WriteString(` id="`)
			w.WriteString(r.prefix())
			r.Writer.Write(w, []byte(id))
			w.WriteByte('"')
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	r.depth--
	if id != "" {
		w.WriteString(`<a class="anchor" href="#`)
		w.WriteString(r.prefix())
		r.Writer.Write(w, []byte(id))
		w.WriteString(`" aria-label="` + AnchorLabel + `">#</a>`)
	}
	w.WriteString("</h")
	w.WriteByte("0123456"[n.Level])
	w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// writeURL writes a link destination, decoded (see Destination). The
// context may replace it with a placeholder (see link.Body), which is
// written as it is; anything else is percent-encoded, then escaped.
func (r *nodeRenderer) writeURL(w util.BufWriter, dest []byte) {
	if r.ctx != nil {
		if u := r.ctx.LinkURL(string(dest)); len(u) > 0 && u[0] == 0 {
			w.WriteString(u)
			return
		} else {
			dest = []byte(u)
		}
	}
	w.Write(util.EscapeHTML(util.URLEscape(dest, false)))
}

func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		r.depth--
		w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	r.depth++
	w.WriteString(`<a href="`)
	if dest := Destination(n.Destination); r.Unsafe || !dangerous(dest) {
		r.writeURL(w, dest)
	}
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		r.Writer.Write(w, n.Title)
		w.WriteByte('"')
	}
	r.writeAttrs(w, n)
	w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.AutoLink)
	if !entering {
		return ast.WalkContinue, nil
	}
	url := n.URL(src)
	label := n.Label(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	w.WriteString(`<a href="`)
	if r.Unsafe || !dangerous(url) {
		r.Writer.Write(w, util.URLEscape(url, false))
	}
	w.WriteString(`">`)
	w.Write(util.EscapeHTML(label)) // the text as written: an autolink has no escapes
	w.WriteString(`</a>`)
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	w.WriteString(`<img src="`)
	if dest := Destination(n.Destination); r.Unsafe || !dangerous(dest) {
		r.writeURL(w, dest)
	}
	w.WriteString(`" alt="`)
	r.Writer.Write(w, []byte(plainText(n, src)))
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		r.Writer.Write(w, n.Title)
		w.WriteByte('"')
	}
	r.writeAttrs(w, n)
	w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// codeSpan is goldmark's code span, but for an escaped shortcode call in
// it, shown as Hugo shows one: `{{</* alert */>}}` reads {{< alert >}},
// as it does in a fenced block.
func (r *nodeRenderer) codeSpan(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		w.WriteString("</code>")
		return ast.WalkContinue, nil
	}
	w.WriteString("<code")
	r.writeAttrs(w, node)
	w.WriteByte('>')
	var b []byte
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if n := len(v); n > 0 && v[n-1] == '\n' { // a line break in a span is a space
				v = append(v[:n-1:n-1], ' ')
			}
			b = append(b, v...)
		case *ast.String:
			b = append(b, c.Value...)
		}
	}
	r.Writer.RawWrite(w, []byte(unescapeShortcodes(string(b))))
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) fencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := ""
	if l := n.Language(src); l != nil {
		lang = string(Unescape(l)) // "f&ouml;&ouml;" is the language "föö"
	}
	r.engine.highlight.write(w, lang, unescapeShortcodes(string(codeLines(n, src))))
	w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) indentedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	r.engine.highlight.write(w, "", unescapeShortcodes(string(codeLines(node, src))))
	w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}

func codeLines(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.Bytes()
}

func (r *nodeRenderer) paragraph(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	// A shortcode alone in its paragraph is a block (a chart, a journey map):
	// it writes its own element, and a <p> around a <figure> would be invalid.
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		if sc, ok := c.(*Shortcode); ok && sc.Alone {
			return ast.WalkContinue, nil
		}
	}
	if entering {
		w.WriteString("<p")
		r.writeAttrs(w, node)
		w.WriteByte('>')
	} else {
		w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// emphasis is goldmark's, but for an id an attribute list gave it, which
// takes the page's id prefix.
func (r *nodeRenderer) emphasis(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	tag := "em"
	if node.(*ast.Emphasis).Level == 2 {
		tag = "strong"
	}
	if entering {
		w.WriteString("<" + tag)
		r.writeAttrs(w, node)
		w.WriteByte('>')
	} else {
		w.WriteString("</" + tag + ">")
	}
	return ast.WalkContinue, nil
}

// listItem is goldmark's, but for an id an attribute list gave it.
func (r *nodeRenderer) listItem(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		w.WriteString("</li>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString("<li")
	r.writeAttrs(w, node)
	w.WriteByte('>')
	if fc := node.FirstChild(); fc != nil {
		if _, ok := fc.(*ast.TextBlock); !ok {
			w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) termLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && r.ctx != nil {
		r.ctx.TermLink(w, node.(*TermLink))
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) shortcode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	sc := node.(*Shortcode)
	if r.ctx == nil {
		return ast.WalkSkipChildren, nil
	}
	if !entering {
		if sc.Paired { // the walk ends every node, skipped children or not
			r.ctx.ShortcodeEnd(w, sc)
		}
		return ast.WalkContinue, nil
	}
	r.ctx.Shortcode(w, sc)
	if !sc.Paired {
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// shortcodeBlock writes a call holding blocks: the blocks are its inner
// content.
func (r *nodeRenderer) shortcodeBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	sc := node.(*ShortcodeBlock).Call
	if sc.Name == "details" && r.engine.hugo["details"] {
		r.details(w, sc, entering) // Hugo's own
		return ast.WalkContinue, nil
	}
	if r.ctx == nil {
		return ast.WalkContinue, nil
	}
	if entering {
		r.ctx.Shortcode(w, sc)
	} else {
		r.ctx.ShortcodeEnd(w, sc)
	}
	return ast.WalkContinue, nil
}

// tableCell writes a table cell with its alignment as a style. goldmark's
// own table renderer appends the alignment to the node's style attribute on
// every render, so a cached Doc rendered twice (the book, a rebuild) would
// get "text-align:left;text-align:left".
func (r *nodeRenderer) tableCell(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*extast.TableCell)
	tag, filter := "td", extension.TableTdCellAttributeFilter
	if n.Parent().Kind() == extast.KindTableHeader {
		tag, filter = "th", extension.TableThCellAttributeFilter
	}
	if !entering {
		w.WriteString("</")
		w.WriteString(tag)
		w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	w.WriteByte('<')
	w.WriteString(tag)
	if n.Alignment != extast.AlignNone {
		// A class, not a style attribute: no inline style for a content
		// security policy to refuse, and none for the minifier to parse.
		if _, ok := n.AttributeString("class"); ok {
			w.WriteString(` style="text-align:`)
			w.WriteString(n.Alignment.String())
			w.WriteByte('"')
		} else {
			w.WriteString(` class="align-`)
			w.WriteString(n.Alignment.String())
			w.WriteByte('"')
		}
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, filter)
	}
	w.WriteByte('>')
	return ast.WalkContinue, nil
}

// The accessible names the renderer writes, in English: a site's other
// languages replace them from their interface text (generator/render).
const (
	AnchorLabel = "Link to this section" // a heading's # link
	DoneLabel   = "Done"                 // a ticked task's box
	ToDoLabel   = "To do"                // an open task's box
)

// taskCheckBox writes a task list's box with an accessible name, so a screen
// reader says "done" or "to do" rather than "checkbox" (axe: label).
func (r *nodeRenderer) taskCheckBox(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*extast.TaskCheckBox).IsChecked {
		w.WriteString(`<input type="checkbox" checked disabled aria-label="` + DoneLabel + `"> `)
	} else {
		w.WriteString(`<input type="checkbox" disabled aria-label="` + ToDoLabel + `"> `)
	}
	return ast.WalkContinue, nil
}
