package render

import (
	"html/template"
	"testing"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// TestPickLayout: a layout named for the run's language stands in for the
// plain one, in that language only; a suffix of no language of the site is
// a layout's name of its own.
func TestPickLayout(t *testing.T) {
	main := `{{define "main"}}{{end}}`
	tmpl, diags := parseTemplates(testTheme(map[string]string{
		"layouts/baseof.html":  `{{template "main" .}}`,
		"layouts/page.html":    main,
		"layouts/home.html":    main,
		"layouts/home.nl.html": main,
		"layouts/home.NL.html": main, // a second spelling: home.NL sorts first
		"layouts/tags.nl.html": main, // no tags.html beside it
		"layouts/wide.fr.html": main,
		"layouts/home.xx.html": main,
	}), template.FuncMap{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cfg := parse.Config{Languages: []parse.Language{{Code: "en"}, {Code: "nl"}, {Code: "fr"}}}
	tests := []struct {
		lang       string // "" for a site of one language
		candidates []string
		want       string
	}{
		{"nl", []string{"home", "page"}, "home.NL"},
		{"en", []string{"home", "page"}, "home"},
		{"", []string{"home", "page"}, "home"},
		{"nl", []string{"tags", "page"}, "tags.nl"},
		{"en", []string{"tags", "page"}, "page"},
		{"nl", []string{"wide", "page"}, "page"},
		{"fr", []string{"wide", "page"}, "wide.fr"},
		{"nl", []string{"home.xx", "page"}, "home.xx"},
		{"nl", []string{"none"}, "page"},
	}
	for _, tt := range tests {
		r := &run{tmpl: tmpl, site: &link.Site{}}
		if tt.lang != "" {
			r.site.Config = cfg
			r.opts.Lang = &Language{Code: tt.lang}
		}
		r.setLanguageLayouts()
		if got := r.pickLayout(tt.candidates...); got != tt.want {
			t.Errorf("in %q, pickLayout(%q) = %q; want %q", tt.lang, tt.candidates, got, tt.want)
		}
	}
}
