package render

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/load"
)

func testTheme(files map[string]string) load.Theme {
	t := load.Theme{Files: map[string]load.File{}}
	for name, src := range files {
		t.Files[name] = load.File{Path: "themes/t/" + name, Data: []byte(src)}
	}
	return t
}

// partialCached makes a partial once per variant: a second page with the
// same variant gets the first one's HTML, another variant its own.
func TestPartialCached(t *testing.T) {
	tmpl, diags := parseTemplates(testTheme(map[string]string{
		"layouts/baseof.html":        `{{partialCached "partials/foot.html" . .Root}}|{{partialCached "partials/foot.html" . .Root "x"}}`,
		"layouts/page.html":          `{{define "main"}}{{end}}`,
		"layouts/partials/foot.html": `<a href="{{.Root}}glossary/">{{.Title}}</a>`,
	}), template.FuncMap{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, tc := range []struct{ root, title, want string }{
		{"../", "First", `<a href="../glossary/">First</a>|<a href="../glossary/">First</a>`},
		{"../", "Second", `<a href="../glossary/">First</a>|<a href="../glossary/">First</a>`}, // cached
		{"../../", "Third", `<a href="../../glossary/">Third</a>|<a href="../../glossary/">Third</a>`},
	} {
		var buf bytes.Buffer
		if err := tmpl.execute(&buf, "page", &PageData{Root: tc.root, Title: tc.title}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("root %q: got %s, want %s", tc.root, got, tc.want)
		}
	}
}

func TestPartialCachedMissing(t *testing.T) {
	tmpl, diags := parseTemplates(testTheme(map[string]string{
		"layouts/baseof.html": `{{partialCached "partials/none.html" . .Root}}`,
		"layouts/page.html":   `{{define "main"}}{{end}}`,
	}), template.FuncMap{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	err := tmpl.execute(new(bytes.Buffer), "page", &PageData{Root: "./"})
	if err == nil || !strings.Contains(err.Error(), "the theme has no layouts/partials/none.html") {
		t.Errorf("err = %v", err)
	}
}

// A slot in a cached partial is made for every call, with its own data:
// the rest of the partial is the first call's.
func TestPartialCachedSlot(t *testing.T) {
	tmpl, diags := parseTemplates(testTheme(map[string]string{
		"layouts/baseof.html":        `{{partialCached "partials/head.html" . .Root}}`,
		"layouts/page.html":          `{{define "main"}}{{end}}`,
		"layouts/partials/head.html": `<h>{{.Title}}|{{slot "partials/here.html"}}|{{slot "partials/here.html"}}</h>`,
		"layouts/partials/here.html": `<a href="{{.URL}}">{{.Title}}</a>`,
	}), template.FuncMap{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, tc := range []struct{ url, title, want string }{
		{"a/", "First", `<h>First|<a href="a/">First</a>|<a href="a/">First</a></h>`},
		{"b/", "Second", `<h>First|<a href="b/">Second</a>|<a href="b/">Second</a></h>`},
	} {
		var buf bytes.Buffer
		if err := tmpl.execute(&buf, "page", &PageData{Root: "../", URL: tc.url, Title: tc.title}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.url, got, tc.want)
		}
	}
}

// Each layout's blocks are its own, though its set is made only when a
// page first asks for it: one layout's "title" is not another's, and every
// layout with a mistake is reported in the same run.
func TestLayoutsAreSeparate(t *testing.T) {
	tmpl, diags := parseTemplates(testTheme(map[string]string{
		"layouts/baseof.html":   `{{block "title" .}}default{{end}}|{{block "main" .}}{{end}}`,
		"layouts/page.html":     `{{define "title"}}page title{{end}}{{define "main"}}page{{end}}`,
		"layouts/section.html":  `{{define "main"}}section{{end}}`,
		"layouts/home.html":     `{{define "main"}}home{{end}}`,
		"layouts/metric.html":   `{{define "main"}}metric{{end}}`,
		"layouts/journey.html":  `{{define "title"}}journey title{{end}}{{define "main"}}journey{{end}}`,
		"layouts/glossary.html": `{{define "main"}}glossary{{end}}`,
	}), template.FuncMap{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, tc := range []struct{ layout, want string }{
		{"section", "default|section"},
		{"page", "page title|page"},
		{"home", "default|home"},
		{"journey", "journey title|journey"},
		{"metric", "default|metric"},
		{"page", "page title|page"},
	} {
		var buf bytes.Buffer
		if err := tmpl.execute(&buf, tc.layout, &PageData{}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.layout, got, tc.want)
		}
	}
	if err := tmpl.execute(new(bytes.Buffer), "none", &PageData{}); err == nil {
		t.Error("a layout the theme lacks ran")
	}

	_, diags = parseTemplates(testTheme(map[string]string{
		"layouts/baseof.html":  `{{block "main" .}}{{end}}`,
		"layouts/page.html":    "{{define \"main\"}}\n{{.Title}{{end}}",
		"layouts/section.html": `{{define "main"}}fine{{end}}`,
		"layouts/metric.html":  "{{define \"main\"}}\n\n{{if}}{{end}}",
	}), template.FuncMap{})
	var got []string
	for _, d := range diags {
		got = append(got, d.Path+":"+strconv.Itoa(d.Line))
	}
	if want := []string{"themes/t/layouts/metric.html:3", "themes/t/layouts/page.html:2"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("diagnostics at %v, want %v: %v", got, want, diags)
	}
}
