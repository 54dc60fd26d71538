package main

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// contrastJS is the WCAG contrast ratio of two computed CSS colours.
const contrastJS = `((a, b) => {
  const lum = c => { const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 }); return 0.2126 * r + 0.7152 * g + 0.0722 * bl };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05) })`

// An alert is a callout a reader tells apart by its label, in light and
// dark: the word is shown, bold, with enough contrast on the callout's own
// ground, and the callout stands out from the page. A link to a term of a
// definition list lands on that term.
func TestBrowserAlertsAndDefinitionTerms(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	for _, scheme := range []string{"light", "dark"} {
		setScheme := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return chromedp.Void{}, err
		}
		do(t, ctx, setScheme, chromedp.Navigate(base+"/plan/100-days/"), chromedp.WaitReady(".alert"))
		label := eval[string](t, ctx, `document.querySelector(".alert .alert-title").innerText.trim()`)
		if label == "" || eval[string](t, ctx, `document.querySelector(".alert").getAttribute("role")`) != "note" {
			t.Errorf("%s: the alert has no visible label (%q) or is not a note", scheme, label)
		}
		if w := eval[int](t, ctx, `parseInt(getComputedStyle(document.querySelector(".alert-title")).fontWeight)`); w < 600 {
			t.Errorf("%s: the alert's label is not bold (weight %d)", scheme, w)
		}
		title := eval[float64](t, ctx, contrastJS+`(getComputedStyle(document.querySelector(".alert-title")).color, getComputedStyle(document.querySelector(".alert")).backgroundColor)`)
		text := eval[float64](t, ctx, contrastJS+`(getComputedStyle(document.querySelector(".alert p:not(.alert-title)")).color, getComputedStyle(document.querySelector(".alert")).backgroundColor)`)
		if title < 4.5 || text < 4.5 {
			t.Errorf("%s: alert contrast %.2f (label) and %.2f (text), want 4.5 or more", scheme, title, text)
		}
		if eval[string](t, ctx, `getComputedStyle(document.querySelector(".alert")).backgroundColor`) == eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`) {
			t.Errorf("%s: the alert does not stand out from the page", scheme)
		}
		// An MkDocs admonition that opens on a click: its label reads as
		// an alert's, and a click shows what it hides.
		summary := `document.querySelector("details.alert > summary.alert-title")`
		if w := eval[int](t, ctx, `parseInt(getComputedStyle(`+summary+`).fontWeight)`); w < 600 {
			t.Errorf("%s: the collapsible callout's label is not bold (weight %d)", scheme, w)
		}
		if c := eval[float64](t, ctx, contrastJS+`(getComputedStyle(`+summary+`).color, getComputedStyle(document.querySelector("details.alert")).backgroundColor)`); c < 4.5 {
			t.Errorf("%s: collapsible callout label contrast %.2f, want 4.5 or more", scheme, c)
		}
		shown := `document.querySelector("details.alert > p").checkVisibility()`
		if eval[bool](t, ctx, shown) {
			t.Errorf("%s: the collapsible callout shows its text before a click", scheme)
		}
		do(t, ctx, chromedp.Click("details.alert > summary"))
		if !eval[bool](t, ctx, shown) || eval[float64](t, ctx, `document.querySelector("details.alert > p").getBoundingClientRect().height`) < 10 {
			t.Errorf("%s: a click on the collapsible callout's label does not show its text", scheme)
		}
	}
	do(t, ctx, chromedp.Navigate(base+"/plan/100-days/#fix"), chromedp.WaitReady("dt#fix"))
	if got := eval[string](t, ctx, `(document.querySelector(":target") || {}).tagName || ""`); got != "DT" {
		t.Errorf("a link to #fix lands on %q, want the term (DT)", got)
	}
}
