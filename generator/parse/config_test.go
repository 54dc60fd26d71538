package parse

import (
	"strings"
	"testing"
)

func TestReadConfigBaseURLAndLanguage(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // "" for no error; else the whole first diagnostic, from "site.toml:"
	}{
		{"https root", `baseURL = "https://cx.example/"`, ""},
		{"http with path and port", `baseURL = "http://intranet.example:8080/cx/"`, ""},
		{"no trailing slash", `baseURL = "https://cx.example"`, ""},
		{"percent-encoded path", `baseURL = "https://cx.example/a%20b/"`, ""},
		{"left out", `title = "T"`, ""},
		{"script", `baseURL = "https://cx.example/\"><script>alert(1)</script>/"`,
			`site.toml:1:11: baseURL "https://cx.example/\"><script>alert(1)</script>/" holds '"', which a web address cannot hold`},
		{"angle bracket", "title = \"T\"\nbaseURL   =   'https://cx.example/<b>'",
			`site.toml:2:15: baseURL "https://cx.example/<b>" holds '<'`},
		{"javascript", `baseURL = "javascript:alert(1)"`, `site.toml:1:11: baseURL "javascript:alert(1)" must start with https://`},
		{"relative", `baseURL = "/cx/"`, `site.toml:1:11: baseURL "/cx/" is only a folder; baseURL is the full address of the published site, with https:// and its host name in front, such as baseURL = "https://cx.example.com/cx/"`},
		{"host only", `baseURL = "cx.example.com"`, `site.toml:1:11: baseURL "cx.example.com" has no https:// in front; write baseURL = "https://cx.example.com/"`},
		{"host and folder", `baseURL = "cx.example.com/docs/"`, `site.toml:1:11: baseURL "cx.example.com/docs/" has no https:// in front; write baseURL = "https://cx.example.com/docs/"`},
		{"host and port", `baseURL = "intranet.example:8080"`, `site.toml:1:11: baseURL "intranet.example:8080" has no https:// in front; write baseURL = "https://intranet.example:8080/"`},
		{"localhost", `baseURL = "localhost:1313/"`, `site.toml:1:11: baseURL "localhost:1313/" has no https:// in front; write baseURL = "https://localhost:1313/"`},
		{"scheme-relative", `baseURL = "//cx.example.com/"`, `site.toml:1:11: baseURL "//cx.example.com/" has no https: in front; write baseURL = "https://cx.example.com/"`},
		{"mailto", `baseURL = "mailto:cx@example.com"`, `site.toml:1:11: baseURL "mailto:cx@example.com" must start with https://`},
		{"ftp", `baseURL = "ftp://cx.example.com/"`, `site.toml:1:11: baseURL "ftp://cx.example.com/" must start with https://`},
		{"word", `baseURL = "intranet"`, `site.toml:1:11: baseURL "intranet" must start with https://`},
		{"no host", `baseURL = "https:///cx/"`, `site.toml:1:11: baseURL "https:///cx/" has no host name`},
		{"space", `baseURL = "https://cx.example/my site/"`, `site.toml:1:11: baseURL "https://cx.example/my site/" holds a space`},
		{"password", `baseURL = "https://bo:secret@cx.example/"`, `site.toml:1:11: baseURL "https://bo:secret@cx.example/" holds a user name or password`},
		{"query", `baseURL = "https://cx.example/?a=1"`, `site.toml:1:11: baseURL "https://cx.example/?a=1" holds a ? or # part`},
		{"fragment", `baseURL = "https://cx.example/#top"`, `site.toml:1:11: baseURL "https://cx.example/#top" holds a ? or # part`},
		{"language en-GB", `language = "en-GB"`, ""},
		{"language pt-BR", `language = "pt-BR"`, ""},
		{"language zh-Hant-TW", `language = "zh-Hant-TW"`, ""},
		{"after a byte-order mark", "\xef\xbb\xbfbaseURL = \"/cx/\"", `site.toml:1:11: baseURL "/cx/" is only a folder`},
		{"language word", `language = "english"`, `site.toml:1:12: language "english" is not a language tag`},
		{"language empty", `language = ""`, `site.toml:1:12: language "" is not a language tag`},
		{"language payload", `language = "en\" onload=\"alert(1)"`, `site.toml:1:12: language "en\" onload=\"alert(1)" is not a language tag`},
		{"language underscore", `language = "en_US"`, `site.toml:1:12: language "en_US" is not a language tag`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ReadConfig([]byte(tt.src + "\n"))
			if tt.want == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected errors:\n%v", diags)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1:\n%v", len(diags), diags)
			}
			if got := diags[0].String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got\n%s\nwant it to start with\n%s", got, tt.want)
			}
		})
	}
}

func TestConfigDashboardGroupBy(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[dashboard]\ngroupBy = \"tags\"\n", ""},
		{"[dashboard]\ngroupBy = \"owner\"\n", ""},
		{"[dashboard]\ngroupBy = \"tag\"\n", `site.toml:2:11: dashboard.groupBy "tag" is not a way to group metrics: did you mean "tags"?`},
		{"[dashboard]\ngroupBy = \"focus\"\n", `site.toml:2:11: dashboard.groupBy "focus" is not a way to group metrics; write "tags"`},
	}
	for _, tt := range tests {
		_, diags := ReadConfig([]byte(tt.src))
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestConfigDataColumns(t *testing.T) {
	tests := []struct {
		src  string
		want []string // the columns kept
		diag string   // the first diagnostic, "" for none
	}{
		{"[data]\ncolumns = [\"Region\", \" channel \"]\n", []string{"region", "channel"}, ""},
		{"[data]\ncolumns = [\"region\", \"Segment\"]\n", []string{"region"},
			`site.toml:2:22: data.columns names "Segment", a column shiftbook reads itself; remove it from the list`},
		{"[data]\ncolumns = [\n  \"region\",\n  \"REGION\",\n]\n", []string{"region"},
			`site.toml:4:3: data.columns names "REGION" twice; remove one`},
		{"[data]\ncolumns = [\"\"]\n", nil,
			`site.toml:2:12: data.columns holds an empty name; remove it, or write the column's name as in the header of the data files`},
	}
	for _, tt := range tests {
		cfg, diags := ReadConfig([]byte(tt.src))
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if (tt.diag == "") != (got == "") || !strings.HasPrefix(got, tt.diag) || len(diags) > 1 {
			t.Errorf("%q: got %v, want %q", tt.src, diags, tt.diag)
		}
		if strings.Join(cfg.Data.Columns, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q: columns %q, want %q", tt.src, cfg.Data.Columns, tt.want)
		}
	}
}

func TestConfigDataMinN(t *testing.T) {
	tests := []struct {
		src  string
		want int
		diag string
	}{
		{"[data]\nminN = 30\n", 30, ""},
		{"[data]\nminN = -1\n", 0, "site.toml:2:8: data.minN must be a whole number of responses, 1 or more (or 0 to show every value), not -1"},
		{"[data]\nminN = 2.5\n", 0, "site.toml:2:1: data.minN must be a whole number such as 30, not the number 2.5"},
		{"[data]\nminN = \"30\"\n", 0, `site.toml:2:1: data.minN must be a whole number such as 30, not the text "30"`},
	}
	for _, tt := range tests {
		cfg, diags := ReadConfig([]byte(tt.src))
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if (tt.diag == "") != (got == "") || !strings.HasPrefix(got, tt.diag) || len(diags) > 1 || cfg.Data.MinN != tt.want {
			t.Errorf("%q: got %v, minN %d; want %q, %d", tt.src, diags, cfg.Data.MinN, tt.diag, tt.want)
		}
	}
}
