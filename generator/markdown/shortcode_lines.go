package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A call written over several lines, as Hugo allows:
//
//	{{< figure
//	    src="journey.png"
//	    alt="The onboarding journey"
//	>}}
//
// Its lines are kept together as one block, so that a line of it is never
// read as markdown of its own (">}}" would start a quote). The inline
// parser then reads the call across the lines (see callText). When the
// opening tag of a call holding blocks is written so, the block is a
// ShortcodeBlock that passes over the tag's lines.

// KindCallLines is the node kind of a call's lines while the blocks are
// parsed; callParagraphs makes each a paragraph once their inline content
// is read. (goldmark asks no parser whether a paragraph goes on: the
// lines must be held by a node of another kind.)
var KindCallLines = ast.NewNodeKind("CallLines")

// CallLines holds the lines of a call written over several lines.
type CallLines struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *CallLines) Kind() ast.NodeKind { return KindCallLines }

// Dump implements ast.Node.
func (n *CallLines) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// callParagraphs turns each CallLines into the paragraph it is.
type callParagraphs struct{}

func (callParagraphs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var found []*CallLines
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*CallLines); ok && entering {
			found = append(found, c)
		}
		return ast.WalkContinue, nil
	})
	for _, c := range found {
		para := ast.NewParagraph()
		para.SetLines(c.Lines())
		para.SetBlankPreviousLines(c.HasBlankPreviousLines())
		for child := c.FirstChild(); child != nil; child = c.FirstChild() {
			para.AppendChild(para, child)
		}
		c.Parent().ReplaceChild(c.Parent(), c, para)
	}
}

// callLinesKey holds, while such a call's paragraph is open, how many of
// its lines are still to come. Only one paragraph is open at a time.
var callLinesKey = parser.NewContextKey()

// tagLines reads a call that opens on the line at seg, at most three
// spaces in, and is closed on a later line before an empty one. more is
// how many lines after the first it takes (0: none such). ok is true when
// the lines hold the opening tag and nothing else, as tagLine's one line.
func tagLines(src []byte, seg text.Segment) (n parsedShortcode, lead, more int, ok bool) {
	line := src[seg.Start:seg.Stop]
	lead = len(line) - len(bytes.TrimLeft(line, " "))
	first := bytes.TrimRight(line[lead:], " \t\r\n")
	if lead > 3 || !bytes.HasPrefix(first, []byte("{{<")) && !bytes.HasPrefix(first, []byte("{{%")) {
		return n, lead, 0, false
	}
	if shown, _ := escapedShortcode(first); shown != nil {
		return n, lead, 0, false
	}
	closer := callCloser(first)
	if closingDelimiter(first, closer) >= 0 {
		return n, lead, 0, false // on one line: tagLine's, or an inline call
	}
	off := seg.Stop
	for more = 1; more <= maxCallLines && off < len(src); more++ {
		next := lineEnd(src, off, 1)
		if util.IsBlank(src[off:next]) {
			break
		}
		joined := bytes.TrimRight(src[seg.Start+lead:next], " \t\r\n")
		if end := closingDelimiter(joined, closer); end >= 0 {
			n = parseShortcode(joined)
			return n, lead, more, n.Err == "" && n.consumed == len(joined)
		}
		off = next
	}
	return n, lead, 0, false
}

// lineEnd is the offset just past the lines-th line end after from.
func lineEnd(src []byte, from, lines int) int {
	for ; lines > 0 && from < len(src); lines-- {
		i := bytes.IndexByte(src[from:], '\n')
		if i < 0 {
			return len(src)
		}
		from += i + 1
	}
	return from
}

// openCallLines starts the paragraph of a call over more lines after the
// one at seg.
func openCallLines(reader text.Reader, pc parser.Context, seg text.Segment, more int) (ast.Node, parser.State) {
	pc.Set(callLinesKey, more)
	para := &CallLines{}
	para.Lines().Append(seg)
	reader.AdvanceToEOL()
	return para, parser.NoChildren
}

// continueCallLines adds the next line of a call's paragraph, and closes
// the paragraph after the call's last line.
func continueCallLines(para *CallLines, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	left, _ := pc.Get(callLinesKey).(int)
	if left <= 0 || util.IsBlank(line) {
		return parser.Close
	}
	para.Lines().Append(seg)
	reader.AdvanceToEOL()
	if left--; left == 0 {
		pc.Set(callLinesKey, nil)
		return parser.Close
	}
	pc.Set(callLinesKey, left)
	return parser.Continue | parser.NoChildren
}

// trimParagraph trims a paragraph's lines as goldmark's own paragraphs
// are: each line's leading spaces, and the last line's trailing ones.
func trimParagraph(para *CallLines, src []byte) {
	lines := para.Lines()
	for i := range lines.Len() {
		l := lines.At(i)
		lines.Set(i, l.TrimLeftSpace(src))
	}
	if k := lines.Len(); k > 0 {
		l := lines.At(k - 1)
		lines.Set(k-1, l.TrimRightSpace(src))
	}
}
