package link

import (
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/parse"
)

// TestTranslationBehind: the original's day is its lastmod, else its date;
// the translation's is translated, else reviewed, else its own lastmod,
// else its date; it is behind when the original's day is later.
func TestTranslationBehind(t *testing.T) {
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	type dates struct{ lastmod, date, translated, reviewed string }
	page := func(d dates) *parse.Page {
		return &parse.Page{Meta: parse.FrontMatter{Lastmod: day(d.lastmod), Date: day(d.date), Translated: day(d.translated), Reviewed: day(d.reviewed)}}
	}
	for _, tt := range []struct {
		name                  string
		original, translation dates
		wantKey               string
		wantChanged           string
		wantBehind            bool
	}{
		{"translated before lastmod", dates{lastmod: "2026-03-01"}, dates{translated: "2026-01-10"}, "translated", "2026-03-01", true},
		{"translated after lastmod", dates{lastmod: "2026-03-01"}, dates{translated: "2026-03-02"}, "translated", "2026-03-01", false},
		{"translated on the day", dates{lastmod: "2026-03-01"}, dates{translated: "2026-03-01"}, "translated", "2026-03-01", false},
		{"original's date without lastmod", dates{date: "2026-03-01"}, dates{translated: "2026-01-10"}, "translated", "2026-03-01", true},
		{"lastmod wins over the original's date", dates{lastmod: "2026-01-05", date: "2026-03-01"}, dates{translated: "2026-01-10"}, "translated", "2026-01-05", false},
		{"reviewed without translated", dates{lastmod: "2026-03-01"}, dates{reviewed: "2026-04-01"}, "reviewed", "2026-03-01", false},
		{"translated wins over reviewed", dates{lastmod: "2026-03-01"}, dates{translated: "2026-01-10", reviewed: "2026-04-01"}, "translated", "2026-03-01", true},
		{"own lastmod without translated or reviewed", dates{lastmod: "2026-03-01"}, dates{lastmod: "2026-02-01"}, "lastmod", "2026-03-01", true},
		{"own lastmod as the original's (a stub of new --lang)", dates{lastmod: "2026-03-01", date: "2026-01-01"}, dates{lastmod: "2026-03-01", date: "2026-01-01"}, "lastmod", "2026-03-01", false},
		{"own date without lastmod", dates{lastmod: "2026-03-01"}, dates{date: "2026-02-01"}, "date", "2026-03-01", true},
		{"own lastmod wins over own date", dates{lastmod: "2026-03-01"}, dates{lastmod: "2026-03-05", date: "2026-02-01"}, "lastmod", "2026-03-01", false},
		{"reviewed wins over own lastmod", dates{lastmod: "2026-03-01"}, dates{reviewed: "2026-02-01", lastmod: "2026-03-05"}, "reviewed", "2026-03-01", true},
		{"a translation with no day", dates{lastmod: "2026-03-01"}, dates{}, "", "2026-03-01", false},
		{"an original with no day", dates{}, dates{translated: "2026-01-10"}, "translated", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tr := page(tt.translation)
			changed, behind := TranslationBehind(page(tt.original), tr)
			if behind != tt.wantBehind || !changed.Equal(day(tt.wantChanged)) {
				t.Errorf("TranslationBehind = %v, %v; want %s, %v", changed.Format("2006-01-02"), behind, tt.wantChanged, tt.wantBehind)
			}
			if key, _ := TranslationBasis(tr); key != tt.wantKey {
				t.Errorf("TranslationBasis key = %q, want %q", key, tt.wantKey)
			}
		})
	}
	if _, behind := TranslationBehind(nil, page(dates{translated: "2026-01-10"})); behind {
		t.Error("a translation without an original is behind")
	}
}
