package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// languagePageJS reports what is wrong with the language parts of a page
// as a reader sees them: the lang and dir of the page, hreflang alternates
// for every language whose text the page has (not one that shows it
// untranslated) and x-default, and a language switcher in the header
// with a link per language, the current one marked, every link in view and
// on one screen width (no sideways scrolling).
const languagePageJS = `((lang) => {
  const bad = [], html = document.documentElement, vw = html.clientWidth;
  if (html.lang !== lang) bad.push("html lang is " + html.lang + ", want " + lang);
  if (html.dir !== "ltr") bad.push("html dir is " + html.dir);
  const alts = [...document.querySelectorAll("link[rel=alternate][hreflang]")].map(l => l.hreflang);
  const untranslated = [...document.querySelectorAll(".language-switcher a.untranslated")].map(a => a.hreflang);
  for (const want of ["en", "nl", "x-default"]) {
    if (untranslated.includes(want) && alts.includes(want)) bad.push("hreflang " + want + " names a page that language shows untranslated");
    if (!untranslated.includes(want) && !alts.includes(want)) bad.push("no hreflang " + want);
  }
  if (html.scrollWidth > vw + 1) bad.push("the page scrolls sideways: " + html.scrollWidth + " > " + vw);
  const nav = document.querySelector(".site-header nav.language-switcher");
  if (!nav) return bad.concat(["no language switcher in the header"]);
  if (!nav.getAttribute("aria-label")) bad.push("the switcher has no name");
  const links = [...nav.querySelectorAll("a[hreflang]")];
  if (links.length !== 2) bad.push(links.length + " switcher links, want 2");
  for (const a of links) {
    const r = a.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right > vw + 0.5 || r.left < 0) bad.push("switcher link " + a.hreflang + " is not in view");
    if (r.height < 24) bad.push("switcher link " + a.hreflang + " is " + Math.round(r.height) + " px tall, too small to tap");
    // The name is in its language; the link's title (a note on an
    // untranslated entry) is in the page's, so the lang is on the name.
    const name = a.querySelector(".lang-name");
    if (!name || name.lang !== a.hreflang) bad.push("switcher link " + a.hreflang + " does not say its language (lang on its name)");
    if (a.title && a.closest("[lang]").lang !== lang) bad.push("switcher link " + a.hreflang + ": its title is not marked in the page's language " + lang);
  }
  const current = nav.querySelector("a[aria-current=page]");
  if (!current || current.hreflang !== lang) bad.push("the current language is not marked");
  return bad;
})`

// TestBrowserLanguages: the example site in Dutch, at 1280 and 390 px. The
// switcher keeps the reader on the same page both ways (a translated slug
// included), by mouse and by keyboard; an untranslated page is there in the
// Dutch tree with its banner in Dutch, its text marked English; lang,
// hreflang and the switcher are right on every page visited; axe-core finds
// nothing serious on them.
func TestBrowserLanguages(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	axe := axeSource(t)
	check := func(page, lang string, width int64) {
		t.Helper()
		for _, problem := range eval[[]string](t, ctx, languagePageJS+fmt.Sprintf("(%q)", lang)) {
			t.Errorf("%s at %d px: %s", page, width, problem)
		}
		if axe == nil {
			return
		}
		for _, v := range axeSerious(t, ctx, axe) {
			t.Errorf("%s at %d px: axe: %s", page, width, v)
		}
	}
	path := func() string {
		return strings.TrimPrefix(eval[string](t, ctx, `location.pathname`), "/prefix")
	}
	for _, w := range []struct {
		width  int64
		mobile bool
	}{{1280, false}, {390, true}} {
		do(t, ctx, viewport(w.width, 900, w.mobile))

		// English → Dutch by mouse: the same page, under its Dutch slug.
		do(t, ctx, chromedp.Navigate(base+"/vision/promise/"), chromedp.WaitReady("body"))
		check("/vision/promise/", "en", w.width)
		do(t, ctx, chromedp.Click(`.language-switcher a[hreflang="nl"]`), chromedp.WaitReady(`html[lang="nl"]`))
		if got := path(); got != "/nl/vision/belofte/" {
			t.Errorf("at %d px the switcher took /vision/promise/ to %s, want /nl/vision/belofte/", w.width, got)
		}
		check("/nl/vision/belofte/", "nl", w.width)
		if h1 := eval[string](t, ctx, `document.querySelector("main h1").textContent.trim()`); h1 != "Onze belofte aan de klant" {
			t.Errorf("the Dutch promise's heading is %q", h1)
		}
		if eval[bool](t, ctx, `!!document.querySelector(".translation-banner")`) {
			t.Error("a translated page shows a translation banner")
		}

		// Dutch → English by keyboard: focus the link, press Enter.
		do(t, ctx, chromedp.Focus(`.language-switcher a[hreflang="en"]`), chromedp.KeyEvent("\r"))
		if !waitTrue(t, ctx, `document.documentElement.lang === "en" && location.pathname.endsWith("/vision/promise/")`, 5*time.Second) {
			t.Errorf("at %d px Enter on the English link did not lead back to /vision/promise/ (at %s)", w.width, path())
		}

		// An untranslated page: in the Dutch tree, with the banner.
		do(t, ctx, chromedp.Navigate(base+"/vision/always/"), chromedp.WaitReady("body"),
			chromedp.Click(`.language-switcher a[hreflang="nl"]`), chromedp.WaitReady(`html[lang="nl"]`))
		if got := path(); got != "/nl/vision/always/" {
			t.Errorf("the switcher took /vision/always/ to %s", got)
		}
		check("/nl/vision/always/", "nl", w.width)
		banner := eval[string](t, ctx, `(() => {
		  const b = document.querySelector("main .translation-banner");
		  if (!b) return "no banner";
		  const r = b.getBoundingClientRect();
		  if (r.height === 0 || r.top > innerHeight) return "the banner is not in view at the top";
		  if (b.lang !== "nl" || document.querySelector("main").lang !== "en") return "banner lang " + b.lang + ", text lang " + document.querySelector("main").lang;
		  return b.textContent;
		})()`)
		if !strings.HasPrefix(banner, "Deze pagina is nog niet in het Nederlands vertaald") {
			t.Errorf("at %d px the untranslated page's banner: %s", w.width, banner)
		}
		if got := eval[string](t, ctx, `document.querySelector(".language-switcher a[aria-current]").className`); got != "untranslated" {
			t.Errorf("the current language of an untranslated page is not marked untranslated (%q)", got)
		}

		// The Dutch glossary and home page, and a journey translated with
		// its blueprint lanes: in Dutch, no banner.
		for _, p := range []string{"/nl/", "/nl/glossary/", "/nl/journeys/support/"} {
			do(t, ctx, chromedp.Navigate(base+p), chromedp.WaitReady("body"))
			check(p, "nl", w.width)
		}
		if got := eval[string](t, ctx, `(document.querySelector("main .translation-banner") ? "banner; " : "") + document.querySelector("main h1").textContent.trim()`); got != "Hulp krijgen als er iets stuk is" {
			t.Errorf("at %d px the Dutch support journey shows %q, want its Dutch title and no banner", w.width, got)
		}
		screenshot(t, ctx, fmt.Sprintf("languages-%d.png", w.width))
	}
}
