package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// searchFigures is what a reader's query cost, as the page saw it.
type searchFigures struct {
	MS      float64 // from the key that completes the query to the first suggestion shown
	FullMS  float64 // … to every suggestion shown (8, or all there are)
	Bytes   int     // of every search index file the page loaded
	Files   int
	Results int // suggestions shown
}

// typeQuery loads page, checks that it has loaded nothing of the search
// index, focuses the header search and types q, and measures.
func typeQuery(t *testing.T, page, q string) searchFigures {
	t.Helper()
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(page), chromedp.WaitReady("#header-q"))
	const indexFiles = `performance.getEntriesByType("resource").filter((e) => /\/search\/.*\.js/.test(e.name))`
	if n := eval[int](t, ctx, indexFiles+`.length`); n != 0 {
		t.Fatalf("%s loaded %d files of the search index before any search", page, n)
	}
	// The clock starts at the last key of the query and stops when the
	// first suggestion for it is in the list (the list keeps the
	// suggestions of the query before until then, and says which query it
	// shows in data-q).
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => {
	  window.__t0 = 0; window.__t1 = 0; window.__t2 = 0;
	  const input = document.getElementById("header-q");
	  input.addEventListener("input", () => { window.__t0 = performance.now(); window.__t1 = 0; window.__t2 = 0; }, true);
	  new MutationObserver(() => {
	    const list = document.querySelector("#header-results [role=listbox]");
	    if (!window.__t0 || !list || list.getAttribute("data-q") !== input.value.trim()) return;
	    const n = list.querySelectorAll("[role=option]").length;
	    if (!window.__t1 && n) window.__t1 = performance.now();
	    const all = /\((\d+)\)/.exec(document.querySelector("#header-results .search-all").textContent);
	    if (!window.__t2 && n && all && n === Math.min(8, +all[1])) window.__t2 = performance.now();
	  }).observe(document.getElementById("header-results"), { childList: true, subtree: true, attributes: true });
	})()`))
	do(t, ctx, chromedp.Focus("#header-q"))
	// The manifest loads on focus, as a reader's hand moves to type.
	// (Chromium keeps no resource timing for file://.)
	if !strings.HasPrefix(page, "file:") && !waitTrue(t, ctx, indexFiles+`.length >= 1`, 10*time.Second) {
		t.Fatal("focusing the search box did not load the manifest")
	}
	do(t, ctx, chromedp.SendKeys("#header-q", q))
	if !waitTrue(t, ctx, `window.__t2 > 0 && document.getElementById("header-q").value === `+jsString(q), 20*time.Second) {
		t.Fatalf("typing %q showed no suggestions", q)
	}
	var f searchFigures
	f.MS = eval[float64](t, ctx, `window.__t1 - window.__t0`)
	f.FullMS = eval[float64](t, ctx, `window.__t2 - window.__t0`)
	f.Bytes = eval[int](t, ctx, indexFiles+`.reduce((a, e) => a + (e.encodedBodySize || e.transferSize || 0), 0)`)
	f.Files = eval[int](t, ctx, indexFiles+`.length`)
	f.Results = eval[int](t, ctx, `document.querySelectorAll("#header-results [role=option]").length`)
	return f
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestBrowserSearchLoadsOnlyWhatAQueryNeeds: a page loads nothing of the
// index until its search box is focused; a query loads a few small files.
func TestBrowserSearchLoadsOnlyWhatAQueryNeeds(t *testing.T) {
	base := exampleSite(t)
	f := typeQuery(t, base+"/vision/", "nps")
	t.Logf("nps: first suggestion after %.0f ms, %d bytes in %d files, %d suggestions", f.MS, f.Bytes, f.Files, f.Results)
	if f.Results < 2 {
		t.Errorf("%d suggestions for nps, want the definition and the metric", f.Results)
	}
	if f.Bytes > 300_000 || f.Bytes == 0 {
		t.Errorf("the query loaded %d bytes of the index, want 1 to 300,000", f.Bytes)
	}
}

// TestBrowserSearchFromFile: opened from the disk (file://), where fetch is
// refused, search still works: the index files are scripts.
func TestBrowserSearchFromFile(t *testing.T) {
	exampleSite(t) // builds exampleDir
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(exampleDir, "vision", "index.html"))}).String()
	f := typeQuery(t, page, "csat")
	if f.Results == 0 {
		t.Fatal("no suggestions from file://")
	}
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate((&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(exampleDir, "search", "index.html")), RawQuery: "q=nps"}).String()))
	if !waitTrue(t, ctx, `document.querySelectorAll("#search-results-list li").length >= 2`, 10*time.Second) {
		t.Fatalf("the search page shows no results from file://: %s", eval[string](t, ctx, `document.getElementById("search-status").textContent`))
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll("#search-results-list a.search-title")].every(a => a.href.startsWith("file://`+filepath.ToSlash(exampleDir)+`/"))`) {
		t.Error("result links from file:// leave the site folder")
	}
}

// atScaleQueries are typed key by key into a large site: names of terms and
// metrics, one and two letters, common and rare words, phrases, numbers.
var atScaleQueries = []string{"nps", "customer journey", "c", "renewal friction", "quarterly review cadence", "strategic",
	"program 1100", "effortless partner", "churn", "csat", "onboarding", "dashboard", "feedback loop", "s", "q",
	"annual capability", "employees governance", "the customer journey", "modular driver 2071", "journey", "cust", "a b c",
	"trusted case", "retention", "digital ticket", "metric baseline"}

// TestBrowserSearchAtScale measures queries over a large built site named by
// SHIFTBOOK_SEARCH_SITE (an output folder, e.g. of the 20,000-page corpus):
// time from the last key to the first suggestion, and bytes loaded.
func TestBrowserSearchAtScale(t *testing.T) {
	dir := os.Getenv("SHIFTBOOK_SEARCH_SITE")
	if dir == "" {
		t.Skip("set SHIFTBOOK_SEARCH_SITE to a built site to measure search at scale")
	}
	mux := http.NewServeMux()
	mux.Handle("/sub/", http.StripPrefix("/sub", http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var ms, full, bytes []float64
	for _, q := range atScaleQueries {
		f := typeQuery(t, srv.URL+"/sub/", q)
		t.Logf("%-26q first suggestion after %5.1f ms, all %5.1f ms, %7d bytes in %2d files", q, f.MS, f.FullMS, f.Bytes, f.Files)
		ms = append(ms, f.MS)
		full = append(full, f.FullMS)
		bytes = append(bytes, float64(f.Bytes))
		if f.Bytes > 300_000 {
			t.Errorf("%q loaded %d bytes, more than 300 KB", q, f.Bytes)
		}
	}
	sort.Float64s(ms)
	sort.Float64s(full)
	sort.Float64s(bytes)
	t.Logf("%d queries: first suggestion median %.1f ms, max %.1f ms; all suggestions median %.1f ms; bytes median %.0f, max %.0f",
		len(ms), ms[len(ms)/2], ms[len(ms)-1], full[len(full)/2], bytes[len(bytes)/2], bytes[len(bytes)-1])
	if ms[len(ms)/2] > 100 {
		t.Errorf("median time to the first suggestion %.1f ms, more than 100 ms", ms[len(ms)/2])
	}
}

// TestBrowserSearchInAnOldEdition: each published edition searches its own
// index, under its own folder (DEST/2026.3/search/), behind a path prefix.
func TestBrowserSearchInAnOldEdition(t *testing.T) {
	chromiumPath(t)
	site := t.TempDir()
	writeSite := func(name, text string) {
		p := filepath.Join(site, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeSite("site.toml", "title = \"Editions\"\n")
	writeSite("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	writeSite("content/vision/promise.md", "+++\ntitle = \"Promise\"\n+++\nOur promise.\n")
	writeSite("content/vision/old-only.md", "+++\ntitle = \"Retired plan\"\n+++\nOnly in the first edition.\n")
	dest := filepath.Join(t.TempDir(), "cx")
	for _, version := range []string{"2026.3", "2026.4"} {
		if version == "2026.4" {
			os.Remove(filepath.Join(site, "content/vision/old-only.md"))
		}
		if code, _, stderr := pubRun(t, "publish", "-s", site, "--dest", dest, "--version", version); code != 0 {
			t.Fatalf("publish %s: %s", version, stderr)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/prefix/cx/", http.StripPrefix("/prefix/cx", http.FileServer(http.Dir(dest))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	if f := typeQuery(t, srv.URL+"/prefix/cx/2026.3/vision/promise/", "retired"); f.Results != 1 {
		t.Errorf("2026.3 shows %d suggestions for its own page, want 1", f.Results)
	}
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/prefix/cx/2026.4/search/?q=retired"), chromedp.WaitReady("#search-status"))
	if !waitTrue(t, ctx, `/No results/.test(document.getElementById("search-status").textContent)`, 10*time.Second) {
		t.Errorf("2026.4 finds a page it does not have: %s", eval[string](t, ctx, `document.getElementById("search-status").textContent`))
	}
}
