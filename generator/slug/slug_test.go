package slug

import (
	"path"
	"testing"

	_ "github.com/shiftbook/shiftbook/generator/internal/testfiles" // accepts -update
)

func TestPageURL(t *testing.T) {
	tests := []struct {
		file, slug, want string
	}{
		{"content/_index.md", "", "/"},
		{"content/index.md", "", "/"},
		{"content/about.md", "", "/about/"},
		{"content/vision/_index.md", "", "/vision/"},
		{"content/vision/index.md", "", "/vision/"},
		{"content/vision/promise.md", "", "/vision/promise/"},
		{"content/vision/promise.MD", "", "/vision/promise/"},
		{"content/a/b/c/d.md", "", "/a/b/c/d/"},
		{"content/Our Story.md", "", "/our-story/"},
		{"content/Focus Areas/Feel  Good.md", "", "/focus-areas/feel-good/"},
		{"content/vision/promise.md", "our-promise", "/vision/our-promise/"},
		{"content/promise.md", "Our Promise", "/our-promise/"},
		{"content/vision/_index.md", "other", "/vision/"}, // a slug does not move a section
		{"content/_index.md", "home", "/"},
		{"content/guide/README.md", "", "/guide/"},
		{"content/FAQ #2?.md", "", "/faq-2/"},
		{"content/100% rollout.md", "", "/100-rollout/"},
	}
	for _, tt := range tests {
		section := map[string]bool{"_index.md": true, "index.md": true, "README.md": true}[path.Base(tt.file)]
		if got := PageURL(tt.file, tt.slug, section); got != tt.want {
			t.Errorf("PageURL(%q, %q) = %q; want %q", tt.file, tt.slug, got, tt.want)
		}
	}
}

func TestID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Days 1 to 30", "days-1-to-30"},
		{"  Our Promise  ", "our-promise"},
		{"What we never tolerate!", "what-we-never-tolerate"},
		{"Été à Paris", "été-à-paris"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case"},
		{"C++ & C#", "c--c"},
		{"Tabs\tand  spaces", "tabs-and--spaces"},
		{"???", ""},
	}
	for _, tt := range tests {
		if got := ID(tt.in); got != tt.want {
			t.Errorf("ID(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFile(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Customer's first bill", "customers-first-bill"},
		{"  Net Promoter  Score ", "net-promoter-score"},
		{"Q&A: 2027?", "q-a-2027"},
		{"Été à Paris", "été-à-paris"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := File(tt.in); got != tt.want {
			t.Errorf("File(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
