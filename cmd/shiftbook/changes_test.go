package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChangesSaysWhatChangedInAPage: two builds of a site, the second with
// --compare: /changes/ names each entry's kind and, for a changed page, the
// sections added, removed and reworded and how much of the page that is.
func TestChangesSaysWhatChangedInAPage(t *testing.T) {
	site := t.TempDir()
	write := func(name, text string) { addFiles(t, site, map[string]string{name: text}) }
	write("site.toml", "title = \"Changes\"\n")
	write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	write("content/guide.md", "+++\ntitle = \"Guide\"\n+++\nIntro text stays.\n\n## Why\n\nBecause it [matters](_index.md).\n\n## Old part\n\nThis goes away.\n\n## Same\n\nThis stays.\n")
	build := func(out string, args ...string) { buildInto(t, site, out, args...) }
	old := filepath.Join(t.TempDir(), "old")
	build(old)
	write("content/guide.md", "+++\ntitle = \"Guide\"\n+++\nA [new link](_index.md) first. Intro text stays.\n\n## Why\n\nBecause it really [matters](_index.md).\n\n## Same\n\nThis stays.\n\n## New part\n\nThis is new.\n")
	write("content/definitions/customer-effort-score.md", "+++\ntitle = \"Customer Effort Score\"\nsummary = \"How easy it was.\"\n+++\nText.\n")
	write("content/metrics/ces.md", "+++\ntitle = \"Customer Effort Score\"\nmetric = \"ces\"\nunit = \"score\"\ndirection = \"down\"\n+++\nText.\n")
	write("content/data/ces.csv", "date,value\n2026-01-01,2.3\n")
	cur := filepath.Join(t.TempDir(), "new")
	build(cur, "--compare", old)
	data, err := os.ReadFile(filepath.Join(cur, "changes", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		`changes-kind-definition">Definition</span> <a href="../definitions/customer-effort-score/">Customer Effort Score`,
		`changes-kind-metric">Metric</span> <a href="../metrics/ces/">Customer Effort Score`,
		"Sections added:</span> “New part”",
		"Sections removed:</span> “Old part”",
		"Reworded:</span> the introduction, “Why”",
		"of its",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/changes/ lacks %q", want)
		}
	}
	if strings.Contains(page, "“Same”") {
		t.Error("/changes/ lists the section that did not change")
	}
}

// TestChangesListsInitiativeProgress: between two editions, /changes/ says
// that an initiative's status changed (with why it is at risk) and that a
// milestone was reached and another moved.
func TestChangesListsInitiativeProgress(t *testing.T) {
	site := t.TempDir()
	write := func(name, text string) { addFiles(t, site, map[string]string{name: text}) }
	write("site.toml", "title = \"Changes\"\n")
	write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	initiative := func(status, done, secondDue string) string {
		return "+++\ntitle = \"MAP\"\nstatus = \"" + status + "\"\nreason = \"No sponsor in Aarhus.\"\n\n" +
			"[[milestones]]\nname = \"Mapped\"\ndue = 2026-12-09\n" + done + "\n[[milestones]]\nname = \"Shared\"\ndue = " + secondDue + "\n+++\nText.\n"
	}
	write("content/initiatives/map.md", initiative("active", "", "2027-03-01"))
	build := func(out string, args ...string) { buildInto(t, site, out, args...) }
	old := filepath.Join(t.TempDir(), "old")
	build(old)
	write("content/initiatives/map.md", initiative("at risk", "done = 2026-12-01", "2027-04-15"))
	cur := filepath.Join(t.TempDir(), "new")
	build(cur, "--compare", old)
	data, err := os.ReadFile(filepath.Join(cur, "changes", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		`<a href="../initiatives/map/">MAP</a>`,
		`Active → <strong>At risk</strong> (No sponsor in Aarhus.)`,
		`Mapped: reached on 1 Dec 2026`,
		`Shared: moved from 1 Mar 2027 to 15 Apr 2027`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/changes/ does not say %q", want)
		}
	}
}

// buildInto builds site into out, failing the test when the build fails.
func buildInto(t *testing.T, site, out string, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"build", "-s", site, "-o", out}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("build: %s", stderr.String())
	}
}
