package main

// The metrics a reader sees, measured in real Chromium: the dashboard's order
// and summary, chart labels readable on a phone, inline values that never
// break inside a sentence, a value held back for too few responses, and the
// breakdown by segment.

import (
	"context"
	"encoding/json"
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
		  if (innerWidth >= 1000 && box.scrollWidth > box.clientWidth + 1) out.push("the table is " + box.scrollWidth + " px wide in a box of " + box.clientWidth);
		  if (document.documentElement.scrollWidth > innerWidth + 1) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
		  return out.join("; ");
		})()`)
		if got != "" {
			t.Errorf("at %d px: %s", width, got)
		}
	}
}

// smallMultiplesJS lists what is wrong with the small multiples and the
// segment table of the page, as a reader sees them: every small chart drawn
// at a readable size, its labels inside its box, the page no wider than the
// window; the held-back segment in words, without a chart.
const smallMultiplesJS = `(() => {
  const out = [];
  const secs = [...document.querySelectorAll("section.small-multiples")];
  if (!secs.length) return ["no small multiples"];
  for (const sec of secs) {
    const items = [...sec.querySelectorAll("li.small-multiple")];
    if (items.length !== 3) out.push(items.length + " small multiples, want 3");
    for (const li of items) {
      const svg = li.querySelector("svg.chart-small"), cap = li.querySelector("figcaption").innerText.trim();
      if (cap.startsWith("markets")) {
        if (svg) out.push("the held-back segment has a chart");
        if (!cap.includes("too few responses (n = 23)")) out.push("the held-back segment reads " + JSON.stringify(cap));
        continue;
      }
      if (!svg) { out.push(cap + ": no chart"); continue; }
      const r = svg.getBoundingClientRect(), box = li.getBoundingClientRect();
      if (r.width < 200) out.push(cap + ": its chart is " + r.width + " px wide");
      if (!svg.querySelector("title") || !svg.querySelector("title").textContent.includes("Net Promoter Score, ")) out.push(cap + ": its chart has no title of its own");
      if (!svg.querySelector("desc") || svg.querySelector("desc").textContent.length < 30) out.push(cap + ": its chart has no text alternative");
      const scale = r.width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll("text")) {
        const tr = t.getBoundingClientRect();
        if (tr.left < box.left - 1 || tr.right > box.right + 1) out.push(cap + ": label " + JSON.stringify(t.textContent) + " is cut (" + tr.left + ".." + tr.right + " in " + box.left + ".." + box.right + ")");
        if (parseFloat(getComputedStyle(t).fontSize) * scale < 11) out.push(cap + ": label " + JSON.stringify(t.textContent) + " is under 11 px");
      }
      if (!svg.querySelector("polyline.chart-line")) out.push(cap + ": no line drawn");
    }
  }
  if (document.documentElement.scrollWidth > innerWidth + 1) out.push("the page is " + document.documentElement.scrollWidth + " px wide in a " + innerWidth + " px window");
  return out;
})()`

// The example's NPS, as a reader sees it: the segment table with n beside
// each value and the held-back market in words; the small multiples at
// 390 px and 1280 px (one scale, labels whole, nothing wider than the
// window), on the metric's page and under {{< chart "nps" segments=true >}};
// the path to the dated target drawn, named in the legend and the text
// alternative, and the status said against it.
func TestBrowserSegmentsSmallMultiplesAndPath(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, width := range []int64{390, 1280} {
		for _, page := range []string{"/metrics/nps/", "/shift-book/who-we-serve/"} {
			do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+page), chromedp.WaitReady("section.small-multiples"))
			for _, p := range eval[[]string](t, ctx, smallMultiplesJS) {
				t.Errorf("%s at %d px: %s", page, width, p)
			}
			if width > 1000 {
				// Side by side on a desktop: the first two share a row.
				if got := eval[string](t, ctx, `(() => { const li = document.querySelectorAll("section.small-multiples li.small-multiple");
				  return li[1].getBoundingClientRect().top < li[0].getBoundingClientRect().bottom - 50 ? "" : "the small multiples are stacked at a desktop width" })()`); got != "" {
					t.Errorf("%s: %s", page, got)
				}
			}
		}
		do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+"/metrics/nps/"), chromedp.WaitReady("section.metric-segments"))
		got := eval[[]string](t, ctx, `(() => {
		  const out = [], rows = [...document.querySelectorAll("section.metric-segments tbody tr")];
		  const head = [...document.querySelectorAll("section.metric-segments thead th")].map(th => th.innerText.trim());
		  const n = head.indexOf("Responses (n)"), latest = head.indexOf("Latest");
		  if (n !== latest + 1) out.push("the n column is not beside the value: " + head.join(" | "));
		  const names = rows.map(r => r.querySelector("th").innerText.trim());
		  if (names.join(",") !== "consumer,business,markets") out.push("segments " + names.join(","));
		  for (const r of rows) {
		    const cells = [...r.children].map(c => c.innerText.trim());
		    if (!/^\d+$/.test(cells[n])) out.push(cells[0] + ": n reads " + JSON.stringify(cells[n]));
		    for (const c of r.children) if (c.scrollWidth > c.clientWidth + 1) out.push(cells[0] + ": cut " + JSON.stringify(c.innerText));
		  }
		  const held = rows.find(r => r.querySelector("th").innerText.trim() === "markets");
		  if (!held || held.querySelector("td.num").innerText.trim() !== "too few responses (n = 23)") out.push("markets reads " + (held && JSON.stringify(held.querySelector("td.num").innerText)));
		  // The path to the dated target.
		  const svg = document.querySelector("svg.chart-linechart"), path = svg && svg.querySelector("line.chart-path");
		  if (!path) out.push("no path drawn");
		  else {
		    const r = path.getBoundingClientRect();
		    if (r.width < 50) out.push("the path is " + r.width + " px long");
		    const dash = getComputedStyle(path).strokeDasharray, target = getComputedStyle(svg.querySelector("line.chart-target")).strokeDasharray;
		    if (!dash || dash === "none" || dash === target) out.push("the path is drawn like the target (" + dash + " / " + target + ")");
		  }
		  if (!svg.querySelector("desc").textContent.includes("The path to the target runs from 29.9 points on 31 Jan 2026 to 40 points on 31 Dec 2027.")) out.push("the text alternative does not say the path");
		  const legend = document.querySelector(".chart-legend");
		  if (!legend || !legend.innerText.includes("Path from the baseline, 29.9 points on 31 Jan 2026, to the target by 31 Dec 2027")) out.push("no legend names the path");
		  if (!document.querySelector(".metric-now .status").innerText.match(/^(Ahead of|Behind) path$/)) out.push("the status reads " + document.querySelector(".metric-now .status").innerText);
		  if (document.documentElement.scrollWidth > innerWidth + 1) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
		  return out;
		})()`)
		for _, p := range got {
			t.Errorf("/metrics/nps/ at %d px: %s", width, p)
		}
	}
	// The churn alert shows on the dashboard with an icon and in words.
	do(t, ctx, chromedp.Navigate(base+"/metrics/"), chromedp.WaitReady("table.dashboard-table"))
	if got := eval[string](t, ctx, `(() => { const a = [...document.querySelectorAll(".dashboard-table .metric-alert")];
	  return a.length === 1 && a[0].innerText.includes("Sharp fall") && a[0].querySelector(".metric-alert-icon") ? "" : a.map(x => x.innerText).join(" | ") || "no alert" })()`); got != "" {
		t.Errorf("the dashboard's alerts: %s", got)
	}
}

// A sharp move of a segment is flagged in its row of the segment table in
// words a reader can read: the flag is not squeezed into a column a word
// or two wide (it was: "Sharp rise: 58.93 above the mean of the three
// points before (35.14); flagged beyond 5" took 15 lines at 1280 px and
// made each row as tall as a screen). At 1280 px the table still fits its
// box; on a phone it scrolls in its own box instead.
func TestBrowserSegmentAlertReadable(t *testing.T) {
	csv := "date,value,segment,n\n"
	for i, month := range []string{"2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30"} {
		v := []string{"30", "31", "32", "80.25"}[i]
		csv += month + "," + v + ",,900\n" + month + "," + v + ",small business customers,310\n" + month + "," + v + ",consumer,300\n"
	}
	base, _ := buildSite(t, map[string]string{
		"site.toml":              "title = \"Fixture\"\n",
		"content/_index.md":      "+++\ntitle = \"Home\"\n+++\nHome.\n",
		"content/metrics/nps.md": "+++\ntitle = \"NPS\"\nmetric = \"nps\"\ndirection = \"up\"\nunit = \"points\"\ntarget = 40\nalertChange = 5\ndata = \"nps.csv\"\n+++\nBody.\n",
		"content/data/nps.csv":   csv,
		// Every value for everyone held back: the page and the dashboard say so.
		"content/metrics/few.md": "+++\ntitle = \"Few\"\nmetric = \"few\"\ndirection = \"up\"\nheadline = true\nminN = 30\ndata = \"few.csv\"\n+++\nBody.\n",
		"content/data/few.csv":   "date,value,n\n2025-11-30,12.5,5\n",
	})
	ctx := browser(t)
	defer axeClean(t, ctx, base, "/metrics/nps/", "/metrics/few/", "/metrics/")
	for _, width := range []int64{390, 1280} {
		do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+"/metrics/nps/"), chromedp.WaitReady("section.metric-segments"))
		got := eval[string](t, ctx, `(() => {
		  const sec = document.querySelector("section.metric-segments"), out = [];
		  const alerts = [...sec.querySelectorAll("tbody .metric-alert")];
		  if (alerts.length !== 2) out.push(alerts.length + " flags, want 2");
		  for (const [i, name] of ["small business customers", "consumer"].entries()) {
		    const row = alerts[i] && alerts[i].closest("tr"), prev = row && row.previousElementSibling;
		    if (!prev || !prev.querySelector("th").innerText.includes(name)) out.push("flag " + (i + 1) + " is not under the row of " + name);
		    if (row && !row.textContent.includes(name + ": ")) out.push("flag " + (i + 1) + " does not name " + name + " to a screen reader");
		  }
		  for (const a of alerts) {
		    const lh = parseFloat(getComputedStyle(a).lineHeight) || 1.5 * parseFloat(getComputedStyle(a).fontSize);
		    const lines = Math.round(a.getBoundingClientRect().height / lh);
		    if (lines > 3) out.push("a flag takes " + lines + " lines, " + Math.round(a.getBoundingClientRect().width) + " px wide");
		  }
		  const box = sec.querySelector(".table-scroll");
		  if (box.getBoundingClientRect().right > innerWidth + 1) out.push("the table's box ends at " + box.getBoundingClientRect().right + " px");
		  if (innerWidth >= 1000 && box.scrollWidth > box.clientWidth + 1) out.push("the table is " + box.scrollWidth + " px wide in a box of " + box.clientWidth);
		  if (document.documentElement.scrollWidth > innerWidth + 1) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
		  return out.join("; ");
		})()`)
		if got != "" {
			t.Errorf("at %d px: %s", width, got)
		}
	}
}

// Small multiples of a metric in % whose latest values have decimals: each
// latest label ("17.12%") is whole inside its chart's box at 390 and
// 1280 px; right of a point at the chart's right end it ran past the box
// and was cut at the edge of a phone's screen.
func TestBrowserSmallMultiplesWideLabels(t *testing.T) {
	csv := "date,value,segment,n\n"
	for i, month := range []string{"2025-01-31", "2025-02-28", "2025-03-31"} {
		for j, seg := range []string{"", "business", "consumer", "markets"} {
			csv += fmt.Sprintf("%s,%.6f,%s,%d\n", month, float64(i*7+j*3)+0.123456, seg, 100+j)
		}
	}
	base, _ := buildSite(t, map[string]string{
		"site.toml":            "title = \"Fixture\"\n",
		"content/_index.md":    "+++\ntitle = \"Home\"\n+++\nHome.\n\n{{< chart \"m\" segments=true >}}\n",
		"content/metrics/m.md": "+++\ntitle = \"Share\"\nmetric = \"m\"\ndirection = \"up\"\nunit = \"%\"\ntarget = 99.5\nmin = 0\nmax = 100\ndata = \"m.csv\"\n+++\nBody.\n",
		"content/data/m.csv":   csv,
	})
	ctx := browser(t)
	for _, width := range []int64{390, 1280} {
		for _, page := range []string{"/", "/metrics/m/"} {
			do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+page), chromedp.WaitReady("section.small-multiples"))
			got := eval[[]string](t, ctx, `(() => {
			  const out = [], items = [...document.querySelectorAll("li.small-multiple")];
			  if (items.length !== 3) out.push(items.length + " small multiples, want 3");
			  for (const li of items) {
			    const box = li.getBoundingClientRect(), cap = li.querySelector("figcaption").innerText.trim();
			    for (const t of li.querySelectorAll("svg.chart-small text")) {
			      const tr = t.getBoundingClientRect();
			      if (tr.left < box.left - 1 || tr.right > box.right + 1 || tr.right > innerWidth) out.push(cap + ": label " + JSON.stringify(t.textContent) + " is cut (" + tr.left + ".." + tr.right + " in " + box.left + ".." + box.right + ")");
			    }
			  }
			  if (document.documentElement.scrollWidth > innerWidth + 1) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
			  return out;
			})()`)
			if len(got) > 0 {
				t.Errorf("%s at %d px: %s", page, width, strings.Join(got, "; "))
			}
		}
	}
}

// axeClean runs axe-core on each page in light and dark at 1280 and 390 px
// and reports every violation.
func axeClean(t *testing.T, ctx context.Context, base string, pages ...string) {
	t.Helper()
	axeSource, err := os.ReadFile(tool(t, "SHIFTBOOK_AXE_JS", "axe.min.js (npm package axe-core)"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range pages {
		for _, scheme := range []string{"light", "dark"} {
			for _, w := range []int64{1280, 390} {
				do(t, ctx, viewport(w, 900, w < 500), colorScheme(scheme), chromedp.Navigate(base+page), chromedp.WaitReady("body"))
				do(t, ctx, chromedp.Evaluate[chromedp.Void](string(axeSource)))
				raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("axe: %v", err)
				}
				var violations []axeViolation
				if err := json.Unmarshal([]byte(raw), &violations); err != nil {
					t.Fatal(err)
				}
				for _, v := range violations {
					var at []string
					for _, n := range v.Nodes {
						at = append(at, fmt.Sprint(n.Target...))
					}
					t.Errorf("%s (%s, %d px): %s %s: %s at %s", page, scheme, w, v.Impact, v.ID, v.Help, strings.Join(at, ", "))
				}
			}
		}
	}
}

// chartLabelsOutside lists the labels of line charts drawn outside their
// chart's box: the labels grow on narrow screens (site.css) beyond the
// margins the viewBox keeps, and a label outside the box spills past its
// card or under the next block.
const chartLabelsOutside = `[...document.querySelectorAll("svg.chart-linechart")].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll("text")].map(t => {
    const r = t.getBoundingClientRect();
    if (r.width === 0) return "";
    const out = r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
    return out ? JSON.stringify(t.textContent) + " at " + [r.left, r.top, r.right, r.bottom].map(n => n.toFixed(1)).join(",") + " in " + [box.left, box.top, box.right, box.bottom].map(n => n.toFixed(1)).join(",") : "";
  });
}).filter(Boolean).join(" | ")`

func TestBrowserChartLabelsStayInTheChart(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, width := range []int64{280, 320, 360, 390, 480, 600, 768, 1280} {
		for _, page := range []string{"/metrics/nps/", "/metrics/churn-rate/", "/metrics/csat/", "/nl/metrics/nps/"} {
			do(t, ctx, viewport(width, 900, width < 600), chromedp.Navigate(base+page), chromedp.WaitReady("svg.chart-linechart"))
			if got := eval[string](t, ctx, chartLabelsOutside); got != "" {
				t.Errorf("%s at %d px: chart labels outside the chart: %s", page, width, got)
			}
		}
	}
}
