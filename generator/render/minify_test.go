package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/themes"
)

func TestTemplateMinifyKeepsTrimMarkers(t *testing.T) {
	m := newMinifier()
	got := string(m.template([]byte("<p>{{- .A -}} <span> {{.B}} </span>\n  {{- .C }}</p>")))
	if strings.Contains(got, "{{-") || strings.Contains(got, "-}}") {
		t.Errorf("trim markers left in %q", got)
	}
	if !strings.Contains(got, "{{ .A }}<span>") {
		t.Errorf("trimmed space came back: %q", got)
	}
}

// A comment must touch its delimiters; trimming around one must leave it a
// comment, or the minified template does not parse. Comments write nothing,
// and are dropped.
func TestTemplateMinifyComments(t *testing.T) {
	m := newMinifier()
	for _, tc := range []struct{ in, want string }{
		{"<p>a</p>\n{{- /* why */ -}}\n<p>b</p>", "<p>a</p><p>b</p>"},
		{"<p>a</p>\n{{- /* why */}}\n<p>b</p>", "<p>a</p><p>b</p>"},
		{"<p>a</p>\n{{/* why */ -}}\n<p>b</p>", "<p>a</p><p>b</p>"},
		// An apostrophe in a comment is no quote.
		{"{{/* the page's own */}}\n<div>\n  <p>a</p>\n</div>", "<div><p>a</p></div>"},
		{"<p>{{- 3 -}}</p>", "<p>{{ 3 }}</p>"},
		{"<p>{{-3}}</p>", "<p>{{-3}}</p>"},
	} {
		if got := string(m.template([]byte(tc.in))); got != tc.want {
			t.Errorf("template(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Every template of the default theme minifies to a template that parses:
// else every page of every site is minified whole, several times slower.
func TestDefaultThemeMinifies(t *testing.T) {
	site, diags := load.Read(fstest.MapFS{"site.toml": {Data: []byte("title = \"T\"\n")}}, themes.FS)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	r := &run{mini: newMinifier()}
	if _, d := parseTemplateSet(site.Theme, r.funcs(), r.mini.template); len(d) > 0 {
		t.Fatal(d)
	}
	// And each is minified: no indented line is left.
	for _, p := range site.Theme.Paths("layouts") {
		if out := string(r.mini.template(site.Theme.Files[p].Data)); strings.Contains(out, "\n  ") {
			t.Errorf("%s is not minified:\n%s", p, out)
		}
	}
}
