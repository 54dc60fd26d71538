package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MkDocs Material's content tabs (pymdownx.tabbed):
//
//	=== "Python"
//
//	    Content, indented by four spaces.
//
//	=== "Go"
//
//	    More content.
//
// Tabs that follow one another make one set (`===!` starts a new set;
// `===+`, the tab Material shows first, is read as a tab like any other).
// A set is written as a list of labelled sections, each showing its
// content: the page reads well without JavaScript, on a phone, printed
// and with a screen reader, and nothing is hidden from the search.

var (
	// KindTabs is the node kind of a set of content tabs.
	KindTabs = ast.NewNodeKind("Tabs")
	// KindTab is the node kind of one content tab.
	KindTab = ast.NewNodeKind("Tab")
)

// Tabs is a set of content tabs: its children are Tab nodes.
type Tabs struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *Tabs) Kind() ast.NodeKind { return KindTabs }

// Dump implements ast.Node.
func (n *Tabs) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Tab is one content tab: its label and, as children, its content.
type Tab struct {
	ast.BaseBlock
	Label  string // as written between the quotes
	NewSet bool   // ===!: starts a set of its own
}

// Kind implements ast.Node.
func (n *Tab) Kind() ast.NodeKind { return KindTab }

// Dump implements ast.Node.
func (n *Tab) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.Label}, nil)
}

type tabParser struct{}

func (tabParser) Trigger() []byte { return []byte{'='} }

func (tabParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	n, ok := parseTab(line[pos:])
	if !ok {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// parseTab reads the first line of a tab: `=== "Label"`, with `!` (a new
// set) or `+` (shown first) straight after the `===`. The quotes are
// required, as in Material, so that a setext heading's `===` underline
// is never a tab.
func parseTab(line []byte) (*Tab, bool) {
	if !bytes.HasPrefix(line, []byte("===")) {
		return nil, false
	}
	rest := line[3:]
	n := &Tab{}
	for len(rest) > 0 && (rest[0] == '!' || rest[0] == '+') {
		n.NewSet = n.NewSet || rest[0] == '!'
		rest = rest[1:]
	}
	if len(rest) == 0 || rest[0] != ' ' && rest[0] != '\t' {
		return nil, false
	}
	label := bytes.TrimSpace(rest)
	if len(label) < 2 || label[0] != '"' || label[len(label)-1] != '"' {
		return nil, false
	}
	n.Label = strings.TrimSpace(string(label[1 : len(label)-1]))
	return n, true
}

// Continue takes blank lines and lines indented by four spaces, without
// the four spaces: the tab's content, as in an MkDocs admonition.
func (tabParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return continueIndented(reader)
}

func (tabParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (tabParser) CanInterruptParagraph() bool { return true }

func (tabParser) CanAcceptIndentedLine() bool { return false }

// tabSets puts each run of tabs that follow one another into a Tabs node.
type tabSets struct{}

func (tabSets) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var tabs []*Tab
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*Tab); ok && entering {
			tabs = append(tabs, t)
		}
		return ast.WalkContinue, nil
	})
	// In document order, a tab's set is made before the tabs inside it
	// are looked at; moving a tab moves the tabs inside it along.
	for _, t := range tabs {
		parent := t.Parent()
		set, ok := t.PreviousSibling().(*Tabs)
		if !ok || t.NewSet {
			set = &Tabs{}
			parent.InsertBefore(parent, t, set)
		}
		parent.RemoveChild(parent, t)
		set.AppendChild(set, t)
	}
}

// tabs writes a set of tabs, and each tab as a section whose first line is
// its label (not a heading: a label would otherwise fill "On this page").
func (r *nodeRenderer) tabs(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("<div class=\"tabbed\">\n")
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) tab(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<div class="tab">`)
	if label := node.(*Tab).Label; label != "" {
		w.WriteString(`<p class="tab-label">`)
		r.Writer.Write(w, []byte(label))
		w.WriteString("</p>")
	}
	w.WriteString("\n")
	return ast.WalkContinue, nil
}
