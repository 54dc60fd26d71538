package main

import (
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
