package parse

import "testing"

func TestMissingBaseURL(t *testing.T) {
	const (
		oneLanguage = "sitemap.xml (the list of pages for search engines) is left out and printed pages show links without their web address"
		languages   = "sitemap.xml (the list of pages for search engines) is left out, search engines cannot tell which pages are translations of each other, and printed pages show links without their web address"
		add         = `; add the address the site is published at, such as baseURL = "https://cx.example.com/"`
		write       = `; write the address the site is published at, such as baseURL = "https://cx.example.com/"`
	)
	tests := []struct {
		name, src string
		want      string // the whole warning; "" for none
	}{
		{"set", `baseURL = "https://cx.example.com/"`, ""},
		{"left out", `title = "T"`, "site.toml: warning: baseURL is not set, so " + oneLanguage + add},
		{"empty file", ``, "site.toml: warning: baseURL is not set, so " + oneLanguage + add},
		{"empty", "title = \"T\"\nbaseURL = \"\"", "site.toml:2:11: warning: baseURL is empty, so " + oneLanguage + write},
		{"empty after a byte-order mark", "\xef\xbb\xbfbaseURL  =  ''", "site.toml:1:13: warning: baseURL is empty, so " + oneLanguage + write},
		{"languages", "title = \"T\"\n[languages.en]\nname = \"English\"\n[languages.nl]\nname = \"Nederlands\"",
			"site.toml: warning: baseURL is not set, so " + languages + add},
		{"languages, empty", "baseURL = \"\"\n[languages.en]\n[languages.nl]",
			"site.toml:1:11: warning: baseURL is empty, so " + languages + write},
		{"one language table", "[languages.en]\nname = \"English\"", "site.toml: warning: baseURL is not set, so " + oneLanguage + add},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := ReadConfig([]byte(tt.src + "\n"))
			if len(diags) > 0 {
				t.Fatalf("ReadConfig: %v", diags)
			}
			if cfg.HasSitemap() != (tt.want == "") {
				t.Errorf("HasSitemap() = %v with baseURL %q", cfg.HasSitemap(), cfg.BaseURL)
			}
			got := MissingBaseURL(&cfg)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Fatalf("want no warning, got %v", got)
			case tt.want == "":
				return
			case len(got) != 1:
				t.Fatalf("got %d diagnostics, want one warning: %v", len(got), got)
			}
			if s := got[0].String(); s != tt.want {
				t.Errorf("got\n%s\nwant\n%s", s, tt.want)
			}
			if got.HasErrors() {
				t.Error("a missing baseURL is a warning, not an error")
			}
		})
	}
}
