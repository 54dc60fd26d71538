package markdown

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// The fuzz targets are seeded from testdata/*.md and fragments of the
// [[term]] and {{< shortcode >}} syntax. Invariants: no panic; every
// position Parse records is inside the source and at the syntax it names;
// rendering is repeatable (it does not change the cached Doc).

func FuzzParse(f *testing.F) {
	testfiles.Seed(f, filepath.Join("testdata", "*.md"),
		"", "[[", "[[]]", "[[a|]]", "[[a|b|c]]", "[[[a]]]", "[[a]](b.md)", "[x]([[a]])", "**[[a**]]",
		"{{<", "{{< >}}", "{{< a \"b >}}", "{{<a b=\"c\" d=e \"f\\\"\">}}", "{{< a >}}{{< b >}}", "`{{< a >}}`",
		"# [[a]] {#id}\n## [[a]]\n", "| [[a]] | {{< b >}} |\n|:-|-:|\n| x | y |\n",
		"[^1]\n\n[^1]: [[a]]\n", "- [ ] {{< a \"b\" >}}\n", "> {{< a\n> >}}\n", "\t[[a]]\n", "<div>[[a]]</div>\n",
		"# a\n# a\n# a-1\n", "[x](<a b.md> \"t\")", "![[[a]]](i.png)", "www.[[a]].com",
		"<a href='x' id=y>z</a>", "foo <!--> bar -->", "<div id=\"a\"\n*b*\n", "> <p id=\"q\">\n> x\n", "<!-- open",
		"{{< n >}}\nA\n{{< /n >}}\n", "{{% n %}}\n- a\n{{% /n %}}\n", "{{< n >}}\n{{< n >}}\n{{< /n >}}\n", "> {{< n >}}\n> a\n{{< /n >}}\n", "a {{< k >}}b{{< /k >}} {{< /k >}}", "{{< n />}}", "[[!a]]", "[[! ]]",
		"[a]({{< ref \"b.md\" >}})", "[a]: {{% relref \"b#c\" %}}\n\n[a]", "`[a]({{< ref \"b\" >}})`", "x]({{<ref \"b\">}})", "[a](java&#x09;script:x)",
		"!!! note \"T\"\n    a\n\n    - b\nc\n", "??? tip\n    x\n", "???+ info \"\"\n\n    > y\n", "- !!! warning\n      z\n",
		"{{< f\n  a=\"b\"\n>}}\n", "x {{< f\n\"a\" >}} y\n", "{{% n\n  \"t\" %}}\nA\n{{% /n %}}\n", "- {{< f\n  >}}\n", "{{< f\n\n>}}\n", "> {{< f\n>}}\n", "{{< f \"a\n>}}\n",
		"{{< figure src=\"a.png\" caption=\"c\" attr=\"d\" attrlink=\"e\" link=\"f\" >}}\n", "x {{< figure src=\"a\" >}}\n", "{{< figure\n src=\"a\"\n>}}\n",
		// Attribute lists (MkDocs' attr_list).
		"[a](b){ .md-button }", "[a](b){: .md-button .md-button--primary }", "![a](b.png){ loading=lazy width=\"30\" height=4px }",
		"**a**{ #i }", "*a*{#i}`b`{#j}", "## T { #t }\n", "## T {: #t .c }\n", "T {#t}\n===\n", "a\nb\n{: #p .c }\n", "- a\n  {: #l }\n- b\n",
		"a\n\n{: .c }\n", "[a](b){onclick=\"x()\" style='y'}", "{n} {{ x }} {\"a\": 1}", "[a](b) { .c }", "`a`{.b}\n```\n[a](b){.c}\n```\n",
		"[![a](b.png){width=1}](c)", "a**{#x}", "[a](b){#", "[a](b){: }", "[a](b){#a\n.b}", "> [a](b){ .c }\n> {: #q }\n",
		"{{< highlight go \"linenos=1\" >}}\n# a\n{{< /highlight >}}\n", "{{< highlight\n go >}}\n*a*\n{{< /highlight >}}\n", "{{< details summary=\"<s>\" open=true >}}\n- a\n{{< /details >}}\n", "{{< youtube \"a&b\" >}}", "x {{< gist u \"i/d\" >}} y", "{{< x user=\"\" id=\"1\" >}}",
	)
	engines := []*Engine{New(Options{}), New(Options{HTML: HTMLSafe}), New(Options{HTML: HTMLUnsafe})}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, e := range engines {
			doc := e.Parse(src)
			checkDoc(t, doc)
			renderStable(t, e, doc)
			_ = doc.Text()
		}
	})
}

// renderStable renders doc twice and fails unless both renders are the
// same bytes (a render must not change the document); it returns them.
func renderStable(t *testing.T, e *Engine, doc *Doc) []byte {
	t.Helper()
	var a, b bytes.Buffer
	if err := e.Render(&a, doc, fakeContext{}); err != nil {
		t.Fatal(err)
	}
	if err := e.Render(&b, doc, fakeContext{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("a second render differs:\n%s\n---\n%s", a.Bytes(), b.Bytes())
	}
	return a.Bytes()
}

func checkDoc(t *testing.T, doc *Doc) {
	t.Helper()
	checkAdmonitions(t, doc)
	src := doc.Source
	in := func(off int) bool { return off >= 0 && off <= len(src) }
	for _, h := range doc.Headings {
		if !in(h.Offset) {
			t.Errorf("heading %q at %d, outside the %d bytes", h.Text, h.Offset, len(src))
		}
	}
	for _, l := range doc.Links {
		if !in(l.Offset) {
			t.Errorf("link %q at %d, outside the %d bytes", l.Dest, l.Offset, len(src))
		}
	}
	for _, tl := range doc.Terms {
		if !in(tl.Offset) || !bytes.HasPrefix(src[tl.Offset:], []byte("[[")) {
			t.Errorf("term %q at %d, not at [[", tl.Target, tl.Offset)
		}
		if tl.Target == "" || tl.Label == "" {
			t.Errorf("term at %d with an empty target or label", tl.Offset)
		}
	}
	for _, a := range doc.Attrs {
		if !in(a.Offset) || !bytes.HasPrefix(src[a.Offset:], []byte("{")) {
			t.Errorf("attribute list problem %q at %d, not at {", a.Problem, a.Offset)
		}
	}
	for _, s := range doc.Shortcodes {
		if !in(s.Offset) || !bytes.HasPrefix(src[s.Offset:], []byte("{{<")) && !bytes.HasPrefix(src[s.Offset:], []byte("{{%")) {
			t.Errorf("shortcode %q at %d, not at {{< or {{%%", s.Name, s.Offset)
		}
		if s.Err != "" {
			// The call's lines: up to the end of the line of the first
			// closer after it (a call may go on over several lines).
			from, closer := s.Offset, callCloser(src[s.Offset:])
			if c := bytes.Index(src[s.Offset+3:], closer); c >= 0 {
				from = s.Offset + 3 + c
			}
			lineEnd := bytes.IndexByte(src[from:], '\n')
			if lineEnd < 0 {
				lineEnd = len(src) - from
			}
			if s.ErrAt < s.Offset || s.ErrAt > from+lineEnd {
				t.Errorf("shortcode error %q at %d, outside its lines %d..%d", s.Err, s.ErrAt, s.Offset, from+lineEnd)
			}
		} else if s.Name == "" {
			t.Errorf("shortcode at %d without a name and without an error", s.Offset)
		}
	}
}

func FuzzShortcode(f *testing.F) {
	for _, s := range []string{
		`{{< metric "nps" >}}`, `{{<metric "nps">}} rest`, `{{< chart nps >}}`, `{{< x "a b" c "d\"e" >}}`,
		`{{< x id="nps" size=large >}}`, `{{< metric "nps"`, `{{< "nps" >}}`, `{{< >}}`, `{{< metric "nps >}}`,
		`{{< metric id= >}}`, `{{< metric "\q" >}}`, `{{< /note >}}`, `{{< note />}}`, `{{< / >}}`, `{{< /note x >}}`, `{{< a "\" >}}`, `{{< a ">}}" >}}`, `{{< é >}}`, "{{< a\t\"b\"\t>}}",
		`{{< x id="a\.b" >}}`, `{{< x pattern=".*\.(pdf|mp4)$" >}}`, `{{< x "a\\" >}}`, `{{< x "\"q\" \." >}}`, `{{< x p="C:\d\" >}}`,
		"{{< figure\n  src=\"a.png\"\n  alt=\"A\"\n>}}", "{{< metric\r\n\"nps\" >}}", "{{< x\n/>}}", "{{< x \"a\nb\" >}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, rest []byte) {
		line := append([]byte("{{<"), bytes.TrimPrefix(rest, []byte("{{<"))...)
		// The inline parser gives a call on one line, or the lines of a
		// call written over several joined (see callText).
		n := parseShortcode(line)
		if n.consumed < 0 || n.consumed > len(line) {
			t.Fatalf("consumed %d of %d bytes", n.consumed, len(line))
		}
		if n.ErrAt < 0 || n.ErrAt > len(line) {
			t.Fatalf("error at %d, outside the %d bytes", n.ErrAt, len(line))
		}
		if n.Err == "" {
			if n.Name == "" || n.consumed < 6 || !bytes.HasSuffix(line[:n.consumed], []byte(">}}")) {
				t.Fatalf("no error, but name %q and consumed %q", n.Name, line[:n.consumed])
			}
		}
		if n.consumed > 0 && !bytes.HasSuffix(line[:n.consumed], []byte(">}}")) {
			t.Fatalf("consumed %q, which does not end the shortcode", line[:n.consumed])
		}
		// Any text without a quote, and not ending in a backslash (which
		// would escape the closing quote), is an argument as written, as
		// Hugo reads it.
		if v := rest; !bytes.ContainsAny(v, "\"\n\r") && !bytes.HasSuffix(v, []byte(`\`)) {
			q := parseShortcode([]byte(`{{< x "` + string(v) + `" >}}`))
			if q.Err != "" || len(q.Args) != 1 || q.Args[0] != string(v) {
				t.Fatalf("argument %q read as %q (error %q)", v, q.Args, q.Err)
			}
		}
	})
}

// FuzzSafeHTML: with html = "safe", no input, however it mixes markdown
// and raw HTML, makes a page with a script, a style, a frame, an event
// handler or a javascript: URL.
func FuzzSafeHTML(f *testing.F) {
	for _, s := range []string{
		"<script>alert(1)</script>", "a <b onclick=\"x()\">b</b>", "<a href=\"javascript:alert(1)\">x</a>",
		"<img src=x onerror=alert(1)>", "<!--> <script>x</script> -->", "<div id=\"a\"\n*b*\n", "<style>p{}</style>",
		"<table><tr><td colspan=2>x</td></tr></table>", "<details><summary>s</summary>\n\n*x*\n\n</details>",
		"[a](<javascript:x>) <a href='JaVaScRiPt:x'>y</a>", "<svg><script>x</script></svg>", "<iframe src=x>",
		"[a](b){ onclick=\"x()\" }", "![a](b.png){onerror=alert(1) style=\"c\"}", "**a**{ onmouseover='x' }", "## T { style=a }\n",
		"<a href=\"x\">y</a> </a></a>", "<scr<script>ipt>", "<math><mi xlink:href=\"javascript:x\">",
	} {
		f.Add([]byte(s))
	}
	e := New(Options{HTML: HTMLSafe})
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := e.Parse(src)
		var out bytes.Buffer
		if err := e.Render(&out, doc, fakeContext{}); err != nil {
			t.Fatal(err)
		}
		z := html.NewTokenizer(bytes.NewReader(out.Bytes()))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			switch tok.Data {
			case "script", "style", "iframe", "frame", "object", "embed", "form", "svg", "math", "base", "meta", "link":
				t.Fatalf("<%s> in safe output of %q:\n%s", tok.Data, src, out.Bytes())
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:") {
					t.Fatalf("attribute %s=%q in safe output of %q:\n%s", a.Key, a.Val, src, out.Bytes())
				}
			}
		}
	})
}
