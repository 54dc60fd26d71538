package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// GitHub alerts: a quote whose first line is [!NOTE], [!TIP], [!IMPORTANT],
// [!WARNING] or [!CAUTION] (any case) is a callout of that kind, as on
// GitHub. Its label is written out as text, so the kind is never told by
// colour alone.
var alertLabels = map[string]string{
	"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
}

// alertKind returns the kind of alert a quote is, and takes its marker
// line out of it; "" for an ordinary quote.
func alertKind(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	line := bytes.TrimSpace(first.Value(src))
	if len(line) < 4 || line[0] != '[' || line[1] != '!' || line[len(line)-1] != ']' {
		return ""
	}
	kind := strings.ToLower(string(line[2 : len(line)-1]))
	if _, ok := alertLabels[kind]; !ok {
		return ""
	}
	// The marker is plain text on the first line: take out the inline
	// nodes it was parsed into (goldmark leaves "[", "!NOTE", "]").
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok {
			return "" // a link or emphasis on the marker line: not a marker
		}
		if t.Segment.Start >= first.Stop {
			break
		}
		p.RemoveChild(p, c)
		if t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
		c = next
	}
	if p.FirstChild() == nil {
		q.RemoveChild(q, p)
	}
	return kind
}

// blockquote writes a quote, or an alert as an accessible callout: a note
// (role="note") whose first line is its label.
func (r *nodeRenderer) blockquote(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	kind := ""
	if r.doc != nil {
		kind = r.doc.alerts[node]
	}
	switch {
	case kind != "" && entering:
		r.calloutStart(w, kind, alertLabels[kind], false, false)
	case kind != "":
		calloutEnd(w, false)
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
