package publish

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestRepublishOlderEditionNeedsReplace(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.1", Now: day1, Build: edition("2026.1").builder(nil)})
	mustPublish(t, Options{Dest: dest, Version: "2026.2", Now: day1, Build: edition("2026.2").builder(nil)})
	before := treeHash(t, dest)

	// A site.toml that still says 2026.1: refused, DEST untouched.
	fresh := edition("2026.1")
	fresh["index.html"] = "<p>today's content</p>"
	_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.1", Now: day2, Build: fresh.builder(nil)})
	var older *OlderEditionError
	if !errors.As(err, &older) || older.Version != "2026.1" || older.Newest != "2026.2" {
		t.Fatalf("republishing the older 2026.1: err = %v; want an OlderEditionError naming 2026.2", err)
	}
	for _, s := range []string{"2026.2 is newer", `set version = "2026.3" in site.toml`, "--replace"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("message lacks %q: %v", s, err)
		}
	}
	if treeHash(t, dest) != before {
		t.Error("the refused publish changed DEST")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}

	// An older version that was never published is added: nothing is lost.
	mustPublish(t, Options{Dest: dest, Version: "2025.9", Now: day2, Build: edition("2025.9").builder(nil)})

	// The nightly republish of the newest edition needs no flag.
	res := mustPublish(t, Options{Dest: dest, Version: "2026.2", Now: day2, Build: edition("2026.2").builder(nil)})
	if !res.Replaced || !res.Entry.Has(Latest) {
		t.Errorf("nightly republish of 2026.2: replaced %v, aliases %v; want replaced, latest", res.Replaced, res.Entry.Aliases)
	}

	// The hotfix, on purpose: 2026.1 replaced, latest stays on 2026.2.
	res = mustPublish(t, Options{Dest: dest, Version: "2026.1", Now: day2, Replace: true, Build: fresh.builder(nil)})
	if !res.Replaced || len(res.Entry.Aliases) != 0 {
		t.Errorf("hotfix of 2026.1: replaced %v, aliases %v; want replaced, no alias", res.Replaced, res.Entry.Aliases)
	}
	if got := files(t, filepath.Join(dest, "2026.1"))["index.html"]; got != "<p>today's content</p>" {
		t.Errorf("2026.1/index.html = %q after the hotfix", got)
	}
	if e := readEntries(t, dest); e[0].Version != "2026.2" || !e[0].Has(Latest) {
		t.Errorf("after the hotfix versions.json starts with %+v; want 2026.2 with latest", e[0])
	}
}

func TestNextVersion(t *testing.T) {
	for v, want := range map[string]string{
		"2026.4": "2026.5", "2026.9": "2026.10", "2026.09": "2026.10", "v3": "v4", "7": "8",
		"2026.4-rc1": "", "1.0+build": "", "latest": "",
	} {
		if got := NextVersion(v); got != want {
			t.Errorf("NextVersion(%q) = %q, want %q", v, got, want)
		}
	}
}
