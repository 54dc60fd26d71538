package render

import (
	"bytes"
	"html/template"
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
