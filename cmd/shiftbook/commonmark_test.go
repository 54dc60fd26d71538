package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/shiftbook/shiftbook/generator/markdown"
)

// refusedExamples are the CommonMark spec examples shiftbook does not render
// as the spec says, on purpose: each is refused by a rule of the README
// (section "Writing"), and the value is the text of the error the rule
// prints. The test checks that each of them is refused with that error, so
// a row here cannot hide a rendering bug. A fidelity bug found later becomes
// a fix, never a row.
var refusedExamples = map[int]string{
	// A link must name a page or file of the site. Page addresses are
	// made of their file names with dashes for spaces, so a destination
	// with a space names no page.
	195: "which is not a page of the site", // [foo]: my url (as a reference, <my url>)
	489: "which is not a page of the site", // [link](</my uri>)
	503: "which is not a page of the site", // [link](foo%20b&auml;), the page "foo bä"
	507: "which is not a page of the site", // [link](/url "title") with non-breaking spaces: one destination
	642: "which is not a page of the site", // <a href="foo  \nbar">: raw HTML links are checked like markdown's
	643: "which is not a page of the site", // <a href="foo\\\nbar">
	// A link to an anchor must name an id the page has.
	501: "has no heading with the id", // [link](#fragment) on a page with no such heading
	// Raw HTML that would break the page around it is an error.
	156: "is not closed with >",        // <div id="foo" then text: the tag never ends
	157: "is not closed with >",        // <div class
	158: "is not closed with >",        // <div *???-&&&-<---
	173: "is not closed with </style>", // <style with no </style>: the rest of the page would be CSS
	// [[...]] is a link to a definition (README, "Definitions").
	548: "unknown term", // [[foo]]: as a reference label
	559: "unknown term", // [[*foo* bar]]
	590: "unknown term", // [[foo]] as a collapsed reference
}

// gfmExamples are the CommonMark examples that GitHub Flavored Markdown,
// which shiftbook writes (README, "Writing": automatic links), renders
// otherwise: the HTML here is the GFM spec's (its "Autolinks (extension)"
// section: a bare www., http(s):// or e-mail address is a link).
var gfmExamples = map[int]string{
	608: `<p>&lt; <a href="https://foo.bar">https://foo.bar</a> &gt;</p>`,
	611: `<p><a href="https://example.com">https://example.com</a></p>`,
	612: `<p><a href="mailto:foo@bar.example.com">foo@bar.example.com</a></p>`,
}

type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

func loadSpec(t *testing.T) []specExample {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "commonmark", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	return examples
}

// exampleURL is the address of an example's page.
func exampleURL(n int) string { return fmt.Sprintf("/ex/%03d/", n) }

// The spec site's theme shows a page's body alone between two markers, so
// the test reads exactly what the pipeline made of the markdown.
const (
	bodyStart = `<div id="spec-body">`
	bodyEnd   = `</div><hr id="spec-end">`
	specTheme = `{{define "main"}}` + bodyStart + `{{.Content}}` + bodyEnd + `{{end}}`
)

// writeSpecSite writes a site with one page per example, and the pages
// and files the examples link to.
func writeSpecSite(t *testing.T, examples []specExample, minify bool) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":                           fmt.Sprintf("title = \"CommonMark\"\n[build]\nminify = %v\n[markdown]\nunsafe = true\n", minify),
		"content/_index.md":                   "+++\ntitle = \"Home\"\n+++\n",
		"content/ex/_index.md":                "+++\ntitle = \"Examples\"\n+++\n",
		"themes/default/layouts/page.html":    specTheme,
		"themes/default/layouts/section.html": specTheme,
	}
	anchors := map[string][]string{} // target page file → ids it must have
	for _, ex := range examples {
		base := exampleURL(ex.Example)
		file := "content" + base + "_index.md"
		files[file] = fmt.Sprintf("+++\ntitle = \"Example %d\"\n+++\n%s", ex.Example, ex.Markdown)
		for _, ref := range references(ex.HTML) {
			p, frag := targetOf(base, ref)
			switch {
			case p == "" || p == base || p == "/":
			case strings.EqualFold(path.Ext(p), ".md"): // a link to a page by its file
				files["content"+p] = fmt.Sprintf("+++\ntitle = %q\n+++\n", p)
			case path.Ext(p) != "":
				files["content"+p] = "file\n"
			default:
				target := "content" + strings.TrimSuffix(p, "/") + ".md"
				if _, ok := files[target]; !ok {
					files[target] = fmt.Sprintf("+++\ntitle = %q\n+++\n", p)
				}
				if frag != "" {
					anchors[target] = append(anchors[target], frag)
				}
			}
		}
	}
	for target, ids := range anchors {
		for _, id := range ids {
			files[target] += fmt.Sprintf("\n## Anchor {#%s}\n", id)
		}
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// references lists the href and src values of an HTML fragment.
func references(s string) []string {
	var refs []string
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return refs
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			if a.Key == "href" || a.Key == "src" {
				refs = append(refs, a.Val)
			}
		}
	}
}

// targetOf is the site path (percent-decoded) and fragment a relative
// reference on the page at base names; "" for one that leaves the site.
func targetOf(base, ref string) (string, string) {
	if ref == "" || strings.HasPrefix(ref, "//") || hasScheme(ref) {
		return "", ""
	}
	ref, frag, _ := strings.Cut(ref, "#")
	ref, _, _ = strings.Cut(ref, "?")
	if p, err := url.PathUnescape(ref); err == nil {
		ref = p
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if ref == "" {
		return base, frag
	}
	if !strings.HasPrefix(ref, "/") {
		ref = path.Join(base, ref)
	}
	ref = path.Clean(ref)
	if path.Ext(ref) == "" && ref != "/" {
		ref += "/"
	}
	return ref, frag
}

func hasScheme(ref string) bool {
	u, err := url.Parse(ref)
	return err == nil && u.Scheme != ""
}

// TestCommonMarkSpec builds every example of the CommonMark 0.31.2 spec
// with `shiftbook build`, one page per example, raw HTML on, minified and
// not, and compares each page's body with the spec's HTML after both are
// normalised (see normaliseHTML). An example that is not equal must be one
// of refusedExamples, refused by its rule.
func TestCommonMarkSpec(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 652 pages twice")
	}
	all := loadSpec(t)
	var rendered, refused []specExample
	for _, ex := range all {
		if gfm, ok := gfmExamples[ex.Example]; ok {
			ex.HTML = gfm
		}
		if _, ok := refusedExamples[ex.Example]; ok {
			refused = append(refused, ex)
		} else {
			rendered = append(rendered, ex)
		}
	}
	for _, minify := range []bool{false, true} {
		t.Run(fmt.Sprintf("minify=%v", minify), func(t *testing.T) {
			dir := writeSpecSite(t, rendered, minify)
			out := filepath.Join(t.TempDir(), "public")
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), []string{"build", "-s", dir, "-o", out}, &stdout, &stderr); code != 0 {
				if d := os.Getenv("SPEC_KEEP"); d != "" { // SPEC_KEEP=DIR keeps the site, to build it by hand

					os.CopyFS(d, os.DirFS(dir))
				}
				t.Fatalf("build exit %d:\n%s", code, stderr.String())
			}
			failed := 0
			for _, ex := range rendered {
				base := exampleURL(ex.Example)
				page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(base, "/")), "index.html"))
				if err != nil {
					t.Errorf("example %d: %v", ex.Example, err)
					continue
				}
				body, ok := pageBody(string(page))
				if !ok {
					t.Errorf("example %d: no body markers in the page", ex.Example)
					continue
				}
				got, want := normaliseHTML(body, base, false, minify), normaliseHTML(ex.HTML, base, true, minify)
				if got != want {
					failed++
					t.Errorf("example %d (%s):\n%s\n--- got\n%s\n--- want\n%s\n--- got (raw)\n%s", ex.Example, ex.Section, ex.Markdown, got, want, body)
				}
			}
			if failed > 0 {
				t.Logf("%d of %d examples differ", failed, len(rendered))
			}
		})
	}
	t.Run("refused", func(t *testing.T) {
		if len(refused) == 0 {
			return
		}
		dir := writeSpecSite(t, refused, false)
		var stdout, stderr bytes.Buffer
		run(context.Background(), []string{"check", "-s", dir}, &stdout, &stderr)
		for _, ex := range refused {
			file := "content" + exampleURL(ex.Example) + "_index.md:"
			rule := refusedExamples[ex.Example]
			found := false
			// A diagnostic runs to the next one (a message may quote a
			// destination with a line break).
			for _, d := range strings.Split("\n"+stderr.String(), "\ncontent/") {
				if strings.HasPrefix("content/"+d, file) && strings.Contains(d, rule) {
					found = true
				}
			}
			if !found {
				t.Errorf("example %d is listed as refused by %q, but check does not say so for %s:\n%s", ex.Example, rule, file, stderr.String())
			}
		}
	})
}

func pageBody(page string) (string, bool) {
	_, rest, ok := strings.Cut(page, bodyStart)
	if !ok {
		return "", false
	}
	i := strings.LastIndex(rest, bodyEnd)
	if i < 0 {
		return "", false
	}
	return rest[:i], true
}

// blockTags are the elements around which white space is not shown.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "dd": true, "details": true,
	"dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"head": true, "header": true, "hr": true, "html": true, "li": true, "main": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "summary": true, "table": true, "tbody": true, "td": true,
	"tfoot": true, "th": true, "thead": true, "tr": true, "ul": true, "title": true, "meta": true, "link": true,
	"menu": true, "menuitem": true, "option": true, "optgroup": true, "legend": true, "caption": true,
	"colgroup": true, "col": true, "frame": true, "frameset": true, "iframe": true, "noframes": true,
	"source": true, "track": true, "param": true, "search": true, "center": true, "base": true, "basefont": true,
}

// normaliseHTML puts the HTML of a page body (ours, or the spec's) in a
// form where two bodies a reader cannot tell apart are equal strings, and
// where what shiftbook adds on purpose is taken out. Each rule:
//
//   - Tags are read as a browser reads them (golang.org/x/net/html's
//     tokenizer): `<br />` is `<br>`, attributes are sorted and their
//     values written with one escaping; text is decoded (`&quot;` and `"`
//     are the same character) and written with one escaping.
//   - White space outside <pre> is collapsed to one space (across inline
//     tags too) and dropped next to block elements and <br> and at the end
//     of a line, as a browser shows it (the minifier does the same; the
//     spec's own normaliser does too). The tokens of a class attribute are
//     joined by one space. Comments are dropped: a reader never sees them,
//     and the minifier removes them. Minified, the text of <script> and
//     <style> is not compared: the minifier rewrites CSS and JavaScript,
//     which no reader sees.
//   - Heading ids and the "#" anchor link shiftbook adds to a heading are
//     taken out (the spec writes no ids).
//   - The highlighter's wrapper, <div class="highlight" data-lang="X"><pre
//     class="chroma" tabindex="0"><code> with chroma's <span>s, becomes
//     the spec's <pre><code class="language-X">.
//   - loading="lazy", which shiftbook adds to every image, is taken out.
//   - Rewritten link forms: an href or src inside the site is resolved
//     against the page's address (shiftbook writes links relative to the
//     page, the spec as written), and a page's address ends in "/" (the
//     spec's "/uri" is the page /uri/). Percent-encoding is kept as it is:
//     "/caf%C3%A9" and "/café" differ in ours. shiftbook percent-encodes
//     every URL it rewrites, raw HTML's too, where the spec keeps raw HTML
//     as written: the spec's (spec is true) are percent-encoded as
//     CommonMark encodes a destination first, which changes none of its
//     markdown links. A link to a page's file
//     ("target.md") is written as the page's address ("target/").
func normaliseHTML(s, base string, spec, minified bool) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	pre := 0            // depth of <pre>
	space := true       // the last thing shown is white space, or a line's start
	skipAnchor := false // inside a heading's anchor link
	highlight := ""     // inside a highlighter wrapper: "in", or the language
	rawText := ""       // inside <script> or <style>
	block := func() {
		// White space before the end of a line is not shown, even
		// inside inline elements that end there.
		out := trailingSpace.ReplaceAllString(b.String(), "$1")
		b.Reset()
		b.WriteString(out)
		space = true
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			if skipAnchor {
				continue
			}
			text := tok.Data
			if rawText != "" && minified {
				continue // CSS and JavaScript, minified: no reader sees them
			}
			if pre == 0 && rawText == "" {
				fields := strings.Fields(text)
				lead := text != "" && strings.TrimLeft(text, " \t\n\r\f") != text
				trail := text != "" && strings.TrimRight(text, " \t\n\r\f") != text
				text = strings.Join(fields, " ")
				if lead && !space {
					text = " " + text
				}
				if trail && len(fields) > 0 {
					text += " "
				}
				if text != "" {
					space = strings.HasSuffix(text, " ")
				}
			}
			b.WriteString(html.EscapeString(text))
		case html.CommentToken, html.DoctypeToken:
			if tt == html.DoctypeToken {
				b.WriteString(tok.String())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name := tok.Data
			if skipAnchor {
				if tt == html.EndTagToken && name == "a" {
					skipAnchor = false
				}
				continue
			}
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
			}
			if tt == html.StartTagToken && name == "a" && attrs["class"] == "anchor" && attrs["aria-label"] == "Link to this section" {
				skipAnchor = true
				continue
			}
			if highlight != "" {
				switch {
				case name == "span":
					continue
				case name == "pre" && tt == html.StartTagToken:
					attrs = map[string]string{}
				case name == "code" && tt == html.StartTagToken:
					attrs = map[string]string{}
					if highlight != "in" {
						attrs["class"] = "language-" + highlight
					}
				case name == "div" && tt == html.EndTagToken:
					highlight = ""
					continue
				}
			} else if tt == html.StartTagToken && name == "div" && attrs["class"] == "highlight" {
				highlight = "in"
				if lang, ok := attrs["data-lang"]; ok {
					highlight = lang
				}
				continue
			}
			if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
				delete(attrs, "id")
			}
			if name == "img" && attrs["loading"] == "lazy" {
				delete(attrs, "loading")
			}
			for _, k := range []string{"href", "src"} {
				if v, ok := attrs[k]; ok {
					if spec {
						v = markdown.EscapeURL(v)
					}
					attrs[k] = resolveRef(base, v)
				}
			}
			if blockTags[name] || name == "br" {
				block()
			}
			if name == "script" || name == "style" {
				rawText = ""
				if tt == html.StartTagToken {
					rawText = name
				}
			}
			if c, ok := attrs["class"]; ok {
				attrs["class"] = strings.Join(strings.Fields(c), " ")
			}
			if name == "pre" {
				if tt == html.StartTagToken {
					pre++
				} else if tt == html.EndTagToken && pre > 0 {
					pre--
				}
			}
			b.WriteByte('<')
			if tt == html.EndTagToken {
				b.WriteByte('/')
			}
			b.WriteString(name)
			for _, k := range slices.Sorted(maps.Keys(attrs)) {
				fmt.Fprintf(&b, ` %s="%s"`, k, html.EscapeString(attrs[k]))
			}
			b.WriteByte('>')
			if blockTags[name] || name == "br" {
				space = true
			} else if name == "img" {
				space = false
			}
		}
	}
	block()
	return strings.TrimSpace(b.String())
}

// trailingSpace is white space at the end, before any end tags of inline
// elements.
var trailingSpace = regexp.MustCompile(`\s+((?:</[^>]+>)*)$`)

// resolveRef is a reference inside the site resolved against base, with a
// page's trailing "/" taken off; any other reference as it is.
func resolveRef(base, ref string) string {
	if ref == "" || strings.HasPrefix(ref, "//") || hasScheme(ref) {
		return ref
	}
	p, rest := ref, ""
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		p, rest = ref[:i], ref[i:]
	}
	if p == "" {
		p = base
	} else if !strings.HasPrefix(p, "/") {
		p = path.Join(base, p)
	}
	p = path.Clean(p)
	if page, ok := strings.CutSuffix(p, ".md"); ok {
		p = page // a link to a page by its file is written as the page's address
	}
	return p + rest
}
