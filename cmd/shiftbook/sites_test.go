package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/sites/*.txtar from what run does now")

// fixtureEpoch is the build clock of every fixture that sets none:
// 2026-01-15T00:00:00Z, so staleness never depends on the day the tests run.
const fixtureEpoch = "1768435200"

// TestSites runs every whole-site fixture under testdata/sites.
//
// A fixture is a txtar archive. Its comment describes the behaviour and may
// hold directive lines:
//
//	args: build --drafts     the command line (default: check), split at spaces
//	                         except inside "double quotes"; for build and
//	                         check, "-s DIR" (and "-o OUT" for build) come first
//	env: SOURCE_DATE_EPOCH=… an environment variable for the run
//
// Its files are the site (site.toml, content/..., themes/...) and these
// expectation sections:
//
//	want/exit     the exit status
//	want/stderr   everything run writes to stderr, exactly
//	want/stdout   everything run writes to stdout, with the site folder
//	              shown as $DIR, the output folder as $OUT, the build
//	              time as DURATION and the count of pages as N
//	out/PATH      (build) one snippet per line that output file PATH must
//	              contain, in this order; a line starting with "!" is a
//	              snippet it must not contain anywhere
//	absent        (build) output paths, one a line, that must not exist
//	after/PATH    the whole content the site file PATH has after the run
//
// go test ./cmd/shiftbook -run TestSites -update rewrites want/exit,
// want/stderr and want/stdout from the current behaviour; review the diff.
func TestSites(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "sites", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/sites")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) { runFixture(t, file) })
	}
}

type fixture struct {
	args []string
	env  map[string]string
	want map[string]string // want/... sections by name
}

func parseFixture(t *testing.T, ar *txtar.Archive) fixture {
	t.Helper()
	fx := fixture{args: []string{"check"}, env: map[string]string{}, want: map[string]string{}}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "args:"):
			fx.args = splitArgs(strings.TrimPrefix(line, "args:"))
		case strings.HasPrefix(line, "env:"):
			k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "env:")), "=")
			if !ok {
				t.Fatalf("bad env line %q: want env: NAME=value", line)
			}
			fx.env[k] = v
		}
	}
	if _, ok := fx.env["SOURCE_DATE_EPOCH"]; !ok {
		fx.env["SOURCE_DATE_EPOCH"] = fixtureEpoch
	}
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
			fx.want[name] = string(f.Data)
		}
	}
	return fx
}

// fixtureSite is the site of a fixture file: its files by name, without
// the expectation sections.
func fixtureSite(t *testing.T, file string) map[string]string {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	site := map[string]string{}
	for _, f := range ar.Files {
		if siteFile(f.Name) {
			site[f.Name] = string(f.Data)
		}
	}
	return site
}

// siteFile reports the archive files that are part of the site.
func siteFile(name string) bool {
	return !strings.HasPrefix(name, "want/") && !strings.HasPrefix(name, "out/") && !strings.HasPrefix(name, "after/") && name != "absent"
}

var (
	durationRE = regexp.MustCompile(`in [0-9.]+(ns|µs|ms|s|m[0-9.]+s)\b`)
	pagesRE    = regexp.MustCompile(`\b(built|ok:) [0-9]+ pages`)
)

func runFixture(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fx := parseFixture(t, ar)
	for k, v := range fx.env {
		t.Setenv(k, v)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if !siteFile(f.Name) {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	args := fx.args
	if len(args) > 0 {
		switch args[0] {
		case "check":
			args = append([]string{"check", "-s", dir}, args[1:]...)
		case "build":
			args = append([]string{"build", "-s", dir, "-o", out}, args[1:]...)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	gotOut := strings.ReplaceAll(stdout.String(), out, "$OUT")
	gotOut = strings.ReplaceAll(gotOut, dir, "$DIR")
	gotOut = durationRE.ReplaceAllString(gotOut, "in DURATION")
	// The count of pages includes the generated ones, which change as
	// features are added; the fixtures check pages by their files instead.
	gotOut = pagesRE.ReplaceAllString(gotOut, "$1 N pages")
	got := map[string]string{
		"exit":   fmt.Sprintf("%d\n", code),
		"stderr": stderr.String(),
		"stdout": gotOut,
	}

	if *update {
		rewriteWants(t, file, ar, got)
		return
	}
	for _, k := range []string{"exit", "stderr", "stdout"} {
		if _, ok := fx.want[k]; !ok {
			t.Errorf("%s has no want/%s section; run with -update", file, k)
		}
	}
	for _, k := range []string{"exit", "stderr", "stdout"} {
		if want := fx.want[k]; got[k] != want {
			t.Errorf("shiftbook %s\n%s differs:\n--- got\n%s--- want\n%s", strings.Join(fx.args, " "), k, got[k], want)
		}
	}
	checkOutput(t, ar, out)
	checkAfter(t, ar, dir)
}

// checkAfter checks the after/PATH sections: the whole content the site's
// file PATH must have after the run (check --fix edits files in place).
func checkAfter(t *testing.T, ar *txtar.Archive, dir string) {
	t.Helper()
	for _, f := range ar.Files {
		p, ok := strings.CutPrefix(f.Name, "after/")
		if !ok {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("site file %s: %v", p, err)
			continue
		}
		if string(data) != string(f.Data) {
			t.Errorf("site file %s after the run:\n%s--- want\n%s", p, data, f.Data)
		}
	}
}

// checkOutput checks the out/PATH and absent sections against the build output.
func checkOutput(t *testing.T, ar *txtar.Archive, out string) {
	t.Helper()
	for _, f := range ar.Files {
		switch {
		case f.Name == "absent":
			for _, p := range strings.Fields(string(f.Data)) {
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err == nil {
					t.Errorf("output %s exists; it must not", p)
				}
			}
		case strings.HasPrefix(f.Name, "out/"):
			p := strings.TrimPrefix(f.Name, "out/")
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
			if err != nil {
				t.Errorf("output %s: %v", p, err)
				continue
			}
			text, from := string(data), 0
			for _, line := range strings.Split(string(f.Data), "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				if snippet, ok := strings.CutPrefix(line, "!"); ok {
					if strings.Contains(text, snippet) {
						t.Errorf("output %s contains %q; it must not", p, snippet)
					}
					continue
				}
				i := strings.Index(text[from:], line)
				switch {
				case i >= 0:
					from += i + len(line)
				case strings.Contains(text, line):
					t.Errorf("output %s has %q, but not after the snippets above it", p, line)
				default:
					t.Errorf("output %s lacks %q", p, line)
				}
			}
		}
	}
	if t.Failed() && os.Getenv("SITES_DUMP") != "" {
		dumpTree(t, out)
	}
}

// dumpTree logs the output files, to help write out/ sections: run the
// test with SITES_DUMP=1.
func dumpTree(t *testing.T, out string) {
	var paths []string
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		t.Logf("== %s\n%s", strings.TrimPrefix(p, out), data)
	}
}

// rewriteWants replaces the want/ sections of the fixture with got, keeping
// every other section and the order of the archive.
func rewriteWants(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	t.Helper()
	keys := []string{"exit", "stderr", "stdout"}
	var files []txtar.File
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			files = append(files, f)
		}
	}
	for _, k := range keys {
		files = append(files, txtar.File{Name: "want/" + k, Data: []byte(got[k])})
	}
	ar.Files = files
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

// splitArgs splits a fixture's command line at spaces, keeping a "quoted
// part" (without its quotes) as one argument.
func splitArgs(line string) []string {
	var args []string
	var cur strings.Builder
	inQuote, has := false, false
	for _, r := range line {
		switch {
		case r == '"':
			inQuote, has = !inQuote, true
		case r == ' ' && !inQuote:
			if has {
				args = append(args, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if has {
		args = append(args, cur.String())
	}
	return args
}
