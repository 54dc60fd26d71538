package render

import (
	"bytes"
	"testing"
)

// EncodeTo writes what Encode makes, for manifests empty and full, with
// the fields that may be left out and text JSON escapes.
func TestManifestEncodeToMatchesEncode(t *testing.T) {
	full := &Manifest{Format: 1, Version: "2026.12 <b>&\"", Pages: []ManifestPage{
		{Path: "", Title: "Home", Hash: "a1"},
		{Path: "vision/", Title: "Vision & <promise>", Hash: "b2", Kind: "page", Sections: []ManifestSection{{}, {}}},
		{Path: "metrics/nps/", Title: "NPS \u2028 é", Hash: "c3", Sections: []ManifestSection{}},
	},
		Definitions:  []ManifestDefinition{{}},
		Metrics:      []ManifestMetric{{}},
		Journeys:     []ManifestJourney{{}},
		Initiatives:  []ManifestInitiative{{}},
		Translations: []ManifestTranslation{{Lang: "nl", Path: "content/vision.md", Behind: true}, {Lang: "de", Path: "x"}},
	}
	for name, m := range map[string]*Manifest{
		"zero":        {},
		"empty lists": {Format: 1, Pages: []ManifestPage{}, Definitions: []ManifestDefinition{}, Initiatives: []ManifestInitiative{}, Translations: []ManifestTranslation{}},
		"one page":    {Format: 1, Version: "v", Pages: []ManifestPage{{Path: "a/", Title: "A"}}},
		"full":        full,
	} {
		var got bytes.Buffer
		if err := m.EncodeTo(&got); err != nil {
			t.Fatal(err)
		}
		if want := m.Encode(); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s:\ngot  %s\nwant %s", name, got.Bytes(), want)
		}
	}
}
