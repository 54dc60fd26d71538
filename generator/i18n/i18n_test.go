package i18n

import (
	"strings"
	"testing"
	"time"
)

const en = `date.format = "{month} {day}, {year}"
month.1 = "January"
month.3 = "March"
[nav]
search = "Search"
onThisPage = "On this page"
[status]
onTrack = "On track"
`

func mustRead(t *testing.T, src string, known []string) Table {
	t.Helper()
	table, diags := Read("i18n/x.toml", []byte(src), known)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return table
}

func TestRead(t *testing.T) {
	known := mustRead(t, en, nil).Keys()
	tests := []struct {
		name, src string
		want      string // the first diagnostic, "" for none
	}{
		{"complete", "[nav]\nsearch = \"Zoeken\"\n", ""},
		{"dotted keys", "nav.search = \"Zoeken\"\n", ""},
		{"unknown key", "[nav]\nsearch = \"Zoeken\"\nonThisPag = \"Op deze pagina\"\n",
			`i18n/x.toml:3:1: unknown key "nav.onThisPag" in this translation table: did you mean "nav.onThisPage"?`},
		{"far from every key", "[nav]\nweather = \"Weer\"\n",
			`i18n/x.toml:2:1: unknown key "nav.weather" in this translation table; remove it`},
		{"not text", "[nav]\nsearch = 3\n", `i18n/x.toml:2:1: nav.search must be text in quotes`},
		{"not TOML", "[nav\n", `i18n/x.toml:2:1: invalid TOML: a [section] heading is not closed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Read("i18n/x.toml", []byte(tt.src), known)
			got := ""
			if len(diags) > 0 {
				got = diags[0].String()
			}
			if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFallbackAndMissing(t *testing.T) {
	fallback := mustRead(t, en, nil)
	nl := New("nl", mustRead(t, "[nav]\nsearch = \"Zoeken\"\n", nil), fallback)
	for key, want := range map[string]string{"nav.search": "Zoeken", "status.onTrack": "On track", "no.such": "no.such"} {
		if got := nl.T(key); got != want {
			t.Errorf("T(%q) = %q, want %q", key, got, want)
		}
	}
	if got := strings.Join(nl.Missing(), " "); got != "date.format month.1 month.3 nav.onThisPage status.onTrack" {
		t.Errorf("missing %q", got)
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		lang     string
		v        float64
		decimals int
		want     string
	}{
		{"en", 1234.5, 1, "1,234.5"},
		{"nl", 1234.5, 1, "1.234,5"},
		{"nl", 0.25, 2, "0,25"},
		{"de", -12.75, 1, "-12,8"},
		{"fr", 1234.5, 1, "1\u00a0234,5"},
		{"en", 42, 0, "42"},
	}
	for _, tt := range tests {
		x := New(tt.lang, nil, nil)
		if got := x.Number(tt.v, tt.decimals); got != tt.want {
			t.Errorf("%s %v: got %q, want %q", tt.lang, tt.v, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	fallback := mustRead(t, en, nil)
	nl := New("nl", mustRead(t, "date.format = \"{day} {month} {year}\"\nmonth.3 = \"maart\"\n", nil), fallback)
	day := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	if got := nl.Date(day); got != "7 maart 2026" {
		t.Errorf("nl: %q", got)
	}
	if got := New("en", fallback, fallback).Date(day); got != "March 7, 2026" {
		t.Errorf("en: %q", got)
	}
}

func TestSort(t *testing.T) {
	tests := []struct {
		lang  string
		words []string
		want  string
	}{
		{"nl", []string{"Zorg", "ähnlich", "Klant", "avond", "IJs", "inzet"}, "ähnlich avond IJs inzet Klant Zorg"},
		{"sv", []string{"ö", "z", "a"}, "a z ö"},
		{"de", []string{"Öl", "Ofen", "Zange"}, "Ofen Öl Zange"},
	}
	for _, tt := range tests {
		w := append([]string(nil), tt.words...)
		New(tt.lang, nil, nil).Sort(w)
		if got := strings.Join(w, " "); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
}

// FuzzRead: no input panics, and every diagnostic points inside the file.
func FuzzRead(f *testing.F) {
	f.Add(en)
	f.Add("[nav\n")
	f.Add("a = 1\n[b]\nc = [\"x\"]\n")
	f.Add("\"quoted.key\" = \"x\"\n[x.y.z]\nw = { a = \"b\" }\n")
	known := []string{"nav.search", "status.onTrack"}
	f.Fuzz(func(t *testing.T, src string) {
		_, diags := Read("i18n/x.toml", []byte(src), known)
		lines := strings.Count(src, "\n") + 1
		for _, d := range diags {
			if d.Line < 1 || d.Line > lines {
				t.Fatalf("diagnostic at line %d of a %d-line file: %s", d.Line, lines, d)
			}
		}
	})
}

func TestN(t *testing.T) {
	en := mustRead(t, "[pages]\none = \"{n} page\"\nother = \"{n} pages in {where}\"\n", nil)
	nl := mustRead(t, "[pages]\none = \"{n} pagina\"\nother = \"{n} pagina's in {where}\"\n", nil)
	pl := mustRead(t, "[pages]\none = \"{n} strona\"\nfew = \"{n} strony\"\nother = \"{n} stron\"\n", nil)
	tests := []struct {
		lang  string
		table Table
		n     int
		want  string
	}{
		{"en", en, 0, "0 pages in X"},
		{"en", en, 1, "1 page"},
		{"en", en, 2, "2 pages in X"},
		{"nl", nl, 1, "1 pagina"},
		{"nl", nl, 7, "7 pagina's in X"},
		{"de", Table{}, 1, "1 page"}, // no German table: the English forms
		{"de", Table{}, 3, "3 pages in X"},
		{"pl", pl, 3, "3 strony"},
		{"pl", pl, 5, "5 stron"},
		{"fr", Table{}, 0, "0 page"}, // French says 0 in the singular
	}
	for _, tt := range tests {
		x := New(tt.lang, tt.table, en)
		if got := x.N("pages", tt.n, "where", "X"); got != tt.want {
			t.Errorf("%s %d: got %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestLocalizeAndMonth(t *testing.T) {
	fallback := mustRead(t, "date.month_format = \"{month} {year}\"\n"+en, nil)
	for _, tt := range []struct{ lang, in, want string }{
		{"en", "1234.5", "1234.5"},
		{"nl", "12.5", "12,5"},
		{"nl", "−2.25", "−2,25"},
		{"nl", "-3", "-3"},
		{"de", "1234.50", "1.234,50"},
		{"nl", "n/a", "n/a"},
	} {
		if got := New(tt.lang, nil, fallback).Localize(tt.in); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
	nl := New("nl", mustRead(t, "month.3 = \"mrt.\"\n", nil), fallback)
	if got := nl.Month(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); got != "mrt. 2026" {
		t.Errorf("nl month: %q", got)
	}
}

// TestLangOf: a string the language's table has is in that language; one
// it leaves out is shown in English, and says so.
func TestLangOf(t *testing.T) {
	x := New("fr", Table{"a": "le a"}, Table{"a": "the a", "b": "the b"})
	for _, tt := range []struct{ key, want string }{{"a", "fr"}, {"b", "en"}, {"unknown", "fr"}} {
		if got := x.LangOf(tt.key); got != tt.want {
			t.Errorf("LangOf(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestDatesAndNumbersInOneScript: a date is written in the language whose
// table names its month, digits and all; a language without a table (the
// theme has no i18n/ar.toml) writes dates and numbers as the fallback
// does, as its interface is the fallback's. Never Arabic digits beside an
// English month name.
func TestDatesAndNumbersInOneScript(t *testing.T) {
	fallback := mustRead(t, "date.month_format = \"{month} {year}\"\n"+en, nil)
	arabic := mustRead(t, "date.format = \"{day} {month} {year}\"\ndate.month_format = \"{month} {year}\"\nmonth.3 = \"مارس\"\n[nav]\nsearch = \"بحث\"\n", nil)
	arabicNoMonths := mustRead(t, "[nav]\nsearch = \"بحث\"\n", nil)
	day := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name                    string
		x                       *Text
		date, month, num, local string
	}{
		{"Arabic with its table", New("ar", arabic, fallback), "٧ مارس ٢٠٢٦", "مارس ٢٠٢٦", "١٬٢٣٤٫٥", "١٢٫٥"},
		{"Arabic without a table", Untranslated("ar", fallback), "March 7, 2026", "March 2026", "1,234.5", "12.5"},
		{"Arabic table without month names", New("ar", arabicNoMonths, fallback), "March 7, 2026", "March 2026", "١٬٢٣٤٫٥", "١٢٫٥"},
		{"Moroccan Arabic: Latin digits", New("ar-MA", arabic, fallback), "7 مارس 2026", "مارس 2026", "1.234,5", "12,5"},
		{"Persian without a table", Untranslated("fa", fallback), "March 7, 2026", "March 2026", "1,234.5", "12.5"},
		{"Dutch without a table", Untranslated("nl", fallback), "March 7, 2026", "March 2026", "1,234.5", "12.5"},
		{"Dutch with its table", New("nl", mustRead(t, "date.format = \"{day} {month} {year}\"\nmonth.3 = \"maart\"\n", nil), fallback), "7 maart 2026", "maart 2026", "1.234,5", "12,5"},
		{"English", New("en", fallback, fallback), "March 7, 2026", "March 2026", "1,234.5", "12.5"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.x.Date(day); got != tt.date {
				t.Errorf("Date = %q, want %q", got, tt.date)
			}
			if got := tt.x.Month(day); got != tt.month {
				t.Errorf("Month = %q, want %q", got, tt.month)
			}
			if got := tt.x.Number(1234.5, 1); got != tt.num {
				t.Errorf("Number = %q, want %q", got, tt.num)
			}
			if got := tt.x.Localize("12.5"); got != tt.local {
				t.Errorf("Localize = %q, want %q", got, tt.local)
			}
		})
	}
	// A year is never grouped in thousands, in any digits.
	if got := New("nl", mustRead(t, "month.3 = \"maart\"\n", nil), fallback).Date(time.Date(12026, 3, 7, 0, 0, 0, 0, time.UTC)); got != "maart 7, 12026" {
		t.Errorf("a five-digit year in Dutch: %q", got)
	}
}
