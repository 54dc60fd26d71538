package render

import (
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
		c := newLinkCheck(exists)
		c.add("b/index.html", []byte(tt.page), tt.nav)
		diags := c.verify()
		if len(diags) != len(tt.want) {
			t.Errorf("%s: got %v, want %d messages", tt.name, diags, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.Contains(diags[i].Message, w) {
				t.Errorf("%s: message %d = %q, want it to hold %q", tt.name, i, diags[i].Message, w)
			}
		}
	}
}
