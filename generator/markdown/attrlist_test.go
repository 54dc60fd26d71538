package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestAttrLists renders MkDocs attribute lists: what each becomes in the
// HTML, and what is said about the rest.
func TestAttrLists(t *testing.T) {
	tests := []struct {
		name, src, want string
		problems        string // "problem name count@offset" each, space-separated
	}{
		{"button", "[Go](x.md){ .md-button }", `<p><a href="/resolved/x.md" class="button">Go</a></p>` + "\n", ""},
		{"primary button", "[Go](x.md){: .md-button .md-button--primary }", `<p><a href="/resolved/x.md" class="button">Go</a></p>` + "\n", ""},
		{"class elsewhere", "[Go](x.md){.wide} and **b**{ .md-button }", `<p><a href="/resolved/x.md">Go</a> and <strong>b</strong></p>` + "\n", "class .wide 2@10"},
		{"lazy picture", "![Map](a.png){ loading=lazy }", `<p><img src="/resolved/a.png" alt="Map" loading="lazy"></p>` + "\n", ""},
		{"width", `![Map](a.png){ width="300" height=200px }`, `<p><img src="/resolved/a.png" alt="Map" width="300" height="200" loading="lazy"></p>` + "\n", ""},
		{"width not pixels", `![Map](a.png){ width="50%" }`, `<p><img src="/resolved/a.png" alt="Map" loading="lazy"></p>` + "\n", `size width="50%" 1@13`},
		{"strong id", "**x**{ #key }", `<p><strong id="key">x</strong></p>` + "\n", ""},
		{"em and code ids", "*x*{#a} `y`{#b}", `<p><em id="a">x</em> <code id="b">y</code></p>` + "\n", ""},
		{"image id", "![x](a.png){#pic}", `<p><img src="/resolved/a.png" alt="x" id="pic" loading="lazy"></p>` + "\n", ""},
		{"new tab", `[Go](https://example.com){:target="_blank"}`, `<p><a href="/resolved/https://example.com" target="_blank" rel="noopener">Go</a></p>` + "\n", ""},
		{"scripts never", `[Go](x.md){ onclick="alert(1)" style="color:red" .md-button }`, `<p><a href="/resolved/x.md" class="button">Go</a></p>` + "\n", "unsafe onclick 1@10 unsafe style 1@10"},
		{"other attribute", `![x](a.png){ align=left }`, `<p><img src="/resolved/a.png" alt="x" loading="lazy"></p>` + "\n", "unknown align 1@11"},
		{"heading", "## Day one { #day-1 }\n", `<h2 id="day-1">Day one<a class="anchor" href="#day-1" aria-label="Link to this section">#</a></h2>` + "\n", ""},
		{"heading colon", "## Day one {: #day-1 .big }\n", `<h2 id="day-1">Day one<a class="anchor" href="#day-1" aria-label="Link to this section">#</a></h2>` + "\n", "class .big 1@11"},
		{"heading closed", "## Day one {#d} ##\n", `<h2 id="d">Day one<a class="anchor" href="#d" aria-label="Link to this section">#</a></h2>` + "\n", ""},
		{"setext heading", "Day one {#d}\n---\n", `<h2 id="d">Day one<a class="anchor" href="#d" aria-label="Link to this section">#</a></h2>` + "\n", ""},
		{"heading classes only", "## Day one { .big }\n", `<h2 id="day-one">Day one<a class="anchor" href="#day-one" aria-label="Link to this section">#</a></h2>` + "\n", "class .big 1@11"},
		{"paragraph", "A paragraph\nof two lines.\n{: #p .lead }\n", "<p id=\"p\">A paragraph\nof two lines.</p>\n", "class .lead 1@26"},
		{"tight list item", "- one\n  {: #first }\n- two\n", "<ul>\n<li id=\"first\">one</li>\n<li>two</li>\n</ul>\n", ""},
		{"alone", "Text.\n\n{: .note }\n\nMore.\n", "<p>Text.</p>\n<p>More.</p>\n", "alone  1@7"},
		{"link in paragraph end", "Start\n[Go](x.md){ .md-button }\n", "<p>Start\n<a href=\"/resolved/x.md\" class=\"button\">Go</a></p>\n", ""},
		{"soft break kept", "[a](x){#i}\nb", "<p><a href=\"/resolved/x\" id=\"i\">a</a>\nb</p>\n", ""},
		{"inside a link", "[![x](a.png){ width=40 }](b.md)", `<p><a href="/resolved/b.md"><img src="/resolved/a.png" alt="x" width="40" loading="lazy"></a></p>` + "\n", ""},
		{"book prefix", "**x**{ #key }", `<p><strong id="b1-key">x</strong></p>` + "\n", ""},

		// Not attribute lists, or not where one stands: kept as written.
		{"prose", "Each {n} and {{ x }} and {\"a\": 1} and { a }.", "<p>Each {n} and {{ x }} and {&quot;a&quot;: 1} and { a }.</p>\n", ""},
		{"after a space", "[Go](x.md) { .md-button }", "<p><a href=\"/resolved/x.md\">Go</a> { .md-button }</p>\n", ""},
		{"after text", "word{#id} and word {#id} here", "<p>word{#id} and word {#id} here</p>\n", ""},
		{"end of a line of text", "Some text {: .lead }\n", "<p>Some text {: .lead }</p>\n", ""},
		{"mid heading", "## A {#x} b\n", `<h2 id="a-x-b">A {#x} b<a class="anchor" href="#a-x-b" aria-label="Link to this section">#</a></h2>` + "\n", ""},
		{"code span", "`[a](b){.x}` and `**c**{#d}`", "<p><code>[a](b){.x}</code> and <code>**c**{#d}</code></p>\n", ""},
		{"code block", "```\n[Go](x){ .md-button }\n## T {#t}\n```\n", "", ""},
		{"unclosed", "[Go](x){ .md-button", "<p><a href=\"/resolved/x\">Go</a>{ .md-button</p>\n", ""},
		{"escaped", `[Go](x)\{ .md-button }`, "<p><a href=\"/resolved/x\">Go</a>{ .md-button }</p>\n", ""},
		{"no emphasis", "a**{#x}", "<p>a**{#x}</p>\n", ""},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := e.Parse([]byte(tt.src))
			ctx := fakeContext{}
			if tt.name == "book prefix" {
				ctx.prefix = "b1-"
			}
			got := render(t, e, doc, ctx)
			if tt.name == "code block" {
				if !strings.Contains(got, "md-button") || !strings.Contains(got, "{#t}") {
					t.Errorf("a code block lost its text: %s", got)
				}
			} else if got != tt.want {
				t.Errorf("%q renders\n%s\nwant\n%s", tt.src, got, tt.want)
			}
			var probs []string
			for _, p := range doc.Attrs {
				probs = append(probs, fmt.Sprintf("%s %s %d@%d", p.Problem, p.Name, p.Count, p.Offset))
			}
			if got := strings.Join(probs, " "); got != tt.problems {
				t.Errorf("%q problems = %q; want %q", tt.src, got, tt.problems)
			}
		})
	}
}

// TestAttrListIDs checks that ids given by attribute lists are ids of
// the page, which links may point at, and headings' are its headings'.
func TestAttrListIDs(t *testing.T) {
	doc := New(Options{}).Parse([]byte("## Steps {: #steps }\n\n**Owner**{ #owner } and ![m](m.png){#map}\n\nText\n{: #para }\n"))
	for _, id := range []string{"steps", "owner", "map", "para"} {
		if !doc.IDs[id] {
			t.Errorf("id %q is not among the page's ids %v", id, doc.IDs)
		}
	}
	if len(doc.Headings) != 1 || doc.Headings[0].ID != "steps" || doc.Headings[0].Text != "Steps" {
		t.Errorf("headings = %+v; want one, Steps, #steps", doc.Headings)
	}
	if txt := doc.Text(); strings.Contains(txt, "{") {
		t.Errorf("the page's text holds an attribute list: %q", txt)
	}
}
