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
