package load

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shiftbook/shiftbook/generator/parse"
)

func TestParseConfigDefaults(t *testing.T) {
	cfg, diags := parse.ReadConfig([]byte("title = \"T\"\n"))
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	if cfg.Title != "T" || cfg.Language != "en" || cfg.Theme != "default" || !cfg.Build.Minify || cfg.Build.Drafts ||
		cfg.Data.Dir != "content/data" || cfg.StaleAfterDuration != 45*24*time.Hour || !cfg.Glossary.Autolink || cfg.Markdown.Unsafe {
		t.Errorf("defaults not applied: %+v", cfg)
	}
}

func TestParseConfigValues(t *testing.T) {
	src := `title = "Acme"
baseURL = "https://cx.example/"
version = "2026.4"
[build]
minify = false
drafts = true
[data]
dir = "./data/"
staleAfter = "6w"
[glossary]
autolink = false
[markdown]
unsafe = true
[book]
title = "Book"
chapters = ["vision", "plan"]
`
	cfg, diags := parse.ReadConfig([]byte(src))
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	if cfg.Build.Minify || !cfg.Build.Drafts || cfg.Data.Dir != "data" || cfg.StaleAfterDuration != 42*24*time.Hour ||
		cfg.Glossary.Autolink || !cfg.Markdown.Unsafe || cfg.Book.Title != "Book" || len(cfg.Book.Chapters) != 2 ||
		cfg.BaseURL != "https://cx.example/" || cfg.Version != "2026.4" {
		t.Errorf("values not read: %+v", cfg)
	}
	if cfg.Lines.Line("book", "chapters") != 16 {
		t.Errorf("line of book.chapters = %d; want 16", cfg.Lines.Line("book", "chapters"))
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown keys with hints", "titel = \"T\"\ncolour = 1\n[build]\nminfy = true\n[glosary]\nautolink = true\n",
			[]string{
				`site.toml:1:1: unknown key "titel" in site.toml: did you mean "title"?`,
				`site.toml:2:1: unknown key "colour" in site.toml; remove it (the keys shiftbook understands are listed in README.md)`,
				`site.toml:4:1: unknown key "build.minfy" in site.toml: did you mean "build.minify"?`,
				// One mistake, one error: the table, not each of its keys.
				`site.toml:5:1: unknown table [glosary] in site.toml: did you mean "glossary"?`,
			}},
		{"syntax", "title = \"T\"\n[build]\nminify = yes\n",
			[]string{`site.toml:3:10: invalid TOML: write true or false (in small letters, without quotes), not yes`}},
		{"wrong types", "title = 1\n[build]\nminify = \"yes\"\n[data]\nstaleAfter = 45\n[book]\nchapters = [\"a\", 2]\n",
			[]string{
				`site.toml:1:1: title must be text in quotes, not the number 1`,
				`site.toml:3:1: build.minify must be true or false, not the text "yes"`,
				`site.toml:5:1: data.staleAfter must be text in quotes, not the number 45`,
				`site.toml:7:1: book.chapters must be a list of text, like ["vision", "plan"], not the number 2`,
			}},
		{"a table written as a value", "build = true\n",
			[]string{`site.toml:1:1: build must be a table, written [NAME] on a line of its own, not true`}},
		{"stale after", "[data]\nstaleAfter = \"soon\"\n",
			[]string{`site.toml:2:1: data.staleAfter: "soon" is not a duration; write a whole number with a unit: d (days), w (weeks), h (hours) or m (minutes), such as "45d", "6w", "36h" or "90m"`}},
		{"version a path", "version = \"../x\"\n",
			[]string{`site.toml:1:1: version "../x" cannot be a folder name; use letters, digits, dots and dashes such as "2026.4"`}},
		{"theme a path", "theme = \"a/b\"\n",
			[]string{`site.toml:1:1: theme "a/b" is not a folder name under themes/; use a plain name such as "default"`}},
		{"invalid utf-8", "title = \"\xff\"\n",
			[]string{`site.toml:1:10: invalid UTF-8 (byte 0xff); save the file as UTF-8 in your editor`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse.ReadConfig([]byte(tt.src))
			var got []string
			for _, d := range diags.Sort() {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestRead(t *testing.T) {
	builtin := fstest.MapFS{
		"default/layouts/page.html":      {Data: []byte("builtin page")},
		"default/layouts/baseof.html":    {Data: []byte("builtin base")},
		"default/assets/css/site.css":    {Data: []byte("css")},
		"default/layouts/.page.html.swp": {Data: []byte("swap")},
	}
	site := fstest.MapFS{
		"site.toml":                              {Data: []byte("title = \"T\"\n")},
		"content/_index.md":                      {Data: []byte("+++\ntitle = \"H\"\n+++\n")},
		"content/vision/promise.md":              {Data: []byte("x")},
		"content/vision/img/pic.png":             {Data: []byte("png")},
		"content/data/nps.csv":                   {Data: []byte("date,value\n")},
		"content/data/notes.md":                  {Data: []byte("a data file, not a page")},
		"content/.hidden.md":                     {Data: []byte("x")},
		"content/draft.md~":                      {Data: []byte("x")},
		"content/#autosave#":                     {Data: []byte("x")},
		"content/.git/config":                    {Data: []byte("x")},
		"static/img/logo.png":                    {Data: []byte("png")},
		"static/notes.md":                        {Data: []byte("a file of static/, not a page")},
		"static/.DS_Store":                       {Data: []byte("x")},
		"static/.well-known/x.txt":               {Data: []byte("x")},
		"static/img/logo.png~":                   {Data: []byte("x")},
		"themes/default/layouts/page.html":       {Data: []byte("site page")},
		"themes/default/layouts/partials/x.html": {Data: []byte("partial")},
	}
	s, diags := Read(site, builtin)
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	paths := func(files []File) string {
		var out []string
		for _, f := range files {
			out = append(out, f.Path)
		}
		return strings.Join(out, " ")
	}
	if got := paths(s.Pages); got != "content/_index.md content/vision/promise.md" {
		t.Errorf("pages: %s", got)
	}
	if got := paths(s.Data); got != "content/data/notes.md content/data/nps.csv" {
		t.Errorf("data: %s", got)
	}
	if got := paths(s.Static); got != "content/vision/img/pic.png static/img/logo.png static/notes.md" {
		t.Errorf("static: %s", got)
	}
	want := map[string]string{
		"layouts/page.html":       "themes/default/layouts/page.html",
		"layouts/baseof.html":     BuiltinPrefix + "default/layouts/baseof.html",
		"assets/css/site.css":     BuiltinPrefix + "default/assets/css/site.css",
		"layouts/partials/x.html": "themes/default/layouts/partials/x.html",
	}
	if len(s.Theme.Files) != len(want) {
		t.Errorf("theme files: %v", s.Theme.Paths(""))
	}
	for p, from := range want {
		if f, ok := s.Theme.Files[p]; !ok || f.Path != from {
			t.Errorf("theme file %s comes from %q; want %q", p, f.Path, from)
		}
	}
	if got := strings.Join(s.Theme.Paths("layouts"), " "); got != "layouts/baseof.html layouts/page.html layouts/partials/x.html" {
		t.Errorf("Paths(layouts) = %s", got)
	}
}

func TestReadErrors(t *testing.T) {
	_, diags := Read(fstest.MapFS{"content/_index.md": {Data: []byte("x")}}, nil)
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), "site.toml: no site.toml here") {
		t.Errorf("no site.toml: %v", diags)
	}
	_, diags = Read(fstest.MapFS{"site.toml": {Data: []byte("theme = \"mine\"\n")}}, fstest.MapFS{})
	if len(diags) != 1 || diags[0].String() != `site.toml: theme "mine" not found: there is no themes/mine folder and no built-in theme of that name; use theme = "default"` {
		t.Errorf("unknown theme: %v", diags)
	}
	s, diags := Read(fstest.MapFS{"site.toml": {Data: []byte("[data]\ndir = \"metrics-data\"\n")},
		"metrics-data/a.csv": {Data: []byte("x")}}, fstest.MapFS{"default/layouts/page.html": {}})
	if len(diags) > 0 || len(s.Data) != 1 || s.Data[0].Path != "metrics-data/a.csv" {
		t.Errorf("a data folder outside content/: %v %v", diags, s)
	}
}

func TestStaticURL(t *testing.T) {
	for file, want := range map[string]string{
		"content/img/a.png": "/img/a.png", "static/img/a.png": "/img/a.png", "static/robots.txt": "/robots.txt",
		"content/a b/c.pdf": "/a b/c.pdf", "static/content/x.png": "/content/x.png", "content/static/x.png": "/static/x.png",
	} {
		if got := StaticURL(file); got != want {
			t.Errorf("StaticURL(%q) = %q; want %q", file, got, want)
		}
		if got := StaticOutput(file); got != want[1:] {
			t.Errorf("StaticOutput(%q) = %q; want %q", file, got, want[1:])
		}
	}
}

// A file of static/ at the address of a file of content/ is one error
// naming both; the file of content/ is kept.
func TestStaticSameAddress(t *testing.T) {
	site := fstest.MapFS{
		"site.toml":         {Data: []byte("title = \"T\"\n")},
		"content/img/a.png": {Data: []byte("content")},
		"static/img/a.png":  {Data: []byte("static")},
		"static/img/b.png":  {Data: []byte("b")},
	}
	s, diags := Read(site, fstest.MapFS{"default/layouts/page.html": {}})
	want := "static/img/a.png: this file and content/img/a.png would both be published as /img/a.png; keep one of them: delete or rename the other"
	if len(diags) != 1 || diags[0].String() != want {
		t.Fatalf("diags %v; want %q", diags, want)
	}
	var got []string
	for _, f := range s.Static {
		got = append(got, f.Path+"="+string(f.Data))
	}
	if strings.Join(got, " ") != "content/img/a.png=content static/img/b.png=b" {
		t.Errorf("static: %v", got)
	}
}

func TestElsewhere(t *testing.T) {
	site := fstest.MapFS{
		"site.toml":                         {Data: []byte("x")},
		"img/logo.png":                      {Data: []byte("x")},
		"website/static/img/logo.png":       {Data: []byte("x")},
		"content/img/logo.png":              {Data: []byte("x")},
		"static/img/logo.png":               {Data: []byte("x")},
		"node_modules/x/img/logo.png":       {Data: []byte("x")},
		".git/img/logo.png":                 {Data: []byte("x")},
		"public/img/logo.png":               {Data: []byte("x")},
		"out/img/logo.png":                  {Data: []byte("x")},
		"out/404.html":                      {Data: []byte("x")},
		"out/sitemap.xml":                   {Data: []byte("x")},
		"docs/files/report.pdf":             {Data: []byte("x")},
		"themes/book/static/img/logo.png":   {Data: []byte("x")},
		"website/node_modules/img/logo.png": {Data: []byte("x")},
		"metrics-data/img/logo.png":         {Data: []byte("x")},
		"notes/img/logo.png.bak/x.txt":      {Data: []byte("x")},
	}
	find := Elsewhere(site, "metrics-data")
	for rel, want := range map[string]string{
		"/img/logo.png":       "img/logo.png themes/book/static/img/logo.png website/static/img/logo.png",
		"/logo.png":           "img/logo.png themes/book/static/img/logo.png website/static/img/logo.png",
		"/files/report.pdf":   "docs/files/report.pdf",
		"/img/missing.png":    "",
		"/":                   "",
		"/ogo.png":            "",
		"/static/img/a.png":   "",
		"/x/img/logo.png.bak": "",
	} {
		if got := strings.Join(find(rel), " "); got != want {
			t.Errorf("Elsewhere(%q) = %q; want %q", rel, got, want)
		}
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		".DS_Store": true, ".page.md.swp": true, "page.md~": true, "#page.md#": true, "page.tmp": true,
		"Thumbs.db": true, "desktop.ini": true, "page.md": false, "_index.md": false, "#hashtag.md": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v; want %v", name, got, want)
		}
	}
}
