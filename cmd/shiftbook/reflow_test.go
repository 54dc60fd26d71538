package main

// Reflow and layout as a reader sees them, measured in real Chromium: no page
// wider than a phone (WCAG 2.1 SC 1.4.10), wide tables scrolling in their own
// labelled box, a journey map whose stages all fit a desktop window, a
// compact phone header, and the printed book with its links written out.

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// viewport sets the window's size as a phone or a desktop would have it.
func viewport(width, height int64, mobile bool) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: width, Height: height, DeviceScaleFactor: 1, Mobile: mobile,
		})
		return chromedp.Void{}, err
	}
}

// serveDir serves a built site under a path prefix, as an edition is served.
func serveDir(t *testing.T, dir string) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/prefix/", http.StripPrefix("/prefix", http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/prefix"
}

// buildSite writes files into a new site folder, builds it and serves it.
// It returns the served base URL and the output folder.
func buildSite(t *testing.T, files map[string]string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	addFiles(t, dir, files)
	out := filepath.Join(dir, "public")
	buildInto(t, dir, out)
	return serveDir(t, out), out
}

// addFiles writes files (slash-separated paths → text) into dir, keeping what is there.
func addFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pagesOf lists the HTML pages of a built folder as URL paths.
func pagesOf(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// overflowJS reports what makes the page wider than the window: "" when
// nothing does, else the document's width and the widest culprits. A page
// that hides its overflow (overflow-x: hidden on html or body) only hides
// the problem, so that counts as a failure too.
const overflowJS = `((want) => {
  const vw = Math.min(window.innerWidth, want), de = document.documentElement;
  for (const el of [de, document.body]) {
    const o = getComputedStyle(el).overflowX;
    if (o === "hidden" || o === "clip") return el.tagName + " hides its overflow";
  }
  if (de.scrollWidth <= vw) return "";
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.right > vw + 0.5 && r.width > 0) {
      let inScroll = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden") { inScroll = true; break; }
      }
      if (!inScroll) out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " right=" + Math.round(r.right));
    }
  }
  return "document " + de.scrollWidth + "px wide: " + out.slice(0, 4).join(", ");
})`

// checkReflow loads every page at every width and reports each page wider
// than the window.
func checkReflow(t *testing.T, base string, pages []string, widths []int64) {
	t.Helper()
	ctx := browserWithin(t, 8*time.Minute)
	do(t, ctx, viewport(widths[0], 800, true))
	for _, page := range pages {
		do(t, ctx, viewport(widths[0], 800, true), chromedp.Navigate(base+page), chromedp.WaitReady("body"))
		for _, w := range widths {
			do(t, ctx, viewport(w, 800, true))
			if got := eval[string](t, ctx, fmt.Sprintf("%s(%d)", overflowJS, w)); got != "" {
				t.Errorf("%s at %d px: %s", page, w, got)
			}
		}
	}
}

var phoneWidths = []int64{320, 390}

func TestBrowserNoPageWiderThanAPhone(t *testing.T) {
	base := exampleSite(t)
	checkReflow(t, base, examplePages(t), phoneWidths)
}

func TestBrowserStarterSiteFitsAPhone(t *testing.T) {
	chromiumPath(t)
	dir := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"new", "site", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("new site: %s", stderr.String())
	}
	out := filepath.Join(dir, "public")
	if code := run(context.Background(), []string{"build", "-s", dir, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("build: %s", stderr.String())
	}
	checkReflow(t, serveDir(t, out), pagesOf(t, out), phoneWidths)
}

// stressSite is what authors write that breaks narrow layouts: wide tables,
// long words, long URLs, long code lines, a journey with many stages.
var stressSite = map[string]string{
	"site.toml":         "title = \"A site with a rather long title for a phone header\"\nbaseURL = \"https://cx.example.org/handbook/\"\nversion = \"2026.4\"\n",
	"content/_index.md": "+++\ntitle = \"Home\"\n+++\nSee [the wide page](wide.md) and [the long journey](journeys/long.md).\n",
	"content/wide.md": "+++\ntitle = \"Wide things\"\n+++\n" +
		"| Segment | Customers | Revenue share | Main need | Where they come from | What they say | Owner |\n|---|---|---|---|---|---|---|\n" +
		"| Small business | 41,000 | 38 % | Phones that just work | Referral | \"I do not want a mobile provider\" | Head of Business Sales |\n" +
		"| Consumers | 1,200,000 | 52 % | A bill that makes sense | Web | Supercalifragilisticexpialidocious | Head of Consumer |\n\n" +
		"A word that never ends: Rechtsschutzversicherungsgesellschaftenaufsichtsbehördenleiterinnen und Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft.\n\n" +
		"A long address: https://intranet.example.org/customer-experience/reports/2026/quarterly/net-promoter-score-by-segment-and-region.pdf and `a_very_long_inline_code_identifier_that_goes_on_and_on_without_any_break_at_all`.\n\n" +
		"```go\nfunc aFunctionWithAVeryLongNameThatDoesNotFitOnAPhone(argumentNumberOne, argumentNumberTwo string) (string, error) { return argumentNumberOne + argumentNumberTwo, nil }\n```\n\n" +
		"## A heading with a very long word Kundenzufriedenheitsbefragungsergebnisauswertung\n\nText.\n",
	"content/journeys/long.md": "+++\ntitle = \"A journey with nine stages\"\npersona = \"Someone patient\"\n" +
		func() string {
			var b strings.Builder
			for i := 1; i <= 9; i++ {
				fmt.Fprintf(&b, "[[stages]]\nname = \"Stage number %d with a long name\"\nfeeling = %d\ntouchpoints = [\"Website\", \"A touchpoint with a long name\"]\npains = [\"Something that hurts a lot\"]\n", i, i%5-2)
			}
			return b.String()
		}() + "+++\nNarrative.\n",
}

func TestBrowserAuthorsWideContentFitsAPhone(t *testing.T) {
	chromiumPath(t)
	base, out := buildSite(t, stressSite)
	checkReflow(t, base, pagesOf(t, out), phoneWidths)
}

// TestBrowserWideTablesScrollInALabelledRegion: a markdown table wider than
// the column scrolls inside its own box, which a keyboard can reach and a
// screen reader names, and which shows that there is more to the side.
func TestBrowserWideTablesScrollInALabelledRegion(t *testing.T) {
	chromiumPath(t)
	base, _ := buildSite(t, stressSite)
	ctx := browser(t)
	do(t, ctx, viewport(390, 800, true), chromedp.Navigate(base+"/wide/"), chromedp.WaitReady("body"))
	got := eval[string](t, ctx, `(() => {
	  const t = document.querySelector(".content table");
	  if (!t) return "no table";
	  const box = t.parentElement;
	  if (!box.matches("[role=region][aria-label][tabindex='0']")) return "the table is not in a labelled, focusable region: " + box.outerHTML.slice(0, 120);
	  if (box.scrollWidth <= box.clientWidth) return "the wide table does not scroll in its box (" + box.scrollWidth + " <= " + box.clientWidth + ")";
	  const s = getComputedStyle(box);
	  if (s.overflowX !== "auto" && s.overflowX !== "scroll") return "the box does not scroll: overflow-x " + s.overflowX;
	  if (!/gradient/.test(s.backgroundImage)) return "the box shows no cue that there is more to the side";
	  if (box.getAttribute("aria-label").trim().length < 5) return "the region's name says nothing: " + box.getAttribute("aria-label");
	  return "";
	})()`)
	if got != "" {
		t.Error(got)
	}
}

// runPDFText prints the page to PDF as Chromium does and returns its text.
func runPDFText(t *testing.T, ctx context.Context) string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed; .ci/run installs Debian's poppler-utils")
		}
		t.Skip("no pdftotext on this machine (apt-get install poppler-utils)")
	}
	var data []byte
	printPDF := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
		if err != nil {
			return chromedp.Void{}, err
		}
		data = res.Data
		return chromedp.Void{}, nil
	}
	do(t, ctx, printPDF)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "book.pdf")
	if keep := os.Getenv("SHIFTBOOK_SCREENSHOTS"); keep != "" {
		os.WriteFile(filepath.Join(keep, "book.pdf"), data, 0o644)
	}
	if err := os.WriteFile(pdf, data, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(text)
}

func ptr[T any](v T) *T { return &v }

// journeyFitJS checks every journey map on the page: each stage's box
// inside the window and inside the visible part of its map, and no text in
// a stage cut, clipped or ended with an ellipsis. It returns the problems.
const journeyFitJS = `(() => {
  const vw = window.innerWidth, bad = [];
  const maps = document.querySelectorAll(".journey-map");
  if (maps.length === 0) return ["no journey map"];
  for (const map of maps) {
    const scroll = map.querySelector(".journey-scroll");
    const box = scroll.getBoundingClientRect();
    if (scroll.scrollWidth > scroll.clientWidth + 1) bad.push("the map scrolls: " + scroll.scrollWidth + " > " + scroll.clientWidth);
    for (const st of map.querySelectorAll(".journey-stage")) {
      const r = st.getBoundingClientRect();
      const name = st.querySelector(".stage-name").textContent.trim();
      if (r.left < -0.5 || r.right > vw + 0.5) bad.push(name + ": outside the window (" + Math.round(r.left) + "–" + Math.round(r.right) + ")");
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) bad.push(name + ": outside the map's visible box");
      for (const el of [st, ...st.querySelectorAll("*")]) {
        if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) bad.push(name + ": " + el.tagName.toLowerCase() + "." + el.className + " is cut (" + el.scrollWidth + " > " + el.clientWidth + ")");
        if (getComputedStyle(el).textOverflow === "ellipsis") bad.push(name + ": " + el.tagName.toLowerCase() + " ends in an ellipsis");
      }
    }
    for (const t of map.querySelectorAll("svg text")) if (t.textContent.includes("…")) bad.push("the curve cuts a label: " + t.textContent);
  }
  return bad;
})()`

// journeyPages are the example site's pages with a journey map.
func journeyPages(t *testing.T) []string {
	var out []string
	for _, p := range examplePages(t) {
		data, err := os.ReadFile(filepath.Join(exampleDir, filepath.FromSlash(p), "index.html"))
		if err == nil && bytes.Contains(data, []byte(`class="journey-map`)) {
			out = append(out, p)
		}
	}
	if len(out) < 4 {
		t.Fatalf("only %d pages with a journey map: %v", len(out), out)
	}
	return out
}

// TestBrowserJourneyStagesFitADesktop: at 1280 px every stage of every map
// (up to six stages) is in view with its whole text, no label cut.
func TestBrowserJourneyStagesFitADesktop(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, w := range []int64{1280, 1366, 1920} {
		for _, p := range journeyPages(t) {
			do(t, ctx, viewport(w, 900, false), chromedp.Navigate(base+p), chromedp.WaitReady("body"))
			for _, problem := range eval[[]string](t, ctx, journeyFitJS) {
				t.Errorf("%s at %d px: %s", p, w, problem)
			}
		}
	}
	// Six stages fit too, on a journey's own page.
	six := map[string]string{"site.toml": "title = \"Six\"\n", "content/_index.md": "+++\ntitle = \"Home\"\n+++\nHi.\n",
		"content/journeys/six.md": "+++\ntitle = \"Six stages\"\npersona = \"P\"\n" + stagesTOML(6) + "+++\nNarrative.\n\n## First\n\nText.\n\n## Second\n\nText.\n"}
	sixBase, _ := buildSite(t, six)
	do(t, ctx, viewport(1280, 900, false), chromedp.Navigate(sixBase+"/journeys/six/"), chromedp.WaitReady("body"))
	for _, problem := range eval[[]string](t, ctx, journeyFitJS) {
		t.Errorf("six stages at 1280 px: %s", problem)
	}
}

func stagesTOML(n int) string {
	var b strings.Builder
	names := []string{"Discover and compare", "Sign the contract", "Number transfer and SIM delivery", "First bill", "Settle in", "Renew or leave", "Recommend"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[stages]]\nname = %q\nfeeling = %d\ntouchpoints = [\"Website\", \"Transfer coordinator call\", \"E-signature\"]\npains = [\"Not sure when the old provider cuts over\"]\n", names[i%len(names)], i%5-2)
	}
	return b.String()
}

// TestBrowserLongJourneyScrollsInARegion: more stages than fit scroll inside
// the map, which says so and can be reached with the keyboard; on a phone
// the stages stack, each with its feeling.
func TestBrowserLongJourneyScrollsInARegion(t *testing.T) {
	chromiumPath(t)
	base, _ := buildSite(t, stressSite)
	ctx := browser(t)
	do(t, ctx, viewport(1280, 900, false), chromedp.Navigate(base+"/journeys/long/"), chromedp.WaitReady("body"))
	got := eval[string](t, ctx, `(() => {
	  const s = document.querySelector(".journey-scroll");
	  if (!s.matches("[role=region][aria-label][tabindex='0']")) return "the map is not a labelled, focusable region";
	  if (s.scrollWidth <= s.clientWidth) return "nine stages fit at 1280 px without scrolling? " + s.scrollWidth;
	  if (!/gradient/.test(getComputedStyle(s).backgroundImage)) return "no cue that there is more";
	  return "";
	})()`)
	if got != "" {
		t.Error(got)
	}
	do(t, ctx, viewport(390, 800, true), chromedp.Navigate(base+"/journeys/long/"), chromedp.WaitReady("body"))
	got = eval[string](t, ctx, `(() => {
	  const stages = [...document.querySelectorAll(".journey-stage")];
	  let prev = null;
	  for (const st of stages) {
	    const r = st.getBoundingClientRect();
	    if (r.left < 0 || r.right > innerWidth) return "a stage is outside the window: " + r.left + "–" + r.right;
	    if (prev && !(r.top >= prev.bottom - 1 && Math.abs(r.left - prev.left) < 2)) return "stages do not stack: " + JSON.stringify([prev.top, prev.left, r.top, r.left]);
	    const f = st.querySelector(".stage-feeling");
	    if (!f || f.getBoundingClientRect().height === 0 || !/Feeling: \w+/.test(f.textContent)) return "a stage does not show its feeling";
	    prev = r;
	  }
	  const s = document.querySelector(".journey-scroll");
	  if (s.scrollWidth > s.clientWidth + 1) return "the stacked map still scrolls sideways";
	  return "";
	})()`)
	if got != "" {
		t.Errorf("at 390 px: %s", got)
	}
}

// TestScreenshots writes screenshots of the example site for a person to
// look at: SHIFTBOOK_SCREENSHOTS=DIR go test ./cmd/shiftbook -run TestScreenshots
// (home, a journey, the dashboard, a metric and the book, at 1366 and 390 px,
// light and dark). It is skipped otherwise.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SHIFTBOOK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set SHIFTBOOK_SCREENSHOTS=DIR to write screenshots")
	}
	pages := map[string]string{"home": "/", "journey": "/journeys/onboarding/", "dashboard": "/metrics/", "metric": "/metrics/nps/", "book": "/book/", "changes": "/changes/", "journeys": "/journeys/"}
	if only := os.Getenv("SHIFTBOOK_SCREENSHOT_PAGES"); only != "" {
		for name := range pages {
			if !strings.Contains(","+only+",", ","+name+",") {
				delete(pages, name)
			}
		}
	}
	base := exampleSite(t)
	ctx := browser(t)
	for name, p := range pages {
		for _, w := range []int64{1366, 390} {
			for _, scheme := range []string{"light", "dark"} {
				do(t, ctx, viewport(w, 900, w < 600), colorScheme(scheme), chromedp.Navigate(base+p), chromedp.WaitReady("body"))
				var shot []byte
				capture := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
					res, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{CaptureBeyondViewport: ptr(true),
						Clip: &page.Viewport{X: 0, Y: 0, Width: float64(w), Height: min(eval[float64](t, ctx, `document.documentElement.scrollHeight`), 2600), Scale: 1}})
					if err != nil {
						return chromedp.Void{}, err
					}
					shot = res.Data
					return chromedp.Void{}, nil
				}
				do(t, ctx, capture)
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d-%s.png", name, w, scheme)), shot, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestBrowserPrintedBook prints /book/ to PDF as Chromium does and reads
// its text: links written as absolute addresses from baseURL (never
// "(../metrics/)"), the journeys with all their stages, the scorecard, the
// running head, and no navigation.
func TestBrowserPrintedBook(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(base+"/book/"), chromedp.WaitReady(".book-chapter"))
	text := runPDFText(t, ctx)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"(https://cx.intranet.example/",      // a link written out from baseURL
		"The Northwind Shift book · Edition", // the running head
		"Metrics scorecard",
		"Number transfer and SIM delivery", // a journey stage, in full
		"Settle in",                        // the last stage of that journey
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the printed book lacks %q", want)
		}
	}
	for _, bad := range []string{"(../", "(./", "Skip to content", "On this page", "Print or save as PDF"} {
		if strings.Contains(flat, bad) {
			t.Errorf("the printed book shows %q", bad)
		}
	}
	// The book's contents are nested: a chapter lists its pages.
	if n := eval[int](t, ctx, `document.querySelectorAll(".book-toc > ol > li > ol > li").length`); n < 10 {
		t.Errorf("the contents list %d pages under their chapters, want the chapters' pages nested", n)
	}
	if !eval[bool](t, ctx, `(() => { const b = document.querySelector("button[data-print]"); return !!b && b.offsetParent !== null })()`) {
		t.Error("no visible print button on the book")
	}
}

// touch makes the page a touch screen without a mouse: (hover: none) and
// (pointer: coarse) match, as on a phone.
func touch(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
	_, err := cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5})
	if err != nil {
		return chromedp.Void{}, err
	}
	_, err = cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "hover", Value: "none"}, {Name: "pointer", Value: "coarse"}, {Name: "any-hover", Value: "none"}, {Name: "any-pointer", Value: "coarse"}},
	})
	return chromedp.Void{}, err
}

// TestBrowserPhoneHeaderIsCompact: on a phone the header is one row, the
// Menu and "On this page" buttons share one row below it, and the content
// starts high on the screen; a touch screen shows no keyboard hint.
func TestBrowserPhoneHeaderIsCompact(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, w := range []int64{320, 390} {
		do(t, ctx, viewport(w, 800, true), chromedp.Action[chromedp.Void](touch), chromedp.Navigate(base+"/shift-book/who-we-serve/"), chromedp.WaitReady("body"))
		got := eval[string](t, ctx, `(() => {
		  const bad = [];
		  if (!matchMedia("(hover: none)").matches) bad.push("touch emulation did not take");
		  const header = document.querySelector(".header-inner");
		  const items = [".site-title", ".header-search", ".version-switcher"].map(s => document.querySelector(s).getBoundingClientRect());
		  const top = Math.min(...items.map(r => r.top)), bottom = Math.max(...items.map(r => r.bottom));
		  if (items.some(r => r.top >= items[0].bottom - 2)) bad.push("the header takes more than one row");
		  if (header.getBoundingClientRect().height > 60) bad.push("the header is " + Math.round(header.getBoundingClientRect().height) + " px tall");
		  const nav = document.querySelector(".site-nav .sidebar-summary").getBoundingClientRect();
		  const toc = document.querySelector(".page-toc .sidebar-summary").getBoundingClientRect();
		  if (Math.abs(nav.top - toc.top) > 1) bad.push("Menu and On this page are not on one row");
		  const content = document.querySelector("main").getBoundingClientRect().top + scrollY;
		  if (content > 120) bad.push("the content starts " + Math.round(content) + " px down");
		  const h1 = document.querySelector("main h1").getBoundingClientRect().top + scrollY;
		  if (h1 > 190) bad.push("the page title starts " + Math.round(h1) + " px down");
		  const q = document.getElementById("header-q");
		  if (q.placeholder.includes("/")) bad.push("the search box hints at a key: " + q.placeholder);
		  for (const k of document.querySelectorAll(".site-header kbd, .search-hint")) if (k.getClientRects().length) bad.push("a keyboard hint shows on a touch screen");
		  return bad.join("; ");
		})()`)
		if got != "" {
			t.Errorf("at %d px: %s", w, got)
		}
	}
	// With a keyboard the hint is there.
	ctx2 := browser(t)
	do(t, ctx2, viewport(1366, 900, false), chromedp.Navigate(base+"/"), chromedp.WaitReady("body"))
	if !eval[bool](t, ctx2, `[...document.querySelectorAll(".search-hint")].some(k => k.getClientRects().length && k.textContent.includes("/"))`) {
		t.Error("no keyboard hint for search on a desktop")
	}
	// Where the hint shows, it stands inside the search box, never over
	// the edition menu beside it.
	for _, w := range []int64{1366, 800, 390} {
		do(t, ctx2, viewport(w, 900, false), chromedp.Navigate(base+"/"), chromedp.WaitReady("body"))
		if !eval[bool](t, ctx2, `(() => {
		  const q = document.getElementById("header-q").getBoundingClientRect();
		  return [...document.querySelectorAll(".search-hint")].every(k => {
		    if (!k.getClientRects().length) return true;
		    const r = k.getBoundingClientRect();
		    return r.left >= q.left && r.right <= q.right && r.top >= q.top && r.bottom <= q.bottom;
		  });
		})()`) {
			t.Errorf("at %d px the / hint stands outside the search box", w)
		}
	}
}

// TestBrowserEditionMenu: the edition menu keeps its width when the list of
// editions arrives, and a page the chosen edition lacks opens that
// edition's home with a note saying so.
func TestBrowserEditionMenu(t *testing.T) {
	chromiumPath(t)
	site := t.TempDir()
	addFiles(t, site, map[string]string{
		"site.toml":                  "title = \"Editions\"\n",
		"content/_index.md":          "+++\ntitle = \"Home\"\n+++\nHome.\n",
		"content/vision/old-only.md": "+++\ntitle = \"Old <only>\"\n+++\nOnly in the first edition.\n",
	})
	dest := filepath.Join(t.TempDir(), "cx")
	publishEdition(t, site, dest, "2026.3", "--title", "Autumn edition with a long title")
	os.Remove(filepath.Join(site, "content/vision/old-only.md"))
	publishEdition(t, site, dest, "2026.4", "--title", "Winter edition with an even longer title")
	cx := serveEditions(t, dest, "/cx")
	ctx := browser(t)
	for _, w := range []int64{1366, 390} {
		do(t, ctx, viewport(w, 800, w < 600), chromedp.Navigate(cx+"/2026.3/vision/old-only/"), chromedp.WaitReady("#version-select"))
		if !waitTrue(t, ctx, `document.querySelectorAll("#version-select option").length > 1`, 10*time.Second) {
			t.Fatal("the switcher did not list the published editions")
		}
		// The menu as the page first shows it, holding its own edition only,
		// beside the menu with the whole list.
		got := eval[[]float64](t, ctx, `(() => {
		  const s = document.getElementById("version-select");
		  const alone = s.cloneNode(false);
		  alone.removeAttribute("id");
		  alone.appendChild(new Option("2026.3"));
		  s.after(alone);
		  const w = [alone.getBoundingClientRect().width, s.getBoundingClientRect().width];
		  alone.remove();
		  return w;
		})()`)
		if got[1] != got[0] {
			t.Errorf("at %d px the edition menu grows from %.0f to %.0f px when the list of editions arrives", w, got[0], got[1])
		}
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("version-select"); s.value = "2026.4"; s.dispatchEvent(new Event("change")) })()`))
	if !waitTrue(t, ctx, `location.pathname === "/cx/2026.4/" && !!document.querySelector(".edition-missing")`, 10*time.Second) {
		t.Fatalf("no note on the home of 2026.4: at %s", eval[string](t, ctx, `location.href`))
	}
	note := eval[string](t, ctx, `document.querySelector(".edition-missing").textContent`)
	if want := "“Old <only>” (/vision/old-only/) is not in edition 2026.4; this is its home."; note != want {
		t.Errorf("the note says %q, want %q", note, want)
	}
	// A crafted address shows nothing it should not.
	do(t, ctx, chromedp.Navigate(cx+"/2026.4/?missing=javascript:alert(1)"), chromedp.WaitReady("body"))
	if eval[bool](t, ctx, `!!document.querySelector(".edition-missing")`) {
		t.Error("a missing path that is not a page path is shown")
	}
}

// TestBrowserEditionMenuInLanguage: a translated page the chosen edition
// lacks opens that edition's home in the page's language, with the note
// there; a language the edition does not have opens its own home.
func TestBrowserEditionMenuInLanguage(t *testing.T) {
	chromiumPath(t)
	site := t.TempDir()
	addFiles(t, site, map[string]string{
		"site.toml":                     "title = \"Editions\"\n[languages.en]\nname = \"English\"\n[languages.nl]\nname = \"Nederlands\"\n",
		"content/_index.md":             "+++\ntitle = \"Home\"\n+++\nHome.\n",
		"content/_index.nl.md":          "+++\ntitle = \"Thuis\"\n+++\nThuis.\n",
		"content/vision/old-only.md":    "+++\ntitle = \"Old only\"\n+++\nOnly in the first edition.\n",
		"content/vision/old-only.nl.md": "+++\ntitle = \"Alleen oud\"\n+++\nAlleen in de eerste editie.\n",
	})
	dest := filepath.Join(t.TempDir(), "cx")
	publishEdition(t, site, dest, "2026.3")
	os.Remove(filepath.Join(site, "content/vision/old-only.md"))
	os.Remove(filepath.Join(site, "content/vision/old-only.nl.md"))
	publishEdition(t, site, dest, "2026.4")
	cx := serveEditions(t, dest, "/cx")
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(cx+"/2026.3/nl/vision/old-only/"), chromedp.WaitReady("#version-select"))
	if !waitTrue(t, ctx, `document.querySelectorAll("#version-select option").length > 1`, 10*time.Second) {
		t.Fatal("the switcher did not list the published editions")
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("version-select"); s.value = "2026.4"; s.dispatchEvent(new Event("change")) })()`))
	if !waitTrue(t, ctx, `location.pathname === "/cx/2026.4/nl/" && !!document.querySelector(".edition-missing")`, 10*time.Second) {
		t.Fatalf("no note on the Dutch home of 2026.4: at %s", eval[string](t, ctx, `location.href`))
	}
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "nl" {
		t.Errorf("the home reached is in %q, want nl", lang)
	}
	if note := eval[string](t, ctx, `document.querySelector(".edition-missing").textContent`); !strings.Contains(note, "/nl/vision/old-only/") {
		t.Errorf("the note says %q, want the missing page's address", note)
	}
	// The banner of the old edition points to the latest's Dutch home too.
	do(t, ctx, chromedp.Navigate(cx+"/2026.3/nl/vision/old-only/"), chromedp.WaitReady("body"))
	if !waitTrue(t, ctx, `(() => { const a = document.querySelector("#edition-banner a"); return !!a && a.href.includes("/cx/latest/nl/?missing=") })()`, 10*time.Second) {
		t.Errorf("the old edition's banner links to %q, want the latest's Dutch home", eval[string](t, ctx, `(document.querySelector("#edition-banner a") || {}).href || ""`))
	}
}

// TestBrowserFixturesFitAPhone: every whole-site fixture that builds is
// held to the same rule at 320 px, so odd content an author writes (and a
// later fixture adds) never widens a page.
func TestBrowserFixturesFitAPhone(t *testing.T) {
	chromiumPath(t)
	files, _ := filepath.Glob(filepath.Join("testdata", "sites", "*.txtar"))
	var bases, names []string
	var pages [][]string
	for _, file := range files {
		site := fixtureSite(t, file)
		if _, ok := site["site.toml"]; !ok {
			continue
		}
		dir := t.TempDir()
		addFiles(t, dir, site)
		out := filepath.Join(dir, "public")
		var stdout, stderr bytes.Buffer
		if run(context.Background(), []string{"build", "-s", dir, "-o", out}, &stdout, &stderr) != 0 {
			continue // a fixture of a mistake: nothing is built
		}
		// The pages of the fixture's own content, and the book that holds
		// them: the generated pages are alike in every fixture.
		var own []string
		for name := range site {
			if rest, ok := strings.CutPrefix(name, "content/"); ok && strings.HasSuffix(rest, ".md") {
				rest = strings.TrimSuffix(rest, ".md")
				rest = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(rest, "_index"), "index"), "README")
				if rest != "" && !strings.HasSuffix(rest, "/") {
					rest += "/"
				}
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rest), "index.html")); err == nil {
					own = append(own, "/"+rest)
				}
			}
		}
		slices.Sort(own)
		bases = append(bases, serveDir(t, out))
		names = append(names, filepath.Base(file))
		pages = append(pages, append(own, "/book/"))
	}
	if len(bases) < 10 {
		t.Fatalf("only %d fixtures build", len(bases))
	}
	ctx := browserWithin(t, 8*time.Minute)
	for i, base := range bases {
		for _, p := range pages[i] {
			do(t, ctx, viewport(320, 800, true), chromedp.Navigate(base+p), chromedp.WaitReady("body"))
			if got := eval[string](t, ctx, fmt.Sprintf("%s(%d)", overflowJS, 320)); got != "" {
				t.Errorf("%s %s at 320 px: %s", names[i], p, got)
			}
		}
	}
}
