package pipeline

import (
	"bytes"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// exampleDutch is what issue 16 asks of the example site in Dutch: the home
// page, the vision and the promise, the Shift book and its four chapters,
// two journeys and their section page, each fully translated.
var exampleDutch = []string{
	"nl/index.html",
	"nl/vision/index.html",
	"nl/vision/belofte/index.html",
	"nl/shift-book/index.html",
	"nl/shift-book/who-we-serve/index.html",
	"nl/shift-book/showing-our-value/index.html",
	"nl/shift-book/vision-to-customer/index.html",
	"nl/shift-book/how-customers-experience-us/index.html",
	"nl/journeys/index.html",
	"nl/journeys/switching/index.html",
	"nl/journeys/support/index.html",
}

// termLink is a glossary link as the theme writes it ([[term]] or autolink).
var termLink = regexp.MustCompile(`<a class="term" href="([^"]*)"`)

// TestExampleDutchTranslated: each page of exampleDutch is in Dutch with no
// fallback banner, and every term it links (and every term those terms'
// pages link, on and on) leads to a Dutch definition that is translated
// itself: no banner on it, no "not translated" in the tooltip. The pages
// not translated fall back, with the banner.
func TestExampleDutchTranslated(t *testing.T) {
	out := buildExample(t, Options{}).files
	untranslatedTip := []byte("Nog niet in het Nederlands vertaald")
	seen := map[string]string{} // page → the page that first linked it
	queue := append([]string(nil), exampleDutch...)
	for _, p := range exampleDutch {
		seen[p] = ""
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		b, ok := out[p]
		if !ok {
			t.Errorf("%s (linked from %s) was not written", p, seen[p])
			continue
		}
		if !bytes.Contains(b, []byte(`<html lang="nl"`)) {
			t.Errorf("%s is not marked Dutch (<html lang=\"nl\">)", p)
		}
		if bytes.Contains(b, []byte(`class="translation-banner`)) {
			t.Errorf("%s (linked from %s) is not translated, or is out of date: it shows the translation banner", p, orPage(seen[p]))
		}
		if bytes.Contains(b, untranslatedTip) {
			t.Errorf("%s links a term whose tooltip says it is not translated", p)
		}
		for _, m := range termLink.FindAllSubmatch(b, -1) {
			target := path.Join(path.Dir(p), string(m[1]), "index.html")
			if !strings.HasPrefix(target, "nl/definitions/") {
				t.Errorf("%s links the term %s outside the Dutch definitions", p, m[1])
				continue
			}
			if _, done := seen[target]; !done {
				seen[target] = p
				queue = append(queue, target)
			}
		}
	}
	var terms []string
	for p := range seen {
		if strings.HasPrefix(p, "nl/definitions/") {
			terms = append(terms, p)
		}
	}
	sort.Strings(terms)
	if len(terms) < 15 {
		t.Errorf("the Dutch pages link %d terms (%v); the example's Dutch pages use at least 15", len(terms), terms)
	}
	// The rest falls back: an untranslated page is there, with its banner.
	for _, p := range []string{"nl/vision/always/index.html", "nl/journeys/onboarding/index.html"} {
		if !bytes.Contains(out[p], []byte(`class="translation-banner"`)) {
			t.Errorf("%s is not translated in the example, but shows no fallback banner", p)
		}
	}
}

func orPage(p string) string {
	if p == "" {
		return "the list of translated pages"
	}
	return p
}

// TestOneManifestForEveryLanguage: an edition's manifest is written once,
// at the root, and records the translations; another language's tree
// writes none (publish and --compare read only the root's).
func TestOneManifestForEveryLanguage(t *testing.T) {
	out := buildExample(t, Options{}).files
	if _, ok := out["nl/manifest.json"]; ok {
		t.Error("the Dutch tree writes a manifest of its own")
	}
	m, ok := out["manifest.json"]
	if !ok {
		t.Fatal("no manifest.json at the root")
	}
	if !bytes.Contains(m, []byte(`"lang":"nl"`)) && !bytes.Contains(m, []byte(`"lang": "nl"`)) {
		t.Errorf("the root manifest records no Dutch translation: %.300s", m)
	}
	if !bytes.Contains(out["nl/changes/index.html"], []byte(`lang="nl"`)) {
		t.Error("the Dutch tree has no /changes/ page")
	}
}
