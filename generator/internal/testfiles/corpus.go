package testfiles

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Corpus makes (once per name and size, under the temporary folder) a site
// over the reproducible corpus of ../shared/bench/gencorpus.go, with
// siteTOML as its site.toml, and returns its folder; it skips when the
// generator is not beside the repository. A test that edits the site
// names a folder of its own.
func Corpus(tb testing.TB, name string, pages int, siteTOML string) string {
	tb.Helper()
	gen, err := filepath.Abs("../../../shared/bench/gencorpus.go")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(gen); err != nil {
		tb.Skip("no corpus generator at ../shared/bench")
	}
	dir := filepath.Join(os.TempDir(), name+"-"+strconv.Itoa(pages))
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			tb.Fatal(err)
		}
		cmd := exec.Command("go", "run", gen, "-n", strconv.Itoa(pages), "-out", filepath.Join(dir, "content"), "-seed", "1")
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("gencorpus: %v\n%s", err, out)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(siteTOML), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}
