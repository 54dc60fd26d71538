package pipeline

import (
	"context"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// goldenLanguageSite is a site in English and Dutch: a page translated with
// its own slug, one not translated, and a glossary with a translated term,
// one whose translation adds a synonym and a slug of its own, and one not
// translated at all. Both pages use all three terms: the untranslated page
// links to the Dutch definitions, with their Dutch tooltips marked as such.
var goldenLanguageSite = fstest.MapFS{
	"site.toml": {Data: []byte("title = \"Fixture\"\nbaseURL = \"https://cx.example/\"\n" +
		"[languages.en]\nname = \"English\"\n[languages.nl]\nname = \"Nederlands\"\n")},
	"content/_index.md":    {Data: []byte("---\ntitle: Home\n---\nRead [the promise](promise.md) and [the rules](rules.md).\n")},
	"content/_index.nl.md": {Data: []byte("---\ntitle: Start\n---\nLees [de belofte](promise.md) en [de regels](rules.md).\n")},
	"content/promise.md":   {Data: []byte("---\ntitle: Our promise\ndate: 2026-01-10\n---\nWe measure the [[Net Promoter Score]] and keep [[churn]] low.\n")},
	"content/promise.nl.md": {Data: []byte("---\ntitle: Onze belofte\nslug: belofte\ntranslated: 2026-02-01\n---\n" +
		"We meten de [[Net Promoter Score]] en houden het [[klantverloop]] laag, met [[Ease]].\n")},
	"content/rules.md":                          {Data: []byte("---\ntitle: House rules\n---\nThe rules, in English only, with the [[NPS]], less customer churn and more ease.\n")},
	"content/definitions/net-promoter-score.md": {Data: []byte("---\ntitle: Net Promoter Score\nabbr: NPS\nsummary: How likely a customer is to recommend us.\n---\nAsked as 0 to 10.\n")},
	"content/definitions/net-promoter-score.nl.md": {Data: []byte("---\ntitle: Net Promoter Score\nabbr: NPS\n" +
		"synonyms: [aanbevelingsscore]\nsummary: Hoe waarschijnlijk een klant ons aanbeveelt.\n---\nGevraagd op een schaal van 0 tot 10.\n")},
	"content/definitions/churn.md":    {Data: []byte("---\ntitle: Churn\nsynonyms: [customer churn]\nsummary: Customers who leave us.\n---\nCounted each month.\n")},
	"content/definitions/churn.nl.md": {Data: []byte("---\ntitle: Klantverloop\nslug: klantverloop\nsummary: Klanten die bij ons weggaan.\n---\nElke maand geteld.\n")},
	"content/definitions/ease.md":     {Data: []byte("---\ntitle: Ease\nsummary: How easy we are to deal with.\n---\nNot translated yet.\n")},
}

// fingerprints are the content hashes in asset names: they change with
// every stylesheet edit, which these golden files are not about.
var fingerprints = regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js|svg)`)

// TestLanguagePagesGolden pins what a reader of the Dutch tree gets: a
// translated page (its slug, lang, alternates, switcher, terms linked to
// the Dutch definitions), a page shown untranslated (the banner in Dutch,
// the text marked English) and the Dutch glossary (A–Z in Dutch, the
// English term beside each, the untranslated term said to be so).
func TestLanguagePagesGolden(t *testing.T) {
	sink := newMemSink()
	if _, diags := New().Build(context.Background(), Options{Site: goldenLanguageSite, Now: exampleNow}, sink); diags.HasErrors() {
		t.Fatalf("build: %v", diags.Err())
	}
	for _, c := range []struct{ page, golden string }{
		{"nl/belofte/index.html", "testdata/languages/translated.golden"},
		{"nl/rules/index.html", "testdata/languages/fallback.golden"},
		{"nl/glossary/index.html", "testdata/languages/glossary.golden"},
	} {
		got, ok := sink.files[c.page]
		if !ok {
			t.Errorf("no %s in the output", c.page)
			continue
		}
		testfiles.Golden(t, c.golden, fingerprints.ReplaceAll(got, []byte(".HASH.$1")))
	}
}
