package scaffold

import "testing"

func TestParseName(t *testing.T) {
	tests := []struct {
		kind, name string
		path       string
		title      string
	}{
		{"definition", "net-promoter-score", "content/definitions/net-promoter-score.md", "Net Promoter Score"},
		{"definition", "Net Promoter Score", "content/definitions/net-promoter-score.md", "Net Promoter Score"},
		{"definition", "  NPS  ", "content/definitions/nps.md", "NPS"},
		{"definition", "cx_ambassador", "content/definitions/cx-ambassador.md", "Cx Ambassador"},
		{"definition", "moment-of-truth", "content/definitions/moment-of-truth.md", "Moment of Truth"},
		{"definition", "of-the-people", "content/definitions/of-the-people.md", "Of the People"},
		{"definition", "Café Culture", "content/definitions/café-culture.md", "Café Culture"},
		{"metric", "Time to first reply (hours)", "content/metrics/time-to-first-reply-hours.md", "Time to first reply (hours)"},
		{"journey", `customer\switching.md`, "content/journeys/customer/switching.md", "Switching"},
		{"page", "vision/our-promise", "content/vision/our-promise.md", "Our Promise"},
		{"page", "content/Vision/Our Promise.md", "content/vision/our-promise.md", "Our Promise"},
		{"page", "100-days", "content/100-days.md", "100 Days"},
		{"page", "_index", "content/_index.md", "Home"},
		{"page", "focus-areas/_index", "content/focus-areas/_index.md", "Focus Areas"},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.name, func(t *testing.T) {
			n, err := ParseName(tt.kind, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if got := n.ContentPath(); got != tt.path {
				t.Errorf("path %q, want %q", got, tt.path)
			}
			if n.Title != tt.title {
				t.Errorf("title %q, want %q", n.Title, tt.title)
			}
		})
	}
}

func TestEscapeShortcodes(t *testing.T) {
	for in, want := range map[string]string{
		`{{< metric "nps" >}}`:             `{{"{{<"}} metric "nps" >}}`,
		"`{{< chart \"nps\" >}}`":          "`{{\"{{<\"}} chart \"nps\" >}}`",
		`{{"{{<"}} metric "nps" >}}`:       `{{"{{<"}} metric "nps" >}}`,
		"{{ `{{<` }} journey":              "{{ `{{<` }} journey",
		`{{.Title}} and "{{<" in a string`: `{{.Title}} and "{{"{{<"}}" in a string`,
	} {
		if got := escapeShortcodes(in); got != want {
			t.Errorf("escapeShortcodes(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		`Net Promoter Score`: `"Net Promoter Score"`,
		`Our "Best" \ Page`:  `"Our \"Best\" \\ Page"`,
		"tab\there":          `"tab\there"`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
