package markdown

import (
	"cmp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Hugo has a figure shortcode of its own, and content written for Hugo
// uses it for most of its pictures:
//
//	{{< figure src="journey.png" alt="The journey" caption="Week one" >}}
//
// A site without a layouts/shortcodes/figure.html of its own gets it here
// as Hugo writes it: a <figure> holding the picture (in a link when link=
// is given) and a <figcaption> of title, caption and attr (attrlink). The
// picture and the links are markdown's own image and link nodes, so they
// are checked, rewritten for every page that shows them and copied as
// markdown's are.

// KindFigure is the node kind of a Hugo figure.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is a {{< figure >}} call alone in its paragraph. Its children are
// the picture (an Image, or a Link holding one), then its FigureCaption
// if it has one.
type Figure struct {
	ast.BaseBlock
	Class string
}

// Kind implements ast.Node.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// KindFigureCaption is the node kind of a figure's caption.
var KindFigureCaption = ast.NewNodeKind("FigureCaption")

// FigureCaption is a figure's caption: its title, caption and attribution
// (each an ast.String, the title a FigureTitle, the attribution in a Link
// when attrlink is given).
type FigureCaption struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *FigureCaption) Kind() ast.NodeKind { return KindFigureCaption }

// Dump implements ast.Node.
func (n *FigureCaption) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// KindFigureTitle is the node kind of a figure caption's title.
var KindFigureTitle = ast.NewNodeKind("FigureTitle")

// FigureTitle is the title of a figure's caption.
type FigureTitle struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *FigureTitle) Kind() ast.NodeKind { return KindFigureTitle }

// Dump implements ast.Node.
func (n *FigureTitle) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// figureAt turns the figure call sc into a Figure where it stands alone
// in its paragraph, or in the text of a tight list's item; in a sentence
// it stays a call, which the link stage says must stand alone.
func figureAt(sc *Shortcode, src []byte) {
	if sc.Named["src"] == "" {
		return // the link stage asks for the picture
	}
	p := sc.Parent()
	if k := p.Kind(); k != ast.KindParagraph && k != ast.KindTextBlock || !onlyChild(p, sc, src) {
		return
	}
	p.Parent().ReplaceChild(p.Parent(), p, newFigure(sc))
}

func newFigure(sc *Shortcode) *Figure {
	get := func(k string) string { return sc.Named[k] }
	link := func(dest string, child ast.Node) *ast.Link {
		a := ast.NewLink()
		a.Destination = []byte(dest)
		a.SetPos(sc.Offset)
		a.AppendChild(a, child)
		return a
	}
	str := func(s string) *ast.String { return ast.NewString([]byte(s)) }
	fig := &Figure{Class: get("class")}
	img := ast.NewImage(ast.NewLink())
	img.Destination = []byte(get("src"))
	img.SetPos(sc.Offset)
	// The picture's words for a reader who cannot see it, as Hugo takes
	// them: alt, else the caption.
	if alt := cmp.Or(get("alt"), get("caption"), get("title")); alt != "" {
		img.AppendChild(img, str(alt))
	}
	if l := get("link"); l != "" {
		fig.AppendChild(fig, link(l, img))
	} else {
		fig.AppendChild(fig, img)
	}
	caption := &FigureCaption{}
	if t := get("title"); t != "" {
		title := &FigureTitle{}
		title.AppendChild(title, str(t))
		caption.AppendChild(caption, title)
	}
	for _, part := range []string{get("caption"), get("attr")} {
		if part == "" {
			continue
		}
		if caption.HasChildren() {
			caption.AppendChild(caption, str(" "))
		}
		if l := get("attrlink"); l != "" && part == get("attr") {
			caption.AppendChild(caption, link(l, str(part)))
		} else {
			caption.AppendChild(caption, str(part))
		}
	}
	if caption.HasChildren() {
		fig.AppendChild(fig, caption)
	}
	return fig
}

// figureRenderer writes Figure, FigureCaption and FigureTitle; the
// picture, the links and the caption's text are written by the
// renderers of their kinds.
type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, renderFigure)
	reg.Register(KindFigureCaption, wrapIn("figcaption", ""))
	// Hugo writes the title as an h4, a heading of the page's outline out
	// of its order; here it is strong text.
	reg.Register(KindFigureTitle, wrapIn("strong", "figure-title"))
}

func renderFigure(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Figure)
	if !entering {
		w.WriteString("</figure>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString("<figure")
	if n.Class != "" {
		w.WriteString(` class="`)
		w.Write(util.EscapeHTML([]byte(n.Class)))
		w.WriteByte('"')
	}
	w.WriteByte('>')
	return ast.WalkContinue, nil
}

// wrapIn renders a node as the element tag (of class, if any) around its
// children.
func wrapIn(tag, class string) renderer.NodeRendererFunc {
	return func(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		switch {
		case !entering:
			w.WriteString("</" + tag + ">")
		case class != "":
			w.WriteString("<" + tag + ` class="` + class + `">`)
		default:
			w.WriteString("<" + tag + ">")
		}
		return ast.WalkContinue, nil
	}
}
