package markdown

import (
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HugoShortcodes are the shortcodes of Hugo's own that content written for
// Hugo uses most and that are read here as Hugo writes them, unless the
// site has its own of the name: figure (figure.go), highlight (a code
// block) and details (a disclosure).
var HugoShortcodes = []string{"details", "figure", "highlight"}

// hugoShortcodes is the set of HugoShortcodes a site without own ones of
// those names gets.
func hugoShortcodes(own []string) map[string]bool {
	set := map[string]bool{}
	for _, name := range HugoShortcodes {
		if !slices.Contains(own, name) {
			set[name] = true
		}
	}
	return set
}

// KindHighlightBlock is the node kind of Hugo's highlight shortcode.
var KindHighlightBlock = ast.NewNodeKind("HighlightBlock")

// HighlightBlock is {{< highlight LANG "OPTIONS" >}}, lines of code,
// {{< /highlight >}}, the tags on lines of their own: the code is
// highlighted as a fenced block of LANG is. Hugo's OPTIONS (linenos,
// hl_lines) are not read: the code is shown as a fenced block shows it.
// The lines are kept as written, not read as markdown.
type HighlightBlock struct {
	ast.BaseBlock
	Lang     string
	tagLines int // lines of the opening tag still to pass
}

// Kind implements ast.Node.
func (n *HighlightBlock) Kind() ast.NodeKind { return KindHighlightBlock }

// Dump implements ast.Node.
func (n *HighlightBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

func openHighlight(call *Shortcode, more int, reader text.Reader) (ast.Node, parser.State) {
	n := &HighlightBlock{tagLines: more}
	if len(call.Args) > 0 {
		n.Lang = call.Args[0]
	}
	if n.Lang == "" {
		n.Lang = call.Named["lang"]
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// continueHighlight takes the next line of code, or ends at the closing
// tag.
func continueHighlight(n *HighlightBlock, reader text.Reader) parser.State {
	line, seg := reader.PeekLine()
	if n.tagLines > 0 {
		n.tagLines--
		reader.AdvanceToEOL()
		return parser.Continue | parser.NoChildren
	}
	if c, _, ok := tagLine(line); ok && c.Closing && c.Name == "highlight" {
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (r *nodeRenderer) highlightBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*HighlightBlock)
	r.engine.highlight.write(w, n.Lang, unescapeShortcodes(string(codeLines(n, src))))
	w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}

// details writes Hugo's {{< details summary="…" open=true >}}, its content
// (markdown) between tags on lines of their own, as a disclosure.
func (r *nodeRenderer) details(w util.BufWriter, sc *Shortcode, entering bool) {
	if !entering {
		w.WriteString("</details>\n")
		return
	}
	w.WriteString("<details")
	if c := sc.Named["class"]; c != "" {
		w.WriteString(` class="`)
		w.Write(util.EscapeHTML([]byte(c)))
		w.WriteByte('"')
	}
	if open := sc.Named["open"]; open == "true" || open == "open" {
		w.WriteString(" open")
	}
	w.WriteString("><summary>")
	summary := sc.Named["summary"]
	if summary == "" {
		summary = "Details" // Hugo's word, as its default
	}
	w.Write(util.EscapeHTML([]byte(summary)))
	w.WriteString("</summary>\n")
}
