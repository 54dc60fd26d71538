package render

import (
	"path"
	"strings"
	"testing"
)

// The output check reads every reference of a page but those of the
// navigation it was given, which nav.go makes from the site's own pages.
func TestLinkCheckSkipsOnlyTheNavigation(t *testing.T) {
	exists := func(p string) bool { return p == "a/" || p == "a/index.html" || p == "index.html" || p == "" }
	nav := navOpen + `<li><a href="../nav-only/">N</a></li></ul>`
	tests := []struct {
		name, page, nav string
		want            []string // substrings of the messages, in order
	}{
		{"nav skipped", `<p><a href="../a/">a</a></p>` + nav + `<a href="../gone/">x</a><h2 id="h">H</h2><a href="#h">h</a>`, nav,
			[]string{`broken link "../gone/"`}},
		{"nav not given", `<p>` + nav + `</p>`, "", []string{`broken link "../nav-only/"`}},
		{"nav given but not on the page", `<a href="../nav-only/">x</a>`, nav, []string{`broken link "../nav-only/"`}},
		{"before the nav too", `<a href="../gone/">x</a>` + nav + `<a href="#nope">y</a>`, nav,
			[]string{`broken link "../gone/"`, `broken anchor "#nope"`}},
		{"a nav-like list elsewhere", navOpen + `<li><a href="../elsewhere/">E</a></li></ul>` + nav, nav, []string{`broken link "../elsewhere/"`}},
	}
	for _, tt := range tests {
		checkPage(t, tt.name, exists, tt.page, tt.nav, tt.want)
	}
}

// checkPage runs the output check over one page at b/index.html and
// compares its messages with want (substrings, in order).
func checkPage(t *testing.T, name string, exists func(string) bool, page, nav string, want []string) {
	t.Helper()
	c := newLinkCheck(exists)
	c.add("b/index.html", []byte(page), nav)
	diags := c.verify()
	if len(diags) != len(want) {
		t.Errorf("%s: got %v, want %d messages", name, diags, len(want))
		return
	}
	for i, w := range want {
		if !strings.Contains(diags[i].Message, w) {
			t.Errorf("%s: message %d = %q, want it to hold %q", name, i, diags[i].Message, w)
		}
	}
}

// The check reads the page as HTML: text that looks like an attribute is
// text, and real attributes are read however they are quoted, with their
// entities decoded.
func TestLinkCheckReadsHTML(t *testing.T) {
	exists := func(p string) bool { return p == "a/" || p == "a/index.html" || p == "a b/" || p == "" }
	tests := []struct {
		name, page string
		want       []string // substrings of the messages, in order
	}{
		{"code span showing a tag, minified", `<p><code>&lt;img src="chart.png"></code> and <code>&lt;a href="x"&gt;</code></p>`, nil},
		{"text with a quote and an equals sign", `<p>set href="nowhere" in the file</p>`, nil},
		{"a comment", `<!-- <a href="../gone/"> -->`, nil},
		{"script text", `<script>var s = ' src="x.js"';</script>`, nil},
		{"single quotes", `<a href='../gone/'>x</a>`, []string{`broken link "../gone/"`}},
		{"no quotes", `<img src=../missing.png alt=x>`, []string{`broken link "../missing.png"`}},
		{"upper case name", `<A HREF="../gone/">x</A>`, []string{`broken link "../gone/"`}},
		{"entities decoded", `<a href="../a&#32;b/">ok</a><a href="../gone&amp;/">x</a>`, []string{`broken link "../gone&/"`}},
		{"id with an entity", `<h2 id="a&amp;b">H</h2><a href="#a&amp;b">h</a>`, nil},
		{"broken anchor", `<h2 id="h">H</h2><a href="#nope">h</a>`, []string{`broken anchor "#nope"`}},
		{"duplicate id", `<h2 id="h">H</h2><p id='h'>x</p>`, []string{`id "h" appears twice`}},
	}
	for _, tt := range tests {
		checkPage(t, tt.name, exists, tt.page, "", tt.want)
	}
}

func FuzzLinkCheck(f *testing.F) {
	f.Add([]byte(`<a href="../a/">a</a><h2 id="x">x</h2><a href="#x">`))
	f.Add([]byte(`<code><img src="chart.png"></code><a href='#y' id=y>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		c := newLinkCheck(func(string) bool { return false })
		c.add("b/index.html", page, "")
		c.verify()
	})
}

func TestMayHoldRef(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want bool
	}{
		{`<a href="x">`, true}, {`<A HREF=x>`, true}, {`<img src='x'>`, true}, {`<h2 id="a">`, true},
		{`<p class="a"id="b">`, true}, {`<input id>`, true}, {`<a href = "x">`, true}, {"<a\nhref=x>", true},
		{`<span class="sidebar">`, false}, {`<span aria-hidden="true">`, false}, {`<img width="3">`, false},
		{`<p>`, false}, {`<span class="line">`, false}, {`<a data-href="x">`, false}, {`<video srcset="a">`, false},
	} {
		if got := mayHoldRef([]byte(tc.tag)); got != tc.want {
			t.Errorf("mayHoldRef(%q) = %v, want %v", tc.tag, got, tc.want)
		}
	}
}

// TestFromRoot: the quick reading of a reference that climbs (all the way
// to the site root, or into a language's tree) names the file the general
// reading (path.Join from the page's folder) names, and declines what it
// does not follow.
func TestFromRoot(t *testing.T) {
	tests := []struct {
		page, ref, want string
		ok              bool
	}{
		{"metrics/nps/index.html", "../../vision/", "vision/", true},
		{"metrics/nps/index.html", "../../", "", true},
		{"nl/metrics/nps/index.html", "../../../vision/", "vision/", true},
		{"nl/metrics/nps/index.html", "../../vision/", "nl/vision/", true},
		{"nl/metrics/nps/index.html", "../../", "nl/", true},
		{"nl/metrics/nps/index.html", "../", "nl/metrics/", true},
		{"nl/metrics/nps/index.html", "../css/site.css", "nl/metrics/css/site.css", true},
		{"index.html", "vision/", "vision/", true},
		{"index.html", "./vision/", "vision/", true},
		{"nl/metrics/nps/index.html", "vision/", "", false},
		{"nl/metrics/nps/index.html", "", "", false},
		{"nl/metrics/nps/index.html", "../../a/../b/", "", false},
		{"nl/metrics/nps/index.html", "../.././b/", "", false},
		{"nl/metrics/nps/index.html", "../..//b/", "", false},
		{"nl/metrics/nps/index.html", "../../../../b/", "", false},
	}
	for _, tt := range tests {
		got, ok := fromRoot(tt.page, tt.ref)
		if got != tt.want || ok != tt.ok {
			t.Errorf("fromRoot(%q, %q) = %q, %v; want %q, %v", tt.page, tt.ref, got, ok, tt.want, tt.ok)
		}
		if !ok {
			continue
		}
		slow := path.Join(path.Dir(tt.page), tt.ref)
		if strings.HasSuffix(tt.ref, "/") || tt.ref == "." {
			slow += "/index.html"
		}
		if indexOf(got) != strings.TrimPrefix(slow, "./") {
			t.Errorf("fromRoot(%q, %q) names %s; path.Join names %s", tt.page, tt.ref, indexOf(got), slow)
		}
	}
}
