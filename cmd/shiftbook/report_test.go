package main

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/diag"
)

func TestPrintGitHubEscapes(t *testing.T) {
	tests := []struct {
		name string
		d    diag.Diagnostic
		want string
	}{
		{"whole file, no kind", diag.Diagnostic{Path: "site.toml", Message: "bad"},
			"::error file=site.toml::bad\n"},
		{"position and kind", diag.Diagnostic{Path: "content/a.md", Line: 3, Col: 7, Kind: "front matter", Message: "m"},
			"::error file=content/a.md,line=3,col=7,title=shiftbook front matter::m\n"},
		{"a line without a column", diag.Diagnostic{Path: "a.md", Line: 2, Message: "m"},
			"::error file=a.md,line=2::m\n"},
		{"warning", diag.Warning(diag.Diagnostic{Path: "a.md", Line: 1, Col: 1, Message: "raw HTML dropped"}),
			"::warning file=a.md,line=1,col=1::raw HTML dropped\n"},
		{"message: percent, CR and LF escaped; colon and comma kept", diag.Diagnostic{Path: "a.md", Message: "100% sure:\r\nyes, no"},
			"::error file=a.md::100%25 sure:%0D%0Ayes, no\n"},
		{"notes on lines of their own", diag.Diagnostic{Path: "a.md", Message: "m", Notes: []string{"n1", "n2"}},
			"::error file=a.md::m%0An1%0An2\n"},
		{"property: colon, comma and percent escaped", diag.Diagnostic{Path: "a,b: 50%.md", Message: "m"},
			"::error file=a%2Cb%3A 50%25.md::m\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			printGitHub(&b, func(p string) string { return p }, diag.List{tt.d})
			if b.String() != tt.want {
				t.Errorf("got  %q\nwant %q", b.String(), tt.want)
			}
		})
	}
}

func TestReportFileIsFromTheWorkingFolder(t *testing.T) {
	for _, tt := range []struct{ site, path, want string }{
		{".", "content/a.md", "content/a.md"},
		{"", "content/a.md", "content/a.md"},
		{"docs", "content/a.md", "docs/content/a.md"},
		{"../site", "site.toml", "../site/site.toml"},
	} {
		r := &report{site: tt.site}
		if got := r.file(tt.path); got != tt.want {
			t.Errorf("site %q: file(%q) = %q; want %q", tt.site, tt.path, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	e := diag.Diagnostic{Path: "a", Message: "e"}
	w := diag.Warning(diag.Diagnostic{Path: "a", Message: "w"})
	tests := []struct {
		l    diag.List
		want string
	}{
		{diag.List{e}, "1 error"},
		{diag.List{e, e}, "2 errors"},
		{diag.List{w}, "1 warning"},
		{diag.List{e, w, w}, "1 error, 2 warnings"},
	}
	for _, tt := range tests {
		if got := summary(tt.l); got != tt.want {
			t.Errorf("summary = %q; want %q", got, tt.want)
		}
	}
}

// TestPrintTextCap: a terminal gets the first 50 and a count of each kind;
// --all prints every one.
func TestPrintTextCap(t *testing.T) {
	var l diag.List
	for i := range 60 {
		l.Add(diag.Diagnostic{Path: fmt.Sprintf("content/p%02d.md", i), Line: 1, Col: 1, Message: "broken", Kind: "links and references"})
	}
	for i := range 3 {
		l.Add(diag.Warning(diag.Diagnostic{Path: fmt.Sprintf("content/q%d.md", i), Message: "dropped", Kind: "raw HTML"}))
	}
	var b bytes.Buffer
	printText(&b, l, false)
	out := b.String()
	if got := strings.Count(out, ": broken"); got != 50 {
		t.Errorf("printed %d diagnostics; want 50", got)
	}
	for _, want := range []string{"... and 13 more (pass --all to see them all)\n", "60 errors, 3 warnings\n",
		"      60 links and references errors\n", "       3 raw HTML warnings\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	printText(&b, l, true)
	if got := strings.Count(b.String(), ": broken"); got != 60 || strings.Contains(b.String(), "more") {
		t.Errorf("--all printed %d of 60, or a cap line", got)
	}
}

func TestVersionLine(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "shiftbook (version unknown: built without module information)"},
		{"a release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"}},
			"shiftbook v1.4.0, go1.26.8"},
		{"a checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261202042543-16a5b59d73c1"},
			Settings: settings("vcs.revision", "16a5b59d73c12d0c4d86148d5a80a0650e2cab5e", "vcs.time", "2026-12-02T04:25:43Z", "vcs.modified", "false")},
			"shiftbook v0.0.0-20261202042543-16a5b59d73c1, commit 16a5b59d73c1 of 2026-12-02T04:25:43Z, go1.26.8"},
		{"uncommitted changes", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: settings("vcs.revision", "16a5b59d73c12d0c4d86148d5a80a0650e2cab5e", "vcs.modified", "true")},
			"shiftbook (devel), commit 16a5b59d73c1, with uncommitted changes, go1.26.8"},
		{"no vcs record", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"shiftbook (devel), commit unknown (built with -buildvcs=false or outside a git checkout; go build ./cmd/shiftbook in a checkout records it), go1.26.8"},
	}
	for _, tt := range tests {
		if got := versionLine(tt.info); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
