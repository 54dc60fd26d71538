package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// surveysJS measures the survey map as a reader sees it and returns what is
// wrong: a page wider than the window, text cut or ending in an ellipsis, a
// table without a caption or column headers, a table wider than its box
// outside a labelled, focusable region that scrolls, no over-surveyed
// journey flagged with icon and words, a stage link that lands nowhere.
const surveysJS = `(() => {
  const bad = [], vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) bad.push("the page scrolls sideways: " + document.documentElement.scrollWidth + " > " + vw);
  const main = document.querySelector("article.surveys");
  if (!main) return ["no survey map"];
  const where = el => el.tagName.toLowerCase() + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "") + " «" + el.textContent.trim().slice(0, 40) + "»";
  for (const el of main.querySelectorAll("*")) {
    if (el.closest(".visually-hidden")) continue;
    const s = getComputedStyle(el);
    if (s.display === "none" || el.clientWidth === 0) continue;
    const clips = s.overflowX === "hidden" || s.overflowX === "clip";
    if (clips && el.scrollWidth > el.clientWidth + 1) bad.push("cut: " + where(el) + " " + el.scrollWidth + " > " + el.clientWidth);
    if (s.textOverflow === "ellipsis") bad.push("ends in an ellipsis: " + where(el));
    const r = el.getBoundingClientRect();
    if (!el.closest("[role=region]") && (r.right > vw + 1 || r.left < -1)) bad.push("outside the window: " + where(el));
  }
  const tables = main.querySelectorAll("table");
  if (tables.length < 3) bad.push("only " + tables.length + " tables");
  for (const t of tables) {
    const cap = t.querySelector("caption");
    if (!cap || cap.textContent.trim().length < 5) bad.push("a table without a caption");
    if (t.querySelectorAll("thead th[scope=col]").length < 3) bad.push("a table without column headers: " + where(t));
    if (t.querySelectorAll("tbody th[scope=row]").length < 1) bad.push("a table without row headers: " + where(t));
    for (const c of t.querySelectorAll("th, td")) if (c.scrollWidth > c.clientWidth + 1) bad.push("wider than its cell: " + where(c));
    const region = t.closest("[role=region]");
    if (!region || !region.matches("[tabindex='0'][aria-labelledby]")) { bad.push("a table outside a focusable, labelled region"); continue; }
    const label = document.getElementById(region.getAttribute("aria-labelledby"));
    if (!label || label.textContent.trim().length < 5) bad.push("a region without a name");
    const rr = region.getBoundingClientRect();
    if (rr.right > vw + 1) bad.push("a region wider than the window: " + Math.round(rr.right) + " > " + vw);
    const s = getComputedStyle(region);
    if (region.scrollWidth > region.clientWidth + 1 && s.overflowX !== "auto" && s.overflowX !== "scroll") bad.push("a table wider than its region, which does not scroll");
    // The first column (the journey or stage) is in view when the table is at its start.
    const th = t.querySelector("tbody th[scope=row]");
    if (th) {
      const r = th.getBoundingClientRect();
      if (r.width < 60 || r.left < rr.left - 0.5 || r.right > rr.right + 0.5) bad.push("a row header is out of view or narrow: " + where(th) + " " + Math.round(r.width) + " px");
    }
  }
  const over = main.querySelectorAll(".survey-over");
  if (over.length !== 1) bad.push(over.length + " journeys flagged as over-surveyed, want 1");
  for (const sec of over) {
    const flag = sec.querySelector(".survey-flag .status-off-track");
    if (!flag || !/Over-surveyed/.test(flag.textContent)) bad.push("the flag has no words");
    else {
      const icon = getComputedStyle(flag, "::before");
      if (icon.content === "none" || parseFloat(icon.width) < 4) bad.push("the flag has no icon");
      if (flag.getBoundingClientRect().height === 0) bad.push("the flag is not shown");
    }
  }
  const stageLinks = main.querySelectorAll(".survey-table tbody th a[href*='#stage-']");
  if (stageLinks.length < 8) bad.push("only " + stageLinks.length + " links to stages");
  return bad;
})()`

// TestBrowserSurveyMap: the example's survey map at 1280 px and at 390 px:
// no page scrolling sideways, nothing cut, real tables with captions and
// headers in labelled focusable regions, the over-surveyed journey flagged
// with icon and words; a stage link lands on the stage; axe-core finds
// nothing in light or dark.
func TestBrowserSurveyMap(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	const page = "/journeys/surveys/"
	for _, w := range []struct {
		width  int64
		mobile bool
	}{{1280, false}, {390, true}} {
		do(t, ctx, viewport(w.width, 900, w.mobile), chromedp.Navigate(base+page), chromedp.WaitReady("body"))
		for _, problem := range eval[[]string](t, ctx, surveysJS) {
			t.Errorf("%s at %d px: %s", page, w.width, problem)
		}
		screenshot(t, ctx, fmt.Sprintf("surveys-%d.png", w.width))
	}

	// A stage's link lands on the stage of the journey's page.
	href := eval[string](t, ctx, `document.querySelector(".survey-over .survey-table tbody th a").getAttribute("href")`)
	do(t, ctx, chromedp.Navigate(base+page+href), chromedp.WaitReady("body"))
	if got := eval[string](t, ctx, `(() => {
	  const id = decodeURIComponent(location.hash.slice(1)), el = document.getElementById(id);
	  if (!el) return "no element " + id + " on " + location.pathname;
	  if (!el.classList.contains("journey-stage")) return id + " is not a stage";
	  return "";
	})()`); got != "" {
		t.Error(got)
	}
	// A metric's page says where along the journeys it is asked.
	do(t, ctx, chromedp.Navigate(base+"/metrics/ces/"), chromedp.WaitReady("body"))
	if n := eval[int](t, ctx, `document.querySelectorAll(".survey-asked a[href*='#stage-']").length`); n < 3 {
		t.Errorf("/metrics/ces/ lists %d stages where it is asked, want at least 3", n)
	}

	axeClean(t, ctx, base, page, "/metrics/ces/")
}
