package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindTermLink is the node kind of [[Term]] and [[Term|label]].
var KindTermLink = ast.NewNodeKind("TermLink")

// TermLink is a reference to a definition written [[Term]] or [[Term|label]].
type TermLink struct {
	ast.BaseInline
	Target string // the term as written, trimmed
	Label  string // the text shown; Target when no label is given
	Offset int    // byte offset of "[[" in the body
	// NoLink is [[!text]]: the text is shown as written, never linked,
	// not even by autolinking (a name that contains a term, a word used in
	// another sense).
	NoLink bool
}

// Kind implements ast.Node.
func (n *TermLink) Kind() ast.NodeKind { return KindTermLink }

// Dump implements ast.Node.
func (n *TermLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Target": n.Target, "Label": n.Label}, nil)
}

// termLinkParser parses [[...]]. It runs before goldmark's link parser and
// steps aside (returns nil) for anything that is not a complete [[...]] on one line.
type termLinkParser struct{}

func (termLinkParser) Trigger() []byte { return []byte{'['} }

func (termLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	end := bytes.Index(line, []byte("]]"))
	if end < 0 {
		return nil
	}
	if end+2 < len(line) && line[end+2] == '(' {
		// [[1]](notes.md) is a link whose text is "[1]", as CommonMark
		// reads it (MkDocs and GitHub pages number their references so),
		// not a term followed by text in brackets.
		return nil
	}
	inner := line[2:end]
	if bytes.ContainsAny(inner, "[]\n") || len(bytes.TrimSpace(inner)) == 0 {
		return nil
	}
	if text, ok := bytes.CutPrefix(inner, []byte("!")); ok {
		if len(bytes.TrimSpace(text)) == 0 {
			return nil
		}
		block.Advance(end + 2)
		return &TermLink{Target: string(text), Label: string(text), Offset: seg.Start, NoLink: true}
	}
	target, label, hasLabel := bytes.Cut(inner, []byte("|"))
	if len(bytes.TrimSpace(target)) == 0 {
		return nil // [[|label]] names no term: plain text
	}
	n := &TermLink{
		Target: string(bytes.TrimSpace(target)),
		Offset: seg.Start,
	}
	n.Label = n.Target
	if hasLabel && len(bytes.TrimSpace(label)) > 0 {
		n.Label = string(bytes.TrimSpace(label))
	}
	block.Advance(end + 2)
	return n
}
