package parse

import (
	"bytes"
	"testing"
)

// FuzzTranslation shares pages the fuzzer writes, one the translation of
// the other, and starts translations of them (new --lang): neither ever
// panics, and a stub of front matter that reads still reads, keeping the
// page's text.
func FuzzTranslation(f *testing.F) {
	for _, s := range [][2]string{
		{"+++\ntitle = \"A\"\nmetric = \"nps\"\ntarget = 40\n+++\nText.\n", "+++\ntitle = \"B\"\ntarget = 45\n+++\nTekst.\n"},
		{"+++\ntitle = \"S\"\n[[stages]]\nname = \"A\"\nfeeling = 0\nsurveys = [{ metric = \"nps\", when = \"day 1\" }]\n+++\n", "---\ntitle: Z\nstages:\n  - name: B\n  - name: C\n---\n"},
		{"---\ntitle: M\nmilestones:\n  - name: A\n    due: 2026-01-01\n---\n", "+++\ntitle = \"K\"\n[[milestones]]\nname = \"B\"\ndue = \"soon\"\n+++\n"},
		{"+++\nsurvey = { question = \"Q\" }\nbaseline = { date = 2026-01-31, value = 12 }\n+++\n", "+++\nsurvey = \"Q\"\nbaseline = 3\n+++\n"},
	} {
		f.Add([]byte(s[0]), []byte(s[1]))
	}
	opts := PageOptions{Language: "en", Languages: []string{"en", "nl"}}
	f.Fuzz(func(t *testing.T, original, translation []byte) {
		o, _ := ReadPageWith("content/p.md", original, opts)
		tr, _ := ReadPageWith("content/p.nl.md", translation, translationOptions)
		if o != nil && tr != nil {
			ShareOriginal("content/p.nl.md", tr, o)
			for line := -1; line < 5; line++ {
				tr.AboutShared(line, line%2 == 0)
			}
		}
		stub, _ := TranslationStub("content/p.md", original)
		if stub == nil || o == nil || o.Meta.NoFrontMatter {
			return
		}
		if _, diags := ReadPage("content/p.md", original); diags.HasErrors() {
			return
		}
		page := append(stub, o.Body...)
		p, diags := ReadPageWith("content/p.nl.md", page, translationOptions)
		for _, d := range diags {
			if bytes.HasPrefix([]byte(d.Message), []byte("invalid ")) {
				t.Fatalf("the stub of a page that reads does not:\n%s\n%v", page, d)
			}
		}
		if p != nil && !bytes.Equal(p.Body, o.Body) {
			t.Fatalf("the stub's text %q is not the page's %q", p.Body, o.Body)
		}
	})
}
