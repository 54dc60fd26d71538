package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// blueprintJS measures a journey page's service blueprint as a reader sees
// it, and returns what is wrong: text cut in the map, a page wider than
// the window, a lane's row header out of view (also with the table
// scrolled to its far end), the two curves missing or drawn alike, a fail
// point or moment of truth told by colour alone, a scrolling table outside
// a labelled, focusable region.
// With full false, only what every blueprint has is asked for (not the
// three lines, a fail point, a moment of truth).
const blueprintJS = `((full) => {
  const bad = [], vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) bad.push("the page scrolls sideways: " + document.documentElement.scrollWidth + " > " + vw);
  const map = document.querySelector(".journey-map");
  if (!map) return ["no journey map"];
  const where = el => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " «" + el.textContent.trim().slice(0, 40) + "»";
  for (const el of map.querySelectorAll("*")) {
    if (el.closest("svg") || el.closest(".visually-hidden")) continue;
    const s = getComputedStyle(el);
    if (s.display === "none" || el.clientWidth === 0) continue;
    const clips = s.overflowX === "hidden" || s.overflowX === "clip";
    if (clips && el.scrollWidth > el.clientWidth + 1) bad.push("cut: " + where(el) + " " + el.scrollWidth + " > " + el.clientWidth);
    if (s.textOverflow === "ellipsis") bad.push("ends in an ellipsis: " + where(el));
  }
  const table = map.querySelector("table.blueprint");
  if (!table) return bad.concat(["no blueprint table"]);
  for (const c of table.querySelectorAll("th, td")) {
    if (c.scrollWidth > c.clientWidth + 1) bad.push("wider than its cell: " + where(c) + " " + c.scrollWidth + " > " + c.clientWidth);
  }
  const region = table.closest("[role=region]");
  if (!region || !region.matches("[tabindex='0'][aria-labelledby]")) bad.push("the blueprint is not in a focusable, labelled region");
  else {
    const label = document.getElementById(region.getAttribute("aria-labelledby"));
    if (!label || label.textContent.trim().length < 10) bad.push("the blueprint's region has no name");
    const s = getComputedStyle(region);
    if (region.scrollWidth > region.clientWidth + 1) {
      if (s.overflowX !== "auto" && s.overflowX !== "scroll") bad.push("the table is wider than its region, which does not scroll");
      if (!/gradient/.test(s.backgroundImage)) bad.push("no cue that the table scrolls");
      const hint = map.querySelector(".blueprint-hint");
      if (!hint || hint.getBoundingClientRect().height === 0) bad.push("no words say the table scrolls");
    }
  }
  const cols = table.querySelectorAll("thead th[scope=col]").length, stages = map.querySelectorAll(".journey-stage").length;
  if (cols !== stages) bad.push(cols + " stage columns for " + stages + " stages");
  const rows = [...table.querySelectorAll("tbody th[scope=row]")];
  if (full && rows.length < 5) bad.push("only " + rows.length + " lanes");
  const visible = (th, when) => {
    th.scrollIntoView({block: "center", inline: "nearest", behavior: "instant"});
    const r = th.getBoundingClientRect(), box = region.getBoundingClientRect();
    if (r.width < 40 || r.height === 0) return bad.push(when + ": lane " + where(th) + " is " + Math.round(r.width) + " px wide");
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.left < 0 || r.right > vw + 0.5) return bad.push(when + ": lane " + where(th) + " is out of view");
    const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + Math.min(10, r.height / 2));
    if (!hit || !th.contains(hit)) bad.push(when + ": lane " + where(th) + " is covered by " + (hit ? where(hit) : "nothing"));
  };
  for (const th of rows) { region.scrollTo({left: 0, behavior: "instant"}); visible(th, "scrolled to the start"); }
  for (const th of rows) { region.scrollTo({left: region.scrollWidth, behavior: "instant"}); visible(th, "scrolled to the end"); }
  region.scrollTo({left: 0, behavior: "instant"});
  const text = table.textContent;
  if (full) for (const line of ["Line of interaction", "Line of visibility", "Line of internal interaction"]) if (!text.includes(line)) bad.push("no " + line);
  const fails = table.querySelectorAll(".fail-point");
  if (full && fails.length === 0) bad.push("no fail point");
  for (const f of fails) if (!/Fail point:/.test(f.textContent) || !f.querySelector(".fail-icon")) bad.push("a fail point without its icon and words: " + where(f));
  if (full && !/Moment of truth/.test(table.querySelector("thead").textContent)) bad.push("no moment of truth in the stage headers");
  const asIs = map.querySelector("svg .feeling-line"), toBe = map.querySelector("svg .feeling-line-target");
  if (!asIs || !toBe) bad.push("the as-is and to-be curves are not both drawn");
  else {
    const a = getComputedStyle(asIs).strokeDasharray, b = getComputedStyle(toBe).strokeDasharray;
    if (a === b || b === "none") bad.push("the curves have the same dash pattern: " + a + " / " + b);
    if (map.querySelectorAll("svg circle.feeling-point").length !== stages || map.querySelectorAll("svg path.feeling-target-point").length !== stages) bad.push("the curves' markers are not one dot and one diamond per stage");
    if (!/to be/.test(map.querySelector("svg desc").textContent)) bad.push("the curve's text alternative does not give the to-be feelings");
  }
  for (const st of map.querySelectorAll(".journey-stage")) {
    const t = st.querySelector(".stage-target");
    if (!t || t.getBoundingClientRect().height === 0 || !/To be: /.test(t.textContent)) bad.push("a stage does not say its to-be feeling: " + where(st));
  }
  return bad;
})`

// TestBrowserJourneyBlueprint: the example's support journey, a service
// blueprint with a to-be curve, at 1280 px and at 390 px: nothing cut, no
// page scrolling sideways, every lane's header in view even with the table
// scrolled, the two curves told apart by dashes and markers; printed, the
// table is whole; axe-core finds nothing serious in light or dark.
func TestBrowserJourneyBlueprint(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	const page = "/journeys/support/"
	for _, w := range []struct {
		width  int64
		mobile bool
	}{{1280, false}, {390, true}} {
		for _, p := range []string{page, "/journeys/onboarding/", "/journeys/agent-first-90-days/"} {
			do(t, ctx, viewport(w.width, 900, w.mobile), chromedp.Navigate(base+p), chromedp.WaitReady("body"))
			for _, problem := range eval[[]string](t, ctx, blueprintJS+fmt.Sprintf("(%v)", p == page)) {
				t.Errorf("%s at %d px: %s", p, w.width, problem)
			}
		}
		do(t, ctx, chromedp.Navigate(base+page), chromedp.WaitReady("body"))
		if w.width == 1280 {
			// On a desktop the curve is drawn (on a phone each stage says its feelings instead).
			if h := eval[float64](t, ctx, `document.querySelector(".journey-curve svg").getBoundingClientRect().height`); h < 100 {
				t.Errorf("at 1280 px the feeling curve is %.0f px tall", h)
			}
		}
		screenshot(t, ctx, fmt.Sprintf("blueprint-%d.png", w.width))
	}

	// Printed, nothing is left in a scrolled-away part of the table.
	do(t, ctx, viewport(1280, 900, false), chromedp.Navigate(base+page), chromedp.WaitReady("body"), chromedp.Action[chromedp.Void](printMedia))
	if got := eval[string](t, ctx, `(() => {
	  const r = document.querySelector(".blueprint-scroll"), t = r.querySelector("table");
	  if (r.scrollWidth > r.clientWidth + 1) return "the printed blueprint scrolls: " + r.scrollWidth + " > " + r.clientWidth;
	  if (getComputedStyle(r).overflowX !== "visible") return "the printed blueprint clips: overflow-x " + getComputedStyle(r).overflowX;
	  return "";
	})()`); got != "" {
		t.Error(got)
	}

	// The journeys index lists the moments of truth and which journeys rest on which.
	do(t, ctx, viewport(1280, 900, false), chromedp.Navigate(base+"/journeys/"), chromedp.WaitReady("body"))
	index := eval[map[string]int](t, ctx, `(() => ({
	  moments: document.querySelectorAll(".journey-moments a[href*='#stage-']").length,
	  links: document.querySelectorAll(".journey-links tbody tr").length,
	  employee: [...document.querySelectorAll(".journey-links tbody td:last-child")].filter(td => /employee/.test(td.textContent)).length,
	}))()`)
	if index["moments"] < 2 || index["links"] < 1 || index["employee"] < 1 {
		t.Errorf("/journeys/ lists %d moments of truth and %d links (%d to employee stages)", index["moments"], index["links"], index["employee"])
	}
	// The employee stage shows the customer stage it supports, and its link lands on it.
	do(t, ctx, chromedp.Navigate(base+"/journeys/agent-first-90-days/"), chromedp.WaitReady("body"))
	if got := eval[string](t, ctx, `(() => {
	  const st = document.getElementById("stage-flying-solo");
	  if (!st) return "no stage with the id stage-flying-solo";
	  const h = [...st.querySelectorAll("h4")].find(h => h.textContent.trim() === "Supports");
	  if (!h || !h.nextElementSibling.querySelector("a[href$='support/#stage-reach-a-person']")) return "the employee stage does not link back to the customer stage it supports";
	  return "";
	})()`); got != "" {
		t.Error(got)
	}

	axeClean(t, ctx, base, page)
}

// screenshot keeps the whole page as an image in $SHIFTBOOK_SCREENSHOTS, when set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("SHIFTBOOK_SCREENSHOTS")
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Logf("screenshot: %v", err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), buf, 0o644); err != nil {
		t.Log(err)
	}
}
