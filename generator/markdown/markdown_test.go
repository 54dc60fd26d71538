package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// fakeContext shows, in the HTML it writes, every call rendering makes to
// the site: link destinations, term links, shortcodes and autolinks (it
// autolinks the first "customer" of each text run it is given).
type fakeContext struct {
	prefix string
}

func (c fakeContext) LinkURL(dest string) string { return "/resolved/" + dest }

func (c fakeContext) TermLink(w util.BufWriter, t *TermLink) {
	fmt.Fprintf(w, `<term target=%q label=%q offset="%d">`, t.Target, t.Label, t.Offset)
}

func (c fakeContext) Shortcode(w util.BufWriter, s *Shortcode) {
	fmt.Fprintf(w, `<shortcode name=%q args=%q named=%q alone="%v" offset="%d">`, s.Name, s.Args, fmt.Sprint(s.Named), s.Alone, s.Offset)
}

func (c fakeContext) ShortcodeEnd(w util.BufWriter, s *Shortcode) {
	fmt.Fprintf(w, `</shortcode name=%q>`, s.Name)
}

func (c fakeContext) Autolink(w util.BufWriter, text []byte, offset int, write func(util.BufWriter, []byte)) {
	i := bytes.Index(text, []byte("customer"))
	if i < 0 {
		write(w, text)
		return
	}
	write(w, text[:i])
	fmt.Fprintf(w, `<auto at="%d">`, offset+i)
	write(w, text[i:i+len("customer")])
	w.WriteString("</auto>")
	write(w, text[i+len("customer"):])
}

func (c fakeContext) IDPrefix() string { return c.prefix }

func render(t *testing.T, e *Engine, doc *Doc, ctx Context) string {
	t.Helper()
	var b bytes.Buffer
	if err := e.Render(&b, doc, ctx); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// describeDoc lists what Parse found, each with its position in the source.
func describeDoc(doc *Doc) string {
	var b strings.Builder
	at := func(off int) string { // offset, line and the source there
		line := bytes.Count(doc.Source[:off], []byte("\n")) + 1
		return fmt.Sprintf("%d@%d %q", off, line, doc.Source[off:min(off+6, len(doc.Source))])
	}
	b.WriteString("headings:\n")
	for _, h := range doc.Headings {
		fmt.Fprintf(&b, "  h%d %s id=%q text=%q\n", h.Level, at(h.Offset), h.ID, h.Text)
	}
	b.WriteString("links:\n")
	for _, l := range doc.Links {
		fmt.Fprintf(&b, "  %s dest=%q image=%v\n", at(l.Offset), l.Dest, l.Image)
	}
	b.WriteString("terms:\n")
	for _, t := range doc.Terms {
		fmt.Fprintf(&b, "  %s target=%q label=%q\n", at(t.Offset), t.Target, t.Label)
	}
	b.WriteString("shortcodes:\n")
	for _, s := range doc.Shortcodes {
		fmt.Fprintf(&b, "  %s name=%q args=%q named=%v alone=%v err=%q\n", at(s.Offset), s.Name, s.Args, s.Named, s.Alone, s.Err)
	}
	var ids []string
	for id := range doc.IDs {
		ids = append(ids, id)
	}
	sortStrings(ids)
	fmt.Fprintf(&b, "ids: %s\n", strings.Join(ids, " "))
	fmt.Fprintf(&b, "text:\n%s", doc.Text())
	return b.String()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	testfiles.Golden(t, filepath.Join("testdata", name), []byte(got))
}

// TestGolden renders a document that uses every feature of the dialect:
// GFM tables, task lists, strikethrough and autolinks, footnotes, heading
// ids (including a repeated heading and a {#custom} id), term links,
// shortcodes, highlighted and unknown-language code, raw HTML (dropped),
// images and links through the Context.
func TestGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "representative.md"))
	if err != nil {
		t.Fatal(err)
	}
	e := New(Options{})
	doc := e.Parse(src)
	golden(t, "representative.html", render(t, e, doc, fakeContext{}))
	golden(t, "representative.book.html", render(t, e, doc, fakeContext{prefix: "b1-"}))
	golden(t, "representative.doc.txt", describeDoc(doc))

	unsafe := New(Options{HTML: HTMLUnsafe})
	golden(t, "representative.unsafe.html", render(t, unsafe, unsafe.Parse(src), fakeContext{}))
}

// TestRenderTwice checks that rendering does not change a parsed Doc: the
// build caches Docs and renders them again on every rebuild.
func TestRenderTwice(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "representative.md"))
	if err != nil {
		t.Fatal(err)
	}
	e := New(Options{})
	doc := e.Parse(src)
	first := render(t, e, doc, fakeContext{})
	_ = render(t, e, doc, fakeContext{prefix: "x-"})
	if again := render(t, e, doc, fakeContext{}); again != first {
		t.Error("a second render of the same Doc differs from the first")
	}
	if again := render(t, e, e.Parse(src), fakeContext{}); again != first {
		t.Error("a render of a second parse differs from the first")
	}
}

func TestRenderWithoutContext(t *testing.T) {
	e := New(Options{})
	got := render(t, e, e.Parse([]byte("A [[Term]] and {{< metric \"x\" >}} and [l](a.md).\n")), nil)
	want := "<p>A  and  and <a href=\"a.md\">l</a>.</p>\n"
	if got != want {
		t.Errorf("render without context = %q; want %q", got, want)
	}
}

func TestHeadingIDs(t *testing.T) {
	src := "# Intro\n\n## Intro\n\n## Intro\n\n## Intro-1\n\n## ???\n\n## ???\n\n## Mine {#intro-2}\n"
	doc := New(Options{}).Parse([]byte(src))
	var got []string
	for _, h := range doc.Headings {
		got = append(got, h.ID)
	}
	// A custom id is taken as written, even when it repeats a generated
	// one; the generated ids never repeat each other.
	want := []string{"intro", "intro-1", "intro-2", "intro-1-1", "section", "section-1", "intro-2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("heading ids = %q; want %q", got, want)
	}
}

func TestTermLinks(t *testing.T) {
	tests := []struct {
		src   string
		terms [][2]string // target, label
	}{
		{"[[NPS]]", [][2]string{{"NPS", "NPS"}}},
		{"a [[ Net Promoter Score ]] b", [][2]string{{"Net Promoter Score", "Net Promoter Score"}}},
		{"[[NPS|our score]]", [][2]string{{"NPS", "our score"}}},
		{"[[NPS| ]]", [][2]string{{"NPS", "NPS"}}}, // a blank label is no label
		{"[[a]] and [[b|c]]", [][2]string{{"a", "a"}, {"b", "c"}}},
		{"*[[a]]* and **[[b]]**", [][2]string{{"a", "a"}, {"b", "b"}}},
		{"[[]]", nil},
		{"[[ ]]", nil},
		{"[[|label]]", nil},
		{"[[ | ]]", nil},
		{"[[a", nil},
		{"[[a\nb]]", nil},
		{"[[a[b]]", nil},
		{"`[[code]]`", nil},
		{"```\n[[fenced]]\n```", nil},
		{"[link](x.md) [[t]]", [][2]string{{"t", "t"}}},
		{`\[[not]]`, nil},
		// A link whose text is in brackets, as CommonMark reads it.
		{"see [[1]](notes.md) and [[2]](faq.md#top)", nil},
		{"[[a]] (not a link)", [][2]string{{"a", "a"}}},
	}
	for _, tt := range tests {
		doc := New(Options{}).Parse([]byte(tt.src))
		var got [][2]string
		for _, tl := range doc.Terms {
			got = append(got, [2]string{tl.Target, tl.Label})
			if !bytes.HasPrefix(doc.Source[tl.Offset:], []byte("[[")) {
				t.Errorf("%q: offset %d is not at [[", tt.src, tl.Offset)
			}
		}
		if !reflect.DeepEqual(got, tt.terms) {
			t.Errorf("%q: terms %q; want %q", tt.src, got, tt.terms)
		}
	}
}

func TestParseShortcode(t *testing.T) {
	tests := []struct {
		line     string
		name     string
		args     []string
		named    map[string]string
		err      string
		errAt    int
		consumed int
	}{
		{line: `{{< metric "nps" >}}`, name: "metric", args: []string{"nps"}, consumed: 20},
		{line: `{{<metric "nps">}} rest`, name: "metric", args: []string{"nps"}, consumed: 18},
		{line: `{{< chart nps >}}`, name: "chart", args: []string{"nps"}, consumed: 17},
		{line: `{{< x "a b" c "d\"e" >}}`, name: "x", args: []string{"a b", "c", `d"e`}, consumed: 24},
		{line: `{{< x id="nps" size=large >}}`, name: "x", named: map[string]string{"id": "nps", "size": "large"}, consumed: 29},
		{line: `{{< x "" >}}`, name: "x", args: []string{""}, consumed: 12},
		{line: `{{< metric "nps"`, err: "shortcode is not closed; end it with >}}, as in {{< metric \"nps\" >}} (a call may go on over several lines, but not past an empty one)"},
		{line: `{{< "nps" >}}`, err: `shortcode has no name; write {{< metric "id" >}}, {{< chart "id" >}} or {{< journey "id" >}}`, errAt: 4, consumed: 13},
		{line: `{{< >}}`, err: `shortcode has no name; write {{< metric "id" >}}, {{< chart "id" >}} or {{< journey "id" >}}`, errAt: 4, consumed: 7},
		{line: `{{< metric "nps >}}`, name: "metric", err: `argument opened with " is not closed; close the quotes`, errAt: 11, consumed: 19},
		{line: `{{< metric id= >}}`, name: "metric", err: `argument id= has no value; write id="value"`, errAt: 11, consumed: 18},
		// Quoted text as Hugo's shortcode lexer reads it: a backslash is
		// text, except before a quote; when the text holds \", every
		// backslash is dropped.
		{line: `{{< metric "\q" >}}`, name: "metric", args: []string{`\q`}, consumed: 19},
		{line: `{{< metric id="a\.b" >}}`, name: "metric", named: map[string]string{"id": `a\.b`}, consumed: 24},
		{line: `{{< attachments pattern=".*\.(pdf|mp4)$" >}}`, name: "attachments", named: map[string]string{"pattern": `.*\.(pdf|mp4)$`}, consumed: 44},
		{line: `{{< x "a\\b" "\n" >}}`, name: "x", args: []string{`a\\b`, `\n`}, consumed: 21},
		{line: `{{< x "say \"hi\" \.x" >}}`, name: "x", args: []string{`say "hi" .x`}, consumed: 26},
		{line: `{{< x "a >}}" >}}`, name: "x", args: []string{"a >}}"}, consumed: 17},
		// A slash inside a name is a folder of layouts/shortcodes/, as in Hugo.
		{line: `{{< blocks/cover title="Hi" >}}`, name: "blocks/cover", named: map[string]string{"title": "Hi"}, consumed: 31},
		{line: `{{< a/b/c />}}`, name: "a/b/c", consumed: 14},
		{line: `{{< x path="C:\docs\" >}}`, name: "x", err: `argument opened with " is not closed; close the quotes (a \ right before " makes that quote part of the text, so the text cannot end with \)`, errAt: 11, consumed: 25},
	}
	for _, tt := range tests {
		n := parseShortcode([]byte(tt.line))
		if n.Err != tt.err || n.ErrAt != tt.errAt || n.consumed != tt.consumed {
			t.Errorf("%s: err %q at %d, consumed %d; want %q at %d, consumed %d", tt.line, n.Err, n.ErrAt, n.consumed, tt.err, tt.errAt, tt.consumed)
		}
		if tt.err != "" {
			continue
		}
		if n.Name != tt.name || !reflect.DeepEqual(n.Args, tt.args) || !reflect.DeepEqual(n.Named, tt.named) {
			t.Errorf("%s: name %q args %q named %v; want %q %q %v", tt.line, n.Name, n.Args, n.Named, tt.name, tt.args, tt.named)
		}
	}
}

func TestShortcodesInDoc(t *testing.T) {
	src := "Inline {{< metric \"a\" >}} here.\n\n{{< chart \"b\" >}}\n\n  {{< journey \"c\" >}}  \n\n`{{< metric \"code\" >}}`\n\n{{< metric \"d\"\n"
	doc := New(Options{}).Parse([]byte(src))
	type sc struct {
		name  string
		alone bool
		err   bool
		line  int
	}
	var got []sc
	for _, s := range doc.Shortcodes {
		if !bytes.HasPrefix(doc.Source[s.Offset:], []byte("{{<")) {
			t.Errorf("shortcode %q: offset %d is not at {{<", s.Name, s.Offset)
		}
		got = append(got, sc{s.Name, s.Alone, s.Err != "", bytes.Count(doc.Source[:s.Offset], []byte("\n")) + 1})
	}
	want := []sc{{"metric", false, false, 1}, {"chart", true, false, 3}, {"journey", true, false, 5}, {"", false, true, 9}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shortcodes %+v; want %+v", got, want)
	}
}

func TestLinkOffsets(t *testing.T) {
	src := "# T\n\nSee [a](a.md) and ![i](i.png).\n\n- [nested *b*](b.md#x)\n\n[ref]: r.md\n\nUse [ref].\n"
	doc := New(Options{}).Parse([]byte(src))
	want := []struct {
		dest  string
		line  int
		image bool
	}{{"a.md", 3, false}, {"i.png", 3, true}, {"b.md#x", 5, false}, {"r.md", 9, false}}
	if len(doc.Links) != len(want) {
		t.Fatalf("links %+v; want %d", doc.Links, len(want))
	}
	for i, l := range doc.Links {
		line := bytes.Count(doc.Source[:l.Offset], []byte("\n")) + 1
		if l.Dest != want[i].dest || line != want[i].line || l.Image != want[i].image {
			t.Errorf("link %d: %q at line %d image %v; want %+v", i, l.Dest, line, l.Image, want[i])
		}
	}
}

func TestHighlightCSS(t *testing.T) {
	css := string(HighlightCSS())
	if !strings.Contains(css, ".chroma") || !strings.Contains(css, "@media (prefers-color-scheme: dark)") {
		t.Errorf("HighlightCSS lacks the light or the dark style:\n%.300s", css)
	}
}

// TestTextRuns checks that the text of a line reaches Autolink in one piece
// (goldmark splits it at the line's last space), so that a term of several
// words is seen whole wherever the line ends; soft line breaks, code and
// links still end a run.
func TestTextRuns(t *testing.T) {
	src := "Every customer journey\nends in a customer journey. *The customer journey*\nand `code` then [a link](x) then the end  \nhard break.\n"
	var runs []string
	ctx := runRecorder{runs: &runs}
	e := New(Options{})
	render(t, e, e.Parse([]byte(src)), ctx)
	want := []string{"Every customer journey", "ends in a customer journey. ", "The customer journey", "", "and ", " then ", " then the end", "hard break."}
	if !reflect.DeepEqual(runs, want) {
		t.Errorf("text runs given to Autolink:\n%q\nwant\n%q", runs, want)
	}
}

type runRecorder struct {
	fakeContext
	runs *[]string
}

func (r runRecorder) Autolink(w util.BufWriter, text []byte, offset int, write func(util.BufWriter, []byte)) {
	*r.runs = append(*r.runs, string(text))
	write(w, text)
}

func TestShortcodeInnerContent(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"inline pair", "Press {{< kbd >}}Ctrl **C**{{< /kbd >}} now.\n",
			`<p>Press <shortcode name="kbd" args=[] named="map[]" alone="false" offset="6">Ctrl <strong>C</strong></shortcode name="kbd"> now.</p>`},
		{"percent form", "{{% kbd %}}x{{% /kbd %}}\n",
			`<shortcode name="kbd" args=[] named="map[]" alone="true" offset="0">x</shortcode name="kbd">`},
		{"blocks between tag lines", "{{< note \"Hi\" >}}\nOne.\n\n- two\n{{< /note >}}\nAfter.\n",
			"<shortcode name=\"note\" args=[\"Hi\"] named=\"map[]\" alone=\"false\" offset=\"0\"><p>One.</p>\n<ul>\n<li>two</li>\n</ul>\n</shortcode name=\"note\"><p>After.</p>"},
		{"nested blocks of one name", "{{< note >}}\n{{< note >}}\nIn.\n{{< /note >}}\nOut.\n{{< /note >}}\n",
			"<shortcode name=\"note\" args=[] named=\"map[]\" alone=\"false\" offset=\"0\"><shortcode name=\"note\" args=[] named=\"map[]\" alone=\"false\" offset=\"13\"><p>In.</p>\n</shortcode name=\"note\"><p>Out.</p>\n</shortcode name=\"note\">"},
		{"no closing tag: a call without content", "{{< note >}}\nText.\n",
			`<p><shortcode name="note" args=[] named="map[]" alone="false" offset="0">` + "\nText.</p>"},
		{"self-closing", "{{< note />}}\n", `<shortcode name="note" args=[] named="map[]" alone="true" offset="0">`},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := e.Render(&b, e.Parse([]byte(tt.src)), fakeContext{}); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(b.String()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	doc := e.Parse([]byte("Text {{< /note >}} and {{< chart \"x\" >}}.\n"))
	if len(doc.Shortcodes) != 2 || !doc.Shortcodes[0].Closing || !doc.Shortcodes[1].InParagraph {
		t.Errorf("a stray closing tag and a call in a sentence: got %+v", doc.Shortcodes)
	}
}

// TestEscapedShortcode: a call written with a comment inside its
// delimiters is read as the text of the call, as Hugo shows it.
func TestEscapedShortcode(t *testing.T) {
	for _, tt := range []struct {
		line, shown string
		n           int
	}{
		{`{{</* chart "nps" */>}} after`, `{{< chart "nps" >}}`, 23},
		{`{{%/* note */%}}`, `{{% note %}}`, 16},
		{`{{</* not closed`, "", 0},
		{`{{< chart "nps" >}}`, "", 0},
	} {
		shown, n := escapedShortcode([]byte(tt.line))
		if string(shown) != tt.shown || n != tt.n {
			t.Errorf("escapedShortcode(%q) = %q, %d; want %q, %d", tt.line, shown, n, tt.shown, tt.n)
		}
	}
	if got := unescapeShortcodes("{{</* a */>}} {{%/* b */%}} /* c */"); got != "{{< a >}} {{% b %}} /* c */" {
		t.Errorf("unescapeShortcodes: %q", got)
	}
}

// A shortcode call is marked as inside a link's address in every form of
// address, and not when it only follows a link or an address after a space.
func TestShortcodeInAddress(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"[a](https://e.com/v{{< x >}})", true},
		{"[a]({{< x >}})", true},
		{"[a](<https://e.com/{{< x >}}>)", true},
		{"<https://e.com/{{< x >}}>", true},
		{"see https://e.com/v{{< x >}} now", true},
		{"see (www.e.com/{{< x >}}) now", true},
		{"[ref]: https://e.com/{{< x >}}", true},
		{"  [ref]:  https://e.com/{{< x >}}", true},
		{"see https://e.com/v {{< x >}}", false},
		{"[a](b) {{< x >}}", false},
		{"[a](b){{< x >}}", false},
		{"[{{< x >}}](b)", false},
		{"Note: {{< x >}}", false},
		{"at the end of [a] {{< x >}}", false},
	}
	for _, tt := range tests {
		doc := New(Options{}).Parse([]byte(tt.src + "\n"))
		if len(doc.Shortcodes) != 1 {
			t.Errorf("%s: %d shortcodes; want 1", tt.src, len(doc.Shortcodes))
			continue
		}
		if got := doc.Shortcodes[0].InAddress; got != tt.want {
			t.Errorf("%s: InAddress %v; want %v", tt.src, got, tt.want)
		}
	}
}

// A bare address stops before a shortcode call written right after it, so
// the call is read; a lone { stays in the address.
func TestLinkifyStopsAtCall(t *testing.T) {
	e := New(Options{})
	got := render(t, e, e.Parse([]byte("https://e.com/v{{< x >}} and https://e.com/u/{id}/t\n")), fakeContext{})
	for _, want := range []string{`<a href="https://e.com/v">https://e.com/v</a><shortcode name="x"`, `<a href="https://e.com/u/%7Bid%7D/t">`} {
		if !strings.Contains(got, want) {
			t.Errorf("got %s; want it to hold %s", got, want)
		}
	}
}
