package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindAdmonition is the node kind of an MkDocs admonition.
var KindAdmonition = ast.NewNodeKind("Admonition")

// Admonition is MkDocs' (and Material's) callout: `!!! note "Title"`, or
// `??? tip` for one that opens on a click (`???+` starts open), with its
// content indented by four spaces under it. It is written as the callout
// of the GitHub alert nearest in meaning, so both read the same.
type Admonition struct {
	ast.BaseBlock
	Alert       string // the alert kind it is shown as: "note", "tip"…
	Title       string // as written, or the type's name ("Info")
	Collapsible bool
	Open        bool

	// Docusaurus admonitions (`:::tip`, see docusaurus.go) only:
	Fence   int    // the number of colons it opened with; 0 for MkDocs
	Name    string // the type as written, lower case: "tip", "foo"
	Unknown bool   // Name is not one of DocusaurusTypes: shown as a note
	closed  bool   // a closing ::: line ended it (else: a warning)
}

// Kind implements ast.Node.
func (n *Admonition) Kind() ast.NodeKind { return KindAdmonition }

// Dump implements ast.Node.
func (n *Admonition) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Alert": n.Alert, "Title": n.Title}, nil)
}

// admonitionAlerts maps MkDocs Material's types (and their aliases) to the
// five alert kinds; a type not listed is a note, as in Material.
var admonitionAlerts = map[string]string{
	"tip": "tip", "hint": "tip", "success": "tip", "check": "tip", "done": "tip",
	"important": "important",
	"warning":   "warning", "caution": "warning", "attention": "warning",
	"danger": "caution", "error": "caution", "failure": "caution", "fail": "caution", "missing": "caution", "bug": "caution",
}

type admonitionParser struct{}

func (admonitionParser) Trigger() []byte { return []byte{'!', '?'} }

func (admonitionParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	n, ok := parseAdmonition(line)
	if !ok {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// parseAdmonition reads the first line of an admonition:
// `!!! type`, `!!! type "Title"`, `??? type`, `???+ type`.
func parseAdmonition(line []byte) (*Admonition, bool) {
	n := &Admonition{}
	switch {
	case bytes.HasPrefix(line, []byte("!!!")):
		line = line[3:]
	case bytes.HasPrefix(line, []byte("???+")):
		n.Collapsible, n.Open = true, true
		line = line[4:]
	case bytes.HasPrefix(line, []byte("???")):
		n.Collapsible = true
		line = line[3:]
	default:
		return nil, false
	}
	if len(line) == 0 || (line[0] != ' ' && line[0] != '\t') {
		return nil, false
	}
	rest := strings.TrimSpace(string(line))
	typ, title, _ := strings.Cut(rest, " ")
	typ = strings.ToLower(typ)
	if typ == "" || strings.IndexFunc(typ, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-' || r == '_') }) >= 0 {
		return nil, false
	}
	title = strings.TrimSpace(title)
	switch {
	case title == "":
		n.Title = strings.ToUpper(typ[:1]) + typ[1:]
	case len(title) >= 2 && title[0] == '"' && title[len(title)-1] == '"':
		n.Title = title[1 : len(title)-1] // "" is no title, as in MkDocs
	default:
		return nil, false
	}
	if n.Title == "" && n.Collapsible {
		n.Title = strings.ToUpper(typ[:1]) + typ[1:] // a summary needs words
	}
	n.Alert = admonitionAlerts[typ]
	if n.Alert == "" {
		n.Alert = "note"
	}
	return n, true
}

func (admonitionParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return continueIndented(reader)
}

// continueIndented continues a block whose content is indented by four
// spaces (an MkDocs admonition, a content tab): a blank line, or a line
// indented by four spaces, which its children read without them.
func continueIndented(reader text.Reader) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	if indent, _ := util.IndentWidth(line, reader.LineOffset()); indent < 4 {
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (admonitionParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (admonitionParser) CanInterruptParagraph() bool { return true }

func (admonitionParser) CanAcceptIndentedLine() bool { return false }

// admonition writes an MkDocs or Docusaurus admonition as an alert's
// callout (see callout.go).
func (r *nodeRenderer) admonition(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Admonition)
	if entering {
		r.calloutStart(w, n.Alert, n.Title, n.Collapsible, n.Open)
	} else {
		calloutEnd(w, n.Collapsible)
	}
	return ast.WalkContinue, nil
}
