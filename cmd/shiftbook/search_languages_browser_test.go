package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// otherLanguageHits reads the "In other languages" group of a search: each
// hit's language, address and title.
const otherLanguageHits = `[...document.querySelectorAll(".search-other li")].map(li => {
  const a = li.querySelector("a");
  return li.lang + " " + a.hreflang + " " + a.getAttribute("href") + " " + a.textContent;
})`

// TestBrowserSearchShowsOtherLanguages: the search box searches the page's
// language first and then shows the other languages' hits, each in its
// language and linking into its tree, announced, reachable with the arrows
// and with Tab, never
// the same text twice; axe-core finds nothing serious with them shown.
func TestBrowserSearchShowsOtherLanguages(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	axe := axeSource(t)
	cases := []struct {
		page, query string
		wantLang    string // the other language whose hit must show
		wantHref    string // a part of its address
		wantOwn     bool   // the page's own language has hits too
	}{
		// A Dutch word on an English page: no English hit, the Dutch one below.
		{"/", "klantbeleving", "nl", "nl/", false},
		// An English word on a Dutch page: its pages in the Dutch tree first
		// (shown untranslated), the English original of a translated page below.
		{"/nl/", "promise", "en", "vision/promise/", true},
	}
	for _, c := range cases {
		do(t, ctx, chromedp.Navigate(base+c.page), chromedp.WaitReady("#header-q"))
		do(t, ctx, chromedp.Focus("#header-q"), chromedp.SendKeys("#header-q", c.query))
		if !waitTrue(t, ctx, `document.querySelectorAll("#header-results .search-other li").length > 0`, 15*time.Second) {
			t.Fatalf("%s: typing %q showed no hits in other languages; box: %s", c.page, c.query, eval[string](t, ctx, `document.getElementById("header-results").textContent`))
		}
		own := eval[int](t, ctx, `document.querySelectorAll("#header-results [role=option]").length`)
		if c.wantOwn && own == 0 {
			t.Errorf("%s: %q: no hits in the page's own language", c.page, c.query)
		}
		// A page the tree shows untranslated is found by its English
		// words: its hit's title and snippet say so (lang="en"); on the
		// English page no hit of its own is marked.
		marked := eval[[]string](t, ctx, `[...document.querySelectorAll("#header-results [role=option] [lang]")].map(e => e.className + " " + e.lang)`)
		if c.page == "/nl/" && !slices.Contains(marked, "search-title en") {
			t.Errorf("%s: %q: no hit of a page shown untranslated has its title marked lang=en: %q", c.page, c.query, marked)
		}
		if c.page == "/" && len(marked) > 0 {
			t.Errorf("%s: %q: hits in the page's own language are marked: %q", c.page, c.query, marked)
		}
		// The page's own hits come first.
		if own > 0 && !eval[bool](t, ctx, `(() => { const l = document.querySelector("#header-results [role=listbox]"), o = document.querySelector("#header-results .search-other"); return !!(l.compareDocumentPosition(o) & Node.DOCUMENT_POSITION_FOLLOWING); })()`) {
			t.Errorf("%s: %q: the other languages' hits come before the page's own", c.page, c.query)
		}
		hits := eval[[]string](t, ctx, otherLanguageHits)
		found := false
		for _, h := range hits {
			f := strings.Fields(h)
			if len(f) < 3 || f[0] != f[1] {
				t.Errorf("%s: %q: a hit not marked with its language: %q", c.page, c.query, h)
				continue
			}
			if f[0] == c.wantLang && strings.Contains(f[2], c.wantHref) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %q: no %s hit at %s among %q", c.page, c.query, c.wantLang, c.wantHref, hits)
		}
		// What the query cost: the index files of every language it
		// searched, each language's at most what one query may load.
		loaded := eval[[]string](t, ctx, `performance.getEntriesByType("resource").filter(e => /\/search\/.*\.js/.test(e.name)).map(e => (e.encodedBodySize || e.transferSize || 0) + " " + e.name)`)
		total, otherTree := 0, false
		for _, l := range loaded {
			n, name, _ := strings.Cut(l, " ")
			b, _ := strconv.Atoi(n)
			total += b
			otherTree = otherTree || strings.Contains(name, map[string]string{"en": "/prefix/search/", "nl": "/prefix/nl/search/"}[c.wantLang])
		}
		t.Logf("%s %q: %d bytes of search index in %d files, both languages", c.page, c.query, total, len(loaded))
		if total == 0 || total > 2*300_000 {
			t.Errorf("%s: %q loaded %d bytes of the indexes, want 1 to 600,000 (300,000 a language)", c.page, c.query, total)
		}
		if !otherTree {
			t.Errorf("%s: %q: no index file of the %s tree loaded: %q", c.page, c.query, c.wantLang, loaded)
		}
		// Never the same text twice: a page a language shows untranslated
		// is not offered again as the other language's hit.
		if twice := eval[string](t, ctx, `(() => { const own = new Set([...document.querySelectorAll("#header-results [role=option] .search-title")].map(e => e.textContent)); return [...document.querySelectorAll("#header-results .search-other a")].map(a => a.textContent).filter(t => own.has(t)).join(" | "); })()`); twice != "" {
			t.Errorf("%s: %q: shown in both groups: %s", c.page, c.query, twice)
		}
		// The group is labelled in the page's language.
		label := eval[string](t, ctx, `document.getElementById(document.querySelector("#header-results .search-other").getAttribute("aria-labelledby")).textContent`)
		if want := map[string]string{"/": "In other languages", "/nl/": "In andere talen"}[c.page]; label != want {
			t.Errorf("%s: the group is labelled %q, want %q", c.page, label, want)
		}
		// A screen reader hears that they are there.
		said := `[...document.querySelectorAll("#header-q ~ [role=status], form.header-search [role=status]")].map(e => e.textContent).join(" | ")`
		if want := map[string]string{"/": "in other languages", "/nl/": "andere talen"}[c.page]; !waitTrue(t, ctx, `(`+said+`).includes(`+jsString(want)+`)`, 5*time.Second) {
			t.Errorf("%s: %q: the live regions say %q, nothing with %q", c.page, c.query, eval[string](t, ctx, said), want)
		}
		// The down arrow goes on from the last suggestion to them, up from
		// the first of them comes back to the suggestions.
		first := `document.querySelector("#header-results .search-other a")`
		reached := false
		for i := 0; i <= own && !reached; i++ {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
			reached = eval[bool](t, ctx, `document.activeElement === `+first)
		}
		if !reached {
			t.Errorf("%s: %q: the down arrow does not reach the other languages' hits (focus on %s)", c.page, c.query, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
		} else {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowUp))
			back := `document.activeElement === document.getElementById("header-q") && !document.getElementById("header-results").hidden`
			if own > 0 {
				back += ` && document.getElementById("header-q").getAttribute("aria-activedescendant") === document.querySelector("#header-results [role=option]:last-child").id`
			}
			if !eval[bool](t, ctx, back) {
				t.Errorf("%s: %q: the up arrow from the first other-language hit does not come back to the last suggestion (focus on %s)", c.page, c.query, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
			}
		}
		// The keyboard reaches the first other-language hit with Tab, and the
		// box stays open.
		reached = false
		for i := 0; i < 4 && !reached; i++ {
			do(t, ctx, chromedp.KeyEvent("\t"))
			reached = eval[bool](t, ctx, `document.activeElement === document.querySelector("#header-results .search-other a")`)
		}
		if !reached {
			t.Errorf("%s: %q: Tab does not reach the other languages' hits (focus on %s)", c.page, c.query, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
		} else if eval[bool](t, ctx, `document.getElementById("header-results").hidden`) {
			t.Errorf("%s: the results closed when Tab reached them", c.page)
		}
		if axe != nil {
			for _, v := range axeSerious(t, ctx, axe) {
				t.Errorf("%s with %q typed: axe: %s", c.page, c.query, v)
			}
		}
	}
	// The search page shows them too, under a heading.
	do(t, ctx, chromedp.Navigate(base+"/search/?q=klantbeleving"), chromedp.WaitReady("#search-q"))
	if !waitTrue(t, ctx, `document.querySelectorAll(".search-page .search-other li a[hreflang=nl]").length > 0`, 15*time.Second) {
		t.Errorf("/search/?q=klantbeleving shows no Dutch hits; status %q", eval[string](t, ctx, `document.getElementById("search-status").textContent`))
	} else if h := eval[string](t, ctx, `document.querySelector(".search-page .search-other h2").textContent`); h != "In other languages" {
		t.Errorf("the search page's group heading is %q", h)
	}
}
