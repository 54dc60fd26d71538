package load

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestTranslations(t *testing.T) {
	const languages = "[languages.en]\n[languages.nl]\n[languages.pt-BR]\n"
	tests := []struct {
		name   string
		config string
		files  []string
		pages  string // the pages kept, joined by " "
		trans  string // the translations, "path=lang<original" joined by " "
		diags  []string
	}{
		{"one language keeps every file a page", "", []string{"content/a.md", "content/a.nl.md", "content/v1.2.md"},
			"content/a.md content/a.nl.md content/v1.2.md", "", nil},
		{"translations beside their originals", languages,
			[]string{"content/vision/promise.md", "content/vision/promise.nl.md", "content/vision/_index.md", "content/vision/_index.nl.md", "content/a.pt-BR.md", "content/a.md"},
			"content/a.md content/vision/_index.md content/vision/promise.md",
			"content/a.pt-BR.md=pt-BR<content/a.md content/vision/_index.nl.md=nl<content/vision/_index.md content/vision/promise.nl.md=nl<content/vision/promise.md", nil},
		{"dots that are not languages", languages,
			[]string{"content/v1.2.md", "content/release.notes.md", "content/api.spec.md", "content/x.api.md"},
			"content/api.spec.md content/release.notes.md content/v1.2.md content/x.api.md", "", nil},
		{"a language the site does not have", languages, []string{"content/a.md", "content/a.de.md"}, "content/a.md", "",
			[]string{`content/a.de.md:1:1: "de" is not one of the site's languages. This file is neither a page nor a translation: the languages a translation can be in are nl (Nederlands), pt-BR (português); rename the file, or add [languages.de] to site.toml`}},
		{"a code no language has is part of the name", languages, []string{"content/b.md", "content/a.nk.md"}, "content/a.nk.md content/b.md", "", nil},
		{"a code no language has beside its page", languages, []string{"content/promise.md", "content/promise.xx.md"}, "content/promise.md", "",
			[]string{`content/promise.xx.md:1:1: "xx" is not one of the site's languages. This file is neither a page nor a translation: the languages a translation can be in are nl (Nederlands), pt-BR (português); rename the file, or add [languages.xx] to site.toml`}},
		{"a region code no language has beside its page", languages, []string{"content/promise.md", "content/promise.xx-YY.md"}, "content/promise.md", "",
			[]string{`content/promise.xx-YY.md:1:1: "xx-YY" is not one of the site's languages.`}},
		{"a longer suffix beside its page is part of the name", languages, []string{"content/notes.md", "content/notes.draft.md"}, "content/notes.draft.md content/notes.md", "", nil},
		{"a region the site does not have", languages, []string{"content/a.md", "content/a.pt-PT.md"}, "content/a.md", "",
			[]string{`content/a.pt-PT.md:1:1: "pt-PT" is not one of the site's languages.`}},
		{"the default language's code is the page", languages, []string{"content/a.en.md", "content/a.nl.md", "content/b.EN.md"},
			"content/a.md content/b.md", "content/a.nl.md=nl<content/a.md", nil},
		{"the default language's code beside the page", languages, []string{"content/a.md", "content/a.en.md"}, "content/a.md", "",
			[]string{`content/a.en.md:1:1: this file and content/a.md are both the English page at /a/ (en is the site's default language, which a file's name may leave out); keep one of them`}},
		{"the default language's code twice", languages, []string{"content/a.en.md", "content/a.EN.md"}, "content/a.md", "",
			[]string{`content/a.en.md:1:1: this file and content/a.EN.md are both the English page at /a/`}},
		{"no original", languages, []string{"content/b.nl.md"}, "", "content/b.nl.md=nl<content/b.md",
			[]string{`content/b.nl.md:1:1: warning: this translation has no original: there is no content/b.md, so the page is in Nederlands only`}},
		{"a section page of a folder of pages", languages, []string{"content/v/a.md", "content/v/_index.nl.md", "content/_index.nl.md"},
			"content/v/a.md", "content/_index.nl.md=nl<content/_index.md content/v/_index.nl.md=nl<content/v/_index.md", nil},
		{"a section page of a folder of translations only", languages, []string{"content/w/a.nl.md", "content/w/_index.nl.md"},
			"", "content/w/_index.nl.md=nl<content/w/_index.md content/w/a.nl.md=nl<content/w/a.md",
			[]string{`content/w/_index.nl.md:1:1: warning: this translation has no original`, `content/w/a.nl.md:1:1: warning: this translation has no original`}},
		{"an original of the same address", languages, []string{"content/v.md", "content/v/index.nl.md"}, "content/v.md", "content/v/index.nl.md=nl<content/v.md", nil},
		{"two translations of one page", languages,
			[]string{"content/v.md", "content/v.nl.md", "content/v/index.nl.md"}, "content/v.md", "content/v.nl.md=nl<content/v.md",
			[]string{`content/v/index.nl.md:1:1: content/v/index.nl.md is a second translation of the same page into Nederlands; content/v.nl.md is one already; keep one of them`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"site.toml": {Data: []byte(tt.config)}, "themes/default/layouts/page.html": {Data: []byte("x")}}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte("---\ntitle: T\n---\n")}
			}
			site, diags := Read(fsys, nil)
			var pages, trans []string
			for _, p := range site.Pages {
				pages = append(pages, p.Path)
			}
			for _, tr := range site.Translations {
				trans = append(trans, tr.Path+"="+tr.Lang+"<"+tr.Original)
			}
			if g := strings.Join(pages, " "); g != tt.pages {
				t.Errorf("pages: got %q, want %q", g, tt.pages)
			}
			if g := strings.Join(trans, " "); g != tt.trans {
				t.Errorf("translations: got %q, want %q", g, tt.trans)
			}
			sorted := diags.Sort()
			if len(sorted) != len(tt.diags) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(sorted), len(tt.diags), sorted)
			}
			for i, d := range sorted {
				if !strings.HasPrefix(d.String(), tt.diags[i]) {
					t.Errorf("diagnostic %d:\ngot  %s\nwant %s", i, d.String(), tt.diags[i])
				}
			}
		})
	}
}

// TestUnfinished: a translation is unfinished while the note new --lang
// writes is in a blockquote of its text, however its lines were wrapped;
// the same words outside a quote, or a page without them, are finished.
func TestUnfinished(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       bool
	}{
		{"the note as written", "\n> [!NOTE]\n> " + StubNote + "Nederlands: translate its title and text below,\n> then remove this note.\n\nThe promise.\n", true},
		{"the note rewrapped", "> [!NOTE]\n> This page is still\n>   to be translated\n> into Nederlands.\n", true},
		{"the note indented", "  >This page is still to be translated into Deutsch.\n", true},
		{"the note at the end", "Half vertaald.\n\n> [!NOTE]\n> " + StubNote + "Nederlands.", true},
		{"the note removed", "De belofte.\n", false},
		{"the words outside a quote", "This page is still to be translated into Dutch, says the plan.\n", false},
		{"the words across two quotes", "> This page is still\n\n> to be translated into Dutch.\n", false},
		{"a quote still to be finished", "> This is still a draft.\n", false},
		{"empty", "", false},
	} {
		if got := Unfinished([]byte(tt.body)); got != tt.want {
			t.Errorf("%s: Unfinished = %v, want %v", tt.name, got, tt.want)
		}
	}
}
