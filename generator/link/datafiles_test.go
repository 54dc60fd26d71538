package link

import (
	"testing"

	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
)

// TestLanguageNamed: a data file's name is read for a language code as a
// page's name is, so that nps.fr.csv is told from release.v2.csv.
func TestLanguageNamed(t *testing.T) {
	cfg := parse.DefaultConfig()
	cfg.Languages = []parse.Language{{Code: "en"}, {Code: "nl"}}
	s := &Site{Config: cfg}
	data := map[string]*series.File{"content/data/nps.csv": {}, "content/data/sub/ces.toml": {}}
	tests := []struct {
		rel          string
		shared, code string
		ok           bool
	}{
		{"nps.nl.csv", "nps.csv", "nl", true},
		{"nps.NL.csv", "nps.csv", "NL", true},
		{"nps.fr.csv", "nps.csv", "fr", true}, // a code ISO 639-1 knows, not the site's
		{"nps.xx.csv", "nps.csv", "xx", true}, // two letters beside the file they would translate
		{"csat.xx.csv", "", "", false},        // two letters beside nothing: part of the name
		{"sub/ces.de.toml", "sub/ces.toml", "de", true},
		{"release.v2.csv", "", "", false},
		{"nps.csv", "", "", false},
		{"v1.2/nps.csv", "", "", false},
		{".nl.csv", "", "", false},
	}
	for _, tt := range tests {
		shared, code, ok := s.languageNamed(tt.rel, data)
		if shared != tt.shared || code != tt.code || ok != tt.ok {
			t.Errorf("languageNamed(%q) = %q, %q, %v; want %q, %q, %v", tt.rel, shared, code, ok, tt.shared, tt.code, tt.ok)
		}
	}
}
