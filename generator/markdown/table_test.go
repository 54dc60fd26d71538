package markdown

import (
	"strings"
	"testing"
)

// TestTableRegion: every table is wrapped in a scrolling region named after
// its columns, escaped, capped in length.
func TestTableRegion(t *testing.T) {
	tests := []struct {
		name, md, label string
	}{
		{"columns", "| Segment | Size |\n|---|---|\n| a | b |\n", `aria-label="Table: Segment, Size"`},
		{"markup in headings", "| **Bold** `code` | [link](x.md) |\n|---|---|\n| a | b |\n", `aria-label="Table: Bold code, link"`},
		{"escaped", "| \"Quotes\" & <angles> |\n|---|\n| a |\n", `aria-label="Table: &quot;Quotes&quot; &amp;`},
		{"empty headings", "| | |\n|---|---|\n| a | b |\n", `aria-label="Table"`},
		{"long", "| " + strings.Repeat("Überlänge ", 12) + "|\n|---|\n| a |\n", "Überlänge…\""},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, e, e.Parse([]byte(tt.md)), nil)
			if !strings.HasPrefix(got, `<div class="table-scroll content-table" role="region" tabindex="0" aria-label="`) || !strings.HasSuffix(got, "</table>\n</div>\n") {
				t.Fatalf("the table is not wrapped in a region:\n%s", got)
			}
			if !strings.Contains(got, tt.label) {
				t.Errorf("want %s in\n%s", tt.label, got)
			}
		})
	}
}
