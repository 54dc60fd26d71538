package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/shiftbook/shiftbook/generator/i18n"
	"github.com/shiftbook/shiftbook/themes"
)

// englishInterface is the English a page in Dutch must not show: every
// phrase of the theme's English table (two words or more, the parts
// between its {placeholders}) that the Dutch table says otherwise. A
// phrase the example's content uses too ("Focus areas", a section's
// title; "moment of truth" in a Dutch text) cannot be told from that
// content by its words, and is left out. The scripts' strings (js.*) are
// left to the browser test, which runs them.
func englishInterface(t *testing.T) []string {
	t.Helper()
	read := func(code string, known []string) i18n.Table {
		b, err := fs.ReadFile(themes.FS, "default/i18n/"+code+".toml")
		if err != nil {
			t.Fatal(err)
		}
		table, diags := i18n.Read(code+".toml", b, known)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		return table
	}
	en := read("en", nil)
	nl := read("nl", en.Keys())
	var content strings.Builder
	err := filepath.WalkDir("../../content", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		content.WriteString(strings.ToLower(strings.Join(strings.Fields(string(b)), " ")) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	inContent := content.String()
	placeholder := regexp.MustCompile(`\{[a-z_]+\}`)
	var phrases []string
	for _, k := range en.Keys() {
		if strings.HasPrefix(k, "js.") || nl[k] == en[k] {
			continue
		}
		for _, part := range placeholder.Split(en[k], -1) {
			part = strings.Trim(part, " ,.:;()“”")
			if len(strings.Fields(part)) >= 2 && !strings.Contains(nl[k], part) && !strings.Contains(inContent, strings.ToLower(part)) {
				phrases = append(phrases, part)
			}
		}
	}
	slices.Sort(phrases)
	return slices.Compact(phrases)
}

// readerText is what a reader of the page sees or hears outside the
// elements marked English (the text of an untranslated page, names of
// pages shown in their original language): text nodes and the accessible
// names and tooltips of elements, without scripts and styles.
func readerText(doc *html.Node) []string {
	var out []string
	var walk func(n *html.Node, english bool)
	walk = func(n *html.Node, english bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" {
					english = a.Val == "en" || strings.HasPrefix(a.Val, "en-")
				}
			}
			if !english {
				for _, a := range n.Attr {
					switch a.Key {
					case "aria-label", "title", "alt", "placeholder":
						out = append(out, a.Val)
					}
				}
			}
		}
		if n.Type == html.TextNode && !english {
			if s := strings.Join(strings.Fields(n.Data), " "); s != "" {
				out = append(out, s)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, english)
		}
	}
	walk(doc, false)
	return out
}

// TestDutchInterfaceHasNoEnglish: every page of the example site's Dutch
// tree, translated or not, shows its interface in Dutch. Outside the
// elements marked lang="en" no text, accessible name or tooltip holds a
// phrase of the English interface table that Dutch says otherwise
// (navigation, headings, statuses, chart text alternatives, journey lanes,
// roll-up sentences, dates).
func TestDutchInterfaceHasNoEnglish(t *testing.T) {
	exampleSite(t)
	phrases := englishInterface(t)
	if len(phrases) < 150 {
		t.Fatalf("only %d English phrases to look for: the tables are not being read", len(phrases))
	}
	t.Logf("%d English phrases looked for", len(phrases))
	root := exampleDir
	if dir := os.Getenv("SHIFTBOOK_NL_TREE"); dir != "" {
		root = dir // another build to look at (a check of the check)
	}
	pages := 0
	err := filepath.WalkDir(filepath.Join(root, "nl"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		pages++
		rel, _ := filepath.Rel(root, path)
		seen := map[string]bool{}
		for _, text := range readerText(doc) {
			for _, p := range phrases {
				if !seen[p] && containsWords(text, p) {
					seen[p] = true
					t.Errorf("%s: English %q in %q", rel, p, text)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 50 {
		t.Fatalf("only %d pages in the Dutch tree", pages)
	}
}

// containsWords says whether phrase is in text as whole words.
func containsWords(text, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		at, end := i+j, i+j+len(phrase)
		if (at == 0 || !isWordByte(text[at-1])) && (end == len(text) || !isWordByte(text[end])) {
			return true
		}
		i = at + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// dutchText is a string of the theme's Dutch table with its {name}s
// filled in, as the page's script or template writes it.
func dutchText(t *testing.T, key string, pairs ...string) string {
	t.Helper()
	b, err := fs.ReadFile(themes.FS, "default/i18n/nl.toml")
	if err != nil {
		t.Fatal(err)
	}
	table, diags := i18n.Read("nl.toml", b, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return i18n.New("nl", table, table).T(key, pairs...)
}

// TestBrowserDutchInterface: on pages of the Dutch tree, at 1280 and 390
// px, what the reader gets from the scripts and the charts is Dutch: the
// line chart's text alternative (its <desc>, read out for the picture),
// the header search box's "no results" note and the search page's status,
// the strings coming from the tables through the page's JSON block; and
// axe-core finds nothing on those pages.
func TestBrowserDutchInterface(t *testing.T) {
	base := exampleSite(t)
	ctx := browser(t)
	const q = "qqxzv"
	quoted := dutchText(t, "js.quoted", "query", q)
	noResults := dutchText(t, "js.no_results_for", "query", quoted)
	noResultsHint := dutchText(t, "js.no_results_hint", "query", quoted)
	for _, w := range []int64{1280, 390} {
		do(t, ctx, viewport(w, 900, w < 500), chromedp.Navigate(base+"/nl/metrics/nps/"), chromedp.WaitReady("svg.chart-linechart desc"))
		desc := eval[string](t, ctx, `document.querySelector("svg.chart-linechart desc").textContent`)
		for _, want := range []string{dutchText(t, "chart.desc_up"), dutchText(t, "chart.desc_target", "target", "40")} {
			want = strings.Trim(want, ", ")
			if !strings.Contains(desc, want) {
				t.Errorf("%d px: the chart's text alternative %q does not say %q", w, desc, want)
			}
		}
		for _, english := range []string{"latest", "higher is better", "target", "The path"} {
			if strings.Contains(desc, english) {
				t.Errorf("%d px: the chart's text alternative %q is in English (%q)", w, desc, english)
			}
		}
		if title := eval[string](t, ctx, `document.querySelector(".chart-legend, .chart-data summary").textContent`); strings.Contains(title, "Show the data") {
			t.Errorf("%d px: %q", w, title)
		}

		do(t, ctx, chromedp.Focus("#header-q"), chromedp.SendKeys("#header-q", q))
		note := `(() => { const n = document.querySelector("#header-results .search-empty"); return n && !n.hidden ? n.textContent : "" })()`
		// First "loading the index", then what it found.
		if !waitTrue(t, ctx, note+`.includes(`+jsString(q)+`)`, 20*time.Second) {
			t.Fatalf("%d px: typing %q showed no note on it: %q", w, q, eval[string](t, ctx, note))
		}
		if got := eval[string](t, ctx, note); got != noResults {
			t.Errorf("%d px: the search box says %q, want %q", w, got, noResults)
		}

		do(t, ctx, chromedp.Navigate(base+"/nl/search/?q="+q), chromedp.WaitReady("#search-status"))
		status := `document.getElementById("search-status").textContent`
		if !waitTrue(t, ctx, status+`.includes(`+jsString(q)+`)`, 20*time.Second) {
			t.Fatalf("%d px: the search page says nothing", w)
		}
		if got := eval[string](t, ctx, status); got != noResultsHint {
			t.Errorf("%d px: the search page says %q, want %q", w, got, noResultsHint)
		}
	}
	axeClean(t, ctx, base, "/nl/metrics/nps/", "/nl/search/?q="+q)
}
