package pipeline

import (
	"testing"

	"github.com/shiftbook/shiftbook/generator/parse"
)

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

// TestShareUnlisted: a translation that writes no key for it is unlisted
// as its original is; one that writes one (unlisted, or hidden…) has its
// own, either way.
func TestShareUnlisted(t *testing.T) {
	for _, tt := range []struct {
		name               string
		translation        parse.FrontMatter
		original, unlisted bool
	}{
		{"writes none, original unlisted", parse.FrontMatter{}, true, true},
		{"writes none, original listed", parse.FrontMatter{}, false, false},
		{"lists itself", parse.FrontMatter{UnlistedKey: "unlisted"}, true, false},
		{"unlists itself", parse.FrontMatter{Unlisted: true, UnlistedKey: "hidden"}, false, true},
	} {
		fm := tt.translation
		shareUnlisted(&fm, &parse.FrontMatter{Unlisted: tt.original})
		if fm.Unlisted != tt.unlisted {
			t.Errorf("%s: unlisted %v, want %v", tt.name, fm.Unlisted, tt.unlisted)
		}
	}
}
