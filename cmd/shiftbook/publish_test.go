package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// pubSite is a small site in two states: the edition 2026.3 and the
// edition 2026.4 after authors added, removed and changed things.
func pubSite(t *testing.T, dir, version string) {
	t.Helper()
	files := map[string]string{
		"site.toml":                  "title = \"Fixture\"\nversion = \"" + version + "\"\n",
		"content/_index.md":          "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
		"content/vision/promise.md":  "+++\ntitle = \"Promise\"\n+++\nWe keep it.\n",
		"content/vision/old.md":      "+++\ntitle = \"Old page\"\n+++\nSoon gone.\n",
		"content/definitions/nps.md": "+++\ntitle = \"Net Promoter Score\"\nabbr = \"NPS\"\nsummary = \"Loyalty.\"\n+++\nLoyalty.\n",
		"content/metrics/nps.md":     "+++\ntitle = \"NPS\"\nmetric = \"nps\"\ndirection = \"up\"\ntarget = 40\nunit = \"points\"\nowner = \"Ana\"\ndata = \"nps.csv\"\n+++\nLoyalty.\n",
		"content/data/nps.csv":       "date,value\n2025-12-31,41\n",
		"content/journeys/onboarding.md": "+++\ntitle = \"Onboarding\"\npersona = \"Owner\"\n[[stages]]\nname = \"Discover\"\nfeeling = 0\n" +
			"[[stages]]\nname = \"Buy\"\nfeeling = 1\n+++\nThe journey.\n",
	}
	if version != "2026.3" {
		delete(files, "content/vision/old.md")
		files["content/vision/new.md"] = "+++\ntitle = \"New page\"\n+++\nJust arrived.\n"
		files["content/vision/promise.md"] = "+++\ntitle = \"Promise\"\n+++\nWe keep it, always.\n"
		files["content/definitions/nps.md"] = strings.Replace(files["content/definitions/nps.md"], `summary = "Loyalty."`, `summary = "Promoters minus detractors."`, 1)
		files["content/metrics/nps.md"] = strings.NewReplacer("target = 40", "target = 45", `owner = "Ana"`, `owner = "Bo"`).Replace(files["content/metrics/nps.md"])
		files["content/journeys/onboarding.md"] = strings.Replace(files["content/journeys/onboarding.md"], "feeling = 1", "feeling = -1", 1)
	}
	writeFiles(t, dir, files)
}

func pubRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func pubMustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := pubRun(t, args...)
	if code != 0 {
		t.Fatalf("shiftbook %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// pubHash hashes every path, mode and byte under dir.
func pubHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, _ := d.Info()
		fmt.Fprintf(h, "%s %v\n", rel, info.Mode())
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func pubRead(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// pubInOrder checks that text holds each snippet, in order.
func pubInOrder(t *testing.T, name, text string, snippets ...string) {
	t.Helper()
	from := 0
	for _, s := range snippets {
		i := strings.Index(text[from:], s)
		if i < 0 {
			t.Errorf("%s lacks %q (after the snippets before it)", name, s)
			continue
		}
		from += i + len(s)
	}
}

type pubEntry struct {
	Version   string   `json:"version"`
	Title     string   `json:"title"`
	Aliases   []string `json:"aliases"`
	Published string   `json:"published"`
}

func pubVersions(t *testing.T, dest string) []pubEntry {
	t.Helper()
	var entries []pubEntry
	if err := json.Unmarshal([]byte(pubRead(t, filepath.Join(dest, "versions.json"))), &entries); err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestPublishTwoEditionsAndChanges(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixtureEpoch) // 2026-01-15
	src := t.TempDir()
	dest := filepath.Join(t.TempDir(), "pages")

	pubSite(t, src, "2026.3")
	out := pubMustRun(t, "publish", "-s", src, "--dest", dest)
	if want := "published edition 2026.3 (latest) into " + filepath.Join(dest, "2026.3") + ": "; !strings.HasPrefix(out, want) || !strings.Contains(out, "it is the first edition") {
		t.Errorf("stdout %q, want it to start %q and say it is the first edition", out, want)
	}
	first := pubHash(t, filepath.Join(dest, "2026.3"))

	pubSite(t, src, "2026.4")
	out = pubMustRun(t, "publish", "-s", src, "--dest", dest, "--title", "Spring 2026")
	if !strings.Contains(out, "published edition 2026.4 (latest)") || !strings.Contains(out, "/changes/ compares it with 2026.3") {
		t.Errorf("stdout %q", out)
	}

	want := []pubEntry{
		{Version: "2026.4", Title: "Spring 2026", Aliases: []string{"latest"}, Published: "2026-01-15"},
		{Version: "2026.3", Title: "2026.3", Aliases: []string{}, Published: "2026-01-15"},
	}
	if got := pubVersions(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("versions.json:\n got %+v\nwant %+v", got, want)
	}
	if pubHash(t, filepath.Join(dest, "2026.3")) != first {
		t.Error("publishing 2026.4 changed the 2026.3 edition")
	}
	if pubHash(t, filepath.Join(dest, "latest")) != pubHash(t, filepath.Join(dest, "2026.4")) {
		t.Error("latest/ is not a copy of 2026.4/")
	}
	pubInOrder(t, "index.html", pubRead(t, filepath.Join(dest, "index.html")), `url=latest/`, `<a href="latest/">`)
	for v, page := range map[string]string{"2026.3": "vision/old/index.html", "2026.4": "vision/new/index.html"} {
		pubInOrder(t, v+"/"+page, pubRead(t, filepath.Join(dest, v, page)),
			`<meta name="shiftbook-root" content="../../">`, `<meta name="shiftbook-version" content="`+v+`">`, `data-current="`+v+`"`)
		if _, err := os.Stat(filepath.Join(dest, v, "manifest.json")); err != nil {
			t.Error(err)
		}
	}

	pubInOrder(t, "2026.3/changes/", pubRead(t, filepath.Join(dest, "2026.3", "changes", "index.html")),
		"<h1>What changed</h1>", "This is the first edition (2026.3)")
	pubInOrder(t, "2026.4/changes/", pubRead(t, filepath.Join(dest, "2026.4", "changes", "index.html")),
		"<h1>What changed</h1>",
		"Edition <strong>2026.4</strong> compared with edition <strong>2026.3</strong>",
		"Pages added (1)", `<a href="../vision/new/">New page</a>`,
		"Pages changed (4)", `<a href="../definitions/nps/">Net Promoter Score</a>`, `<a href="../journeys/onboarding/">Onboarding</a>`,
		`<a href="../metrics/nps/">NPS</a>`, `<a href="../vision/promise/">Promise</a>`,
		"Pages removed (1)", "Old page <span class=\"muted changes-path\">/vision/old/</span>",
		"Definitions reworded (1)", "Was:</span> Loyalty.", "Now:</span> Promoters minus detractors.",
		"Metric targets and owners (1)", "40 points → <strong>45 points</strong>", "Ana → <strong>Bo</strong>",
		"Journeys changed (1)", "Buy <span class=\"feeling\">(", "1 happy)", "<strong>Buy</strong> <span class=\"feeling\">(−1 unhappy)")

	// --list
	out = pubMustRun(t, "publish", "--dest", dest, "--list")
	wantList := "VERSION  PUBLISHED   ALIASES  TITLE\n2026.4   2026-01-15  latest   Spring 2026\n2026.3   2026-01-15           2026.3\n"
	if out != wantList {
		t.Errorf("--list:\n%s\nwant:\n%s", out, wantList)
	}

	// Republishing 2026.4 (the nightly job) replaces only 2026.4 and latest.
	os.WriteFile(filepath.Join(src, "content", "data", "nps.csv"), []byte("date,value\n2025-12-31,41\n2026-01-14,44\n"), 0o644)
	out = pubMustRun(t, "publish", "-s", src, "--dest", dest)
	if !strings.HasPrefix(out, "republished edition 2026.4 (latest)") {
		t.Errorf("republish stdout %q", out)
	}
	if pubHash(t, filepath.Join(dest, "2026.3")) != first {
		t.Error("republishing 2026.4 changed the 2026.3 edition")
	}
	if !strings.Contains(pubRead(t, filepath.Join(dest, "latest", "metrics", "nps", "index.html")), "44") {
		t.Error("latest/ does not show the fresh data")
	}
	if got := pubVersions(t, dest); got[0].Title != "Spring 2026" || len(got) != 2 {
		t.Errorf("after republish: %+v", got)
	}

	// A preview with its own alias leaves latest alone; --version wins over site.toml.
	pubMustRun(t, "publish", "-s", src, "--dest", dest, "--version", "2026.5-preview", "--alias", "preview")
	pubInOrder(t, "preview page", pubRead(t, filepath.Join(dest, "preview", "index.html")), `<meta name="shiftbook-version" content="2026.5-preview">`)
	got := pubVersions(t, dest)
	if got[0].Version != "2026.5-preview" || !reflect.DeepEqual(got[0].Aliases, []string{"preview"}) || !reflect.DeepEqual(got[1].Aliases, []string{"latest"}) {
		t.Errorf("after the preview: %+v", got)
	}

	// --delete refuses the edition latest points at, and says what to type.
	code, _, errOut := pubRun(t, "publish", "--dest", dest, "--delete", "2026.4")
	if code != exitContent || !strings.Contains(errOut, `edition 2026.4 is the one "latest" points at`) ||
		!strings.Contains(errOut, "--delete 2026.4 --alias latest=2026.5-preview") {
		t.Errorf("delete latest: exit %d\n%s", code, errOut)
	}
	pubMustRun(t, "publish", "--dest", dest, "--delete", "2026.5-preview")
	if _, err := os.Stat(filepath.Join(dest, "preview")); err == nil {
		t.Error("the preview alias outlived its edition")
	}
	pubMustRun(t, "publish", "--dest", dest, "--delete", "2026.4", "--alias", "latest=2026.3")
	if got := pubVersions(t, dest); len(got) != 1 || got[0].Version != "2026.3" || !reflect.DeepEqual(got[0].Aliases, []string{"latest"}) {
		t.Errorf("after deleting 2026.4: %+v", got)
	}
	if pubHash(t, filepath.Join(dest, "2026.3")) != first {
		t.Error("deleting changed the 2026.3 edition")
	}
}

func TestBuildCompare(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixtureEpoch)
	src := t.TempDir()
	old, cur := filepath.Join(t.TempDir(), "old"), filepath.Join(t.TempDir(), "cur")
	pubSite(t, src, "2026.3")
	pubMustRun(t, "build", "-s", src, "-o", old)
	pubSite(t, src, "2026.4")
	pubMustRun(t, "build", "-s", src, "-o", cur, "--compare", old)
	pubInOrder(t, "changes", pubRead(t, filepath.Join(cur, "changes", "index.html")),
		"compared with edition <strong>2026.3</strong>", "Pages added (1)", "Pages removed (1)")

	for _, tt := range []struct{ dir, says string }{
		{filepath.Join(src, "nowhere"), "does not exist"},
		{src, "has no manifest.json"},
	} {
		code, _, errOut := pubRun(t, "build", "-s", src, "-o", cur, "--compare", tt.dir)
		if code != exitUsage || !strings.Contains(errOut, tt.says) {
			t.Errorf("--compare %s: exit %d, %q; want 2 and %q", tt.dir, code, errOut, tt.says)
		}
	}
}

func TestPublishUsage(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixtureEpoch)
	src := t.TempDir()
	pubSite(t, src, "2026.3")
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "site.toml"), []byte("title = \"Bad\"\nversion = \"my edition\"\n"), 0o644)
	tests := []struct {
		name string
		args []string
		exit int
		says string
	}{
		{"no dest", []string{"publish", "-s", src}, exitUsage, "--dest is required"},
		{"dot dot", []string{"publish", "-s", src, "--dest", "DEST", "--version", ".."}, exitUsage, `version ".." is not a folder name`},
		{"slash", []string{"publish", "-s", src, "--dest", "DEST", "--version", "a/b"}, exitUsage, "it has a slash"},
		{"backslash", []string{"publish", "-s", src, "--dest", "DEST", "--version", `a\b`}, exitUsage, "it has a slash"},
		{"space", []string{"publish", "-s", src, "--dest", "DEST", "--version", "2026 4"}, exitUsage, "it has a space"},
		{"leading dot", []string{"publish", "-s", src, "--dest", "DEST", "--version", ".git"}, exitUsage, "leading dot"},
		{"empty", []string{"publish", "-s", src, "--dest", "DEST", "--version", " "}, exitUsage, "it has a space"},
		{"bad alias", []string{"publish", "-s", src, "--dest", "DEST", "--alias", "../up"}, exitUsage, `alias "../up"`},
		{"alias with = when publishing", []string{"publish", "-s", src, "--dest", "DEST", "--alias", "latest=2026.3"}, exitUsage, "NAME=VERSION is for --delete"},
		{"version from site.toml", []string{"publish", "-s", bad, "--dest", "DEST"}, exitContent, `site.toml: version "my edition" cannot be a folder name`},
		{"list with version", []string{"publish", "--dest", "DEST", "--list", "--version", "1"}, exitUsage, "--version cannot be used with --list"},
		{"delete without =", []string{"publish", "--dest", "DEST", "--delete", "1", "--alias", "latest"}, exitUsage, "--alias takes NAME=VERSION"},
		{"list of nothing", []string{"publish", "--dest", "DEST", "--list"}, exitContent, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "pages")
			args := append([]string(nil), tt.args...)
			for i, a := range args {
				if a == "DEST" {
					args[i] = dest
				}
			}
			code, _, errOut := pubRun(t, args...)
			if code != tt.exit || !strings.Contains(errOut, tt.says) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.exit, tt.says)
			}
			if _, err := os.Stat(dest); err == nil {
				t.Error("a refused publish created DEST")
			}
		})
	}
}

func TestPublishBuildErrorLeavesDestAlone(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixtureEpoch)
	src := t.TempDir()
	dest := filepath.Join(t.TempDir(), "pages")
	pubSite(t, src, "2026.3")
	pubMustRun(t, "publish", "-s", src, "--dest", dest)
	before := pubHash(t, dest)
	pubSite(t, src, "2026.4")
	os.WriteFile(filepath.Join(src, "content", "vision", "broken.md"), []byte("+++\ntitle = \"Broken\"\n+++\nSee [[No Such Term]].\n"), 0o644)
	code, _, errOut := pubRun(t, "publish", "-s", src, "--dest", dest)
	if code != exitContent || !strings.Contains(errOut, "content/vision/broken.md:4:") {
		t.Errorf("exit %d, stderr %q; want 1 and the diagnostic", code, errOut)
	}
	if pubHash(t, dest) != before {
		t.Error("a failed build changed DEST")
	}
}

// After publish --version 2026.4, a plain publish of a site.toml that still
// says 2026.3 would replace the published 2026.3: refused without --replace.
func TestPublishOlderEditionNeedsReplace(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", fixtureEpoch)
	src := t.TempDir()
	dest := filepath.Join(t.TempDir(), "pages")
	pubSite(t, src, "2026.3")
	pubMustRun(t, "publish", "-s", src, "--dest", dest)
	pubMustRun(t, "publish", "-s", src, "--dest", dest, "--version", "2026.4")
	before := pubHash(t, dest)

	code, out, errOut := pubRun(t, "publish", "-s", src, "--dest", dest)
	if code != exitContent {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitContent, out, errOut)
	}
	for _, s := range []string{"edition 2026.3 is already published, and 2026.4 is newer", `set version = "2026.5" in site.toml`, "pass --replace"} {
		if !strings.Contains(errOut, s) {
			t.Errorf("stderr lacks %q:\n%s", s, errOut)
		}
	}
	if pubHash(t, dest) != before {
		t.Error("the refused publish changed DEST")
	}

	// The nightly republish of the newest edition needs no flag.
	pubMustRun(t, "publish", "-s", src, "--dest", dest, "--version", "2026.4")
	// The hotfix, on purpose.
	out = pubMustRun(t, "publish", "-s", src, "--dest", dest, "--replace")
	if !strings.Contains(out, "republished edition 2026.3 into") {
		t.Errorf("hotfix output: %q", out)
	}
	if v := pubVersions(t, dest); v[0].Version != "2026.4" || len(v[0].Aliases) != 1 || v[0].Aliases[0] != "latest" {
		t.Errorf("after the hotfix, versions.json starts with %+v; want 2026.4 (latest)", v[0])
	}
}
