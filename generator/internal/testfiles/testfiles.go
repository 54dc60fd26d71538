// Package testfiles gives tests the files under their testdata/ folder:
// golden files to compare output with, rewritten when the tests run with
// -update, and example inputs to seed fuzz targets with. It is imported by
// tests only; every package's tests share its one -update flag.
package testfiles

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ from what the code does now")

// Update reports whether the tests run with -update.
func Update() bool { return *update }

// Golden compares got with the golden file at path; under -update it writes
// got there instead.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test -update and review the diff\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// Seed adds every file matching pattern (as filepath.Glob reads it), then
// each of extra, to a fuzz target's seed corpus.
func Seed(f *testing.F, pattern string, extra ...string) {
	f.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// WriteTree writes files (slash paths relative to dir → content) into dir,
// making the folders they need.
func WriteTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
