package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A build that fails after reading an edit must not leave the edit unseen:
// once the failure is fixed, the edited page shows its new text.
func TestEditSeenAfterAFailedBuild(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"T\"\nbaseURL = \"https://cx.example.com/\"\n")
	write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	write("content/page.md", "+++\ntitle = \"Page\"\n+++\nOld text.\n")
	opts := Options{Site: os.DirFS(dir), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NoMinify: true}
	b := New()
	if _, diags := b.Prepare(context.Background(), opts); len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	write("content/page.md", "+++\ntitle = \"Page\"\n+++\nNew text.\n")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "content", "broken.md")); err != nil {
		t.Skip("no symbolic links here")
	}
	if _, diags := b.Prepare(context.Background(), opts); len(diags) == 0 {
		t.Fatal("a dangling link in content/ did not fail the build")
	}
	os.Remove(filepath.Join(dir, "content", "broken.md"))
	p, diags := b.Prepare(context.Background(), opts)
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	page, _ := p.File("page/index.html")
	if !strings.Contains(string(page), "New text.") {
		t.Fatal("the edit made before the failed build is not shown")
	}
}
