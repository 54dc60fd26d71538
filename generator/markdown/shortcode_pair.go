package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Inner content of shortcodes. A call with a closing tag holds what is
// between: on one line, the inline nodes between the two tags become the
// call's children (shortcodePairs); when each tag stands on a line of its
// own, the lines between are blocks, parsed as any markdown is, inside a
// ShortcodeBlock:
//
//	{{< note "Heads up" >}}
//	Refunds take **ten** days.
//
//	- even at month end
//	{{< /note >}}

// KindShortcodeBlock is the node kind of a shortcode holding blocks.
var KindShortcodeBlock = ast.NewNodeKind("ShortcodeBlock")

// ShortcodeBlock is a call whose tags stand on lines of their own; its
// children are the blocks between them.
type ShortcodeBlock struct {
	ast.BaseBlock
	Call     *Shortcode
	depth    int // calls of the same name opened inside, still open
	tagLines int // lines of the opening tag still to pass (one written over several)
}

// Kind implements ast.Node.
func (n *ShortcodeBlock) Kind() ast.NodeKind { return KindShortcodeBlock }

// Dump implements ast.Node.
func (n *ShortcodeBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Call.Name}, nil)
}

// shortcodeBlockParser reads calls holding blocks; hugo are the Hugo
// shortcodes read here (see HugoShortcodes).
type shortcodeBlockParser struct{ hugo map[string]bool }

func (shortcodeBlockParser) Trigger() []byte { return []byte{'{'} }

// tagLine parses a line that holds one shortcode tag and nothing else.
func tagLine(line []byte) (parsedShortcode, int, bool) {
	lead := len(line) - len(bytes.TrimLeft(line, " "))
	trimmed := bytes.TrimRight(line[lead:], " \t\r\n")
	if lead > 3 || !bytes.HasPrefix(trimmed, []byte("{{<")) && !bytes.HasPrefix(trimmed, []byte("{{%")) {
		return parsedShortcode{}, 0, false
	}
	n := parseShortcode(trimmed)
	if n.Err != "" || n.consumed != len(trimmed) {
		return parsedShortcode{}, 0, false
	}
	return n, lead, true
}

func (p shortcodeBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	src := reader.Source()
	n, lead, ok := tagLine(line)
	more := 0 // lines after this one that the tag takes
	if !ok {
		n, lead, more, ok = tagLines(src, seg)
	}
	if ok && !n.Closing && closedLater(src, lineEnd(src, seg.Stop, more), n.Name) {
		call := n.Shortcode
		call.Offset, call.Paired = seg.Start+lead, true
		if n.Name == "highlight" && p.hugo["highlight"] {
			return openHighlight(&call, more, reader)
		}
		reader.AdvanceToEOL()
		return &ShortcodeBlock{Call: &call, tagLines: more}, parser.HasChildren
	}
	if more > 0 {
		return openCallLines(reader, pc, seg, more)
	}
	return nil, parser.NoChildren // no closing line: an inline call
}

func (shortcodeBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	if para, ok := node.(*CallLines); ok {
		return continueCallLines(para, reader, pc)
	}
	if h, ok := node.(*HighlightBlock); ok {
		return continueHighlight(h, reader)
	}
	b := node.(*ShortcodeBlock)
	if b.tagLines > 0 {
		b.tagLines--
		reader.AdvanceToEOL()
		return parser.Continue | parser.NoChildren
	}
	line, _ := reader.PeekLine()
	if n, _, ok := tagLine(line); ok && n.Name == b.Call.Name {
		switch {
		case !n.Closing:
			b.depth++
		case b.depth > 0:
			b.depth-- // closes a call inside, which sees this line next
		default:
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	return parser.Continue | parser.HasChildren
}

func (shortcodeBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if para, ok := node.(*CallLines); ok {
		trimParagraph(para, reader.Source())
	}
}
func (shortcodeBlockParser) CanInterruptParagraph() bool { return true }
func (shortcodeBlockParser) CanAcceptIndentedLine() bool { return false }

// closedLater reports whether a line after offset from closes the call
// named name, counting calls of that name opened in between.
func closedLater(src []byte, from int, name string) bool {
	if !bytes.Contains(src[from:], []byte("/"+name)) {
		return false // the common case, a call without inner content: no scan
	}
	depth := 0
	for off := from; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
		}
		if n, _, ok := tagLine(src[off:next]); ok && n.Name == name {
			if !n.Closing {
				depth++
			} else if depth == 0 {
				return true
			} else {
				depth--
			}
		}
		off = next
	}
	return false
}

// shortcodePairs moves the inline nodes between a call and its closing tag
// on one line into the call. A closing tag that closes nothing stays, marked
// Closing, for the link stage to report.
type shortcodePairs struct{}

func (shortcodePairs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock {
			pairChildren(n)
		}
		return ast.WalkContinue, nil
	})
}

func pairChildren(parent ast.Node) {
	var open []*Shortcode
	for c := parent.FirstChild(); c != nil; {
		next := c.NextSibling()
		sc, ok := c.(*Shortcode)
		if !ok || sc.Err != "" {
			c = next
			continue
		}
		if !sc.Closing {
			open = append(open, sc)
			c = next
			continue
		}
		for i := len(open) - 1; i >= 0; i-- {
			if open[i].Name != sc.Name {
				continue
			}
			opener := open[i]
			for m := opener.NextSibling(); m != sc; {
				after := m.NextSibling()
				parent.RemoveChild(parent, m)
				opener.AppendChild(opener, m)
				m = after
			}
			parent.RemoveChild(parent, sc)
			opener.Paired = true
			pairChildren(opener)
			open = open[:i]
			break
		}
		c = next
	}
}
