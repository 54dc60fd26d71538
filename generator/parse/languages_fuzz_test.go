package parse

import (
	"testing"
)

// FuzzConfigLanguages reads site.toml files with a [languages] table the
// fuzzer writes: reading never panics, every diagnostic is at site.toml,
// and the languages read have distinct codes, a name and a direction.
func FuzzConfigLanguages(f *testing.F) {
	for _, s := range []string{
		"[languages.en]\n[languages.nl]\nname = \"Nederlands\"\n",
		"[languages.nl]\norder = 2\n[languages.en]\norder = 1\n",
		"language = \"nl\"\n[languages.en]\n[languages.ar]\ndirection = \"rtl\"\n",
		"[languages]\nnl = \"x\"\n",
		"[languages.pt-BR]\nname = \"\"\norder = \"first\"\n",
		"[languages.dutch_nl]\n[languages.zh-Hans]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, diags := ReadConfig(src)
		for _, d := range diags {
			if d.Path != "site.toml" {
				t.Fatalf("a diagnostic not at site.toml: %v", d)
			}
		}
		codes := map[string]bool{}
		for _, l := range cfg.Languages {
			if codes[l.Code] {
				t.Fatalf("language %q read twice", l.Code)
			}
			codes[l.Code] = true
			if l.Name == "" || (l.Direction != "ltr" && l.Direction != "rtl") {
				t.Fatalf("language %q: name %q, direction %q", l.Code, l.Name, l.Direction)
			}
		}
	})
}
