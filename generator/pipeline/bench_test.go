package pipeline

import (
	"context"
	"os"
	"runtime/debug"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// corpus makes (once per size) a site over the reproducible corpus of
// ../shared/bench/gencorpus.go, or skips when the generator is not beside
// the repository.
func corpus(b testing.TB, pages int) string {
	// As ../shared/bench/measure.sh writes it: minified, as a published site is.
	return testfiles.Corpus(b, "shiftbook-bench", pages, "title = \"Bench\"\nbaseURL = \"https://example.org/\"\n[build]\nminify = true\n")
}

type nullSink struct{}

func (nullSink) Write(string, []byte) error { return nil }

func benchmarkBuild(b *testing.B, pages int) { benchmarkBuildDir(b, corpus(b, pages)) }

func benchmarkBuildDir(b *testing.B, dir string) {
	// The soft memory limit cmd/shiftbook offers a build (the library
	// never sets it itself).
	opts := Options{Site: os.DirFS(dir), Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), MemoryLimit: func(n int64) func() {
		prev := debug.SetMemoryLimit(n)
		return func() { debug.SetMemoryLimit(prev) }
	}}
	b.ResetTimer()
	for b.Loop() {
		out := b.TempDir()
		if _, diags := ToDir(context.Background(), opts, out); len(diags) > 0 {
			b.Fatal(diags.Err())
		}
	}
}

// BenchmarkBuild1000 and BenchmarkBuild5000 are full builds, written to disk.
func BenchmarkBuild1000(b *testing.B) { benchmarkBuild(b, 1000) }
func BenchmarkBuild5000(b *testing.B) { benchmarkBuild(b, 5000) }

// BenchmarkBuild5000TwoLanguages is BenchmarkBuild5000 with a second
// language (Dutch) translating every tenth page and every section page:
// issue 16 asks that it stays within 1.3 times the one-language build.
func BenchmarkBuild5000TwoLanguages(b *testing.B) {
	dir := testfiles.Corpus(b, "shiftbook-bench-nl", 5000, "title = \"Bench\"\nbaseURL = \"https://example.org/\"\n[build]\nminify = true\n"+
		"[languages.en]\nname = \"English\"\n[languages.nl]\nname = \"Nederlands\"\n")
	b.ReportMetric(float64(testfiles.Translate(b, dir)), "translated")
	benchmarkBuildDir(b, dir)
}

// BenchmarkBuild20000 runs only when SHIFTBOOK_BENCH_20K is set: making
// its corpus and building it takes minutes on the 2-core machine.
func BenchmarkBuild20000(b *testing.B) {
	if os.Getenv("SHIFTBOOK_BENCH_20K") == "" {
		b.Skip("set SHIFTBOOK_BENCH_20K=1 to build 20,000 pages")
	}
	benchmarkBuild(b, 20000)
}

// BenchmarkRebuildOnePage is the dev server's case: one page edited, the
// rest of the site taken from the cache, everything rendered into memory.
func BenchmarkRebuildOnePage(b *testing.B) {
	dir := corpus(b, 5000)
	opts := Options{Site: os.DirFS(dir), Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), NoMinify: true}
	builder := New()
	if _, diags := builder.Build(context.Background(), opts, nullSink{}); len(diags) > 0 {
		b.Fatal(diags.Err())
	}
	b.ResetTimer()
	for b.Loop() {
		if _, diags := builder.Build(context.Background(), opts, nullSink{}); len(diags) > 0 {
			b.Fatal(diags.Err())
		}
	}
}

// BenchmarkBuildMemory5000 is a full build rendered into memory only (no
// disk), for profiling the stages.
func BenchmarkBuildMemory5000(b *testing.B) {
	dir := corpus(b, 5000)
	opts := Options{Site: os.DirFS(dir), Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		if _, diags := New().Build(context.Background(), opts, nullSink{}); len(diags) > 0 {
			b.Fatal(diags.Err())
		}
	}
}

// BenchmarkPrepareAfterEdit is the dev server's rebuild: one page edited,
// everything before rendering redone from the caches; pages are rendered
// when a browser asks for them.
func BenchmarkPrepareAfterEdit(b *testing.B) {
	dir := corpus(b, 5000)
	opts := Options{Site: os.DirFS(dir), Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), NoMinify: true, LiveReload: true}
	builder := New()
	if _, diags := builder.Prepare(context.Background(), opts); len(diags) > 0 {
		b.Fatal(diags.Err())
	}
	for b.Loop() {
		p, diags := builder.Prepare(context.Background(), opts)
		if len(diags) > 0 {
			b.Fatal(diags.Err())
		}
		if _, ok := p.File("index.html"); !ok {
			b.Fatal("no home page")
		}
	}
}
