package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLinksStayInTheSite: a link in the site's inputs is read only when it
// leads to a file inside the site folder (or inside a folder the site lists
// in [build] linkedFolders); anything else is one error naming the link.
func TestLinksStayInTheSite(t *testing.T) {
	type link struct{ at, to string } // to: relative, or "OUT/..." for a path in the folder beside the site
	cases := []struct {
		name      string
		config    string
		files     map[string]string
		links     []link
		wantErr   []string // substrings of the one error each, in path order
		wantPaths []string // files read (pages, data, static), when no error
	}{
		{name: "file link outside, absolute",
			links:   []link{{"content/vision/passwd.txt", "OUT/secret.txt"}},
			wantErr: []string{"content/vision/passwd.txt: is a link to /", "outside the site folder", "copy the file into the site folder"}},
		{name: "file link outside, relative",
			links:   []link{{"content/notes.md", "../../outside/secret.txt"}},
			wantErr: []string{"content/notes.md: is a link to ../../outside/secret.txt, outside the site folder"}},
		{name: "file link inside",
			files:     map[string]string{"shared/logo.svg": "<svg/>"},
			links:     []link{{"content/alias.md", "page.md"}, {"content/img/logo.svg", "../../shared/logo.svg"}},
			wantPaths: []string{"content/alias.md", "content/img/logo.svg", "content/page.md"}},
		{name: "file link through a folder link outside",
			links:   []link{{"out", "OUT"}, {"content/secret.txt", "../out/secret.txt"}},
			wantErr: []string{"content/secret.txt: is a link that leads outside the site folder (through out, a link to /"}},
		{name: "data file link outside",
			config:  "[data]\ndir = \"data\"\n",
			files:   map[string]string{"data/nps.csv": "date,value\n2026-01-31,4\n"},
			links:   []link{{"data/passwd.csv", "OUT/secret.txt"}},
			wantErr: []string{"data/passwd.csv: is a link to /"}},
		{name: "theme file link outside",
			links:   []link{{"themes/default/static/passwd.txt", "OUT/secret.txt"}},
			wantErr: []string{"themes/default/static/passwd.txt: is a link to /"}},
		{name: "content folder link outside, not listed",
			links:     []link{{"content", "OUT"}},
			wantPaths: []string{"content/secret.txt"}},
		{name: "data folder link outside, not listed",
			config:  "[data]\ndir = \"data\"\n",
			links:   []link{{"data", "OUT"}},
			wantErr: []string{"data: is a link to /", "a folder outside the site folder", `linkedFolders = ["data"]`}},
		{name: "content folder link inside",
			files:     map[string]string{"src/content/page.md": "+++\ntitle = \"P\"\n+++\n"},
			links:     []link{{"content", "src/content"}},
			wantPaths: []string{"content/page.md"}},
		{name: "content folder link outside, listed",
			config:    "[build]\nlinkedFolders = [\"content\"]\n",
			links:     []link{{"content", "OUT"}},
			wantPaths: []string{"content/secret.txt"}},
		{name: "listed folder link outside, a link climbing out of it",
			config:  "[build]\nlinkedFolders = [\"content\"]\n",
			links:   []link{{"content", "OUT"}, {"OUT/up.txt", "../site/site.toml"}},
			wantErr: []string{"content/up.txt: is a link to ../site/site.toml", "outside the site folder"}},
		{name: "static file link outside",
			links:   []link{{"static/img/passwd.png", "OUT/secret.txt"}},
			wantErr: []string{"static/img/passwd.png: is a link to /", "outside the site folder", "copy the file into the site folder"}},
		{name: "static file link inside",
			files:     map[string]string{"brand/logo.svg": "<svg/>"},
			links:     []link{{"static/img/logo.svg", "../../brand/logo.svg"}},
			wantPaths: []string{"content/page.md", "static/img/logo.svg"}},
		{name: "static folder link outside, not listed",
			links:   []link{{"static", "OUT"}},
			wantErr: []string{"static: is a link to /", "a folder outside the site folder", `linkedFolders = ["static"]`}},
		{name: "static folder link outside, listed",
			config:    "[build]\nlinkedFolders = [\"static\"]\n",
			links:     []link{{"static", "OUT"}},
			wantPaths: []string{"content/page.md", "static/secret.txt"}},
		{name: "folder link inside static",
			files:   map[string]string{"brand/logo.svg": "<svg/>"},
			links:   []link{{"static/brand", "../brand"}},
			wantErr: []string{"static/brand: is a link to a folder, which shiftbook does not follow inside static/"}},
		{name: "site.toml link outside",
			links:   []link{{"site.toml", "OUT/secret.txt"}},
			wantErr: []string{"site.toml: is a link to /"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			site, out := filepath.Join(root, "site"), filepath.Join(root, "outside")
			files := map[string]string{"site.toml": "title = \"T\"\n" + c.config, "content/page.md": "+++\ntitle = \"P\"\n+++\n"}
			for name, text := range c.files {
				files[name] = text
			}
			for name, text := range files {
				writeFile(t, filepath.Join(site, name), text)
			}
			writeFile(t, filepath.Join(out, "secret.txt"), "the secret")
			for _, l := range c.links {
				at := filepath.Join(site, l.at)
				if rest, ok := strings.CutPrefix(l.at, "OUT/"); ok {
					at = filepath.Join(out, rest)
				}
				to := l.to
				if rest, ok := strings.CutPrefix(to, "OUT"); ok {
					to = out + rest
				}
				os.RemoveAll(at) // a link replacing a file or folder
				os.MkdirAll(filepath.Dir(at), 0o755)
				if err := os.Symlink(filepath.FromSlash(to), at); err != nil {
					t.Skipf("cannot make links here: %v", err)
				}
			}
			s, diags := Read(os.DirFS(site), nil)
			var errs []string
			for _, d := range diags {
				if !strings.Contains(d.String(), "theme") || strings.HasPrefix(d.Path, "themes/") {
					errs = append(errs, d.String())
				}
			}
			if len(c.wantErr) > 0 {
				if len(errs) != 1 {
					t.Fatalf("errors %q, want one", errs)
				}
				for _, w := range c.wantErr {
					if !strings.Contains(errs[0], w) {
						t.Errorf("error %q does not say %q", errs[0], w)
					}
				}
				if s != nil && c.config == "" {
					for _, f := range append(append(s.Pages, s.Static...), s.Data...) {
						if strings.Contains(string(f.Data), "the secret") {
							t.Errorf("%s was read from outside the site", f.Path)
						}
					}
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("errors %q, want none", errs)
			}
			var got []string
			for _, f := range append(append(s.Pages, s.Static...), s.Data...) {
				got = append(got, f.Path)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.wantPaths) {
				t.Errorf("read %q, want %q", got, c.wantPaths)
			}
		})
	}
}

func writeFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
