package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shiftbook/shiftbook/generator/parse"
)

// The example site is the repository root.
const exampleSite = "../.."

// exampleNow is a fixed build clock, as SOURCE_DATE_EPOCH would give.
var exampleNow = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// memSink keeps the output in memory. Render writes from several goroutines.
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemSink() *memSink { return &memSink{files: map[string][]byte{}} }

func (s *memSink) Write(p string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.files[p]; dup {
		return fs.ErrExist
	}
	s.files[p] = append([]byte(nil), data...)
	return nil
}

func buildExample(t *testing.T, opts Options) *memSink {
	t.Helper()
	opts.Site = os.DirFS(exampleSite)
	if opts.Now.IsZero() {
		opts.Now = exampleNow
	}
	sink := newMemSink()
	if _, diags := New().Build(context.Background(), opts, sink); diags.HasErrors() {
		for _, d := range diags {
			t.Error(d)
		}
		t.Fatal("the example site does not build")
	}
	return sink
}

// TestExampleDeterministic builds the example site twice, each time with a
// fresh Builder, and on disk into two folders, and compares every byte.
func TestExampleDeterministic(t *testing.T) {
	a := buildExample(t, Options{})
	b := buildExample(t, Options{Workers: 1})
	compareOutputs(t, "memory build 1", a.files, "memory build 2", b.files)

	dirs := [2]string{t.TempDir() + "/out", t.TempDir() + "/out"}
	var disk [2]map[string][]byte
	for i, dir := range dirs {
		if _, diags := ToDir(context.Background(), Options{Site: os.DirFS(exampleSite), Now: exampleNow}, dir); diags.HasErrors() {
			t.Fatalf("build %d: %v", i+1, diags.Err())
		}
		disk[i] = readTree(t, dir)
	}
	compareOutputs(t, dirs[0], disk[0], dirs[1], disk[1])
	compareOutputs(t, "memory", a.files, dirs[0], disk[0])
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(dir + "/" + p)
		files[p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func compareOutputs(t *testing.T, nameA string, a map[string][]byte, nameB string, b map[string][]byte) {
	t.Helper()
	if len(a) == 0 {
		t.Fatalf("%s is empty", nameA)
	}
	var paths []string
	for p := range a {
		paths = append(paths, p)
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	diffs := 0
	for _, p := range paths {
		da, inA := a[p]
		db, inB := b[p]
		switch {
		case !inA:
			t.Errorf("%s only in %s", p, nameB)
		case !inB:
			t.Errorf("%s only in %s", p, nameA)
		case !bytes.Equal(da, db):
			t.Errorf("%s differs between %s and %s at byte %d", p, nameA, nameB, firstDiff(da, db))
		default:
			continue
		}
		if diffs++; diffs == 10 {
			t.Fatal("too many differences")
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// translationName is a translation's file name: NAME.CODE.md.
var translationName = regexp.MustCompile(`^(.*)\.([a-z]{2})\.md$`)

// TestExampleEveryPage checks that every markdown page of content/ that is
// not a draft has its page in the output, at the clean URL worked out here
// independently of the link stage, and that drafts have none.
func TestExampleEveryPage(t *testing.T) {
	out := buildExample(t, Options{}).files
	site := os.DirFS(exampleSite)
	pages := 0
	err := fs.WalkDir(site, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == "content/data" {
			return fs.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		page, diags := parse.ReadPage(p, src)
		if len(diags) > 0 {
			t.Errorf("%s: %v", p, diags.Err())
			return nil
		}
		want := expectedOutput(p, page.Meta.Slug)
		if m := translationName.FindStringSubmatch(p); m != nil {
			if _, tree := out[m[2]+"/index.html"]; tree {
				// A translation: its page is in its language's tree, at
				// its original's address (or its own slug).
				want = m[2] + "/" + expectedOutput(m[1]+".md", page.Meta.Slug)
			}
		}
		_, built := out[want]
		switch {
		case page.Meta.Draft && built:
			t.Errorf("%s is a draft, but %s was written", p, want)
		case !page.Meta.Draft && !built:
			t.Errorf("%s has no page in the output: no %s", p, want)
		case built:
			pages++
			if !bytes.Contains(out[want], []byte(htmlEscape(page.Meta.Title))) && !bytes.Contains(out[want], []byte(page.Meta.Title)) {
				t.Errorf("%s does not show the title %q of %s", want, page.Meta.Title, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Errorf("only %d pages of content/ were found in the output; the example site has at least 20", pages)
	}
	for _, p := range []string{"index.html", "404.html", "sitemap.xml", "glossary/index.html", "metrics/index.html",
		"journeys/index.html", "search/index.html", "search/index.js", "search/t/0.js", "search/d/0.js", "book/index.html"} {
		if _, ok := out[p]; !ok {
			t.Errorf("the output has no %s", p)
		}
	}
}

// expectedOutput is the output file of a content page: content/a/b.md is
// a/b/index.html, content/a/_index.md is a/index.html, a slug replaces the
// file name, and names are lower case with dashes for spaces.
func expectedOutput(file, slug string) string {
	rel := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	dir, base := path.Split(rel)
	switch {
	case base == "_index" || base == "index":
		base = ""
	case slug != "":
		base = slug
	}
	p := strings.ToLower(strings.Join(strings.Fields(strings.Trim(dir+base, "/")), "-"))
	if p == "" {
		return "index.html"
	}
	return p + "/index.html"
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestToDirKeepsOutputOnFailure builds a good site into a folder, then a
// broken one into the same folder: the folder must be exactly as the good
// build left it, with no staging folder left beside it.
func TestToDirKeepsOutputOnFailure(t *testing.T) {
	good := fstest.MapFS{
		"site.toml":         {Data: []byte("title = \"T\"\nbaseURL = \"https://cx.example.com/\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Home\"\n+++\nHello.\n")},
		"content/a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\nA.\n")},
	}
	parent := t.TempDir()
	out := parent + "/public"
	opts := Options{Site: good, Now: exampleNow}
	if _, diags := ToDir(context.Background(), opts, out); diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	before := readTree(t, out)
	if _, ok := before["a/index.html"]; !ok {
		t.Fatalf("the good build wrote no a/index.html: %d files", len(before))
	}

	broken := fstest.MapFS{
		"site.toml":         good["site.toml"],
		"content/_index.md": {Data: []byte("+++\ntitle = \"Home\"\n+++\nSee [nothing](nothing.md).\n")},
		"content/b.md":      {Data: []byte("+++\ntitle = \"B\"\n+++\nB.\n")},
	}
	_, diags := ToDir(context.Background(), Options{Site: broken, Now: exampleNow}, out)
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "nothing.md") {
		t.Fatalf("the broken build: diagnostics %v; want the broken link", diags)
	}
	compareOutputs(t, "before", before, "after a failed build", readTree(t, out))
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %v; want only public", names)
	}
}

// TestToDirRestoresMemoryLimit: the soft memory limit a one-shot build sets
// is the process's only while it builds.
// TestToDirOffersAndRestoresMemoryLimit: a one-shot build offers its soft
// memory limit to the caller's hook, never setting one itself, and undoes
// it when done.
func TestToDirOffersAndRestoresMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	var offered []int64
	restored := 0
	hook := func(bytes int64) func() {
		offered = append(offered, bytes)
		return func() { restored++ }
	}
	if _, diags := ToDir(context.Background(), Options{Site: os.DirFS(exampleSite), Now: exampleNow, MemoryLimit: hook}, t.TempDir()+"/out"); diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if len(offered) == 0 || offered[0] < 64<<20 {
		t.Errorf("limits offered: %v, want at least one of 64 MB or more", offered)
	}
	if restored != 1 {
		t.Errorf("restore called %d times, want 1", restored)
	}
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("the library changed the process's memory limit: %d, was %d", after, before)
	}
}

// TestExampleKeepsOwnersHonest: the example site shows ownership at work,
// with realistic dates: some reviews overdue and some data stale, each a
// warning for its owner, and every owner on /owners/ with a contact.
func TestExampleKeepsOwnersHonest(t *testing.T) {
	sink := newMemSink()
	res, diags := New().Build(context.Background(), Options{Site: os.DirFS(exampleSite), Now: exampleNow}, sink)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	overdue, stale := 0, 0
	for _, d := range diags {
		if d.Owner == "" || d.Kind != "ownership" && d.Kind != "surveys" {
			t.Errorf("a warning without an owner: %v", d)
		}
		switch {
		case strings.HasPrefix(d.Message, "review overdue since"):
			overdue++
		case strings.Contains(d.Message, "is stale"):
			stale++
		}
	}
	if overdue < 2 || stale < 1 {
		t.Errorf("%d reviews overdue and %d metrics stale, want at least 2 and 1", overdue, stale)
	}
	owners := string(sink.files["owners/index.html"])
	for _, o := range res.Site.Owners {
		if o.Contact == "" {
			t.Errorf("owner %q has no contact in [owners]", o.Name)
		}
		if !strings.Contains(owners, `id="`+o.ID+`"`) {
			t.Errorf("/owners/ has no entry for %q", o.Name)
		}
	}
}
