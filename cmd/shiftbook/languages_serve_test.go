package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestServeLanguages: the dev server builds every language; a translation
// written while it runs replaces the fallback page, and a language added
// to site.toml appears, both without a restart.
func TestServeLanguages(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) { addFiles(t, dir, map[string]string{rel: text}) }
	write("site.toml", "title = \"T\"\n[languages.en]\n[languages.nl]\n")
	write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	write("content/promise.md", "+++\ntitle = \"Promise\"\n+++\nThe promise.\n")
	addr := startDevServer(t, dir)
	get := func(path string) (int, string) {
		resp, err := http.Get(addr + path)
		if err != nil {
			return 0, ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	until := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if ok() {
				return
			}
		}
		t.Fatalf("the dev server never %s", what)
	}
	until("served the Dutch fallback page", func() bool {
		code, body := get("/nl/promise/")
		return code == 200 && strings.Contains(body, "translation-banner")
	})
	write("content/promise.nl.md", "+++\ntitle = \"Belofte\"\n+++\nDe belofte.\n")
	until("served the new translation", func() bool {
		code, body := get("/nl/promise/")
		return code == 200 && strings.Contains(body, "De belofte.") && !strings.Contains(body, "translation-banner")
	})
	write("site.toml", "title = \"T\"\n[languages.en]\n[languages.nl]\n[languages.de]\n")
	until("served the language added to site.toml", func() bool {
		code, body := get("/de/promise/")
		return code == 200 && strings.Contains(body, `<html lang="de"`)
	})
}

// TestBrowserServeOverlayInPageLanguage: the dev server's overlay of build
// errors speaks the page's language (the theme's interface text); the
// problems themselves are in English and marked so.
func TestBrowserServeOverlayInPageLanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) { addFiles(t, dir, map[string]string{rel: text}) }
	write("site.toml", "title = \"T\"\n[languages.en]\n[languages.nl]\n")
	write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	write("content/_index.nl.md", "+++\ntitle = \"Start\"\n+++\nStart.\n")
	addr := startDevServer(t, dir)
	b := browser(t)
	heading := `(() => { const h = document.querySelector("#shiftbook-overlay h2"); return h ? h.textContent : ""; })()`
	for _, c := range []struct{ page, want, errLang string }{
		{"/nl/", "De site is niet gebouwd: 1 fout", "en"},
		{"/", "The site did not build: 1 error", ""},
	} {
		do(t, b, chromedp.Navigate(addr+c.page), chromedp.WaitReady("body"))
		// The live-reload stream is open before the page breaks.
		if !waitTrue(t, b, `!!window.__shiftbookEvents && window.__shiftbookEvents.readyState === 1`, 10*time.Second) {
			t.Fatalf("%s: the live-reload stream did not open", c.page)
		}
		write("content/_index.nl.md", "+++\ntitle = \"Start\"\n+++\nStart met [[nergens]].\n")
		if !waitTrue(t, b, heading+` !== ""`, 15*time.Second) {
			t.Fatalf("%s: no overlay after a broken save", c.page)
		}
		if got := eval[string](t, b, heading); got != c.want {
			t.Errorf("%s: the overlay says %q, want %q", c.page, got, c.want)
		}
		if got := eval[string](t, b, `document.querySelector("#shiftbook-overlay pre").lang`); got != c.errLang {
			t.Errorf("%s: the problem is marked lang=%q, want %q", c.page, got, c.errLang)
		}
		write("content/_index.nl.md", "+++\ntitle = \"Start\"\n+++\nStart.\n")
		if !waitTrue(t, b, `!document.getElementById("shiftbook-overlay")`, 15*time.Second) {
			t.Fatalf("%s: the overlay stayed after the fix", c.page)
		}
	}
}
