package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"golang.org/x/net/html"
)

// An attacker who can write content (or a careless paste) puts markup in
// every field an author controls. payload is that markup, tagged with the
// field it was put in: an element of its own, event-handler and marker
// attributes, a script, and a javascript: address.
func payload(field string) string {
	return `"'><pwn-el data-pwn="` + field + `" onmouseover="alert(1)">` + field + `</pwn-el>` +
		`<script>alert("` + field + `")</script><img src=x onerror=alert(1)>javascript:alert(1)`
}

// tomlString writes s as a TOML basic string (the payload is ASCII without
// control characters, where Go's quoting and TOML's agree).
func tomlString(s string) string { return strconv.Quote(s) }

func tomlList(s ...string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = tomlString(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func csvRows(rows ...[]string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.String()
}

func jsonText(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}

// payloadDir is a folder name holding the payload's markup characters, as
// far as a file name can (no slash).
const payloadDir = `x"><pwn-el data-pwn=dir onmouseover=alert(1)>'`

// oddID is a metric id that is all markup.
const oddID = `m"><pwn-el data-pwn=metric-id onclick=alert(1)>`

// payloadSite is a site whose every author-controlled field holds the
// payload; edition 2 changes what the changes page lists.
func payloadSite(edition int) map[string]string {
	p := payload
	fm := func(lines ...string) string { return "+++\n" + strings.Join(lines, "\n") + "\n+++\n" }
	body := strings.Join([]string{
		"Text " + p("body-text") + " and [[" + p("term-abbr") + "]] and [[Sample term|" + p("term-label") + "]].",
		"",
		"## Heading " + p("heading"),
		"",
		"[a link](javascript:alert(1)) [another](JaVaScRiPt:alert(1) \"" + p("link-title") + "\") <javascript:alert(1)>",
		"![" + p("image-alt") + "](javascript:alert(1))",
		"[space]( javascript:alert(1)) [nl](<java\nscript:alert(1)>)",
		"[ref link][r] [vb](vbscript:msgbox(1))",
		"",
		"[r]: javascript:alert(1)",
		"",
		"<script>alert('raw html')</script>",
		"<pwn-el data-pwn=\"raw-block\">raw</pwn-el>",
		"",
		"Inline <pwn-el data-pwn=\"raw-inline\" onclick=\"alert(1)\">raw</pwn-el> html.",
		"",
		"| " + p("table-head") + " |",
		"|---|",
		"| " + p("table-cell") + " |",
		"",
		"```html",
		p("code-block"),
		"```",
		"",
		"Footnote[^1].",
		"",
		"[^1]: " + p("footnote"),
		"",
		`{{< metric "nps" >}}`,
		"",
		`{{< chart "nps" >}}`,
		"",
		`{{< chart "csat" >}}`,
		"",
		`{{< chart "ces" >}}`,
		"",
		`{{< journey "onboarding" >}}`,
		"",
		"{{< metric " + strconv.Quote(oddID) + " >}}",
		"",
		"{{< chart " + strconv.Quote(oddID) + " >}}",
		"",
		"{{< journey " + strconv.Quote(strings.ToLower(strings.Join(strings.Fields(payloadDir), "-"))) + " >}}",
		"",
	}, "\n")
	summary, target, owner, feeling := "term-summary", "45", "metric-owner", "1"
	if edition == 2 {
		summary, target, owner, feeling = "term-summary-2", "50", "metric-owner-2", "-1"
	}
	files := map[string]string{
		"site.toml": strings.Join([]string{
			"title = " + tomlString(p("site-title")),
			`baseURL = "https://cx.example/cx/"`,
			`language = "en-GB"`,
			`version = "2026.` + strconv.Itoa(edition+2) + `"`,
			"[book]",
			"title = " + tomlString(p("book-title")),
			"[glossary]",
			"autolink = true",
		}, "\n") + "\n",
		"content/_index.md": fm("title = "+tomlString(p("home-title")), "description = "+tomlString(p("home-description"))) + body,
		"content/vision/_index.md": fm("title = "+tomlString(p("section-title")), "description = "+tomlString(p("section-description")),
			"owner = "+tomlString(p("section-owner"))) + "Section " + p("section-body") + "\n",
		"content/vision/promise.md": fm(
			"title = "+tomlString(p("page-title")),
			"description = "+tomlString(p("page-description")),
			"owner = "+tomlString(p("page-owner")),
			"tags = "+tomlList(p("tag"), "plain tag"),
			"reviewed = 2026-01-02",
			"slug = "+tomlString(`s"><pwn-el data-pwn=slug>`),
			"[params]",
			"note = "+tomlString(p("param")),
		) + body,
		"content/" + payloadDir + "/page.md": fm("title = "+tomlString(p("page-in-odd-folder"))) + "A page in a folder with an odd name.\n",
		"content/definitions/sample-term.md": fm(
			"title = \"Sample term\"",
			"abbr = "+tomlString(p("term-abbr")),
			"synonyms = "+tomlList(p("term-synonym")),
			"summary = "+tomlString(p(summary)),
		) + "The term " + p("term-body") + ".\n",
		"content/definitions/other-term.md": fm(
			"title = "+tomlString(p("term-title")),
			"summary = "+tomlString(p("other-summary")),
		) + "Uses [[Sample term]].\n",
		"content/metrics/nps.md": fm(
			"title = "+tomlString(p("metric-title")),
			`metric = "nps"`,
			"unit = "+tomlString(p("metric-unit")),
			`direction = "up"`,
			"target = "+target,
			"owner = "+tomlString(p(owner)),
			"description = "+tomlString(p("metric-description")),
			`data = "nps.csv"`,
			`definition = "sample-term"`,
		) + "Measured " + p("metric-body") + ".\n",
		"content/data/nps.csv": csvRows(
			[]string{"date", "value", "region", "note", p("csv-column")}, // columns of their own, shown under their headers
			[]string{"2025-11-30", "40", p("csv-segment"), p("csv-note"), "x"},
			[]string{"2025-12-31", "41.5", p("csv-segment"), p("csv-note-2"), "y"},
		),
		"content/metrics/csat.md": fm("title = "+tomlString(p("metric-title-json")), `metric = "csat"`, "unit = "+tomlString(p("metric-unit-json")),
			`direction = "down"`, "target = 3", "owner = "+tomlString(p("metric-owner-json")), `data = "csat.json"`) + "CSAT.\n",
		"content/data/csat.json": jsonText([]map[string]any{
			{"date": "2025-11-30", "value": 4, "channel": p("json-segment"), "note": p("json-note")},
			{"date": "2025-12-31", "value": 3.5, "note": p("json-note-2")},
		}) + "\n",
		"content/metrics/ces.md": fm("title = "+tomlString(p("metric-title-toml")), `metric = "ces"`, "unit = "+tomlString(p("metric-unit-toml")),
			`direction = "up"`, "target = 5", `data = "ces.toml"`) + "CES.\n",
		"content/data/ces.toml": "[[points]]\ndate = 2025-11-30\nvalue = 4\nnote = " + tomlString(p("toml-note")) + "\nwave = " + tomlString(p("toml-segment")) + "\n" +
			"[[points]]\ndate = 2025-12-31\nvalue = 6\n",
		"content/metrics/odd.md":                    fm("title = \"Odd id\"", "metric = "+tomlString(oddID), `direction = "up"`, "data = "+tomlString(payloadDir+".csv")) + "An odd metric id.\n",
		"content/data/" + payloadDir + ".csv":       "date,value\n2025-11-30,1\n2025-12-31,2\n",
		"content/definitions/" + payloadDir + ".md": fm("title = \"Odd file\"", "summary = \"A term in a file with an odd name.\"") + "Odd.\n",
		"content/journeys/" + payloadDir + ".md":    fm("title = \"Odd journey\"", "persona = \"P\"", "[[stages]]", "name = \"S\"", "feeling = 0", "metrics = "+tomlList(oddID)) + "Odd.\n",
		"content/journeys/onboarding.md": fm(
			"title = "+tomlString(p("journey-title")),
			"persona = "+tomlString(p("journey-persona")),
			`kind = "customer"`,
			"description = "+tomlString(p("journey-description")),
			"[[stages]]",
			"name = "+tomlString(p("stage-name")),
			"feeling = "+feeling,
			"touchpoints = "+tomlList(p("touchpoint")),
			"pains = "+tomlList(p("pain")),
			`metrics = ["nps"]`,
			"[[stages]]",
			"name = "+tomlString(p("stage-name-2")),
			"feeling = -2",
		) + "The journey " + p("journey-body") + ".\n",
	}
	if edition == 1 {
		files["content/vision/removed.md"] = fm("title = "+tomlString(p("removed-page-title"))) + "Gone in edition 2.\n"
	} else {
		files["content/vision/added.md"] = fm("title = "+tomlString(p("added-page-title"))) + "New in edition 2.\n"
	}
	return files
}

// writeFiles writes a site's files into dir, replacing its content/.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	os.RemoveAll(filepath.Join(dir, "content"))
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPayloadsStayText publishes two editions of the payload site (the
// second with a payload as its --title) and reads every file of the
// published folder as a browser or a feed reader would: no payload may
// become an element, an attribute or a javascript: address anywhere.
func TestPayloadsStayText(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixtureEpoch)
	src := t.TempDir()
	dest := filepath.Join(t.TempDir(), "pages")
	writeFiles(t, src, payloadSite(1))
	pubMustRun(t, "publish", "-s", src, "--dest", dest, "--title", payload("edition-title-1"))
	writeFiles(t, src, payloadSite(2))
	pubMustRun(t, "publish", "-s", src, "--dest", dest, "--title", payload("edition-title-2"))
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := pubRun(t, "build", "-s", src, "-o", out); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}

	seen := map[string]bool{} // fields whose payload was found, as text
	checked := map[string]int{}
	for _, root := range []string{dest, out} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			name := filepath.Base(root) + "/" + filepath.ToSlash(rel)
			var problems []string
			switch ext := filepath.Ext(p); ext {
			case ".html":
				problems = checkHTML(data, seen)
			case ".svg", ".xml":
				problems = checkXML(data, seen)
			case ".json":
				problems = checkJSON(data, seen)
			case ".js":
				if !strings.Contains(filepath.ToSlash(rel), "search/") {
					return nil
				}
				problems = checkSearchScript(data, seen)
			case ".css":
				problems = checkCSS(data)
			default:
				return nil
			}
			checked[filepath.Ext(p)]++
			for _, pr := range problems {
				t.Errorf("%s: %s", name, pr)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("checked %v", checked)
	if checked[".html"] < 20 || checked[".json"] < 4 || checked[".xml"] < 1 {
		t.Errorf("checked only %v: the site did not build as it should", checked)
	}
	// The payloads did reach the output (as text), so the test reads where
	// they land, not a site that dropped them. In markdown bodies the
	// payload is raw HTML, which is dropped (raw HTML is off), except in
	// code, where it is text.
	for _, field := range []string{
		"site-title", "book-title", "home-title", "home-description", "section-title", "section-description",
		"page-title", "page-description", "page-owner", "tag", "code-block", "term-abbr", "term-label", "term-synonym",
		"term-summary-2", "term-title", "metric-title", "metric-unit", "metric-owner-2",
		"metric-description", "csv-note", "csv-segment", "csv-column", "json-note", "metric-title-json", "metric-unit-json",
		"toml-note", "metric-title-toml", "journey-title", "journey-persona", "stage-name", "touchpoint", "pain",
		"removed-page-title", "added-page-title", "page-in-odd-folder", "edition-title-2",
		"dir", "slug", "metric-id",
	} {
		if !seen[field] {
			t.Errorf("the payload of %s is nowhere in the output: the test does not see where it lands", field)
		}
	}
}

// jsScheme reports an address a browser would run as script.
func jsScheme(v string) bool {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1 // browsers skip spaces and control characters in the scheme
		}
		return r
	}, v)
	return strings.HasPrefix(strings.ToLower(v), "javascript:") || strings.HasPrefix(strings.ToLower(v), "vbscript:")
}

// urlAttrs are the attributes a browser follows or loads.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "data": true, "xlink:href": true, "cite": true, "srcset": true}

// markFields records the fields whose payload text shows in s: the value
// of data-pwn, quoted or not.
func markFields(s string, seen map[string]bool) {
	const mark = "data-pwn="
	for {
		i := strings.Index(s, mark)
		if i < 0 {
			return
		}
		s = s[i+len(mark):]
		v := strings.TrimPrefix(s, `"`)
		if j := strings.IndexAny(v, "\" >"); j > 0 {
			seen[v[:j]] = true
		}
	}
}

// attrProblem says what is wrong with an attribute on an element, if anything.
func attrProblem(elem, key, val string) string {
	key = strings.ToLower(key)
	switch {
	case strings.HasPrefix(key, "on"):
		return "<" + elem + "> has the event handler " + key + "=" + strconv.Quote(val)
	case key == "data-pwn":
		return "<" + elem + "> has an injected attribute data-pwn=" + strconv.Quote(val)
	case urlAttrs[key] && jsScheme(val):
		return "<" + elem + "> " + key + " is a javascript: address: " + strconv.Quote(val)
	case elem == "meta" && key == "content" && strings.Contains(strings.ToLower(val), "url=") && jsScheme(val[strings.Index(strings.ToLower(val), "url=")+4:]):
		return "<meta> refreshes to a javascript: address: " + strconv.Quote(val)
	}
	return ""
}

func checkHTML(data []byte, seen map[string]bool) []string {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return []string{"does not parse as HTML: " + err.Error()}
	}
	var problems []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if n.Data == "pwn-el" {
				problems = append(problems, "an injected <pwn-el> element")
			}
			if n.Data == "img" {
				for _, a := range n.Attr {
					if a.Key == "src" && a.Val == "x" {
						problems = append(problems, "an injected <img src=x>")
					}
				}
			}
			if n.Data == "script" {
				var text strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					text.WriteString(c.Data)
				}
				if strings.Contains(text.String(), "alert(") {
					problems = append(problems, "an injected script: "+strconv.Quote(text.String()))
				}
			}
			for _, a := range n.Attr {
				if pr := attrProblem(n.Data, a.Key, a.Val); pr != "" {
					problems = append(problems, pr)
				}
				markFields(a.Val, seen)
			}
		case html.TextNode, html.CommentNode:
			markFields(n.Data, seen)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return problems
}

func checkXML(data []byte, seen map[string]bool) []string {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var problems []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return problems
		}
		if err != nil {
			return append(problems, "does not parse as XML: "+err.Error())
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			if name == "pwn-el" || name == "script" || name == "foreignObject" {
				problems = append(problems, "an injected <"+name+"> element")
			}
			for _, a := range tok.Attr {
				key := a.Name.Local
				if a.Name.Space != "" && strings.HasSuffix(a.Name.Space, "xlink") {
					key = "xlink:" + key
				}
				if pr := attrProblem(name, key, a.Value); pr != "" {
					problems = append(problems, pr)
				}
				markFields(a.Value, seen)
			}
		case xml.CharData:
			markFields(string(tok), seen)
		}
	}
}

// checkJSON checks that a JSON file is JSON (a payload that ended a string
// would break it) and records the payloads it carries as values.
// checkSearchScript checks a file of the search index: one call of
// ShiftbookSearch.loaded with a quoted name and JSON, nothing else.
func checkSearchScript(data []byte, seen map[string]bool) []string {
	m := regexp.MustCompile(`^ShiftbookSearch\.loaded\("[a-z0-9/]+",(.*)\);\n$`).FindSubmatch(data)
	if m == nil {
		return []string{fmt.Sprintf("is not one call of ShiftbookSearch.loaded: %.120s", data)}
	}
	return checkJSON(m[1], seen)
}

func checkJSON(data []byte, seen map[string]bool) []string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return []string{"is not valid JSON: " + err.Error()}
	}
	var strs []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			strs = append(strs, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				strs = append(strs, k)
				walk(v[k])
			}
		}
	}
	walk(v)
	for _, s := range strs {
		markFields(s, seen)
	}
	return nil
}

// baseURL and language land in attributes of every page: markup in them is
// refused where site.toml is read, at the value, by every command.
func TestPayloadInBaseURLAndLanguageRefused(t *testing.T) {
	src := t.TempDir()
	files := payloadSite(1)
	files["site.toml"] = "title = \"T\"\nbaseURL = " + tomlString(`https://cx.example/"><script>alert(1)</script>/`) +
		"\nlanguage = " + tomlString(`en" onload="alert(1)`) + "\n"
	writeFiles(t, src, files)
	for _, cmd := range [][]string{{"check", "-s", src}, {"build", "-s", src, "-o", filepath.Join(t.TempDir(), "out")},
		{"publish", "-s", src, "--dest", filepath.Join(t.TempDir(), "pages")}} {
		code, _, stderr := pubRun(t, cmd...)
		if code != exitContent {
			t.Errorf("%s: exit %d, want %d\n%s", cmd[0], code, exitContent, stderr)
		}
		for _, want := range []string{"site.toml:2:11: baseURL ", "holds '\"'", "site.toml:3:12: language ", "is not a language tag"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd[0], want, stderr)
			}
		}
	}
}

// checkCSS checks that the site's words in a stylesheet (the book's running
// heads) stay inside CSS strings: outside one, a payload would be rules.
func checkCSS(data []byte) []string {
	lex := css.NewLexer(parse.NewInputBytes(data))
	var problems []string
	for {
		tt, text := lex.Next()
		switch {
		case tt == css.ErrorToken:
			return problems
		case tt == css.BadStringToken:
			problems = append(problems, "a CSS string broken by a newline: "+strconv.Quote(string(text)))
		case tt != css.StringToken && bytes.Contains(bytes.ToLower(text), []byte("pwn")):
			problems = append(problems, "site text outside a CSS string: "+strconv.Quote(string(text)))
		}
	}
}
