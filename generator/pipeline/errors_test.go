package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// TestFolderSymlinkHidesNothing: a link to a folder inside content/ is an
// error of its own, and the errors of the other files are still reported in
// the same run.
func TestFolderSymlinkHidesNothing(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	files := map[string]string{
		"site.toml":         "title = \"Fixture\"\n",
		"content/_index.md": "+++\ntitle = \"Home\"\n+++\nSee [nowhere](nowhere.md).\n",
		"content/b.md":      "+++\ntitle = \"B\"\ncolour = \"red\"\n+++\nB.\n",
	}
	testfiles.WriteTree(t, dir, files)
	testfiles.WriteTree(t, outside, map[string]string{"x.md": "+++\ntitle = \"X\"\n+++\n"})
	if err := os.Symlink(outside, filepath.Join(dir, "content", "shared")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	res, diags := New().Build(context.Background(), Options{Site: os.DirFS(dir), Now: exampleNow}, newMemSink())
	if res != nil {
		t.Fatal("the build succeeded; want it to fail")
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Path)
	}
	all := strings.Join(got, " ")
	for _, want := range []string{"content/shared", "content/_index.md", "content/b.md"} {
		if !strings.Contains(all, want) {
			t.Errorf("no error for %s; got errors for %v:\n%v", want, got, diags.Err())
		}
	}
}

// TestOneShotPlacesDiagnostics: a one-shot build (ToDir) drops the pages'
// sources, and is built once; its diagnostics, made after that, still say
// the line, column and source text a build keeping the sources says, and
// sort the same.
func TestOneShotPlacesDiagnostics(t *testing.T) {
	dir := t.TempDir()
	testfiles.WriteTree(t, dir, map[string]string{
		"site.toml":         "title = \"Fixture\"\n",
		"content/_index.md": "+++\ntitle = \"Home\"\n+++\nIntro.\n\nSee [nowhere](nowhere.md) and\n[gone](/gone/) and [x](#no-such).\n",
		"content/b.md":      "+++\ntitle = \"B\"\nowner = \"\"\n+++\n# B\n\nText [[No Such Term]].\n\n| a |\n|---|\n| [t](../zz/) |\n",
		"content/c.md":      "+++\ntitle = \"C\"\n+++\n<script>x</script>\n\nAn é [bad](é.md).\n",
	})
	opts := Options{Site: os.DirFS(dir), Now: exampleNow}
	_, want := New().Build(context.Background(), opts, newMemSink())
	if len(want) < 5 {
		t.Fatalf("want several diagnostics from the fixture, got %v", want)
	}
	_, got := ToDir(context.Background(), opts, filepath.Join(t.TempDir(), "out"))
	if len(got) != len(want) {
		t.Fatalf("ToDir: %d diagnostics, a kept-source build %d:\n%v\n---\n%v", len(got), len(want), got, want)
	}
	for i := range want {
		w, g := want[i], got[i]
		if g.String() != w.String() || g.Source != w.Source || g.Line != w.Line || g.Col != w.Col {
			t.Errorf("diagnostic %d:\n got %s (source %q)\nwant %s (source %q)", i, g, g.Source, w, w.Source)
		}
	}
}
