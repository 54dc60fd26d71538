package main

// Browser tests: what a reader does, in real headless Chromium (Debian's
// chromium package). Outside CI they are skipped when Chromium is missing;
// in CI (CI=true) a missing browser is a failure, never a skip.

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed; .ci/run installs Debian's chromium package")
	}
	t.Skip("no Chromium on this machine (apt-get install chromium)")
	return ""
}

// browser starts a headless Chromium for one test. Generous: the judges
// walk every page, and a loaded machine is slow; a hung browser still ends
// well before go test's own timeout.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserWithin(t, 5*time.Minute)
}

// browserWithin starts a headless Chromium for a test that may take up to
// timeout: one that visits every page of a site. (A deadline set on the
// context browser returns cannot be later than its own.)
func browserWithin(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	// A headless page never has window focus, so :focus would never match;
	// emulate a focused window, as a reader's would be.
	focus := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return chromedp.Void{}, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Action[chromedp.Void](focus)); err != nil {
		t.Fatalf("emulate focus: %v", err)
	}
	return ctx
}

// do runs browser steps in order, failing the test on the first error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	for _, s := range steps {
		if _, err := chromedp.Run(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitTrue polls a JavaScript expression until it is true, across page
// loads (a reload destroys the page's JavaScript context mid-poll).
func waitTrue(t *testing.T, ctx context.Context, expr string, timeout time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+expr+`) } catch (e) { return false } })()`))
		if err == nil && v {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

var (
	exampleOnce sync.Once
	exampleDir  string
	exampleErr  string
)

// exampleSite builds the repository's example site once per test run and
// serves it over HTTP under a path prefix, as an edition is served.
func exampleSite(t *testing.T) string {
	t.Helper()
	exampleOnce.Do(func() {
		dir, err := os.MkdirTemp("", "shiftbook-example-")
		if err != nil {
			exampleErr = err.Error()
			return
		}
		exampleDir = filepath.Join(dir, "public")
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"build", "-s", "../..", "-o", exampleDir}, &stdout, &stderr); code != 0 {
			exampleErr = stderr.String()
		}
	})
	if exampleErr != "" {
		t.Fatalf("build the example site: %s", exampleErr)
	}
	mux := http.NewServeMux()
	mux.Handle("/prefix/", http.StripPrefix("/prefix", http.FileServer(http.Dir(exampleDir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/prefix"
}

func TestBrowserTooltipShowsOnFocus(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(base+"/vision/always/"), chromedp.WaitReady("a.term"))
	tip := `(() => { const a = document.querySelector("a.term[aria-describedby]"); const tip = document.getElementById(a.getAttribute("aria-describedby")); const s = getComputedStyle(tip); const r = tip.getBoundingClientRect(); return s.visibility !== "hidden" && s.display !== "none" && r.width > 0 && r.height > 0 })()`
	if eval[bool](t, ctx, tip) {
		t.Error("tooltip visible before focus")
	}
	do(t, ctx, chromedp.Focus("a.term[aria-describedby]"))
	if !waitTrue(t, ctx, tip, 3*time.Second) {
		t.Error("tooltip not shown on keyboard focus")
	}
	if eval[string](t, ctx, `document.getElementById(document.activeElement.getAttribute("aria-describedby")).getAttribute("role")`) != "tooltip" {
		t.Error("the focused term is not described by a tooltip")
	}
}

func TestBrowserDashboardRendersCharts(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(base+"/metrics/"), chromedp.WaitReady("table.dashboard-table"))
	// The charts are collapsed under the table; open them as a reader would.
	do(t, ctx, chromedp.Click("details.dashboard-charts > summary"))
	charts := eval[int](t, ctx, `document.querySelectorAll("svg.chart-linechart").length`)
	sparks := eval[int](t, ctx, `document.querySelectorAll("svg.chart-sparkline").length`)
	if charts < 9 || sparks < 9 {
		t.Errorf("dashboard shows %d charts and %d sparklines, want a chart and a sparkline per metric (9+)", charts, sparks)
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll("svg.chart-linechart")].every(s => { const r = s.getBoundingClientRect(); return r.width > 100 && r.height > 50 })`) {
		t.Error("a chart has no visible size")
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll("svg.chart-linechart")].every(s => s.querySelector("title") && s.querySelector("desc"))`) {
		t.Error("a chart has no title and description for screen readers")
	}
}

func TestBrowserBookPrintsWithoutNavigation(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(base+"/book/"), chromedp.WaitReady(".book-chapter"))
	if eval[string](t, ctx, `getComputedStyle(document.querySelector(".site-nav")).display`) == "none" {
		t.Error("navigation hidden on screen")
	}
	printMedia := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return chromedp.Void{}, err
	}
	do(t, ctx, printMedia)
	if !waitTrue(t, ctx, `getComputedStyle(document.querySelector(".site-nav")).display === "none"`, 3*time.Second) {
		t.Error("navigation is printed")
	}
	breaks := eval[string](t, ctx, `[...document.querySelectorAll(".book-chapter")].slice(1).map(c => getComputedStyle(c).breakBefore).join(",")`)
	for _, b := range strings.Split(breaks, ",") {
		if b != "page" {
			t.Errorf("a chapter does not start a new printed page (break-before %q)", b)
			break
		}
	}
}

func TestBrowserLiveReload(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":            "title = \"Live\"\n",
		"content/_index.md":    "+++\ntitle = \"Home\"\n+++\nHello.\n",
		"content/guide/one.md": "+++\ntitle = \"One\"\n+++\nOriginal text.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	addr := startDevServer(t, dir)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(addr+"/guide/one/"), chromedp.WaitReady("main"))
	if !waitTrue(t, ctx, `!!(window.__shiftbookEvents && window.__shiftbookEvents.readyState === 1)`, 10*time.Second) {
		t.Fatal("the page did not connect to the dev server's events")
	}
	if err := os.WriteFile(filepath.Join(dir, "content/guide/one.md"), []byte("+++\ntitle = \"One\"\n+++\nText after the save.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !waitTrue(t, ctx, `document.querySelector("main").textContent.includes("Text after the save")`, 15*time.Second) {
		t.Fatal("the open page did not show the saved text without a manual reload")
	}
}

func TestBrowserVersionSwitcherKeepsThePage(t *testing.T) {
	chromiumPath(t)
	site := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(site, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"Editions\"\n")
	write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	write("content/vision/promise.md", "+++\ntitle = \"Promise\"\n+++\nOur promise.\n")
	write("content/vision/old-only.md", "+++\ntitle = \"Old only\"\n+++\nOnly in the first edition.\n")
	dest := filepath.Join(t.TempDir(), "cx")
	publishEdition(t, site, dest, "2026.3")
	os.Remove(filepath.Join(site, "content/vision/old-only.md"))
	publishEdition(t, site, dest, "2026.4")
	cx := serveEditions(t, dest, "/prefix/cx")
	ctx := browser(t)

	do(t, ctx, chromedp.Navigate(cx+"/2026.3/vision/promise/"), chromedp.WaitReady("#version-select"))
	if !waitTrue(t, ctx, `document.querySelectorAll("#version-select option").length > 1`, 10*time.Second) {
		t.Fatal("the switcher did not list the published editions")
	}
	if !waitTrue(t, ctx, `!document.getElementById("edition-banner").hidden && document.querySelector("#edition-banner a").href.endsWith("/prefix/cx/latest/vision/promise/")`, 5*time.Second) {
		t.Error("the old edition shows no banner linking to the same page in the latest")
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("version-select"); s.value = "2026.4"; s.dispatchEvent(new Event("change")) })()`))
	if !waitTrue(t, ctx, `location.pathname === "/prefix/cx/2026.4/vision/promise/"`, 10*time.Second) {
		t.Errorf("choosing 2026.4 did not keep the page: at %s", eval[string](t, ctx, `location.pathname`))
	}
	// The location changes as soon as the new page's navigation commits,
	// before its document is parsed and its switcher has read versions.json:
	// wait until the switcher names its edition (the banner is decided in the
	// same step), then look at the banner.
	if !waitTrue(t, ctx, `document.getElementById("version-select").getAttribute("data-current") === "2026.4"`, 10*time.Second) {
		t.Fatal("the switcher of 2026.4 never read versions.json")
	}
	if !eval[bool](t, ctx, `document.getElementById("edition-banner").hidden`) {
		t.Error("the latest edition shows the old-edition banner")
	}

	// A page the chosen edition does not have: that edition's home.
	do(t, ctx, chromedp.Navigate(cx+"/2026.3/vision/old-only/"), chromedp.WaitReady("#version-select"))
	waitTrue(t, ctx, `document.querySelectorAll("#version-select option").length > 1`, 10*time.Second)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("version-select"); s.value = "2026.4"; s.dispatchEvent(new Event("change")) })()`))
	if !waitTrue(t, ctx, `location.pathname === "/prefix/cx/2026.4/"`, 10*time.Second) {
		t.Errorf("a page missing from 2026.4 did not lead to its home: at %s", eval[string](t, ctx, `location.pathname`))
	}
}

func TestBrowserSearchFindsDefinitionAndMetric(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(base+"/search/?q=nps"), chromedp.WaitReady("#search-results-list"))
	if !waitTrue(t, ctx, `document.querySelectorAll("#search-results-list li").length >= 2`, 10*time.Second) {
		t.Fatal("no search results for nps")
	}
	top := eval[string](t, ctx, `[...document.querySelectorAll("#search-results-list li")].slice(0, 2).map(li => li.querySelector(".search-title").textContent + "|" + li.querySelector(".search-kind").textContent).sort().join(";")`)
	if !strings.Contains(top, "Net Promoter Score|Definition") || !strings.Contains(top, "Metric") {
		t.Errorf("the first two results are %q, want the NPS definition and metric", top)
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll("#search-results-list a.search-title")].slice(0, 2).every(a => a.href.startsWith(location.origin + "/prefix/"))`) {
		t.Error("result links leave the path prefix")
	}
	// Keyboard: "/" focuses the header search; typing lists suggestions.
	do(t, ctx, chromedp.Navigate(base+"/vision/"), chromedp.WaitReady("#header-q"))
	do(t, ctx, chromedp.KeyEvent("/"))
	if eval[string](t, ctx, `document.activeElement.id`) != "header-q" {
		t.Fatal(`"/" does not focus the search box`)
	}
	do(t, ctx, chromedp.SendKeys("#header-q", "csat"))
	if !waitTrue(t, ctx, `document.querySelectorAll("#header-results [role=option]").length > 0 && !document.getElementById("header-results").hidden`, 10*time.Second) {
		t.Fatal("typing in the header search shows no suggestions")
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	do(t, ctx, chromedp.KeyEvent("\r"))
	if !waitTrue(t, ctx, `!location.pathname.startsWith("/prefix/vision/")`, 10*time.Second) {
		t.Error("Enter on a suggestion did not open it")
	}
}

// publishEdition publishes site into dest as version, with more publish
// arguments (--title), failing the test when publish fails.
func publishEdition(t *testing.T, site, dest, version string, more ...string) {
	t.Helper()
	var out, errb bytes.Buffer
	args := append([]string{"publish", "-s", site, "--dest", dest, "--version", version}, more...)
	if code := run(context.Background(), args, &out, &errb); code != 0 {
		t.Fatalf("publish %s: %s", version, errb.String())
	}
}

// serveEditions serves the published tree dest at prefix ("/cx") until
// the test ends, and returns its address there.
func serveEditions(t *testing.T, dest, prefix string) string {
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, http.FileServer(http.Dir(dest))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}
