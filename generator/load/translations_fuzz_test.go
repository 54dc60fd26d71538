package load

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzTranslations reads sites whose content files are named by the fuzzer
// (one per line): whatever the names, reading never panics, each file is a
// page, a translation or reported, never two of them, and a translation's
// name is its original's (or one of the same address: v.md, v/index.nl.md)
// with the language's code, in any case, before the extension.
func FuzzTranslations(f *testing.F) {
	for _, s := range []string{
		"a.md\na.nl.md",
		"vision/promise.md\nvision/promise.nl.md\nvision/_index.nl.md",
		"v1.2.md\nrelease.notes.md\nx.pt-BR.md\na.en.md",
		"v.md\nv.nl.md\nv/index.nl.md",
		"..md\n.nl.md\na..nl.md\nb.NL.md",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, names string) {
		fsys := fstest.MapFS{
			"site.toml":                        {Data: []byte("[languages.en]\n[languages.nl]\n[languages.pt-BR]\n")},
			"themes/default/layouts/page.html": {Data: []byte("x")},
		}
		for _, n := range strings.Split(names, "\n") {
			n = strings.Trim(path.Clean("/"+n), "/")
			if n == "" || n == "." || !strings.HasSuffix(n, ".md") || !fstestValid(n) {
				continue
			}
			fsys["content/"+n] = &fstest.MapFile{Data: []byte("---\ntitle: T\n---\n")}
		}
		site, _ := Read(fsys, nil)
		seen := map[string]bool{}
		for _, p := range site.Pages {
			file := p.Path
			if r, ok := site.Renamed[p.Path]; ok {
				// pay.en.md, the page pay.md: its name is the page's with
				// the default language's code.
				orig, code, ok := LanguageSuffix(r)
				if !ok || !strings.EqualFold(code, "en") || orig != p.Path {
					t.Fatalf("page %s read from %s", p.Path, r)
				}
				file = r
			}
			if _, ok := fsys[file]; !ok {
				t.Fatalf("page %s is not a file of the site", file)
			}
			if seen[p.Path] || seen[file] {
				t.Fatalf("%s read twice", p.Path)
			}
			seen[p.Path], seen[file] = true, true
		}
		for _, tr := range site.Translations {
			if seen[tr.Path] {
				t.Fatalf("%s both a page and a translation", tr.Path)
			}
			seen[tr.Path] = true
			if _, ok := fsys[tr.Path]; !ok {
				t.Fatalf("translation %s is not a file of the site", tr.Path)
			}
			orig, code, ok := LanguageSuffix(tr.Path)
			if !ok || !strings.EqualFold(code, tr.Lang) || pageKey(orig) != pageKey(tr.Original) {
				t.Fatalf("translation %s of %s into %s: its name is not the original's address with the code", tr.Path, tr.Original, tr.Lang)
			}
		}
	})
}

// fstestValid reports whether name is a path fstest.MapFS can hold.
func fstestValid(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
	}
	return !strings.ContainsAny(name, "\x00\\")
}
