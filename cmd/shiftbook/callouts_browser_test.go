package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// calloutsFixture is the whole-site fixture of Docusaurus admonitions and
// MkDocs content tabs; the browser test builds the same site.
const calloutsFixture = "docusaurus-admonitions-mkdocs-tabs.txtar"

// TestBrowserTabsAndAdmonitionsReadOnAPhone: at 320 px, in light and dark,
// content tabs and Docusaurus admonitions read as a reader needs them,
// without script: no page is wider than the phone; every tab shows its
// label (bold, 4.5:1 or more on its ground) and its content, inside the
// window; each admonition is a labelled note. The pages pass axe-core and
// the Nu HTML Checker when they are set up (SHIFTBOOK_AXE_JS,
// SHIFTBOOK_VNU_JAR), as the example site does.
func TestBrowserTabsAndAdmonitionsReadOnAPhone(t *testing.T) {
	chromiumPath(t)
	site := fixtureSite(t, filepath.Join("testdata", "sites", calloutsFixture))
	base, out := buildSite(t, site)
	if jar := os.Getenv("SHIFTBOOK_VNU_JAR"); jar != "" {
		res, err := exec.Command("java", "-jar", jar, "--errors-only", filepath.Join(out, "index.html"), filepath.Join(out, "guide", "index.html")).CombinedOutput()
		if err != nil || strings.TrimSpace(string(res)) != "" {
			t.Errorf("the Nu HTML Checker reports errors (%v):\n%s", err, res)
		}
	}
	axe := axeSource(t)
	ctx := browser(t)
	const tabsJS = `[...document.querySelectorAll(".tabbed > .tab")].map((tab, i) => {
	  const label = tab.querySelector(":scope > .tab-label"), body = [...tab.children].filter(c => c !== label);
	  const inside = el => { const r = el.getBoundingClientRect(); return r.left >= -0.5 && r.right <= window.innerWidth + 0.5 };
	  if (!label || !label.checkVisibility() || label.innerText.trim() === "") return "tab " + i + ": no visible label";
	  if (parseInt(getComputedStyle(label).fontWeight) < 600) return "tab " + i + ": the label is not bold";
	  if (!inside(label) || !inside(tab)) return "tab " + i + ": wider than the window";
	  if (body.length === 0 || !body.every(c => c.checkVisibility() && c.getBoundingClientRect().height > 5 && inside(c))) return "tab " + i + " (" + label.innerText + "): its content is not all shown in the window";
	  return "";
	}).filter(Boolean).join("; ")`
	for _, scheme := range []string{"light", "dark"} {
		for _, page := range []string{"/", "/guide/"} {
			do(t, ctx, viewport(320, 800, true), colorScheme(scheme), chromedp.Navigate(base+page), chromedp.WaitReady("body"))
			if got := eval[string](t, ctx, fmt.Sprintf("%s(%d)", overflowJS, 320)); got != "" {
				t.Errorf("%s %s at 320 px: %s", scheme, page, got)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll(".tabbed > .tab").length`); n < 2 {
				t.Errorf("%s %s: %d tabs, want 2 or more", scheme, page, n)
			}
			if got := eval[string](t, ctx, tabsJS); got != "" {
				t.Errorf("%s %s: %s", scheme, page, got)
			}
			label := `document.querySelector(".tab-label")`
			if c := eval[float64](t, ctx, contrastJS+`(getComputedStyle(`+label+`).color, getComputedStyle(`+label+`).backgroundColor)`); c < 4.5 {
				t.Errorf("%s %s: tab label contrast %.2f, want 4.5 or more", scheme, page, c)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll(".content .alert").length`); n < 2 {
				t.Errorf("%s %s: %d admonitions, want 2 or more", scheme, page, n)
			}
			if got := eval[string](t, ctx, `[...document.querySelectorAll(".content .alert")].filter(a => a.getAttribute("role") !== "note" || !a.querySelector(":scope > .alert-title") || !a.querySelector(":scope > .alert-title").checkVisibility()).map(a => a.outerHTML.slice(0, 60)).join("; ")`); got != "" {
				t.Errorf("%s %s: admonitions without a visible label or not a note: %s", scheme, page, got)
			}
			if axe != nil {
				if v := axeSerious(t, ctx, axe); len(v) > 0 {
					t.Errorf("%s %s: axe: %s", scheme, page, strings.Join(v, "; "))
				}
			}
		}
	}
}
