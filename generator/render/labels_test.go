package render

import "testing"

func TestMarkdownLabels(t *testing.T) {
	l := markdownLabels{"Link to this section": "Link naar dit deel", "Done": "Klaar"}
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"<p>no names</p>", "<p>no names</p>"},
		{`<a aria-label="Link to this section">#</a>`, `<a aria-label="Link naar dit deel">#</a>`},
		{`<a aria-label="Other">#</a><input aria-label="Done">`, `<a aria-label="Other">#</a><input aria-label="Klaar">`},
		{`<input aria-label="Done"><input aria-label="Done">`, `<input aria-label="Klaar"><input aria-label="Klaar">`},
		{`<input aria-label="Done and more">`, `<input aria-label="Done and more">`},
		{`x aria-label="Done`, `x aria-label="Done`}, // never closed: left as it is
		{`aria-label=""aria-label="Done"`, `aria-label=""aria-label="Klaar"`},
	} {
		if got := l.replace(c.in); got != c.want {
			t.Errorf("replace(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
