package link

import (
	"slices"
	"testing"

	"github.com/shiftbook/shiftbook/generator/parse"
)

// TestUnlisted: an unlisted page is placed (it has its address and its
// section) but is none of its section's Children, so the navigation, the
// reading order and the book leave it out, with the pages below it; a
// folder without a page of its own whose pages are all unlisted is
// unlisted too.
func TestUnlisted(t *testing.T) {
	s, diags := resolveFiles(t, map[string]string{
		"content/_index.md":          page("Home", ""),
		"content/guide/_index.md":    "+++\ntitle = \"Guide\"\nweight = 1\n+++\n",
		"content/guide/a.md":         "+++\ntitle = \"A\"\nweight = 1\n+++\n",
		"content/guide/secret.md":    "---\ntitle: Secret\nweight: 2\nhidden: true\n---\n",
		"content/guide/b.md":         "+++\ntitle = \"B\"\nweight = 3\n+++\nSee [the secret](secret.md).\n",
		"content/guide/listed.md":    "+++\ntitle = \"Listed\"\nweight = 4\nunlisted = false\n+++\n",
		"content/internal/_index.md": "+++\ntitle = \"Internal\"\nweight = 2\nunlisted = true\n+++\n",
		"content/internal/x.md":      page("X", ""),
		"content/attic/old.md":       "---\ntitle: Old\nbookHidden: true\n---\n",
		"content/attic/deep/gone.md": "---\ntitle: Gone\ntoc_hide: true\n---\n",
		"content/mixed/shown.md":     page("Shown", ""),
		"content/mixed/not.md":       "+++\ntitle = \"Not\"\nunlisted = true\n+++\n",
	})
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	urls := func(pages []*Page) []string {
		var out []string
		for _, p := range pages {
			if p != nil {
				out = append(out, p.URL)
			}
		}
		return out
	}
	for _, tt := range []struct {
		url      string
		unlisted bool
		children []string
		prev     string // "" when none
		next     string
	}{
		{"/", false, []string{"/guide/", "/mixed/"}, "", "/guide/"},
		{"/guide/", false, []string{"/guide/a/", "/guide/b/", "/guide/listed/"}, "/", "/guide/a/"},
		{"/guide/a/", false, nil, "/guide/", "/guide/b/"},
		{"/guide/secret/", true, nil, "", ""},
		{"/guide/b/", false, nil, "/guide/a/", "/guide/listed/"},
		{"/internal/", true, []string{"/internal/x/"}, "", ""},
		{"/internal/x/", false, nil, "", ""}, // listed in its section, which is not
		{"/attic/", true, nil, "", ""},       // a folder of unlisted pages only
		{"/attic/deep/", true, nil, "", ""},
		{"/attic/old/", true, nil, "", ""},
		{"/mixed/", false, []string{"/mixed/shown/"}, "", ""}, // made for its folder: not read
		{"/guide/listed/", false, nil, "/guide/b/", "/mixed/shown/"},
	} {
		p := s.ByURL[tt.url]
		if p == nil {
			t.Errorf("%s: no page; an unlisted page is built", tt.url)
			continue
		}
		if p.Unlisted != tt.unlisted {
			t.Errorf("%s: Unlisted = %v, want %v", tt.url, p.Unlisted, tt.unlisted)
		}
		if got := urls(p.Children); !slices.Equal(got, tt.children) {
			t.Errorf("%s: Children %v, want %v", tt.url, got, tt.children)
		}
		if got, want := urls([]*Page{p.Prev}), urls([]*Page{s.ByURL[tt.prev]}); !slices.Equal(got, want) {
			t.Errorf("%s: Prev %v, want %q", tt.url, got, tt.prev)
		}
		if got, want := urls([]*Page{p.Next}), urls([]*Page{s.ByURL[tt.next]}); !slices.Equal(got, want) {
			t.Errorf("%s: Next %v, want %q", tt.url, got, tt.next)
		}
	}
	if p := s.ByURL["/guide/secret/"]; p.Parent != s.ByURL["/guide/"] {
		t.Errorf("an unlisted page keeps its section (its breadcrumbs)")
	}
	if got := urls(s.Book); !slices.Equal(got, []string{"/guide/", "/mixed/"}) {
		t.Errorf("the book's chapters are %v; an unlisted section is no chapter", got)
	}
	b := s.ByURL["/guide/b/"]
	if !slices.Contains(b.Targets, "/guide/secret/") {
		t.Errorf("a link to an unlisted page goes to it: %v", b.Targets)
	}
}

// TestUnlistedHome: unlisted does nothing on the home page, which the
// navigation always begins with: a warning at the key.
func TestUnlistedHome(t *testing.T) {
	s, diags := resolveFiles(t, map[string]string{
		"content/_index.md": "---\ntitle: Home\nhidden: true\n---\n",
		"content/a.md":      page("A", ""),
	})
	want := []string{"content/_index.md:3:1: warning: hidden does nothing on the home page: the navigation always begins with it; remove hidden (to leave a section out of the navigation, write it in that section's _index.md)"}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%q\nwant\n%q", got, want)
	}
	if s.Home.Unlisted || len(s.Home.Children) != 1 {
		t.Errorf("the home page is listed, with its page: %v, %d", s.Home.Unlisted, len(s.Home.Children))
	}
}

// TestUnlistedChapter: a section [book] chapters names is in the book
// even when unlisted, as its author asked; its unlisted pages are not.
func TestUnlistedChapter(t *testing.T) {
	cfg := parse.DefaultConfig()
	cfg.Book.Chapters = []string{"internal"}
	s, diags := resolveWith(t, cfg, map[string]string{
		"content/_index.md":          page("Home", ""),
		"content/internal/_index.md": "+++\ntitle = \"Internal\"\nunlisted = true\n+++\n",
		"content/internal/x.md":      page("X", ""),
		"content/internal/y.md":      "+++\ntitle = \"Y\"\nunlisted = true\n+++\n",
	})
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	if len(s.Book) != 1 || s.Book[0].URL != "/internal/" {
		t.Fatalf("the book's chapters are %v, want the section named", s.Book)
	}
	if c := s.Book[0].Children; len(c) != 1 || c[0].URL != "/internal/x/" {
		t.Errorf("the chapter's pages are %v, want its listed one", c)
	}
}
