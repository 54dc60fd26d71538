package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Attribute lists, as MkDocs reads them (Python-Markdown's attr_list):
// { #id .class key=value } or {: ... }, written
//
//   - right after a link, a picture, emphasis or code, with no space:
//     [Start](start.md){ .md-button }, ![Map](map.png){ width="300" },
//     **Owner**{ #owner };
//   - at the end of a heading: ## Day one { #day-1 };
//   - on a line of its own at the end of a paragraph (or of a list item
//     of a tight list), for that paragraph (or item).
//
// Anywhere else, and whenever what is in the braces is not an attribute
// list (prose such as {n}, {{, a JSON snippet), the text stays as written.
//
// What each attribute becomes is decided by applyAttrs, this file being
// the one home of the rule: an id is kept (the page's links may point at
// it), .md-button on a link shows it as a button, a picture's width and
// height in pixels are kept, loading=lazy is what pictures already do,
// target=_blank on a link opens it in a new tab; the rest is left out,
// with a warning (AttrProblem). Scripts (on…) and inline styles are never
// written, as raw HTML is off by default.

// KindAttrList is the node kind of an attribute list while the page is
// parsed; attrLists takes every one out of the tree.
var KindAttrList = ast.NewNodeKind("AttrList")

// AttrList is { #id .class key=value } as read.
type AttrList struct {
	ast.BaseInline
	Segment  text.Segment // the braces and what they hold
	Items    []attrItem
	attached bool // written right after the element before it, with no space
	trailing bool // nothing but spaces follows it on its line
}

type attrItem struct{ name, value string } // #a is id=a, .b is class=b

// Kind implements ast.Node.
func (n *AttrList) Kind() ast.NodeKind { return KindAttrList }

// Dump implements ast.Node.
func (n *AttrList) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// AttrProblem is what an attribute list asked for and the page does not
// show, for a warning. Problems are said once a page: the first list that
// has one gives its position.
type AttrProblem struct {
	Offset int // byte offset of the list's "{" in the body
	// Problem is "class" (classes left out: Name lists them), "unsafe"
	// (a script or an inline style: Name), "size" (a width or height that
	// is not a number of pixels: Name="value"), "unknown" (another
	// attribute: Name) or "alone" (a list after a blank line, for no
	// element).
	Problem string
	Name    string
	Count   int // how many lists of the page had this problem
}

// scanAttrList reads an attribute list at the start of line: "{", an
// optional ":", then items separated by spaces, the first of them #id,
// .class or key=value (so that prose in braces is never taken for one),
// then "}". n is the length read; 0 when line does not start with a list.
func scanAttrList(line []byte) (items []attrItem, n int) {
	i := 1
	if len(line) < 2 || line[0] != '{' {
		return nil, 0
	}
	if line[i] == ':' {
		i++
	}
	for {
		start := i
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i < len(line) && line[i] == '}' {
			if len(items) == 0 {
				return nil, 0
			}
			return items, i + 1
		}
		if i == start && len(items) > 0 || i >= len(line) {
			return nil, 0 // items are separated by spaces
		}
		item, w := scanAttrItem(line[i:], len(items) == 0)
		if w == 0 {
			return nil, 0
		}
		items = append(items, item)
		i += w
	}
}

// scanAttrItem reads one item: #id, .class, key=value, key="value",
// key='value', or (not first) a bare word, which MkDocs reads as key=key.
func scanAttrItem(s []byte, first bool) (attrItem, int) {
	word := func(s []byte) int {
		i := 0
		for i < len(s) && !bytes.ContainsRune([]byte(" \t\r\n{}\"'=<>`"), rune(s[i])) {
			i++
		}
		return i
	}
	if s[0] == '#' || s[0] == '.' {
		w := word(s[1:])
		if w == 0 {
			return attrItem{}, 0
		}
		name := "id"
		if s[0] == '.' {
			name = "class"
		}
		return attrItem{name, string(s[1 : 1+w])}, 1 + w
	}
	k := 0
	for k < len(s) && (isAlnum(s[k]) || k > 0 && (s[k] == '-' || s[k] == '_' || s[k] == ':' || s[k] == '.')) {
		k++
	}
	if k == 0 {
		return attrItem{}, 0
	}
	name := strings.ToLower(string(s[:k]))
	if k == len(s) || s[k] != '=' {
		if first || k < len(s) && s[k] != ' ' && s[k] != '\t' && s[k] != '}' {
			return attrItem{}, 0
		}
		return attrItem{name, name}, k
	}
	v := s[k+1:]
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		end := bytes.IndexByte(v[1:], v[0])
		if end < 0 || bytes.ContainsAny(v[1:1+end], "\r\n") {
			return attrItem{}, 0
		}
		return attrItem{name, string(v[1 : 1+end])}, k + 1 + end + 2
	}
	w := word(v)
	if w == 0 {
		return attrItem{}, 0
	}
	return attrItem{name, string(v[:w])}, k + 1 + w
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// attrListParser reads a list where one may stand: right after an
// element (not after text or a space) or at the end of a line.
type attrListParser struct{}

func (attrListParser) Trigger() []byte { return []byte{'{'} }

func (attrListParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	items, n := scanAttrList(line)
	if n == 0 {
		return nil
	}
	src := block.Source()
	l := &AttrList{Segment: text.NewSegment(seg.Start, seg.Start+n), Items: items}
	if last := parent.LastChild(); last != nil && seg.Start > 0 && !util.IsSpace(src[seg.Start-1]) {
		_, isText := last.(*ast.Text)
		l.attached = !isText
	}
	l.trailing = util.IsBlank(line[n:])
	if !l.attached && !l.trailing {
		return nil
	}
	block.Advance(n)
	pc.Set(attrListsKey, []AttrProblem{}) // attrLists has lists to read
	return l
}

// attrListsKey holds the AttrProblems attrLists found, for Parse; set
// (empty) by attrListParser once it reads a list, so that attrLists does
// not walk a page that has none.
var attrListsKey = parser.NewContextKey()

// attrLists gives each attribute list to its element and takes it out of
// the tree; a list that belongs to none is text again. It runs before
// headingIDs, so that a heading's own id is not replaced by a made one.
type attrLists struct{}

func (attrLists) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if pc.Get(attrListsKey) == nil {
		return
	}
	var lists []*AttrList
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*AttrList); ok && entering {
			lists = append(lists, l)
		}
		return ast.WalkContinue, nil
	})
	src := reader.Source()
	var problems []AttrProblem
	for _, l := range lists {
		parent := l.Parent()
		target := l.target()
		if target == nil {
			parent.ReplaceChild(parent, l, ast.NewTextSegment(l.Segment))
			continue
		}
		if p, ok := target.(*ast.Paragraph); ok && p == parent && l.PreviousSibling() == nil {
			problems = append(problems, AttrProblem{Offset: l.Segment.Start, Problem: "alone"})
			parent.Parent().RemoveChild(parent.Parent(), parent)
			continue
		}
		if target == parent || target == parent.Parent() { // a list for a block: the text before it ends there
			if t, ok := l.PreviousSibling().(*ast.Text); ok {
				t.Segment = t.Segment.TrimRightSpace(src)
				t.SetSoftLineBreak(false)
				t.SetHardLineBreak(false)
			}
		}
		parent.RemoveChild(parent, l)
		problems = append(problems, applyAttrs(target, l)...)
	}
	pc.Set(attrListsKey, problems)
}

// target is the element l is for, or nil.
func (l *AttrList) target() ast.Node {
	parent := l.Parent()
	last := true // only empty text follows l in its block
	for n := l.NextSibling(); n != nil; n = n.NextSibling() {
		if t, ok := n.(*ast.Text); !ok || t.Segment.Len() > 0 {
			last = false
		}
	}
	if h, ok := parent.(*ast.Heading); ok && l.trailing && last {
		return h
	}
	if l.attached {
		switch prev := l.PreviousSibling().(type) {
		case *ast.Link, *ast.Image, *ast.Emphasis, *ast.CodeSpan:
			return prev
		}
	}
	startsLine := false
	switch prev := l.PreviousSibling().(type) {
	case nil:
		startsLine = true
	case *ast.Text:
		startsLine = prev.SoftLineBreak() || prev.HardLineBreak()
	}
	if !l.trailing || !last || !startsLine {
		return nil
	}
	switch p := parent.(type) {
	case *ast.Paragraph:
		return p
	case *ast.TextBlock:
		if li, ok := p.Parent().(*ast.ListItem); ok && l.PreviousSibling() != nil {
			return li
		}
	}
	return nil
}

// applyAttrs sets on n the attributes of l the page shows (see the top of
// this file), as node attributes the renderer writes, and returns the
// problems with the rest.
func applyAttrs(n ast.Node, l *AttrList) []AttrProblem {
	at := l.Segment.Start
	var problems []AttrProblem
	var dropped []string
	_, isLink := n.(*ast.Link)
	_, isImage := n.(*ast.Image)
	for _, it := range l.Items {
		switch {
		case it.name == "id":
			n.SetAttribute([]byte("id"), []byte(it.value))
		case it.name == "class":
			if isLink && (it.value == "md-button" || it.value == "md-button--primary") {
				n.SetAttribute([]byte("class"), []byte("button"))
			} else {
				dropped = append(dropped, "."+it.value)
			}
		case isImage && it.name == "loading" && strings.EqualFold(it.value, "lazy"):
			// every picture is loaded lazily already
		case isImage && (it.name == "width" || it.name == "height"):
			if px, ok := pixels(it.value); ok {
				n.SetAttribute([]byte(it.name), []byte(px))
			} else {
				problems = append(problems, AttrProblem{Offset: at, Problem: "size", Name: it.name + `="` + it.value + `"`})
			}
		case isLink && it.name == "target" && it.value == "_blank":
			n.SetAttribute([]byte("target"), []byte("_blank"))
		case it.name == "style" || strings.HasPrefix(it.name, "on"):
			problems = append(problems, AttrProblem{Offset: at, Problem: "unsafe", Name: it.name})
		default:
			problems = append(problems, AttrProblem{Offset: at, Problem: "unknown", Name: it.name})
		}
	}
	if len(dropped) > 0 {
		problems = append(problems, AttrProblem{Offset: at, Problem: "class", Name: strings.Join(dropped, " ")})
	}
	return problems
}

// pixels is a width or height as an HTML attribute takes it: a whole
// number of pixels ("300" or "300px"). Other units (%, em) would need an
// inline style, which pages do not carry.
func pixels(v string) (string, bool) {
	v = strings.TrimSuffix(strings.TrimSpace(v), "px")
	if v == "" || len(v) > 5 {
		return "", false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return "", false
		}
	}
	return v, true
}

// attrProblems is the problems attrLists found, each said once a page: at
// the first list that has it, with how many lists had it. All classes left
// out are one problem.
func attrProblems(pc parser.Context) []AttrProblem {
	found, _ := pc.Get(attrListsKey).([]AttrProblem)
	var out []AttrProblem
	seen := map[string]int{}
	for _, p := range found {
		key := p.Problem
		if p.Problem != "class" && p.Problem != "alone" {
			key += " " + p.Name
		}
		if i, ok := seen[key]; ok {
			out[i].Count++
			continue
		}
		seen[key] = len(out)
		p.Count = 1
		out = append(out, p)
	}
	return out
}

// writeAttrs writes the attributes applyAttrs set on n: its id, with the
// page's id prefix, then the others it may carry.
func (r *nodeRenderer) writeAttrs(w util.BufWriter, n ast.Node) {
	if n.Attributes() == nil {
		return
	}
	if _, isHeading := n.(*ast.Heading); !isHeading { // a heading writes its own id
		if v, ok := n.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				w.WriteString(` id="`)
				w.WriteString(r.prefix())
				r.Writer.Write(w, b)
				w.WriteByte('"')
			}
		}
	}
	for _, name := range []string{"class", "width", "height", "target"} {
		v, ok := n.AttributeString(name)
		b, isBytes := v.([]byte)
		if !ok || !isBytes {
			continue
		}
		w.WriteString(" " + name + `="`)
		r.Writer.Write(w, b)
		w.WriteByte('"')
		if name == "target" {
			w.WriteString(` rel="noopener"`)
		}
	}
}
