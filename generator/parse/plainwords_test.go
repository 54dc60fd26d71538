package parse

import (
	"strings"
	"testing"
)

// TestPlainWords: each decoder mistake an author makes is told in words an
// HR writer understands, at its line and column, and no decoder jargon
// remains.
func TestPlainWords(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"yaml tab", "---\ntitle: T\n\tdate: 2026-01-02\n---\n", "3:1: a tab; indent YAML with spaces"},
		{"yaml tab inside a list", "---\ntitle: T\ntags:\n\t- a\n---\n", "4:1: a tab; indent YAML with spaces"},
		{"yaml colon in a value", "---\ntitle: Vision: the long view\n---\n", "2:8: invalid YAML: a second colon on this line"},
		{"yaml list out of line", "---\ntitle: T\ntags:\n  - a\n - b\n---\n", "invalid YAML: this line is not lined up with the lines above it"},
		{"yaml unclosed quote", "---\ntitle: \"Our promise\n---\n", `invalid YAML: text opened with " is not closed`},
		{"yaml unclosed single quote", "---\ntitle: 'Our promise\n---\n", `invalid YAML: text opened with ' is not closed`},
		{"yaml key twice", "---\ntitle: A\ntitle: B\n---\n", "invalid YAML: the key title appears twice; keep one of them"},
		{"yaml value starting with @", "---\ntitle: T\nowner: @cx-team\n---\n", "invalid YAML: a value cannot start with @; put the whole value in quotes"},
		{"yaml value starting with a backquote", "---\ntitle: `code`\n---\n", "invalid YAML: a value cannot start with `"},
		{"yaml value starting with *", "---\ntitle: *important*\n---\n", "invalid YAML: a value cannot start with *"},
		{"yaml value starting with %", "---\ntitle: %50 off\n---\n", "invalid YAML: a value cannot start with %"},
		{"yaml unclosed brace", "---\ntitle: {a: b\n---\n", "invalid YAML: a { is not closed"},
		{"toml unquoted text", "+++\ntitle = \"T\"\nowner = Head of CX\n+++\n", `3:9: invalid TOML: a text value must be in "quotes"`},
		{"toml yes for true", "+++\ntitle = \"T\"\ndraft = yes\n+++\n", "3:9: invalid TOML: write true or false (in small letters, without quotes), not yes"},
		{"toml colon for equals", "+++\ntitle: \"T\"\n+++\n", "invalid TOML: between +++ lines front matter is TOML: write key = value, not key: value"},
		{"toml bad date", "+++\ntitle = \"T\"\ndate = 2026-13-01\n+++\n", "invalid TOML: 2026-13-01 is not a date; write dates as 2026-10-14"},
		{"toml bad escape", "+++\ntitle = \"C:\\Users\"\n+++\n", `invalid TOML: '\U' in quoted text is not allowed`},
		{"toml unclosed list", "+++\ntitle = \"T\"\ntags = [\"a\", \"b\"\n+++\n", "invalid TOML: a list opened with [ is not closed"},
		{"toml unclosed table name", "+++\ntitle = \"T\"\n[params\n+++\n", "invalid TOML: a [section] heading is not closed"},
		{"toml blank key", "+++\ntitle = \"T\"\n= 3\n+++\n", "invalid TOML: a value without a key"},
	}
	jargon := []string{"mapping", "token", "context", "top-level item", "EOF", "terminator", "reserved character", "directive"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ReadPage("content/p.md", []byte(tt.src))
			if len(diags) != 1 {
				t.Fatalf("%d diagnostics; want 1:\n%v", len(diags), diags.Err())
			}
			got := diags[0].String()
			if !strings.Contains(got, tt.want) {
				t.Errorf("got  %s\nwant it to contain %q", got, tt.want)
			}
			for _, j := range jargon {
				if strings.Contains(got, j) {
					t.Errorf("%s\nuses the decoder's word %q", got, j)
				}
			}
		})
	}
}

// TestPlainWordsUnknownMessage: a message no rule knows still gets a
// sentence, and keeps the decoder's words after it for whoever helps.
func TestPlainWordsUnknownMessage(t *testing.T) {
	got := plainYAML("something new went wrong")
	if !strings.HasPrefix(got, "YAML could not read this line") || !strings.Contains(got, "(the reader says: something new went wrong)") {
		t.Errorf("plainYAML = %q", got)
	}
	if got := plainTOML("odd."); !strings.Contains(got, `text needs "quotes"`) || !strings.HasSuffix(got, "(the reader says: odd)") {
		t.Errorf("plainTOML = %q", got)
	}
}

// FuzzPlainWords: any message, however odd, gets a sentence and no panic.
func FuzzPlainWords(f *testing.F) {
	for _, r := range append(append([]plainRule{}, yamlRules...), tomlRules...) {
		f.Add(r.match.String())
	}
	f.Add(`mapping key "" already defined`)
	f.Add(`'' is a reserved character`)
	f.Fuzz(func(t *testing.T, msg string) {
		if plainYAML(msg) == "" || plainTOML(msg) == "" {
			t.Fatalf("no sentence for %q", msg)
		}
	})
}
