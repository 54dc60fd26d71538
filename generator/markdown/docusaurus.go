package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Docusaurus admonitions:
//
//	:::tip Title          (Docusaurus 2; the title is optional)
//	:::tip[Title]         (Docusaurus 3)
//	Content, in markdown, not indented.
//	:::
//
// They are Admonition nodes, so they are the same callouts as MkDocs
// admonitions and GitHub alerts. Unlike those, the content is not
// indented: the block runs until a line of at least as many colons as it
// opened with, so an outer one is written with more colons (`::::note`
// around `:::tip`), as Docusaurus asks, and the outer one's closing line
// ends the inner one too. Where the inner one has as many colons as the
// outer (which Docusaurus cannot read: its first `:::` ends the outer),
// a closing line goes to the inner one, as its author meant.

// DocusaurusTypes are the admonition types of Docusaurus, in the order a
// message lists them.
var DocusaurusTypes = []string{"note", "tip", "info", "caution", "warning", "danger"}

// AdmonitionTypes are all the types a Docusaurus admonition may have:
// DocusaurusTypes and the older names Docusaurus still reads, sorted.
func AdmonitionTypes() []string {
	types := make([]string, 0, len(docusaurusAlerts))
	for t := range docusaurusAlerts {
		types = append(types, t)
	}
	slices.Sort(types)
	return types
}

// docusaurusAlerts maps Docusaurus' types, and the aliases its theme still
// reads (secondary, important, success), to the alert kind nearest in
// colour and meaning: its caution and warning are yellow (GitHub's
// warning), its danger red (GitHub's caution).
var docusaurusAlerts = map[string]string{
	"note": "note", "tip": "tip", "info": "note", "caution": "warning", "warning": "warning", "danger": "caution",
	"secondary": "note", "important": "important", "success": "tip",
}

// AdmonitionProblem is something wrong with a Docusaurus admonition or an
// alert, or a line of MkDocs's snippets, for a warning: the page still
// builds, and shows what it can.
type AdmonitionProblem struct {
	Offset  int    // byte offset in the body of the line at fault
	Problem string // "unknown" type, "unclosed", a "stray" closing line, an "alert" of an unknown type, or an MkDocs "snippet"
	Fence   string // the colons as written: ":::"
	Type    string // the type as written ("foo"), for "unknown", "unclosed" and "alert"; a snippet's file
}

type docusaurusParser struct{}

func (docusaurusParser) Trigger() []byte { return []byte{':'} }

func (docusaurusParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	n, ok := parseDocusaurus(line[pos:])
	if !ok {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// colons counts the colons a line starts with.
func colons(line []byte) int {
	i := 0
	for i < len(line) && line[i] == ':' {
		i++
	}
	return i
}

// parseDocusaurus reads the first line of an admonition: three or more
// colons, then the type straight after them (`::: note`, with a space, is
// Pandoc's and mkdocstrings' syntax, not an admonition), then an optional
// title, after a space or in brackets. A line that is not one is text.
func parseDocusaurus(line []byte) (*Admonition, bool) {
	k := colons(line)
	if k < 3 {
		return nil, false
	}
	rest := line[k:]
	end := 0
	for end < len(rest) && (rest[end] >= 'a' && rest[end] <= 'z' || rest[end] >= 'A' && rest[end] <= 'Z' ||
		end > 0 && (rest[end] >= '0' && rest[end] <= '9' || rest[end] == '-' || rest[end] == '_')) {
		end++
	}
	if end == 0 {
		return nil, false
	}
	typ := strings.ToLower(string(rest[:end]))
	rest = rest[end:]
	title := ""
	switch {
	case util.IsBlank(rest):
	case rest[0] == '[':
		// The title runs to the last "]": a title may hold brackets of its own.
		rb := bytes.LastIndexByte(rest, ']')
		if rb < 0 {
			return nil, false
		}
		title = strings.TrimSpace(string(rest[1:rb]))
		after := bytes.TrimSpace(rest[rb+1:])
		// {#id .class} after the title is a directive's attributes, which
		// Docusaurus does not show either.
		if len(after) > 0 && (after[0] != '{' || after[len(after)-1] != '}') {
			return nil, false
		}
	case rest[0] == ' ' || rest[0] == '\t':
		title = strings.TrimSpace(string(rest))
	case rest[0] == '{' && bytes.HasSuffix(bytes.TrimSpace(rest), []byte("}")):
	default:
		return nil, false // ":::note." or ":::my.module": not a type
	}
	n := &Admonition{Fence: k, Name: typ, Title: title}
	n.Alert = docusaurusAlerts[typ]
	if n.Alert == "" {
		n.Alert, n.Unknown = "note", true
	}
	if n.Title == "" {
		n.Title = strings.ToUpper(typ[:1]) + typ[1:] // Docusaurus' own label is its type's name
	}
	return n, true
}

// closingFence returns the number of colons of a closing line (only
// colons, then nothing but spaces), or 0 when the line is not one.
func closingFence(line []byte) int {
	k := colons(line)
	if k < 3 || !util.IsBlank(line[k:]) {
		return 0
	}
	return k
}

func (docusaurusParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*Admonition)
	line, _ := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w < 4 {
		if k := closingFence(line[pos:]); k >= n.Fence && !closesInside(n, k, pc) {
			n.closed = true
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	return parser.Continue | parser.HasChildren
}

// closesInside reports whether a closing line of k colons belongs to a
// block open inside node rather than to node: a fenced code block or raw
// HTML (where ::: is text), or an admonition nested in it with as many
// colons or more (see above) that the line can close.
func closesInside(node *Admonition, k int, pc parser.Context) bool {
	open := pc.OpenedBlocks()
	inside := false
	for _, b := range open {
		if b.Node == node {
			inside = true
			continue
		}
		if !inside {
			continue
		}
		switch b := b.Node.(type) {
		case *ast.FencedCodeBlock, *ast.HTMLBlock:
			return true
		case *Admonition:
			if b.Fence >= node.Fence && b.Fence <= k {
				return true
			}
		}
	}
	return false
}

func (docusaurusParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// An admonition may start right under a line of text, as in Docusaurus:
// its first line (colons, then a word) is never prose.
func (docusaurusParser) CanInterruptParagraph() bool { return true }

func (docusaurusParser) CanAcceptIndentedLine() bool { return false }

// docusaurusProblems records, for warnings, what is wrong with an
// admonition node, or with a paragraph that holds a closing line no
// admonition took or an MkDocs snippet line.
func (d *Doc) docusaurusProblems(n ast.Node, src []byte) {
	switch n := n.(type) {
	case *Admonition:
		if n.Fence == 0 {
			return
		}
		n.Title = d.titleText(n.Title)
		at := blockOffset(n, src)
		fence := strings.Repeat(":", n.Fence)
		if n.Unknown {
			d.Admonitions = append(d.Admonitions, AdmonitionProblem{Offset: at, Problem: "unknown", Fence: fence, Type: n.Name})
		}
		if !n.closed {
			d.Admonitions = append(d.Admonitions, AdmonitionProblem{Offset: at, Problem: "unclosed", Fence: fence, Type: n.Name})
		}
	case *ast.Paragraph:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			line := seg.Value(src)
			lead := len(line) - len(bytes.TrimLeft(line, " \t"))
			if k := closingFence(line[lead:]); k > 0 {
				d.Admonitions = append(d.Admonitions, AdmonitionProblem{Offset: seg.Start + lead, Problem: "stray", Fence: strings.Repeat(":", k)})
			}
			// MkDocs's snippets (pymdownx.snippets) put another file's
			// text in place of --8<-- "file.md"; here the line is text, and
			// the page lacks what it meant to show.
			if rest, ok := bytes.CutPrefix(bytes.TrimSpace(line[lead:]), []byte("--8<--")); ok {
				file := strings.Trim(strings.TrimSpace(string(rest)), `"'`)
				d.Admonitions = append(d.Admonitions, AdmonitionProblem{Offset: seg.Start + lead, Problem: "snippet", Type: file})
			}
		}
	}
}

// titleText is an admonition's title as a reader sees it: Docusaurus reads
// markdown in a title (`:::note[The **new** rule]`), which a label, plain
// text, shows without its marks. The title is read by goldmark, like the
// rest of the page.
func (d *Doc) titleText(title string) string {
	if !strings.ContainsAny(title, "*_`[]<>\\&~!") {
		return title
	}
	if off, _ := Nesting([]byte(title)); off >= 0 {
		return title
	}
	src := []byte(title)
	return strings.TrimSpace(plainText(titleParser.Parse(text.NewReader(src)), src))
}

// titleParser reads titles: goldmark with GFM's inline extensions, and
// without shiftbook's own syntax, which a title does not take part in.
var titleParser = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
