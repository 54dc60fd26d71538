package link

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// FuzzResolve resolves a fuzzed page in a small site with definitions, a
// metric and a journey. Invariants: no panic, and every diagnostic about
// the page is at a line and column that exist in its file.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"P\"\n+++\nA customer journey and [[NPS]] and [[Nope]].\n",
		"+++\ntitle = \"P\"\n+++\n{{< metric \"nps\" >}} {{< chart \"x\" >}} {{< journey \"onboarding\" >}} {{< nope >}} {{< metric\n",
		"+++\ntitle = \"P\"\n+++\n[a](other.md) [b](#x) [c](../nowhere/) ![d](i.png) [e](/glossary/#term-x)\n",
		"---\ntitle: P\n---\n## H\n[h](#h) [[customer|label]]\n",
		"+++\ntitle = \"P\"\nslug = \"other\"\n+++\n",
		"+++\ntitle = \"J\"\npersona = \"p\"\n[[stages]]\nname = \"s\"\nfeeling = 1\nmetrics = [\"nps\", \"x\"]\n+++\n",
		"# Title\n\nNo front matter: [a](Other.md) [b](../other/) [[customers]] [[!NPS]] Customer Effort Week.\n",
		"---\naliases: [/other/, /old/, old]\n---\n## Only h2\n{{< note >}}\nx\n{{< /note >}} {{< /nope >}} {{% k %}}y{{% /k %}}\n",
	} {
		f.Add([]byte(s))
	}
	md := markdown.New(markdown.Options{})
	fixed := map[string]string{
		"content/_index.md":                      "+++\ntitle = \"Home\"\n+++\n",
		"content/other.md":                       "+++\ntitle = \"Other\"\n+++\n## Section\n",
		"content/definitions/customer.md":        "+++\ntitle = \"Customer\"\nsummary = \"s\"\n+++\n",
		"content/definitions/nps.md":             "+++\ntitle = \"Net Promoter Score\"\nabbr = \"NPS\"\n+++\n",
		"content/metrics/nps.md":                 "+++\ntitle = \"NPS\"\nmetric = \"nps\"\ndirection = \"up\"\n+++\n",
		"content/journeys/onboarding.md":         "+++\ntitle = \"O\"\npersona = \"p\"\n[[stages]]\nname = \"s\"\nfeeling = 0\n+++\n",
		"content/definitions/customer-effort.md": "+++\ntitle = \"Customer effort\"\n+++\n",
		"content/vision/README.md":               "# Vision\n",
	}
	var base []Input
	for p, src := range fixed {
		page, diags := parse.ReadPage(p, []byte(src))
		if len(diags) > 0 {
			f.Fatal(diags.Err())
		}
		base = append(base, Input{Page: page})
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// As a plain page and as a journey, whose front matter the link
		// stage checks further.
		for _, path := range []string{"content/vision/fuzz.md", "content/journeys/fuzz.md"} {
			page, diags := parse.ReadPage(path, src)
			if page == nil || len(diags) > 0 {
				return // the front matter parser has its own fuzz target
			}
			inputs := append(append([]Input(nil), base...), Input{Page: page})
			_, _, diags = Resolve(parse.DefaultConfig(), inputs, nil, Files{}, testNow, md, nil)
			lines := bytes.Count(src, []byte("\n")) + 1
			for _, d := range diags {
				if d.Path == path {
					checkPosition(t, d, src, lines)
				}
			}
		}
	})
}

func checkPosition(t *testing.T, d diag.Diagnostic, src []byte, lines int) {
	t.Helper()
	if d.Line < 0 || d.Line > lines {
		t.Fatalf("%v: line %d outside the file's %d lines", d, d.Line, lines)
	}
	if d.Line == 0 {
		return
	}
	start := diag.OffsetOf(src, d.Line, 1)
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	if width := len([]rune(string(src[start : start+end]))); d.Col < 0 || d.Col > width+1 {
		t.Fatalf("%v: column %d outside line %d, %d characters long", d, d.Col, d.Line, width)
	}
}

// matchReference is match as its comment says, with no shortcut: at every
// rune that starts a word, take the longest term there.
func (t *Terms) matchReference(text []byte) []TermMatch {
	var out []TermMatch
	prev := ' '
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if !isWordRune(prev) && isWordRune(r) {
			if end, def := t.longest(text, i); def != nil {
				out = append(out, TermMatch{Start: i, End: end, Def: def})
				prev, _ = utf8.DecodeLastRune(text[:end])
				i = end
				continue
			}
		}
		prev = r
		i += size
	}
	return out
}

// FuzzTermsMatch checks the fast matcher against matchReference.
func FuzzTermsMatch(f *testing.F) {
	for _, s := range []string{
		"a customer journey, customers' journeys and the NPS's CX",
		"Été customer-centric customer_id CXs nps",
		"customer effort score and CUSTOMER EFFORT",
		"\xffcustomer \xe2\x80\x94customer\u00a0experience",
		"x-customer 'customer' customer'",
	} {
		f.Add(s)
	}
	files := vocabulary()
	// Terms that start with a letter outside ASCII or hold a hyphen.
	files["content/definitions/ete.md"] = "+++\ntitle = \"Été\"\nsynonyms = [\"x-files\"]\n+++\n"
	s, diags := resolveFiles(f, files)
	if len(diags) > 0 {
		f.Fatal(diags.Err())
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := s.Terms.match([]byte(text)), s.Terms.matchReference([]byte(text))
		if !slices.Equal(got, want) {
			t.Errorf("match(%q) = %v; want %v", text, got, want)
		}
	})
}

// FuzzFoldSpace checks foldSpace against what it stands for.
func FuzzFoldSpace(f *testing.F) {
	for _, s := range []string{"", "  a  b\n\tc ", "\u00a0x\u2003y\u3000", "\xff \xfe", "日本 語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("foldSpace(%q) = %q; want %q", s, got, want)
		}
	})
}
