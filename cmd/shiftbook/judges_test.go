package main

// The built example site held to third-party judges: the Nu HTML Checker
// (errors only) and axe-core in Chromium (no critical or serious violation),
// with no console error and no failed request on any page. .ci/run installs
// both tools from npm and points at them with SHIFTBOOK_VNU_JAR and
// SHIFTBOOK_AXE_JS; outside CI a missing tool skips the test.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

func tool(t *testing.T, env, what string) string {
	t.Helper()
	p := os.Getenv(env)
	if p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not set to %s; .ci/run installs it", env, what)
	}
	skippedJudges.Store(true)
	t.Skipf("set %s to %s to run this test", env, what)
	return ""
}

// skippedJudges records that a judge's test was skipped for want of its
// tool, for the note after the tests.
var skippedJudges atomic.Bool

// noteSkippedJudges says, after the tests, that the judges did not run and
// how to run them. go test ./... shows a passing package's output only with
// -v, so the note also goes to the terminal itself when there is one: a
// plain run must not look as if the judges passed.
func noteSkippedJudges() {
	if !skippedJudges.Load() {
		return
	}
	const note = "shiftbook: the Nu HTML Checker and axe-core judges were SKIPPED; to run them, set SHIFTBOOK_VNU_JAR and SHIFTBOOK_AXE_JS (see README, \"Two commands\")\n"
	fmt.Fprint(os.Stderr, note)
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		fmt.Fprint(tty, note)
		tty.Close()
	}
}

func TestNuHTMLCheckerFindsNoError(t *testing.T) {
	jar := tool(t, "SHIFTBOOK_VNU_JAR", "vnu.jar (npm package vnu-jar)")
	exampleSite(t)
	out, err := exec.Command("java", "-jar", jar, "--errors-only", "--skip-non-html", exampleDir).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("the Nu HTML Checker reports errors (%v):\n%s", err, strings.ReplaceAll(string(out), "file:"+exampleDir+"/", ""))
	}
}

// examplePages lists every HTML page of the built example site, as URL paths.
func examplePages(t *testing.T) []string {
	t.Helper()
	var pages []string
	untranslated := 0
	err := filepath.WalkDir(exampleDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(exampleDir, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" {
			return nil // served at missing addresses; checked on its own below
		}
		if lang, _, ok := strings.Cut(rel, "/"); ok && lang == "nl" {
			// The Dutch tree: its translated pages, and two of those shown
			// in English (the rest are the English pages again, with the
			// same banner), so that the judges' time does not double.
			if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(`class="translation-banner"`)) {
				if untranslated++; untranslated > 2 {
					return nil
				}
			}
		}
		pages = append(pages, "/"+strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeOptions are the axe-core options of each colour scheme's pass. The dark
// scheme only changes colours (site.css swaps custom properties), so its pass
// runs the rules that read colours; the light pass runs every rule. This
// halves the judges' time without leaving a dark-only contrast fault unseen.
var axeOptions = map[string]string{
	"light": `{resultTypes: ["violations"]}`,
	"dark":  `{resultTypes: ["violations"], runOnly: {type: "rule", values: ["color-contrast", "link-in-text-block"]}}`,
}

func TestAxeAndConsoleOnEveryPage(t *testing.T) {
	axeJS := tool(t, "SHIFTBOOK_AXE_JS", "axe.min.js (npm package axe-core)")
	axeSource, err := os.ReadFile(axeJS)
	if err != nil {
		t.Fatal(err)
	}
	base := exampleSite(t)
	pages := examplePages(t)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			ctx := browserWithin(t, 10*time.Minute)
			var mu sync.Mutex
			var problems []string
			current := ""
			chromedp.Listen(ctx, func(ev any) {
				mu.Lock()
				defer mu.Unlock()
				switch ev := ev.(type) {
				case *runtime.EventExceptionThrown:
					problems = append(problems, fmt.Sprintf("%s: script error: %s", current, ev.ExceptionDetails.Text))
				case *runtime.EventConsoleAPICalled:
					if ev.Type == runtime.ConsoleAPICalledTypeError {
						problems = append(problems, fmt.Sprintf("%s: console error", current))
					}
				case *cdplog.EventEntryAdded:
					if ev.Entry.Level == cdplog.EntryLevelError {
						problems = append(problems, fmt.Sprintf("%s: %s %s", current, ev.Entry.Text, ev.Entry.URL))
					}
				}
			})
			enable := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				if _, err := cdp.Call(ctx, tg, cdplog.Enable, cdp.Empty{}); err != nil {
					return chromedp.Void{}, err
				}
				_, err := cdp.Call(ctx, tg, runtime.Enable, cdp.Empty{})
				return chromedp.Void{}, err
			}
			do(t, ctx, enable)
			if scheme == "dark" {
				do(t, ctx, colorScheme("dark"))
			}
			for _, page := range pages {
				mu.Lock()
				current = page
				mu.Unlock()
				do(t, ctx, chromedp.Navigate(base+page), chromedp.WaitReady("body"))
				do(t, ctx, chromedp.Evaluate[chromedp.Void](string(axeSource)))
				raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, `+axeOptions[scheme]+`).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s: axe: %v", page, err)
				}
				var violations []axeViolation
				if err := json.Unmarshal([]byte(raw), &violations); err != nil {
					t.Fatalf("%s: axe result: %v", page, err)
				}
				for _, v := range violations {
					if v.Impact == "critical" || v.Impact == "serious" {
						var where []string
						for _, n := range v.Nodes {
							where = append(where, fmt.Sprint(n.Target...))
						}
						t.Errorf("%s (%s): %s %s: %s at %s", page, scheme, v.Impact, v.ID, v.Help, strings.Join(where, ", "))
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

// colorScheme makes the page prefer a colour scheme, as the reader's system would.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return chromedp.Void{}, err
	}
}

// axeSource is axe-core's script for a test that runs it on the pages it
// visits, nil when SHIFTBOOK_AXE_JS is not set (an error in CI, where
// .ci/run installs it).
func axeSource(t *testing.T) []byte {
	t.Helper()
	p := os.Getenv("SHIFTBOOK_AXE_JS")
	if p == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("SHIFTBOOK_AXE_JS is not set; .ci/run installs axe-core")
		}
		return nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// axeSerious runs axe-core (source, from axeSource) on the page shown and
// returns its serious and critical violations, each with where it is.
func axeSerious(t *testing.T, ctx context.Context, source []byte) []string {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](string(source)))
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + ": " + v.help + " at " + v.nodes.map(n => n.target.join(" ")).join(", "))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	var violations []string
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatal(err)
	}
	return violations
}
