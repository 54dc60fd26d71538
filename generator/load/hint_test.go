package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// A read with the watcher's paths finds what a walk finds, and walks when
// the paths cannot say (a folder).
func TestHintedReadMatchesWalk(t *testing.T) {
	dir := t.TempDir()
	write := func(p, text string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"T\"\n")
	write("content/_index.md", "# Home\n")
	write("content/a/page.md", "# A\n")
	write("content/a-c.md", "# A-C\n")
	fsys := &countingFS{FS: os.DirFS(dir)}
	files := NewFiles()
	if _, d := ReadWith(fsys, builtinTheme, files); len(d) > 0 {
		t.Fatal(d)
	}
	for _, tc := range []struct {
		name   string
		change func()
		hint   []string
		walks  bool
	}{
		{"a page edited", func() { write("content/a/page.md", "# A, edited\n") }, []string{"content/a/page.md"}, false},
		{"a page added", func() { write("content/a/b.md", "# B\n") }, []string{"content/a/b.md"}, false},
		{"a page added in walk order", func() { write("content/a0.md", "# A0\n") }, []string{"content/a0.md"}, false},
		{"a page deleted", func() { os.Remove(filepath.Join(dir, "content/a-c.md")) }, []string{"content/a-c.md"}, false},
		{"an editor's temp file", func() {}, []string{"content/.page.md.swp"}, false},
		{"a folder added", func() { write("content/new/x.md", "# X\n") }, []string{"content/new"}, true},
		{"a folder removed", func() { os.RemoveAll(filepath.Join(dir, "content/new")) }, []string{"content/new"}, true},
		{"a file of a new static/ added", func() { write("static/img/a.png", "A") }, []string{"static/img/a.png"}, false},
		{"a static file edited", func() { write("static/img/a.png", "A2") }, []string{"static/img/a.png"}, false},
		{"a static temp file", func() {}, []string{"static/img/.a.png.swp"}, false},
		{"a static file deleted", func() { os.Remove(filepath.Join(dir, "static/img/a.png")) }, []string{"static/img/a.png"}, false},
		{"static/ removed", func() { os.RemoveAll(filepath.Join(dir, "static")) }, []string{"static"}, true},
		{"not known", func() { write("content/quiet.md", "# Q\n") }, nil, true},
	} {
		tc.change()
		files.Hint(tc.hint)
		fsys.readDirs = 0
		got, d := ReadWith(fsys, builtinTheme, files)
		if len(d) > 0 {
			t.Fatalf("%s: %v", tc.name, d)
		}
		if walked := fsys.readDirs > 0; walked != tc.walks {
			t.Errorf("%s: walked content/ = %v, want %v", tc.name, walked, tc.walks)
		}
		want, _ := ReadWith(os.DirFS(dir), builtinTheme, nil)
		paths := func(s *Site) (out []string) {
			for _, f := range append(append([]File{}, s.Pages...), s.Static...) {
				out = append(out, f.Path+"="+string(f.Data))
			}
			return out
		}
		if !slices.Equal(paths(got), paths(want)) {
			t.Errorf("%s: read %q, a walk finds %q", tc.name, paths(got), paths(want))
		}

	}
}

// countingFS counts the folders of content/ read.
type countingFS struct {
	fs.FS
	readDirs int
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if strings.HasPrefix(name, ContentDir) {
		c.readDirs++
	}
	return fs.ReadDir(c.FS, name)
}

func TestWalkOrder(t *testing.T) {
	paths := []string{"content/a-c.md", "content/a/b.md", "content/a.md", "content/a/a.md", "content/b"}
	slices.SortFunc(paths, walkOrder)
	// fs.ReadDir sorts names: "a" < "a-c.md" < "a.md", and a folder's
	// files come with it.
	want := []string{"content/a/a.md", "content/a/b.md", "content/a-c.md", "content/a.md", "content/b"}
	if !slices.Equal(paths, want) {
		t.Errorf("walk order %q, want %q", paths, want)
	}
}

var builtinTheme = fstest.MapFS{"default/layouts/baseof.html": {Data: []byte("base")}}
