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
