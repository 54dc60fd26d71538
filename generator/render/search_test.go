package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/render/search"
)

func testPage(url string, kind link.Kind, parent *link.Page, fm parse.FrontMatter, text string, headings ...string) *link.Page {
	p := &link.Page{Page: &parse.Page{Meta: fm}, URL: url, Kind: kind, Parent: parent, Body: &link.Body{Text: text}}
	for _, h := range headings {
		p.Body.Headings = append(p.Body.Headings, markdown.Heading{Level: 2, Text: h})
	}
	return p
}

func TestSearchIndex(t *testing.T) {
	home := testPage("/", link.KindHome, nil, parse.FrontMatter{Title: "Home", Description: "Our CX vision."}, "Our CX vision. Welcome.")
	defs := testPage("/definitions/", link.KindSection, home, parse.FrontMatter{Title: "Definitions"}, "One vocabulary.")
	metrics := testPage("/metrics/", link.KindSection, home, parse.FrontMatter{Title: "Metrics"}, "")
	journeys := testPage("/journeys/", link.KindSection, home, parse.FrontMatter{Title: "Journeys"}, "", "")
	virtual := testPage("/misc/", link.KindSection, home, parse.FrontMatter{Title: "Misc"}, "")
	virtual.Virtual = true
	pages := []*link.Page{
		// Out of URL order on purpose: the index is sorted.
		testPage("/metrics/nps/", kind.Metric, metrics, parse.FrontMatter{
			Title: "Net Promoter Score", Metric: parse.MetricMeta{ID: "nps"}, Description: "Loyalty, rolling three months.",
		}, "Why it matters NPS is our headline loyalty measure.", "Why it matters", "Net promoter score"),
		home, defs, metrics, journeys, virtual,
		testPage("/definitions/net-promoter-score/", kind.Definition, defs, parse.FrontMatter{
			Title: "Net Promoter Score", Description: "Not used: summary wins.", Definition: parse.DefinitionMeta{
				Abbr: "NPS", Synonyms: []string{"promoter score", "net promoter score", "NPS"},
				Summary: "Loyalty measure: % promoters minus % detractors.",
			},
		}, "The Net Promoter Score asks <how likely> & why.", "How we ask"),
		testPage("/metrics/churn/", kind.Metric, metrics, parse.FrontMatter{Title: "Churn", Metric: parse.MetricMeta{ID: "churn"}}, ""),
		testPage("/journeys/onboarding/", kind.Journey, journeys, parse.FrontMatter{
			Title: "Onboarding", Journey: parse.JourneyMeta{
				Persona: "Small-business owner",
				Stages:  []parse.Stage{{Name: "Discover"}, {Name: "Sign up"}, {Name: "Discover"}},
			},
		}, "How a new customer starts.", "Discover"),
		testPage("/vision/promise/", link.KindPage, home, parse.FrontMatter{Title: "Our promise"}, "Plain words."),
	}
	got := searchEntries(pages, noFill)
	want := []searchEntry{
		{Title: "Home", URL: "", Kind: "home", Summary: "Our CX vision.", Text: "Welcome."},
		{Title: "Definitions", URL: "definitions/", Kind: "section", Text: "One vocabulary."},
		{Title: "Net Promoter Score", URL: "definitions/net-promoter-score/", Section: "Definitions", Kind: "definition",
			Keywords: []string{"NPS", "promoter score"}, Summary: "Loyalty measure: % promoters minus % detractors.",
			Headings: []string{"How we ask"}, Text: "The Net Promoter Score asks <how likely> & why."},
		{Title: "Journeys", URL: "journeys/", Kind: "section"},
		{Title: "Onboarding", URL: "journeys/onboarding/", Section: "Journeys", Kind: "journey",
			Keywords: []string{"Small-business owner"}, Headings: []string{"Discover", "Sign up"}, Text: "How a new customer starts."},
		{Title: "Metrics", URL: "metrics/", Kind: "section"},
		{Title: "Churn", URL: "metrics/churn/", Section: "Metrics", Kind: "metric", Keywords: []string{"churn"}},
		{Title: "Net Promoter Score", URL: "metrics/nps/", Section: "Metrics", Kind: "metric", Keywords: []string{"nps"},
			Summary: "Loyalty, rolling three months.", Headings: []string{"Why it matters"},
			Text: "Why it matters NPS is our headline loyalty measure."},
		{Title: "Our promise", URL: "vision/promise/", Text: "Plain words."},
	}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w searchEntry
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("entry %d:\n got %#v\nwant %#v", i, g, w)
			}
		}
	}

	files, err := search.Files(got)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(search.Paths(len(got))) {
		t.Errorf("%d files, want the %d of search.Paths", len(files), len(search.Paths(len(got))))
	}
	var all strings.Builder
	for _, p := range search.Paths(len(got)) {
		b, ok := files[p]
		if !ok {
			t.Errorf("no %s", p)
			continue
		}
		s := string(b)
		prefix := `ShiftbookSearch.loaded("` + search.ID(p) + `",`
		if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, ");\n") {
			t.Errorf("%s is not a call of ShiftbookSearch.loaded: %.80s", p, s)
			continue
		}
		payload := strings.TrimSuffix(strings.TrimPrefix(s, prefix), ");\n")
		var v any
		if err := json.Unmarshal([]byte(payload), &v); err != nil {
			t.Errorf("%s: not JSON: %v", p, err)
		}
		all.WriteString(payload)
	}
	s := all.String()
	for _, bad := range []string{"<", ">", "&", "\n", `"k":"page"`, `"s":""`, "null,null"} {
		if strings.Contains(s, bad) {
			t.Errorf("index contains %q:\n%s", bad, s)
		}
	}
	for _, sub := range []string{
		`{"t":"Net Promoter Score","u":"definitions/net-promoter-score/","s":"Definitions","k":"definition","w":["NPS","promoter score"],`,
		`"u":"metrics/nps/","s":"Metrics","k":"metric","w":["nps"]`,
		`\u003chow likely\u003e \u0026 why`,
	} {
		if !strings.Contains(s, sub) {
			t.Errorf("index lacks %s:\n%s", sub, s)
		}
	}
	again, _ := search.Files(searchEntries(pages, noFill))
	if !reflect.DeepEqual(again, files) {
		t.Error("two encodings of the same pages differ")
	}
}

// TestSearchScript runs the search core of the theme's site.js in Node, as
// written and as minified: ranking, folding, highlighting, snippets. The
// browser tests drive the rest in Chromium.
func TestSearchScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	src := "../../themes/default/assets/js/site.js"
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	min, err := newMinifier().m.Bytes("application/javascript", data)
	if err != nil {
		t.Fatalf("minify site.js: %v", err)
	}
	minified := filepath.Join(t.TempDir(), "site.min.js")
	if err := os.WriteFile(minified, min, 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/search_docs.json")
	if err != nil {
		t.Fatal(err)
	}
	var docs []searchEntry
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatal(err)
	}
	files, err := search.Files(docs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for p, b := range files {
		out := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, search.Dir)))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, script := range []string{src, minified} {
		out, err := exec.Command(node, "testdata/search.node.js", script, dir).CombinedOutput()
		if err != nil {
			t.Errorf("node testdata/search.node.js %s: %v\n%s", script, err, out)
		}
	}
}

func noFill(*link.Page, *markdown.Shortcode) string { return "" }

func TestFillShortcodes(t *testing.T) {
	p := &link.Page{Body: &link.Body{Shortcodes: []*markdown.Shortcode{
		{Name: "metric", Args: []string{"ces"}, Offset: 30},
		{Name: "chart", Args: []string{"nps"}, Offset: 90},
	}}}
	fill := func(_ *link.Page, sc *markdown.Shortcode) string { return "<" + sc.Name + " " + sc.Args[0] + ">" }
	tests := []struct{ text, want string }{
		{"The main measure is CES, currently " + markdown.ShortcodeMark(30) + ". Lower is better.",
			"The main measure is CES, currently <metric ces>. Lower is better."},
		{markdown.ShortcodeMark(90) + " Then text.", "<chart nps> Then text."},
		{"Unknown " + markdown.ShortcodeMark(7) + " mark.", "Unknown mark."},
		{"Cut at the limit " + string(markdown.ShortcodeMarkStart) + "3", "Cut at the limit"},
		{"No marks.", "No marks."},
	}
	for _, tt := range tests {
		if got := fillShortcodes(tt.text, p, fill); got != tt.want {
			t.Errorf("fillShortcodes(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
