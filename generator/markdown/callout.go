package markdown

import "github.com/yuin/goldmark/util"

// The one home of the callout HTML. GitHub alerts, MkDocs admonitions and
// Docusaurus admonitions are all written here, so the three read the same
// and the theme styles one thing: a note (role="note") whose first line is
// its label, or, for one that opens on a click, a <details> whose summary
// is the label. kind is one of alertLabels' keys, never the author's text,
// so it needs no escaping; title is escaped.

func (r *nodeRenderer) calloutStart(w util.BufWriter, kind, title string, collapsible, open bool) {
	class := `class="alert alert-` + kind + `"`
	if collapsible {
		w.WriteString("<details " + class)
		if open {
			w.WriteString(" open")
		}
		w.WriteString(`><summary class="alert-title">`)
		r.Writer.Write(w, []byte(title))
		w.WriteString("</summary>\n")
		return
	}
	w.WriteString("<div " + class + ` role="note">`)
	if title != "" {
		w.WriteString(`<p class="alert-title">`)
		r.Writer.Write(w, []byte(title))
		w.WriteString("</p>")
	}
	w.WriteString("\n")
}

func calloutEnd(w util.BufWriter, collapsible bool) {
	if collapsible {
		w.WriteString("</details>\n")
		return
	}
	w.WriteString("</div>\n")
}
