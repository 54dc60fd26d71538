package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HugoShortcodes are the shortcodes of Hugo's own that content written for
// Hugo uses most and that are read here as Hugo writes them, unless the
// site has its own of the name: figure (figure.go), highlight (a code
// block), details (a disclosure), and the embeds of other sites (see
// embedURL), shown as links.
var HugoShortcodes = []string{"details", "figure", "gist", "highlight", "instagram", "tweet", "vimeo", "x", "youtube"}

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

// hugoCalls reads the calls of HugoShortcodes the site gets (hugo) that
// are read as nodes: a figure (figureAt) and the embeds of other sites
// (embedAt). highlight and details are read as blocks by
// shortcodeBlockParser.
type hugoCalls struct{ hugo map[string]bool }

func (h hugoCalls) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("{{")) {
		return // no call at all: most pages
	}
	var found []*Shortcode
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if sc, ok := n.(*Shortcode); ok && entering && h.hugo[sc.Name] && !sc.Paired && !sc.Closing && sc.Err == "" {
			found = append(found, sc)
		}
		return ast.WalkContinue, nil
	})
	for _, sc := range found {
		if sc.Name == "figure" {
			figureAt(sc, src)
		} else {
			embedAt(sc)
		}
	}
}

// embedAt turns an embed call (Hugo's youtube, vimeo, gist, x, tweet,
// instagram) into a link to what it shows. An internal site shows no other
// site's player or post in its pages (their scripts and cookies would come
// with it), so the reader follows the link instead; its text is the call's
// title, else the address. A call without what it needs stays a call, for
// the link stage to report.
func embedAt(sc *Shortcode) {
	u, ok := embedURL(sc)
	if !ok {
		return
	}
	a := ast.NewLink()
	a.Destination = []byte(u)
	a.SetPos(sc.Offset)
	label := sc.Named["title"]
	if label == "" {
		label = u
	}
	a.AppendChild(a, ast.NewString([]byte(label)))
	sc.Parent().ReplaceChild(sc.Parent(), sc, a)
}

// embedURL is the address of what an embed call shows, as Hugo's
// templates make it from the arguments; false when they are not there.
func embedURL(sc *Shortcode) (string, bool) {
	arg := func(i int, name string) string {
		if v := sc.Named[name]; v != "" {
			return url.PathEscape(v)
		}
		if i < len(sc.Args) && sc.Args[i] != "" {
			return url.PathEscape(sc.Args[i])
		}
		return ""
	}
	switch sc.Name {
	case "youtube":
		if id := arg(0, "id"); id != "" {
			id, _ = url.PathUnescape(id)
			return "https://www.youtube.com/watch?v=" + url.QueryEscape(id), true // a query, where & ends a value
		}
	case "vimeo":
		if id := arg(0, "id"); id != "" {
			return "https://vimeo.com/" + id, true
		}
	case "gist":
		if user, id := arg(0, "user"), arg(1, "id"); user != "" && id != "" {
			return "https://gist.github.com/" + user + "/" + id, true
		}
	case "x", "tweet":
		if user, id := arg(0, "user"), arg(1, "id"); user != "" && id != "" {
			return "https://x.com/" + user + "/status/" + id, true
		}
	case "instagram":
		if id := arg(0, "id"); id != "" {
			return "https://www.instagram.com/p/" + id + "/", true
		}
	}
	return "", false
}

// HugoShortcodeProblem is what is wrong with a call of one of
// HugoShortcodes that is still a call after parsing (one that stands
// where it can be read became its node), or "" for any other name.
func HugoShortcodeProblem(sc *Shortcode) string {
	name := sc.Name
	switch name {
	case "figure":
		if sc.Named["src"] == "" && !sc.Closing {
			return `{{< figure >}} (a picture with its caption, as in Hugo) needs src="…", the picture it shows, as in {{< figure src="journey.png" alt="The onboarding journey" >}}`
		}
		return "{{< figure >}} (a picture with its caption, as in Hugo) makes a block, which cannot stand inside a paragraph's text or hold content; put it on a line of its own, with a blank line before and after"
	case "youtube", "vimeo", "instagram":
		return fmt.Sprintf("{{< %s >}} (as in Hugo) needs the id of what it shows: write {{< %s \"ID\" >}}; it is shown as a link to it", name, name)
	case "gist", "x", "tweet":
		return fmt.Sprintf("{{< %s >}} (as in Hugo) needs the user and the id of what it shows: write {{< %s \"USER\" \"ID\" >}}; it is shown as a link to it", name, name)
	case "highlight", "details":
		return fmt.Sprintf("{{< %s >}} (as in Hugo) holds lines of its own: put the opening tag on a line of its own, then the content, then {{< /%s >}} on a line of its own", name, name)
	}
	return ""
}
