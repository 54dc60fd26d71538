package render

import "testing"

// TestUnquote: a thinking item written in quotation marks (as copied from
// interview notes or another tool) is not quoted twice on the page.
func TestUnquote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"Is it my phone?"`, "Is it my phone?"},
		{"“This is not what we agreed.”", "This is not what we agreed."},
		{"„Wer ruft mich zurück?“", "Wer ruft mich zurück?"},
		{"« Encore une fois ? »", "Encore une fois ?"},
		{"‘Why now?’", "Why now?"},
		{"Is it my phone?", "Is it my phone?"},
		{`"Fast" they said, "cheap" too`, `"Fast" they said, "cheap" too`}, // two quotes, not one around it
		{`"Fast" and "cheap"`, `"Fast" and "cheap"`},
		{`'It's fine'`, `'It's fine'`},
		{`""`, `""`},
		{`"`, `"`},
	} {
		if got := unquote(tt.in); got != tt.want {
			t.Errorf("unquote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
