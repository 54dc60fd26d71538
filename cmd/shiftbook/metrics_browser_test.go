package main

// The metrics a reader sees, measured in real Chromium: the dashboard's order
// and summary, chart labels readable on a phone, inline values that never
// break inside a sentence, a value held back for too few responses, and the
// breakdown by segment.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// exampleMetricOrder is the example site's metrics as the dashboard must
// list them: by weight (metrics without one last), then title.
func exampleMetricOrder(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../content/metrics/*.md")
	if err != nil {
		t.Fatal(err)
	}
	type metric struct {
		title  string
		weight int
	}
	var ms []metric
	titleRe := regexp.MustCompile(`(?m)^title\s*=\s*"([^"]+)"`)
	weightRe := regexp.MustCompile(`(?m)^weight\s*=\s*(\d+)`)
	for _, f := range files {
		if filepath.Base(f) == "_index.md" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := metric{title: titleRe.FindStringSubmatch(string(src))[1]}
		if w := weightRe.FindStringSubmatch(string(src)); w != nil {
			m.weight, _ = strconv.Atoi(w[1])
		}
		ms = append(ms, m)
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if (a.weight == 0) != (b.weight == 0) {
			return a.weight != 0
		}
		if a.weight != b.weight {
			return a.weight < b.weight
		}
		return strings.ToLower(a.title) < strings.ToLower(b.title)
	})
	var out []string
	for _, m := range ms {
		out = append(out, m.title)
	}
	return out
}

func TestBrowserDashboardOrderAndSummary(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, width := range []int64{1366, 390} {
		do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+"/metrics/"), chromedp.WaitReady("table.dashboard-table"))
		rows := eval[[]string](t, ctx, `[...document.querySelectorAll(".dashboard-table tbody th[scope=row]")].map(th => th.textContent.trim())`)
		if want := exampleMetricOrder(t); strings.Join(rows, "|") != strings.Join(want, "|") {
			t.Errorf("at %d px the dashboard lists\n  %s\nwant (by weight, then title)\n  %s", width, strings.Join(rows, ", "), strings.Join(want, ", "))
		}
		// The summary's counts are the statuses of the rows.
		on := eval[int](t, ctx, `document.querySelectorAll(".dashboard-table tbody .status-on-track").length`)
		off := eval[int](t, ctx, `document.querySelectorAll(".dashboard-table tbody .status-off-track").length`)
		stale := eval[int](t, ctx, `document.querySelectorAll(".dashboard-table tbody .status-stale").length`)
		summary := eval[string](t, ctx, `document.querySelector(".dashboard-summary").textContent.trim()`)
		want := fmt.Sprintf("%d of %d on track, %d off track", on, len(rows), off)
		if stale > 0 {
			want += fmt.Sprintf(", %d stale", stale)
		}
		if summary != want {
			t.Errorf("at %d px the summary says %q, the rows say %q", width, summary, want)
		}
		// No status is drawn as a triangle or written with an arrow.
		if got := eval[string](t, ctx, `[...document.querySelectorAll(".status")].map(s => s.textContent + getComputedStyle(s, "::before").content).find(t => /[▲▼△▽↑↓]/.test(t)) || ""`); got != "" {
			t.Errorf("a status reads as a trend arrow: %q", got)
		}
		// The table does not hide its last row in a scroll box of its own.
		if got := eval[string](t, ctx, `(() => { const s = document.querySelector(".dashboard-scroll"); return s.scrollHeight > s.clientHeight + 1 ? s.scrollHeight + " > " + s.clientHeight : "" })()`); got != "" {
			t.Errorf("at %d px the table scrolls in its own box (%s px)", width, got)
		}
		// Scrolled sideways on a phone, the metric's name stays in view.
		if width < 600 {
			got := eval[string](t, ctx, `(() => {
			  const s = document.querySelector(".dashboard-scroll"); s.scrollLeft = s.scrollWidth;
			  const th = document.querySelector(".dashboard-table tbody th[scope=row]"), r = th.getBoundingClientRect(), b = s.getBoundingClientRect();
			  return s.scrollLeft > 0 && (r.left < b.left - 1 || r.right > b.right + 1) ? "name at " + r.left + ".." + r.right + ", box " + b.left + ".." + b.right : "" })()`)
			if got != "" {
				t.Errorf("scrolled sideways, the metric name leaves the view: %s", got)
			}
		}
		// The charts are collapsed under the table: the page is not 5,000 px long.
		if h := eval[float64](t, ctx, `document.documentElement.scrollHeight`); width > 1000 && h > 3500 {
			t.Errorf("the dashboard is %.0f px long at %d px", h, width)
		}
	}
}

// chartTickPx is the smallest rendered font size, in CSS px, of any visible
// label of the page's line charts.
const chartTickPx = `(() => {
  let least = 1e9;
  for (const svg of document.querySelectorAll("svg.chart-linechart")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll("text")) {
      if (getComputedStyle(t).display === "none" || t.getBoundingClientRect().width === 0) continue;
      least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
  }
  return least;
})()`

// chartLabelOverlaps lists visible chart labels whose boxes overlap.
const chartLabelOverlaps = `(() => {
  const out = [];
  for (const svg of document.querySelectorAll("svg.chart-linechart")) {
    const ts = [...svg.querySelectorAll("text")].filter(t => getComputedStyle(t).display !== "none").map(t => [t.textContent, t.getBoundingClientRect()]);
    for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) {
      const [a, ra] = ts[i], [b, rb] = ts[j];
      if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) out.push(a + " / " + b);
    }
  }
  return out.join("; ");
})()`

func TestBrowserChartTicksReadable(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, width := range []int64{320, 390, 768, 1366} {
		for _, page := range []string{"/metrics/nps/", "/metrics/ces/"} {
			do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+page), chromedp.WaitReady("svg.chart-linechart"))
			if px := eval[float64](t, ctx, chartTickPx); px < 11 {
				t.Errorf("%s at %d px: chart labels render at %.1f px, want at least 11", page, width, px)
			}
			if got := eval[string](t, ctx, chartLabelOverlaps); got != "" {
				t.Errorf("%s at %d px: chart labels overlap: %s", page, width, got)
			}
		}
	}
}

func TestBrowserMetricChipKeepsTogether(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, width := range []int64{320, 390} {
		for _, page := range []string{"/", "/metrics/"} {
			do(t, ctx, viewport(width, 900, true), chromedp.Navigate(base+page), chromedp.WaitReady("body"))
			n := eval[int](t, ctx, `document.querySelectorAll(".content .metric-inline").length`)
			if page == "/" && n == 0 {
				t.Fatalf("no inline metric on %s", page)
			}
			// Each chip is one box on one line.
			if got := eval[string](t, ctx, `[...document.querySelectorAll(".content .metric-inline")].filter(a => a.getClientRects().length !== 1).map(a => a.textContent.trim()).join(" | ")`); got != "" {
				t.Errorf("%s at %d px: a chip breaks across lines: %s", page, width, got)
			}
			// The punctuation after a chip stays on its line: no line starts
			// with ", up from" or ".".
			got := eval[string](t, ctx, `[...document.querySelectorAll(".content .metric-inline")].map(a => {
			  const n = a.nextSibling; if (!n || n.nodeType !== 3 || !/^[,.;:!?)]/.test(n.textContent)) return "";
			  const r = document.createRange(); r.setStart(n, 0); r.setEnd(n, 1);
			  const p = r.getBoundingClientRect(), c = a.getClientRects(); const last = c[c.length - 1];
			  return Math.abs(p.top - last.top) > 4 ? a.textContent.trim() + " then " + JSON.stringify(n.textContent.slice(0, 12)) : "";
			}).filter(Boolean).join(" | ")`)
			if got != "" {
				t.Errorf("%s at %d px: punctuation after a chip starts a new line: %s", page, width, got)
			}
		}
	}
}

// printMedia makes the page render as it prints.
func printMedia(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
	_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	return chromedp.Void{}, err
}

// Printed, a chip is a plain sentence naming the metric; on screen its
// tooltip is that sentence.
func TestBrowserMetricChipPrintsAsText(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady(".metric-inline"))
	const want = "NPS 34.2 points, ahead of path (target 40 by 31 Dec 2027), as of 31 Oct 2026"
	if got := eval[string](t, ctx, `document.querySelector(".content .metric-inline").title`); got != want {
		t.Errorf("the chip's tooltip is %q, want %q", got, want)
	}
	do(t, ctx, chromedp.Action[chromedp.Void](printMedia))
	got := eval[string](t, ctx, `document.querySelector(".content .metric-inline").innerText.replace(/\s+/g, " ").trim()`)
	if got != want {
		t.Errorf("printed, the chip reads %q, want %q", got, want)
	}
}

// A value from fewer than minN responses, as a reader sees it: its row of
// the data table says "too few responses (n = 12)" in full, at a readable
// size, without widening the page on a phone; the number is nowhere on the
// page, neither in the caption nor in the chart.
func TestBrowserTooFewResponses(t *testing.T) {
	base, _ := buildSite(t, map[string]string{
		"site.toml":              "title = \"Fixture\"\n[data]\nminN = 30\n",
		"content/_index.md":      "+++\ntitle = \"Home\"\n+++\nHome.\n",
		"content/metrics/nps.md": "+++\ntitle = \"NPS\"\nmetric = \"nps\"\ndirection = \"up\"\ntarget = 40\ndata = \"nps.csv\"\n+++\nBody.\n",
		"content/data/nps.csv":   "date,value,n,note\n2025-10-31,31.5,1840,\n2025-11-30,33.1,1902,\n2025-12-31,99.25,12,Holiday sample\n",
	})
	ctx := browser(t)
	const want = "too few responses (n = 12)"
	for _, width := range []int64{320, 390, 1280} {
		do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+"/metrics/nps/"), chromedp.WaitReady("details.chart-data"))
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("details.chart-data").open = true`))
		got := eval[string](t, ctx, `(() => {
		  const td = document.querySelector("details.chart-data tbody tr td.num");
		  if (!td) return "no value cell";
		  const s = getComputedStyle(td), out = [];
		  if (td.innerText.trim() !== `+strconv.Quote(want)+`) out.push("the newest value reads " + JSON.stringify(td.innerText.trim()));
		  if (parseFloat(s.fontSize) < 12) out.push("its font size is " + s.fontSize);
		  if (td.scrollWidth > td.clientWidth + 1) out.push("its text is cut: " + td.scrollWidth + " px in a " + td.clientWidth + " px cell");
		  const r = td.getBoundingClientRect();
		  if (r.width === 0 || r.height === 0) out.push("it is not shown");
		  if (document.documentElement.scrollWidth > innerWidth + 1) out.push("the page is " + document.documentElement.scrollWidth + " px wide in a " + innerWidth + " px window");
		  if (document.body.innerText.includes("99.25")) out.push("the held-back value 99.25 is on the page");
		  if (document.querySelector("svg.chart-linechart") && document.querySelector("svg.chart-linechart").outerHTML.includes("99.25")) out.push("the chart carries 99.25");
		  return out.join("; ");
		})()`)
		if got != "" {
			t.Errorf("at %d px: %s", width, got)
		}
		if caption := eval[string](t, ctx, `document.querySelector(".chart-figure figcaption").innerText`); !strings.Contains(caption, "33.1") {
			t.Errorf("at %d px: the caption %q does not give the newest value that may be shown, 33.1", width, caption)
		}
	}
}

// The breakdown by segment, as a reader sees it: on a phone it scrolls in
// its own box and never widens the page; every cell's text is whole and
// readable; each shown segment has its small chart, drawn, and a segment
// held back says why in full, without a chart.
func TestBrowserSegmentBreakdown(t *testing.T) {
	base, _ := buildSite(t, map[string]string{
		"site.toml":              "title = \"Fixture\"\n[data]\nminN = 30\n",
		"content/_index.md":      "+++\ntitle = \"Home\"\n+++\nHome.\n",
		"content/metrics/ces.md": "+++\ntitle = \"Customer Effort Score\"\nmetric = \"ces\"\ndirection = \"down\"\nunit = \"points\"\ntarget = 2\ndata = \"ces.csv\"\n+++\nBody.\n",
		"content/data/ces.csv": "date,value,segment,n\n2025-10-31,2.4,all,900\n2025-10-31,2.9,small business,310\n2025-10-31,1.9,markets outside the home country,12\n" +
			"2025-11-30,2.3,all,940\n2025-11-30,2.7,small business,330\n2025-11-30,2.0,markets outside the home country,14\n",
	})
	ctx := browser(t)
	for _, width := range []int64{320, 390, 1280} {
		do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+"/metrics/ces/"), chromedp.WaitReady("section.metric-segments"))
		got := eval[string](t, ctx, `(() => {
		  const sec = document.querySelector("section.metric-segments"), out = [];
		  const rows = [...sec.querySelectorAll("tbody tr")];
		  if (rows.length !== 2) out.push(rows.length + " rows, want 2");
		  for (const c of sec.querySelectorAll("th, td")) {
		    if (c.scrollWidth > c.clientWidth + 1) out.push("cut: " + JSON.stringify(c.innerText));
		    if (c.innerText.trim() && parseFloat(getComputedStyle(c).fontSize) < 12) out.push("small: " + JSON.stringify(c.innerText));
		  }
		  const spark = rows[0] && rows[0].querySelector("svg.chart-sparkline");
		  if (!spark || spark.getBoundingClientRect().width < 40) out.push("the first segment has no small chart drawn");
		  if (rows[1] && rows[1].querySelector("svg")) out.push("the held-back segment has a chart");
		  if (rows[1] && !rows[1].innerText.includes("too few responses (n = 14)")) out.push("the held-back segment reads " + JSON.stringify(rows[1].innerText));
		  const box = sec.querySelector(".table-scroll");
		  if (box.getBoundingClientRect().right > innerWidth + 1) out.push("the table's box ends at " + box.getBoundingClientRect().right + " px");
		  if (document.documentElement.scrollWidth > innerWidth + 1) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
		  return out.join("; ");
		})()`)
		if got != "" {
			t.Errorf("at %d px: %s", width, got)
		}
	}
}
