package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/serve"
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
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	go serve.New(serve.Options{Dir: dir, Addr: "127.0.0.1:0", Log: io.Discard, Ready: func(a string) { ready <- a }}).Run(ctx)
	var addr string
	select {
	case addr = <-ready:
	case <-time.After(30 * time.Second):
		t.Fatal("dev server did not start")
	}
	if !strings.HasPrefix(addr, "http") {
		addr = "http://" + addr
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(strings.TrimSuffix(addr, "/") + path)
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
