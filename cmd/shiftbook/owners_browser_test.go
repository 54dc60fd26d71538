package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserOwnersReadableOnAPhone: at 390 px, /owners/ and a page whose
// review is overdue read without zooming: no line wider than its box, no
// text under 14 px, the overdue badge and the review note on screen. (The
// axe-core and reflow checks of every page cover /owners/ too.)
func TestBrowserOwnersReadableOnAPhone(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, viewport(390, 800, true), chromedp.Navigate(base+"/owners/"), chromedp.WaitReady("body"))
	type report struct {
		Entries, Items, Overdue int
		Small, Cut              []string
	}
	got := eval[report](t, ctx, `(() => {
	  const r = {Entries: document.querySelectorAll("section.owner").length, Items: 0, Overdue: 0, Small: [], Cut: []};
	  for (const el of document.querySelectorAll(".owner-list li, .owner-list .status, .owner-index li, .owner-contact")) {
	    r.Items++;
	    const size = parseFloat(getComputedStyle(el).fontSize);
	    if (size < 14 - 0.01) r.Small.push(el.textContent.trim().slice(0, 40) + " " + size + "px");
	    const box = el.getBoundingClientRect();
	    if (el.scrollWidth > el.clientWidth + 1 || box.right > innerWidth + 0.5) r.Cut.push(el.textContent.trim().slice(0, 40));
	  }
	  r.Overdue = [...document.querySelectorAll(".owner-list .status-off-track")].filter(b => b.getBoundingClientRect().height > 0).length;
	  return r;
	})()`)
	if got.Entries < 5 || got.Items < 20 {
		t.Fatalf("/owners/ shows %d owners and %d entries; the example site has ten owners", got.Entries, got.Items)
	}
	if got.Overdue == 0 {
		t.Error("/owners/ shows no overdue review; the example site has some")
	}
	for _, s := range got.Small {
		t.Errorf("text under 14 px at 390 px: %s", s)
	}
	for _, c := range got.Cut {
		t.Errorf("cut off at 390 px: %s", c)
	}

	do(t, ctx, chromedp.Navigate(base+"/journeys/switching/"), chromedp.WaitReady("body"))
	note := eval[map[string]float64](t, ctx, `(() => {
	  const n = document.querySelector(".review-note");
	  if (!n) return {};
	  const b = n.getBoundingClientRect();
	  return {top: b.top + scrollY, width: b.width, right: b.right, size: parseFloat(getComputedStyle(n).fontSize), link: n.querySelector("a[href*='owners/#owner-']") ? 1 : 0};
	})()`)
	switch {
	case len(note) == 0:
		t.Fatal("the overdue journey shows no review note")
	case note["right"] > 390.5 || note["width"] < 200:
		t.Errorf("review note is %.0f px wide, ending at %.0f px, on a 390 px screen", note["width"], note["right"])
	case note["size"] < 14:
		t.Errorf("review note text is %.1f px", note["size"])
	case note["top"] > 800:
		t.Errorf("review note starts at %.0f px, below the first screen", note["top"])
	case note["link"] != 1:
		t.Error("review note does not link to the owner's entry")
	}
}

// TestBrowserFocusAreasReadableOnAPhone: at 390 px the comparison of the
// four focus areas scrolls inside its own labelled box, never the page, and
// a focus area's roll-up reads without zooming: the line that says how it
// is doing fits the screen in text of 14 px or more and names what needs
// attention.
func TestBrowserFocusAreasReadableOnAPhone(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	do(t, ctx, viewport(390, 800, true), chromedp.Navigate(base+"/focus-areas/"), chromedp.WaitReady("body"))
	type board struct {
		Rows, PageWidth, RegionRight int
		Focusable, Labelled          bool
		Small                        []string
	}
	got := eval[board](t, ctx, `(() => {
	  const region = document.querySelector(".focus-compare");
	  const r = {Rows: document.querySelectorAll(".focus-compare tbody tr").length,
	    PageWidth: document.documentElement.scrollWidth, RegionRight: 0, Focusable: false, Labelled: false, Small: []};
	  if (!region) return r;
	  r.RegionRight = Math.round(region.getBoundingClientRect().right);
	  r.Focusable = region.tabIndex === 0;
	  const label = document.getElementById(region.getAttribute("aria-labelledby") || "");
	  r.Labelled = !!label && label.textContent.trim().length > 0;
	  for (const el of region.querySelectorAll("th, td, .focus-health")) {
	    const size = parseFloat(getComputedStyle(el).fontSize);
	    if (size < 14 - 0.01) r.Small.push(el.textContent.trim().slice(0, 40) + " " + size + "px");
	  }
	  return r;
	})()`)
	switch {
	case got.Rows != 4:
		t.Fatalf("/focus-areas/ compares %d areas; the example site has four", got.Rows)
	case got.PageWidth > 390:
		t.Errorf("/focus-areas/ is %d px wide at 390 px: the page scrolls sideways", got.PageWidth)
	case got.RegionRight > 390:
		t.Errorf("the comparison box ends at %d px on a 390 px screen", got.RegionRight)
	case !got.Focusable || !got.Labelled:
		t.Errorf("the comparison box is focusable %v, labelled %v: a keyboard reader cannot scroll it", got.Focusable, got.Labelled)
	}
	for _, s := range got.Small {
		t.Errorf("text under 14 px at 390 px: %s", s)
	}

	do(t, ctx, chromedp.Navigate(base+"/focus-areas/activation/"), chromedp.WaitReady("body"))
	health := eval[map[string]any](t, ctx, `(() => {
	  const n = document.querySelector(".focus-health");
	  if (!n) return {};
	  const b = n.getBoundingClientRect();
	  return {right: b.right, size: parseFloat(getComputedStyle(n).fontSize), text: n.textContent.replace(/\s+/g, " ").trim(),
	    width: document.documentElement.scrollWidth, items: document.querySelectorAll(".initiative-metrics li, .focus-initiatives li, .focus-stages li").length};
	})()`)
	if len(health) == 0 {
		t.Fatal("/focus-areas/activation/ says nothing of how it is doing")
	}
	text, _ := health["text"].(string)
	for _, want := range []string{"metrics on track", "at risk", "Needs attention"} {
		if !strings.Contains(text, want) {
			t.Errorf("the roll-up says %q; want it to hold %q (CONDUCTOR is at risk)", text, want)
		}
	}
	if r, _ := health["right"].(float64); r > 390.5 {
		t.Errorf("the roll-up line ends at %.0f px on a 390 px screen", r)
	}
	if s, _ := health["size"].(float64); s < 14 {
		t.Errorf("the roll-up line is %.1f px", s)
	}
	if w, _ := health["width"].(float64); w > 390 {
		t.Errorf("/focus-areas/activation/ is %.0f px wide at 390 px", w)
	}
	if n, _ := health["items"].(float64); n < 5 {
		t.Errorf("/focus-areas/activation/ lists %.0f metrics, initiatives and stages; the example has at least five", n)
	}
}
