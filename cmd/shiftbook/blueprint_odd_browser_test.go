package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// oddBlueprint is a journey an author might write that the example does
// not: one stage holding every lane, names and items far longer than a
// column, words with no place to break, markup and quotes in every value,
// non-Latin text, and a second journey whose stages share a name.
var oddBlueprint = map[string]string{
	"site.toml":         "title = \"Odd <site> & \\\"co\\\"\"\n",
	"content/_index.md": "+++\ntitle = \"Home\"\n+++\nHome.\n",
	"content/journeys/one.md": `+++
title = "One <stage> & \"only\" — Ünïcödé Ελληνικά"
persona = "P <persona> \"x\""
kind = "customer"
owner = "O <owner>"

[[stages]]
name = "Only <stage> ' \" & Ελληνικά with a very long name that goes on and on without stopping anywhere soon Supercalifragilisticexpialidociousantidisestablishmentarianism"
feeling = 2
target_feeling = -2
moment = true
owner = "Stage <owner> & co"
actions = ["<img src=x onerror=alert(1)>", { text = "Fail </td></tr></table> <svg onload=alert(1)>", failure = true }, "Averyveryveryverylongwordwithoutanybreakingpointsatallwhichshouldwrapinsideacellsomehowandnotoverflowthepage"]
thinking = ["\"Quote\" in 'customer' words & <b>not bold</b>"]
frontstage = ["F"]
backstage = [{ text = "https://very.long.example/path/that/does/not/break/anywhere/at/all/because/it/is/a/url/of/some/tool", failure = true }]
support = ["S"]
opportunities = ["O"]
touchpoints = ["T <t>"]
pains = ["P <p>"]
links = ["two#same-1"]
surveys = [{ metric = "nps", when = "day <30> of the contract, when the very first bill has been paid", channel = "SMS & <email>" }]
+++
Body.
`,
	"content/metrics/nps.md": "+++\ntitle = \"NPS <b>bold</b>\"\nmetric = \"nps\"\ndirection = \"up\"\n" +
		"survey = { question = \"How likely <script>alert(1)</script> are you to recommend us?\", scale = \"0–10\", instrument = \"https://survey.tool.example/instrument/relationship-nps-with-a-long-unbroken-path\" }\n+++\nBody.\n",
	"content/journeys/two.md": `---
title: Two
kind: employee
stages:
  - name: Same
    feeling: 0
  - name: Same
    feeling: -2
    target_feeling: 2
    frontstage: [Sees the customer's screen]
---
Body.
`,
}

// TestBrowserJourneyBlueprintOddInputs: the blueprint of odd author input
// at 1280 and 390 px holds to the rules the example's journeys do; every
// value is text, not markup.
func TestBrowserJourneyBlueprintOddInputs(t *testing.T) {
	base, _ := buildSite(t, oddBlueprint)
	ctx := browser(t)
	for _, w := range []struct {
		width  int64
		mobile bool
	}{{1280, false}, {390, true}} {
		for _, p := range []string{"/journeys/one/", "/journeys/two/"} {
			do(t, ctx, viewport(w.width, 900, w.mobile), chromedp.Navigate(base+p), chromedp.WaitReady("body"))
			for _, problem := range eval[[]string](t, ctx, blueprintJS+"(false)") {
				if p == "/journeys/one/" && strings.HasPrefix(problem, "the as-is and to-be curves are not both drawn") {
					continue // one stage: a dot and a diamond, no line (checked below)
				}
				t.Errorf("%s at %d px: %s", p, w.width, problem)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("main img, main script, main b, svg svg").length`); n != 0 {
				t.Errorf("%s: %d elements made from author text", p, n)
			}
			if p == "/journeys/one/" && w.width == 1280 {
				if n := eval[[]int](t, ctx, `[document.querySelectorAll("svg circle.feeling-point").length, document.querySelectorAll("svg path.feeling-target-point").length]`); n[0] != 1 || n[1] != 1 {
					t.Errorf("one stage: %d dots and %d diamonds", n[0], n[1])
				}
			}
			hint := eval[string](t, ctx, `(document.querySelector(".blueprint-hint") || {textContent: ""}).textContent`)
			if strings.Contains(hint, " 1 stages") {
				t.Errorf("%s: %q", p, hint)
			}
		}
	}
	// The survey map and the metric's "Where it is asked": a long stage
	// name or an unbroken word wraps in its cell; no cell is wider than a
	// phone, so the survey's other columns are in reach.
	for _, w := range []int64{1280, 390} {
		for _, p := range []string{"/journeys/surveys/", "/metrics/nps/"} {
			do(t, ctx, viewport(w, 900, w < 500), chromedp.Navigate(base+p), chromedp.WaitReady("body"))
			for _, problem := range eval[[]string](t, ctx, `(() => {
			  const bad = [], vw = document.documentElement.clientWidth;
			  if (document.documentElement.scrollWidth > vw + 1) bad.push("the page scrolls sideways: " + document.documentElement.scrollWidth + " > " + vw);
			  for (const c of document.querySelectorAll("main tbody th, main tbody td, main thead th")) {
			    const r = c.getBoundingClientRect();
			    if (vw < 500 && r.width > vw - 40) bad.push("a cell " + Math.round(r.width) + " px wide: «" + c.textContent.trim().slice(0, 40) + "»");
			  }
			  for (const c of document.querySelectorAll("main th, main td, main li")) {
			    if (c.scrollWidth > c.clientWidth + 1) bad.push("wider than its cell: «" + c.textContent.trim().slice(0, 40) + "»");
			  }
			  if (document.querySelectorAll("main script, main b").length) bad.push("author text made into elements");
			  return bad;
			})()`) {
				t.Errorf("%s at %d px: %s", p, w, problem)
			}
		}
	}

	do(t, ctx, viewport(1280, 900, false), chromedp.Navigate(base+"/journeys/one/"), chromedp.WaitReady("body"), chromedp.Action[chromedp.Void](printMedia))
	if got := eval[string](t, ctx, `(() => {
	  const r = document.querySelector(".blueprint-scroll");
	  return r.scrollWidth > r.clientWidth + 1 ? "the printed blueprint scrolls: " + r.scrollWidth + " > " + r.clientWidth : "";
	})()`); got != "" {
		t.Error(got)
	}
}
