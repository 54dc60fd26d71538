package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// benchSite makes (once) a dev-server site over the reproducible corpus of
// ../shared/bench/gencorpus.go, a copy of its own because the benchmarks
// edit it, or skips when the generator is not beside the repository.
func benchSite(b *testing.B, pages int) string {
	return testfiles.Corpus(b, "shiftbook-serve-bench", pages, "title = \"Bench\"\nbaseURL = \"https://example.org/\"\n")
}

// benchmarkEdit is the dev server's loop as an author sees it: save a page
// (a plain truncate-and-write, as most editors do), then ask for it over
// HTTP until the new text is served. edit returns the file's new bytes
// holding marker. It reports the median and the slowest edit too.
func benchmarkEdit(b *testing.B, file, page string, edit func(orig []byte, marker string) []byte) {
	dir := benchSite(b, 5000)
	path := filepath.Join(dir, "content", file)
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(path, orig, 0o644)
	ready := make(chan string, 1)
	srv := New(Options{Dir: dir, Addr: "127.0.0.1:0", Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Ready: func(a string) { ready <- a }})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Run(ctx)
	var addr string
	select {
	case addr = <-ready:
	case <-time.After(5 * time.Minute):
		b.Fatal("the first build did not finish")
	}
	url := "http://" + addr + "/" + page
	get := func() string {
		resp, err := http.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}
	get()
	var times []time.Duration
	n := 0
	b.ResetTimer()
	for b.Loop() {
		n++
		marker := fmt.Sprintf("benchmarker%dx%d", time.Now().UnixNano(), n)
		start := time.Now()
		if err := os.WriteFile(path, edit(orig, marker), 0o644); err != nil {
			b.Fatal(err)
		}
		for !strings.Contains(get(), marker) {
			if time.Since(start) > time.Minute {
				b.Fatal("the edit was not served within a minute")
			}
			time.Sleep(time.Millisecond)
		}
		times = append(times, time.Since(start))
		b.StopTimer()
		time.Sleep(50 * time.Millisecond) // let the watcher settle: edits a person makes
		b.StartTimer()
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-max")
}

// BenchmarkServeEdit: one page's text edited on the 5,000-page corpus →
// the new page served over HTTP, watcher and batching included.
func BenchmarkServeEdit(b *testing.B) {
	benchmarkEdit(b, "definitions/term-1019.md", "definitions/term-1019/", func(orig []byte, marker string) []byte {
		return append(slices.Clip(orig), "\n\nEdited: "+marker+".\n"...)
	})
}

// BenchmarkServeDefinitionEdit: a definition's synonyms edited, which
// changes what the autolinker links on every page, → the edited page
// served.
func BenchmarkServeDefinitionEdit(b *testing.B) {
	benchmarkEdit(b, "definitions/term-1019.md", "definitions/term-1019/", func(orig []byte, marker string) []byte {
		s := strings.Replace(string(orig), "+++\n", "+++\nsynonyms = [\"synonym "+marker+"\"]\n", 1)
		return []byte(s + "\n\nEdited: " + marker + ".\n")
	})
}
