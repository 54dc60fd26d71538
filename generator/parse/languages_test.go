package parse

import (
	"fmt"
	"strings"
	"testing"
)

func TestConfigLanguages(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the languages read, "code name dir" joined by ", "
		diag      string // the start of the first diagnostic; "" for none
	}{
		{"none", `title = "T"`, "", ""},
		{"order decides the default", "[languages.nl]\nname = \"Nederlands\"\norder = 2\n[languages.en]\nname = \"English\"\norder = 1\n",
			"en English ltr, nl Nederlands ltr", ""},
		{"file order without order", "[languages.de]\n[languages.en]\n", "de Deutsch ltr, en English ltr", ""},
		{"with order before without", "[languages.de]\n[languages.fr]\norder = 1\n", "fr français ltr, de Deutsch ltr", ""},
		{"name from CLDR", "[languages.nl]\n", "nl Nederlands ltr", ""},
		{"rtl from the script", "[languages.en]\n[languages.ar]\n", "en English ltr, ar العربية rtl", ""},
		{"direction written", "[languages.en]\n[languages.he]\ndirection = \"rtl\"\n", "en English ltr, he עברית rtl", ""},
		{"language agrees", "language = \"en\"\n[languages.en]\n[languages.nl]\n", "en English ltr, nl Nederlands ltr", ""},
		{"bad direction", "[languages.en]\ndirection = \"rtf\"\n", "en English ltr",
			`site.toml:2:13: languages.en.direction "rtf" is not a direction: did you mean "rtl"?`},
		{"unknown key", "[languages.nl]\nnmae = \"Nederlands\"\n", "nl Nederlands ltr",
			`site.toml:2:1: unknown key "nmae" in [languages.nl] of site.toml: did you mean "name"?`},
		{"not a tag", "[languages.dutch_nl]\n", "",
			`site.toml:1:1: [languages.dutch_nl] is not named by a language tag`},
		{"same order", "[languages.en]\norder = 1\n[languages.nl]\norder = 1\n", "en English ltr, nl Nederlands ltr",
			`site.toml:4:9: languages.nl.order is 1, as is languages.en.order`},
		{"empty name", "[languages.nl]\nname = \"\"\n", "nl Nederlands ltr",
			`site.toml:2:8: languages.nl.name is empty`},
		{"order of the wrong type", "[languages.nl]\norder = \"first\"\n", "",
			`site.toml:2:1: languages.nl.order must be a whole number such as 30, not the text "first"`},
		{"not a table", "[languages]\nnl = \"Nederlands\"\n", "",
			`site.toml:2:1: languages.nl must be a table`},
		{"language disagrees", "language = \"nl\"\n[languages.en]\n[languages.nl]\n", "en English ltr, nl Nederlands ltr",
			`site.toml:1:12: language is "nl", but the first of [languages] is "en"; give [languages.nl] the lowest order`},
		{"language not among them", "language = \"de\"\n[languages.en]\n", "en English ltr",
			`site.toml:1:12: language is "de", but the first of [languages] is "en"; remove language`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := ReadConfig([]byte(tt.src))
			var got []string
			for _, l := range cfg.Languages {
				got = append(got, fmt.Sprintf("%s %s %s", l.Code, l.Name, l.Direction))
			}
			if g := strings.Join(got, ", "); g != tt.want && len(diags) == 0 {
				t.Errorf("languages: got %q, want %q", g, tt.want)
			}
			if tt.diag == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected diagnostics:\n%v", diags)
				}
				if len(cfg.Languages) > 0 && cfg.Language != cfg.Languages[0].Code {
					t.Errorf("language %q, want the default %q", cfg.Language, cfg.Languages[0].Code)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1:\n%v", len(diags), diags)
			}
			if d := diags[0].String(); !strings.HasPrefix(d, tt.diag) {
				t.Errorf("got\n%s\nwant it to start with\n%s", d, tt.diag)
			}
		})
	}
}

func TestConfigWithoutLanguagesIsOneLanguage(t *testing.T) {
	cfg, diags := ReadConfig([]byte("language = \"en-GB\"\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if cfg.Languages != nil || cfg.LanguageCodes() != nil {
		t.Errorf("languages %v, want none", cfg.Languages)
	}
	if d := cfg.DefaultLanguage(); d.Code != "en-GB" || d.Direction != "ltr" {
		t.Errorf("default language %+v", d)
	}
}
