package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shiftbook/shiftbook/generator/parse"
)

func TestLanguageLayout(t *testing.T) {
	langs := []parse.Language{{Code: "en"}, {Code: "nl"}, {Code: "pt-BR"}}
	tests := []struct {
		name      string
		languages []parse.Language
		layout    string // "" when not a language's layout
		code      string
	}{
		{"home.nl", langs, "home", "nl"},
		{"page.en", langs, "page", "en"}, // the default language's own too
		{"home.NL", langs, "home", "nl"}, // any case, the code as site.toml spells it
		{"home.pt-br", langs, "home", "pt-BR"},
		{"wide.page.nl", langs, "wide.page", "nl"},
		{"home.xx", langs, "", ""}, // not a language of the site: a layout's name
		{"home", langs, "", ""},
		{"two.words", langs, "", ""},
		{".nl", langs, "", ""},
		{"home.", langs, "", ""},
		{"home.nl", nil, "", ""}, // a site of one language has no languages' layouts
	}
	for _, tt := range tests {
		layout, code, ok := LanguageLayout(tt.name, tt.languages)
		if ok != (tt.layout != "") || layout != tt.layout || code != tt.code {
			t.Errorf("LanguageLayout(%q, %d languages) = %q, %q, %v; want %q, %q", tt.name, len(tt.languages), layout, code, ok, tt.layout, tt.code)
		}
	}
}

// TestLayoutsList: the layouts a page's layout key may name leave out a
// language's own (home.nl.html) but keep a suffix that is no language's.
func TestLayoutsList(t *testing.T) {
	builtin := fstest.MapFS{
		"default/layouts/baseof.html": {Data: []byte("base")},
		"default/layouts/home.html":   {Data: []byte("home")},
		"default/layouts/page.html":   {Data: []byte("page")},
	}
	tests := []struct {
		name, config string
		want         string
	}{
		{"languages", "title = \"T\"\n[languages.en]\n[languages.nl]\n", "home home.xx page wide"},
		{"one language", "title = \"T\"\n", "home home.nl home.xx page.en page wide wide.nl"},
	}
	for _, tt := range tests {
		site := fstest.MapFS{
			"site.toml":                   {Data: []byte(tt.config)},
			"content/_index.md":           {Data: []byte("+++\ntitle = \"H\"\n+++\n")},
			"layouts/home.nl.html":        {Data: []byte("home nl")},
			"layouts/home.xx.html":        {Data: []byte("a layout named home.xx")},
			"layouts/page.en.html":        {Data: []byte("page en")},
			"layouts/wide.html":           {Data: []byte("wide")},
			"layouts/wide.nl.html":        {Data: []byte("wide nl")},
			"layouts/partials/head.html":  {Data: []byte("partial")},
			"layouts/shortcodes/box.html": {Data: []byte("shortcode")},
		}
		s, diags := Read(site, builtin)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", tt.name, diags.Err())
		}
		if got := strings.Join(s.Config.Layouts, " "); got != tt.want {
			t.Errorf("%s: layouts %q; want %q", tt.name, got, tt.want)
		}
	}
}
