package testfiles

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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

// Translate writes a Dutch translation beside every tenth page of the
// corpus site in dir (in the order of their paths) and beside every
// section page, as the languages benchmark measures them: the original's
// front matter and text with "(nl)" after the title and a translated
// date, so none is out of date. It writes each file once.
func Translate(tb testing.TB, dir string) (translated int) {
	tb.Helper()
	var pages []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".nl.md") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(pages)
	for i, p := range pages {
		if i%10 != 0 && filepath.Base(p) != "_index.md" {
			continue
		}
		translated++
		out := strings.TrimSuffix(p, ".md") + ".nl.md"
		if _, err := os.Stat(out); err == nil {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		text := string(src)
		if head, rest, ok := strings.Cut(text, "\ntitle = \""); ok {
			title, after, _ := strings.Cut(rest, "\"\n")
			text = head + "\ntitle = \"" + title + " (nl)\"\ntranslated = 2026-10-01\n" + after
		}
		if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return translated
}
