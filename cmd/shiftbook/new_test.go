package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/scaffold"
)

// newEpoch is the build clock of these tests: 2026-01-15T00:00:00Z.
const newEpoch = "1768435200"

// runArgs runs shiftbook with args and returns the exit status and output.
func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// newTestSite writes a fresh site with `shiftbook new site` and returns its folder.
func newTestSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runArgs(t, "new", "site", dir); code != 0 {
		t.Fatalf("new site: exit %d\n%s", code, stderr)
	}
	return dir
}

func mustCheck(t *testing.T, dir string) {
	t.Helper()
	if code, stdout, stderr := runArgs(t, "check", "-s", dir); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Keys every archetype of a kind must write, each as "key = " at the start
// of a line. The common keys come first.
var (
	commonKeys = []string{"title", "description", "date", "reviewed", "owner", "weight", "tags", "draft"}
	kindKeys   = map[string][]string{
		"definition": {"abbr", "synonyms", "summary"},
		"journey":    {"persona", "kind", "[[stages]]", "name", "feeling", "touchpoints", "pains", "metrics"},
		"metric":     {"metric", "unit", "direction", "# target", "data", "definition"},
		"page":       nil,
	}
)

func TestNewKinds(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	tests := []struct {
		kind, name string
		args       []string // more arguments, such as -s
		want       string   // the file written, from the site folder
		title      string
		id         string // metric = "..." or the journey id
		data       string // metric: the data file written
	}{
		{kind: "definition", name: "customer-effort-score", want: "content/definitions/customer-effort-score.md", title: "Customer Effort Score"},
		{kind: "definition", name: "voice-of-the-customer", want: "content/definitions/voice-of-the-customer.md", title: "Voice of the Customer"},
		{kind: "definition", name: "Customer's Voice", want: "content/definitions/customers-voice.md", title: "Customer's Voice"},
		{kind: "definition", name: "definitions/closing-the-loop.md", want: "content/definitions/closing-the-loop.md", title: "Closing the Loop"},
		{kind: "metric", name: "CSAT", want: "content/metrics/csat.md", title: "CSAT", id: "csat", data: "content/data/csat.csv"},
		{kind: "metric", name: "first-contact-resolution", want: "content/metrics/first-contact-resolution.md", title: "First Contact Resolution", id: "first-contact-resolution", data: "content/data/first-contact-resolution.csv"},
		{kind: "journey", name: "support-call", want: "content/journeys/support-call.md", title: "Support Call", id: "support-call"},
		{kind: "journey", name: "Agent's first 90 days", want: "content/journeys/agents-first-90-days.md", title: "Agent's first 90 days", id: "agents-first-90-days"},
		{kind: "page", name: "vision/our-promise", want: "content/vision/our-promise.md", title: "Our Promise"},
		{kind: "page", name: "Focus Areas/Feel", want: "content/focus-areas/feel.md", title: "Feel"},
		{kind: "page", name: "plan/_index", want: "content/plan/_index.md", title: "Plan"},
		{kind: "page", name: "about", want: "content/about.md", title: "About"},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.name, func(t *testing.T) {
			dir := newTestSite(t)
			args := append([]string{"new", tt.kind, tt.name, "-s", dir}, tt.args...)
			code, stdout, stderr := runArgs(t, args...)
			if code != 0 {
				t.Fatalf("exit %d, want 0\n%s", code, stderr)
			}
			path := filepath.Join(dir, filepath.FromSlash(tt.want))
			if !strings.Contains(stdout, "created "+path+"\n") {
				t.Errorf("stdout does not name %s:\n%s", path, stdout)
			}
			page := readFile(t, path)
			fm, body, ok := strings.Cut(strings.TrimPrefix(page, "+++\n"), "\n+++\n")
			if !strings.HasPrefix(page, "+++\n") || !ok {
				t.Fatalf("no +++ front matter:\n%s", page)
			}
			for _, key := range append(append([]string(nil), commonKeys...), kindKeys[tt.kind]...) {
				if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `( = |$)`).MatchString(fm) {
					t.Errorf("front matter has no %s key", key)
				}
			}
			// Every key has a comment line just above it.
			lines := strings.Split(fm, "\n")
			for i, l := range lines {
				if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "[[") {
					continue
				}
				if i == 0 || !strings.HasPrefix(lines[i-1], "#") && !inLaterStage(lines, i) {
					t.Errorf("key line %q has no comment above it", l)
				}
			}
			for _, want := range []string{
				"title = " + scaffold.Quote(tt.title) + "\n",
				"date = 2026-01-15\n",
				"reviewed = 2026-01-15\n",
			} {
				if !strings.Contains(fm, want) {
					t.Errorf("front matter lacks %q:\n%s", want, fm)
				}
			}
			if tt.id != "" && tt.kind == "metric" && !strings.Contains(fm, `metric = "`+tt.id+`"`) {
				t.Errorf("front matter lacks metric = %q", tt.id)
			}
			// The body shows every piece of syntax, inside code.
			for _, want := range []string{"[[", "|", `{{< metric "`, `{{< chart "`, `{{< journey "`, ".md)"} {
				if !strings.Contains(body, want) {
					t.Errorf("body does not show %q", want)
				}
			}
			if tt.id != "" && tt.kind != "page" && !strings.Contains(body, `"`+tt.id+`" >}}`) {
				t.Errorf("body does not show the shortcode for its own id %q", tt.id)
			}
			if tt.data != "" {
				// No example data: the metric waits, visibly, for real numbers.
				data := filepath.Join(dir, filepath.FromSlash(tt.data))
				if _, err := os.Stat(data); err == nil {
					t.Errorf("new metric wrote %s; it must wait for real data", tt.data)
				}
				if !strings.Contains(stdout, `it shows "No data yet" until `+data+" exists") {
					t.Errorf("stdout does not say the metric waits for %s:\n%s", data, stdout)
				}
			}
			// The archetype makes a page that builds.
			mustCheck(t, dir)
		})
	}
}

// inLaterStage reports a key of the second or a later [[stages]] table,
// which repeats the keys explained in the first one without comments.
func inLaterStage(lines []string, i int) bool {
	n := 0
	for _, l := range lines[:i] {
		if l == "[[stages]]" {
			n++
		}
	}
	return n >= 2
}

// Every kind added to one site: the pages do not clash with each other.
func TestNewAllKindsOneSite(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	dir := newTestSite(t)
	for _, args := range [][]string{
		{"definition", "churn"},
		{"metric", "churn-rate"},
		{"journey", "switching"},
		{"page", "vision/never"},
		{"page", "initiatives/_index"},
		{"page", "initiatives/engage"},
	} {
		if code, _, stderr := runArgs(t, append([]string{"new"}, append(args, "-s", dir)...)...); code != 0 {
			t.Fatalf("new %v: exit %d\n%s", args, code, stderr)
		}
	}
	mustCheck(t, dir)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runArgs(t, "build", "-s", dir, "-o", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	for _, p := range []string{"index.html", "metrics/churn-rate/index.html", "journeys/switching/index.html", "initiatives/engage/index.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("build wrote no %s", p)
		}
	}
	// A new metric is a visible placeholder, on its page and on the
	// dashboard, never "On track" against a target of 0.
	for _, p := range []string{"metrics/churn-rate/index.html", "metrics/index.html"} {
		page := readFile(t, filepath.Join(out, p))
		i := strings.Index(page, "Churn Rate")
		if i < 0 {
			t.Errorf("%s does not show the new metric", p)
			continue
		}
		if !strings.Contains(page[i:], "No data yet") {
			t.Errorf("%s does not show the new metric as \"No data yet\"", p)
		}
	}
	if page := readFile(t, filepath.Join(out, "metrics/churn-rate/index.html")); strings.Contains(page, "On track") {
		t.Errorf("the new metric's page says \"On track\"")
	}
}

func TestNewSite(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	dir := filepath.Join(t.TempDir(), "my site")
	code, stdout, stderr := runArgs(t, "new", "site", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "set its address, baseURL, in "+filepath.Join(dir, "site.toml")) {
		t.Errorf("new site does not say to set baseURL:\n%s", stdout)
	}
	for _, f := range []string{
		"site.toml", ".gitignore", "content/_index.md",
		"content/vision/_index.md", "content/vision/promise.md",
		"content/definitions/net-promoter-score.md",
		"content/metrics/nps.md", "content/data/nps.csv",
		"content/journeys/onboarding.md",
	} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if _, err := os.Stat(p); err != nil {
			t.Errorf("new site wrote no %s", f)
		}
		if !strings.Contains(stdout, p+"\n") {
			t.Errorf("stdout does not list %s", f)
		}
	}
	// Every key of site.toml is written, each with a comment above it.
	cfg := readFile(t, filepath.Join(dir, "site.toml"))
	lines := strings.Split(cfg, "\n")
	for _, key := range []string{"title", "# baseURL", "language", "theme", "version",
		"[build]", "minify", "drafts", "[data]", "dir", "staleAfter",
		"[glossary]", "autolink", "[surveys]", "maxPerJourney", "[markdown]", "unsafe", "[book]", "chapters"} {
		found := false
		for i, l := range lines {
			if l == key || strings.HasPrefix(l, key+" ") {
				found = true
				if !strings.HasPrefix(key, "[") && (i == 0 || !strings.HasPrefix(lines[i-1], "#")) {
					t.Errorf("site.toml: %s has no comment above it", key)
				}
			}
		}
		if !found {
			t.Errorf("site.toml has no %s", key)
		}
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "content/data/nps.csv")), "\n2026-01-15,") {
		t.Errorf("nps.csv does not end today, so the new site's metric would be stale")
	}
	if strings.Contains(readFile(t, filepath.Join(dir, "content/_index.md")), `{{"`) {
		t.Errorf("an escaped shortcode leaked into the home page")
	}
	code, stdout, stderr = runArgs(t, "check", "-s", dir)
	if code != 0 {
		t.Fatalf("check of a new site: exit %d\n%s%s", code, stdout, stderr)
	}
	if want := "1 metric, 1 term"; !strings.Contains(stdout, want) {
		t.Errorf("check: %q, want %q", stdout, want)
	}
	if code, _, stderr := runArgs(t, "build", "-s", dir, "-o", filepath.Join(t.TempDir(), "out")); code != 0 {
		t.Fatalf("build of a new site: exit %d\n%s", code, stderr)
	}
	// Its address is not made up: left for the author, and said so.
	if !strings.Contains(stderr, "site.toml: warning: baseURL is not set") {
		t.Errorf("check of a new site without an address does not warn:\n%s", stderr)
	}
}

// TestNewSiteBaseURL: new site --base-url writes the address, checked as
// site.toml's baseURL is, and is for new site alone.
func TestNewSiteBaseURL(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runArgs(t, "new", "site", dir, "--base-url", "https://cx.acme.example/"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if cfg := readFile(t, filepath.Join(dir, "site.toml")); !strings.Contains(cfg, "\nbaseURL  = \"https://cx.acme.example/\"\n") {
		t.Errorf("site.toml lacks the address given:\n%s", cfg)
	}
	code, stdout, stderr := runArgs(t, "check", "-s", dir)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "no problems found") {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "site", filepath.Join(t.TempDir(), "a"), "--base-url", "cx.acme.example"}, `--base-url "cx.acme.example" has no https:// in front; write baseURL = "https://cx.acme.example/"`},
		{[]string{"new", "page", "x", "-s", dir, "--base-url", "https://a.example/"}, "--base-url is for new site"},
	} {
		code, _, stderr := runArgs(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d and %q\n%s", tc.args, code, exitUsage, tc.want, stderr)
		}
	}
}

func TestNewRefuses(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	tests := []struct {
		name    string
		setup   map[string]string // files to write first, from the site folder
		args    []string          // after "new"; SITE is the site folder
		wantErr string            // with SITE replaced
		keep    string            // a file that must be unchanged
	}{
		{
			name:    "existing definition",
			args:    []string{"definition", "net-promoter-score", "-s", "SITE"},
			wantErr: "SITE/content/definitions/net-promoter-score.md already exists",
			keep:    "content/definitions/net-promoter-score.md",
		},
		{
			name:    "existing metric",
			args:    []string{"metric", "NPS", "-s", "SITE"},
			wantErr: "SITE/content/metrics/nps.md already exists",
			keep:    "content/data/nps.csv",
		},
		{
			name:    "a metric with a title already taken, in other capitals",
			args:    []string{"metric", "net promoter SCORE", "-s", "SITE"},
			wantErr: `SITE/content/metrics/nps.md already has the title "net promoter SCORE"`,
			keep:    "content/metrics/nps.md",
		},
		{
			name:    "a definition named as another's abbreviation",
			args:    []string{"definition", "NPS", "-s", "SITE"},
			wantErr: `SITE/content/definitions/net-promoter-score.md already has the title "NPS"`,
			keep:    "content/definitions/net-promoter-score.md",
		},
		{
			name:    "a definition with another's synonym as title",
			args:    []string{"definition", "Promoter score", "-s", "SITE"},
			wantErr: `SITE/content/definitions/net-promoter-score.md already has the title "Promoter score"`,
			keep:    "content/definitions/net-promoter-score.md",
		},
		{
			name:    "existing journey",
			args:    []string{"journey", "onboarding", "-s", "SITE"},
			wantErr: "SITE/content/journeys/onboarding.md already exists",
			keep:    "content/journeys/onboarding.md",
		},
		{
			name:    "existing section page",
			args:    []string{"page", "vision/_index", "-s", "SITE"},
			wantErr: "SITE/content/vision/_index.md already exists",
			keep:    "content/vision/_index.md",
		},
		{
			name:    "same address as a section",
			args:    []string{"page", "vision", "-s", "SITE"},
			wantErr: "SITE/content/vision/_index.md already has the address that SITE/content/vision.md would have",
			keep:    "content/vision/_index.md",
		},
		{
			name:    "same address, other capitals",
			setup:   map[string]string{"content/About Us.md": "+++\ntitle = \"About us\"\n+++\n"},
			args:    []string{"page", "about-us", "-s", "SITE"},
			wantErr: "SITE/content/About Us.md already has the address",
			keep:    "content/About Us.md",
		},
		{
			name:    "not a site",
			args:    []string{"page", "x", "-s", "SITE/content"},
			wantErr: "no site.toml in SITE/content",
		},
		{
			name:    "broken site.toml",
			setup:   map[string]string{"site.toml": "title = \"x\ntheme = 3\n"},
			args:    []string{"page", "x", "-s", "SITE"},
			wantErr: "site.toml:1:",
		},
		{
			name:    "non-empty folder for a site",
			args:    []string{"site", "SITE"},
			wantErr: "SITE is not empty",
			keep:    "site.toml",
		},
		{
			name:    "a file for a site",
			args:    []string{"site", "SITE/site.toml"},
			wantErr: "SITE/site.toml is a file",
			keep:    "site.toml",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newTestSite(t)
			for name, data := range tt.setup {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var before string
			if tt.keep != "" {
				before = readFile(t, filepath.Join(dir, filepath.FromSlash(tt.keep)))
			}
			args := []string{"new"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "SITE", dir))
			}
			code, stdout, stderr := runArgs(t, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1\n%s%s", code, stdout, stderr)
			}
			want := strings.ReplaceAll(tt.wantErr, "SITE/", dir+string(filepath.Separator))
			want = strings.ReplaceAll(want, "SITE", dir)
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr = %q, want it to hold %q", stderr, want)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if tt.keep != "" {
				if after := readFile(t, filepath.Join(dir, filepath.FromSlash(tt.keep))); after != before {
					t.Errorf("%s was changed", tt.keep)
				}
			}
		})
	}
}

func TestNewUsage(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	dir := newTestSite(t)
	tests := []struct {
		args     []string
		code     int
		inStderr string
		inStdout string
	}{
		{args: []string{"new"}, code: 2, inStderr: "say what to create"},
		{args: []string{"new", "widget", "x"}, code: 2, inStderr: `unknown kind "widget"; choose site, definition, focus-area, initiative, journey, metric, page or plan`},
		{args: []string{"new", "metic", "x"}, code: 2, inStderr: `unknown kind "metic": did you mean "metric"?`},
		{args: []string{"new", "definition"}, code: 2, inStderr: "say the name of the new definition"},
		{args: []string{"new", "definition", "Net", "Promoter", "Score"}, code: 2, inStderr: `put a name with spaces in quotes: shiftbook new definition "Net Promoter Score"`},
		{args: []string{"new", "page", "../outside", "-s", dir}, code: 2, inStderr: "has an empty, . or .. part"},
		{args: []string{"new", "page", "/etc/x", "-s", dir}, code: 2, inStderr: "is an absolute path"},
		{args: []string{"new", "page", "!!!", "-s", dir}, code: 2, inStderr: "no letters or digits"},
		{args: []string{"new", "metric", "x/_index", "-s", dir}, code: 2, inStderr: "cannot be a section page"},
		{args: []string{"new", "site"}, code: 2, inStderr: "say which folder"},
		{args: []string{"new", "site", "a", "b"}, code: 2, inStderr: "new site takes one folder"},
		{args: []string{"new", "site", "x", "-s", dir}, code: 2, inStderr: "not -s"},
		{args: []string{"new", "--bogus"}, code: 2, inStderr: "flag provided but not defined"},
		{args: []string{"new", "page", "x", "-s", filepath.Join(dir, "nowhere")}, code: 2, inStderr: "does not exist"},
		{args: []string{"new", "--help"}, code: 0, inStdout: "Usage: shiftbook new site DIR | KIND NAME [-s DIR]"},
		{args: []string{"new", "definition", "-h"}, code: 0, inStdout: "shiftbook new definition NAME"},
		{args: []string{"--help"}, code: 0, inStdout: "  new      site DIR | KIND NAME [-s DIR]"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runArgs(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr = %q, want it to hold %q", stderr, tt.inStderr)
			}
			if !strings.Contains(stdout, tt.inStdout) {
				t.Errorf("stdout = %q, want it to hold %q", stdout, tt.inStdout)
			}
			if tt.code != 0 && stdout != "" {
				t.Errorf("stdout = %q, want nothing on a usage error", stdout)
			}
		})
	}
	// Nothing was written by any of them.
	mustCheck(t, dir)
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "outside.md")); err == nil {
		t.Errorf("a page was written outside the site")
	}
}

func TestNewArchetypeOverride(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	tests := []struct {
		name      string
		theme     string // the theme key of site.toml; "" leaves it
		file      string // the site's archetype, under the site folder
		archetype string
		code      int
		want      string // in the page written (exit 0) or in stderr (exit 1)
	}{
		{
			name:      "site archetype wins",
			file:      "themes/default/archetypes/page.md",
			archetype: "+++\ntitle = {{quote .Title}}\ndate = {{.Date}}\nowner = \"Team {{.Slug}}\"\n+++\n\nShow {{< metric \"nps\" >}} and keep {{\"{{<\"}} as is.\n",
			want:      "+++\ntitle = \"Our \\\"Best\\\" Page\"\ndate = 2026-01-15\nowner = \"Team our-best-page\"\n+++\n\nShow {{< metric \"nps\" >}} and keep {{< as is.\n",
		},
		{
			name:      "archetype of the site's own theme",
			theme:     "corporate",
			file:      "themes/corporate/archetypes/page.md",
			archetype: "+++\ntitle = {{quote .Title}}\nowner = \"corporate\"\n+++\n",
			want:      "owner = \"corporate\"",
		},
		{
			name:  "own theme without archetypes falls back to the built-in",
			theme: "corporate",
			file:  "themes/corporate/layouts/.keep",
			want:  "# A page.",
		},
		{
			name:      "template error names the file and line",
			file:      "themes/default/archetypes/page.md",
			archetype: "+++\ntitle = {{quote .Title}}\n{{.Nope}}\n+++\n",
			code:      1,
			want:      "themes/default/archetypes/page.md:3:",
		},
		{
			name:      "archetype that makes a broken page",
			file:      "themes/default/archetypes/page.md",
			archetype: "+++\ntitle = {{quote .Title}}\ncolour = \"red\"\n+++\n",
			code:      1,
			want:      "content/our-best-page.md:3:1: unknown front matter key \"colour\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newTestSite(t)
			if tt.theme != "" {
				cfg := filepath.Join(dir, "site.toml")
				s := strings.Replace(readFile(t, cfg), `theme    = "default"`, `theme    = "`+tt.theme+`"`, 1)
				if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p := filepath.Join(dir, filepath.FromSlash(tt.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(tt.archetype), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runArgs(t, "new", "page", `Our "Best" Page`, "-s", dir)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", code, tt.code, stderr)
			}
			page := filepath.Join(dir, "content", "our-best-page.md")
			if tt.code != 0 {
				if !strings.Contains(stderr, tt.want) {
					t.Errorf("stderr = %q, want it to hold %q", stderr, tt.want)
				}
				if _, err := os.Stat(page); err == nil {
					t.Errorf("a page was written from a broken archetype")
				}
				return
			}
			if got := readFile(t, page); !strings.Contains(got, tt.want) {
				t.Errorf("page = %q, want it to hold %q", got, tt.want)
			}
		})
	}
}

func TestNewMetricKeepsExistingData(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", newEpoch)
	dir := newTestSite(t)
	data := filepath.Join(dir, "content", "data", "csat.json")
	const series = `[{"date": "2025-12-31", "value": 81.5}, {"date": "2026-01-14", "value": 82}]`
	if err := os.WriteFile(data, []byte(series), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runArgs(t, "new", "metric", "csat", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "using the existing data file "+data) {
		t.Errorf("stdout = %q, want it to name the existing data file", stdout)
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "content", "metrics", "csat.md")), `data = "csat.json"`) {
		t.Errorf("the metric does not point at csat.json")
	}
	if got := readFile(t, data); got != series {
		t.Errorf("the data file was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "data", "csat.csv")); err == nil {
		t.Errorf("a second data file was written")
	}
	mustCheck(t, dir)
}
