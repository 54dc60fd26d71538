package pipeline

import "testing"

func TestReplacePath(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"defined by content/a.md; remove it", "defined by content/a.nl.md; remove it"},
		{"defined by content/a.md", "defined by content/a.nl.md"},
		{"content/a.md and content/a.md, twice", "content/a.nl.md and content/a.nl.md, twice"},
		{"see content/a.md.bak or content/a.mdx", "see content/a.md.bak or content/a.mdx"},
		{"(content/a.md)", "(content/a.nl.md)"},
		{"nothing here", "nothing here"},
	} {
		if got := replacePath(tc.msg, "content/a.md", "content/a.nl.md"); got != tc.want {
			t.Errorf("replacePath(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}
