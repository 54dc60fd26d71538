package parse

import (
	"slices"
	"testing"
)

// TestUnlisted: unlisted = true, and the keys other tools write for it
// (Hugo's learn and relearn themes' hidden, hugo-book's bookHidden,
// Docsy's toc_hide, in any letter case), leave the page out of the
// navigation, without a word; two that disagree are an error at the
// later one, a value that is not true or false an error at its key.
func TestUnlisted(t *testing.T) {
	const P = "content/a.md:"
	tests := []struct {
		name     string
		src      string
		unlisted bool
		key      string // UnlistedKey
		diags    []string
	}{
		{"not written", "+++\ntitle = \"T\"\n+++\n", false, "", nil},
		{"unlisted", "+++\ntitle = \"T\"\nunlisted = true\n+++\n", true, "unlisted", nil},
		{"unlisted false", "+++\ntitle = \"T\"\nunlisted = false\n+++\n", false, "unlisted", nil},
		{"Docusaurus's unlisted", "---\ntitle: T\nunlisted: true\n---\n", true, "unlisted", nil},
		{"Hugo learn's hidden", "---\ntitle: T\nhidden: true\n---\n", true, "hidden", nil},
		{"hidden false", "---\ntitle: T\nhidden: false\n---\n", false, "hidden", nil},
		{"hugo-book's bookHidden", "---\ntitle: T\nbookHidden: true\n---\n", true, "bookHidden", nil},
		{"bookhidden in lower case", "+++\ntitle = \"T\"\nbookhidden = true\n+++\n", true, "bookhidden", nil},
		{"Docsy's toc_hide", "---\ntitle: T\ntoc_hide: true\n---\n", true, "toc_hide", nil},
		{"two that agree", "---\ntitle: T\nhidden: true\ntoc_hide: true\n---\n", true, "hidden", nil},
		{"two that disagree", "---\ntitle: T\nunlisted: false\nhidden: true\n---\n", true, "hidden",
			[]string{P + "4:1: unlisted and hidden disagree about leaving the page out of the navigation; keep one"}},
		{"two that disagree, the other way round", "---\ntitle: T\nhidden: true\nunlisted: false\n---\n", true, "hidden",
			[]string{P + "4:1: hidden and unlisted disagree about leaving the page out of the navigation; keep one"}},
		{"not true or false", "+++\ntitle = \"T\"\nunlisted = \"yes\"\n+++\n", false, "",
			[]string{P + `3:1: unlisted must be true or false, not the text "yes"`}},
		{"bookHidden not true or false", "---\ntitle: T\nbookHidden: 1\n---\n", false, "",
			[]string{P + "3:1: bookHidden must be true or false, not the number 1"}},
		{"misspelt", "+++\ntitle = \"T\"\nunlistd = true\n+++\n", false, "",
			[]string{P + `3:1: unknown front matter key "unlistd": did you mean "unlisted"?`}},
		{"a draft too", "+++\ntitle = \"T\"\ndraft = true\nunlisted = true\n+++\n", true, "unlisted", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage("content/a.md", []byte(tt.src))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.diags) {
				t.Errorf("diagnostics\n%q\nwant\n%q", got, tt.diags)
			}
			if p.Meta.Unlisted != tt.unlisted || p.Meta.UnlistedKey != tt.key {
				t.Errorf("Unlisted %v by %q, want %v by %q", p.Meta.Unlisted, p.Meta.UnlistedKey, tt.unlisted, tt.key)
			}
		})
	}
}
