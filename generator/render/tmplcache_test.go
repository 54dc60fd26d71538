package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/load"
)

// Each render takes its own copy from the cache, bound to its own
// functions, and a changed theme is parsed again: what a page shows is
// what parsing the theme afresh would show, save after save.
func TestTemplateCache(t *testing.T) {
	files := map[string]string{
		"layouts/baseof.html":        `{{partialCached "partials/head.html" . .Root}}{{block "main" .}}{{end}}`,
		"layouts/page.html":          `{{define "main"}}<p>{{who}} {{.Title}}</p>{{end}}`,
		"layouts/partials/head.html": `<h1>{{who}}</h1>`,
	}
	bound := func(name string) template.FuncMap {
		return template.FuncMap{"who": func() string { return name }}
	}
	unbound := bound("nobody")
	var cache TemplateCache
	render := func(theme load.Theme, name, title string) string {
		t.Helper()
		tmpl, diags := cache.templates(theme, "plain", bound(name), unbound, nil)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		var buf bytes.Buffer
		if err := tmpl.execute(&buf, "page", &PageData{Root: "./", Title: title}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	theme := testTheme(files)
	edited := map[string]string{}
	for k, v := range files {
		edited[k] = v
	}
	edited["layouts/page.html"] = `{{define "main"}}<main>{{who}} {{.Title}}</main>{{end}}`
	for i, tc := range []struct {
		theme       load.Theme
		name, title string
		want        string
	}{
		{theme, "first", "A", `<h1>first</h1><p>first A</p>`},
		// A copy of its own: not the first render's functions, nor its
		// cached header.
		{theme, "second", "B", `<h1>second</h1><p>second B</p>`},
		{theme, "third", "C", `<h1>third</h1><p>third C</p>`},
		{testTheme(edited), "fourth", "D", `<h1>fourth</h1><main>fourth D</main>`},
		{testTheme(edited), "fifth", "E", `<h1>fifth</h1><main>fifth E</main>`},
		{theme, "sixth", "F", `<h1>sixth</h1><p>sixth F</p>`},
	} {
		if got := render(tc.theme, tc.name, tc.title); got != tc.want {
			t.Errorf("render %d: got %s, want %s", i, got, tc.want)
		}
	}
}

// A theme with a mistake is reported on every render that asks for it,
// and is not kept: the save that fixes it is parsed.
func TestTemplateCacheBrokenTheme(t *testing.T) {
	var cache TemplateCache
	broken := testTheme(map[string]string{
		"layouts/baseof.html": `{{block "main" .}}{{end}}`,
		"layouts/page.html":   `{{define "main"}}{{.Title}{{end}}`,
	})
	for range 2 {
		if _, diags := cache.templates(broken, "plain", template.FuncMap{}, template.FuncMap{}, nil); len(diags) == 0 || !strings.Contains(diags[0].Message, "template error") {
			t.Fatalf("diags = %v", diags)
		}
	}
	fixed := testTheme(map[string]string{
		"layouts/baseof.html": `{{block "main" .}}{{end}}`,
		"layouts/page.html":   `{{define "main"}}{{.Title}}{{end}}`,
	})
	tmpl, diags := cache.templates(fixed, "plain", template.FuncMap{}, template.FuncMap{}, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var buf bytes.Buffer
	if err := tmpl.execute(&buf, "page", &PageData{Title: "ok"}); err != nil || buf.String() != "ok" {
		t.Errorf("got %q, %v", buf.String(), err)
	}
}
