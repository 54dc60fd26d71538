package markdown

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// GitHub alerts: a quote whose first line is [!NOTE], [!TIP], [!IMPORTANT],
// [!WARNING] or [!CAUTION] (any case) is a callout of that kind, as on
// GitHub. Its label is written out as text, so the kind is never told by
// colour alone.
var alertLabels = map[string]string{
	"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
}

// Hugo and Obsidian read more on the marker line, and pages moved from
// them (Docsy's among them) write it: a title after the marker
// ([!TIP] Before you start), a fold (+ open, - closed: [!NOTE]- Details)
// and other types ([!DANGER], [!INFO], [!QUESTION]), shown as the nearest
// of the five kinds as MkDocs Material's types are (admonitionAlerts),
// labelled with their own name. Obsidian's types beyond Material's:
var obsidianTypes = []string{"abstract", "summary", "tldr", "info", "todo", "question", "help", "faq", "example", "quote", "cite"}

// alert is what the marker line of a quote says.
type alert struct {
	typ         string // the type written, in lower case: "danger"
	kind        string // one of alertLabels' keys
	label       string // the title written, else the type's own name
	collapsible bool
	open        bool
}

// AlertTypes are the types an alert may name ([!TYPE]), sorted: GitHub's,
// MkDocs Material's, Obsidian's and Docusaurus's, which Hugo reads too.
func AlertTypes() []string {
	types := slices.Collect(maps.Keys(alertLabels))
	for _, m := range []map[string]string{admonitionAlerts, docusaurusAlerts} {
		types = append(types, slices.Collect(maps.Keys(m))...)
	}
	types = append(types, obsidianTypes...)
	slices.Sort(types)
	return slices.Compact(types)
}

// parseAlertMarker reads the first line of a quote: [!TYPE], then + or -,
// then a title; ok is false for a line that is no marker.
func parseAlertMarker(line []byte) (typ, fold, title string, ok bool) {
	if len(line) < 4 || line[0] != '[' || line[1] != '!' {
		return "", "", "", false
	}
	end := bytes.IndexByte(line, ']')
	if end < 3 {
		return "", "", "", false
	}
	typ = string(line[2:end])
	if strings.IndexFunc(typ, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_')
	}) >= 0 {
		return "", "", "", false
	}
	rest := line[end+1:]
	if len(rest) > 0 && (rest[0] == '+' || rest[0] == '-') {
		fold, rest = string(rest[:1]), rest[1:]
	}
	if len(rest) > 0 && rest[0] != ' ' && rest[0] != '\t' {
		return "", "", "", false // [!NOTE]s is a word, not a marker
	}
	return strings.ToLower(typ), fold, string(bytes.TrimSpace(rest)), true
}

// alertOf returns what alert a quote is, and takes its marker line out of
// it; ok is false for an ordinary quote. unknown is true for a type no
// tool has, shown as a note and warned about.
func (d *Doc) alertOf(q *ast.Blockquote, src []byte) (a alert, unknown, ok bool) {
	p, isPara := q.FirstChild().(*ast.Paragraph)
	if !isPara || p.Lines().Len() == 0 {
		return alert{}, false, false
	}
	first := p.Lines().At(0)
	typ, fold, title, ok := parseAlertMarker(bytes.TrimSpace(first.Value(src)))
	if !ok {
		return alert{}, false, false
	}
	a.typ, a.kind = typ, typ
	if _, five := alertLabels[typ]; five {
		a.label = alertLabels[typ]
	} else {
		a.kind = admonitionAlerts[typ]
		if a.kind == "" {
			a.kind = "note"
		}
		a.label = strings.ToUpper(typ[:1]) + typ[1:]
		unknown = !slices.Contains(AlertTypes(), typ)
	}
	if title != "" {
		a.label = d.titleText(title)
	}
	a.collapsible, a.open = fold != "", fold == "+"
	// The marker line is taken out of the paragraph: every inline node
	// that starts on it (goldmark leaves "[", "!NOTE", "]" and the title's
	// words and emphasis). A node that runs on past the line is no title.
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		start, stop := inlineSpan(c)
		if start >= first.Stop || start < 0 {
			break
		}
		if stop > first.Stop {
			return alert{}, false, false
		}
		p.RemoveChild(p, c)
		if t, isText := c.(*ast.Text); isText && (t.SoftLineBreak() || t.HardLineBreak()) {
			break
		}
		c = next
	}
	if p.FirstChild() == nil {
		q.RemoveChild(q, p)
	}
	return a, unknown, true
}

// inlineSpan is where in the source an inline node's text starts and
// stops, from the text under it; -1 when it has none.
func inlineSpan(n ast.Node) (start, stop int) {
	start, stop = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		var seg text.Segment
		switch c := c.(type) {
		case *ast.Text:
			seg = c.Segment
		case *ast.String, *ast.RawHTML:
			if raw, isRaw := c.(*ast.RawHTML); isRaw && raw.Segments.Len() > 0 {
				seg = text.NewSegment(raw.Segments.At(0).Start, raw.Segments.At(raw.Segments.Len()-1).Stop)
			} else {
				return ast.WalkContinue, nil
			}
		default:
			return ast.WalkContinue, nil
		}
		if entering {
			if start < 0 {
				start = seg.Start
			}
			stop = max(stop, seg.Stop)
		}
		return ast.WalkContinue, nil
	})
	return start, stop
}

// blockquote writes a quote, or an alert as an accessible callout: a note
// (role="note") whose first line is its label.
func (r *nodeRenderer) blockquote(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	var a alert
	if r.doc != nil {
		a = r.doc.alerts[node]
	}
	switch {
	case a.kind != "" && entering:
		r.calloutStart(w, a.kind, a.label, a.collapsible, a.open)
	case a.kind != "":
		calloutEnd(w, a.collapsible)
	case entering:
		w.WriteString("<blockquote>\n")
	default:
		w.WriteString("</blockquote>\n")
	}
	return ast.WalkContinue, nil
}

// definitionTerm writes a term of a definition list with its id, so
// links to the term (#net-promoter-score) work, in the book too.
func (r *nodeRenderer) definitionTerm(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		r.depth--
		w.WriteString("</dt>\n")
		return ast.WalkContinue, nil
	}
	r.depth++ // a term is a heading of sorts: not autolinked
	id := ""
	if r.doc != nil {
		id = r.doc.termIDs[node]
	}
	if id == "" {
		w.WriteString("<dt>")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<dt id="`)
	w.WriteString(r.prefix())
	w.Write(util.EscapeHTML([]byte(id)))
	w.WriteString(`">`)
	return ast.WalkContinue, nil
}
