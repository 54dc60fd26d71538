// Package i18n holds the interface text of a site in each of its languages:
// the translation tables of the theme (i18n/CODE.toml, overridable by the
// site's own like layouts), English as the fallback for a string a table
// leaves out, and the formatting of numbers and the order of words in each
// language, from golang.org/x/text.
package i18n

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/collate"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
	"golang.org/x/text/unicode/norm"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/tomlpos"
)

// Fallback is the language whose table holds every key: the reference a
// table of another language is checked against, and the text shown for a
// key that table leaves out.
const Fallback = "en"

// Table is one language's interface text by key ("nav.search").
type Table map[string]string

// Read decodes a translation table: TOML whose values are text, keys
// grouped by [tables] into dotted keys. known, when given, are the keys a
// table may hold (the fallback table's); another key is an error with a
// did-you-mean at its line, since a misspelt key is a string that silently
// stays English.
func Read(path string, src []byte, known []string) (Table, diag.List) {
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		return nil, diag.List{parse.TOMLError(path, src, 0, err)}
	}
	keys := tomlpos.Scan(src)
	table := Table{}
	var diags diag.List
	at := func(parts []string, format string, args ...any) {
		p, _ := keys.At(parts...)
		diags.Add(diag.At(path, src, p.Key, format, args...))
	}
	var walk func(prefix []string, m map[string]any)
	walk = func(prefix []string, m map[string]any) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			parts := append(slices.Clip(prefix), k)
			name := strings.Join(parts, ".")
			switch v := m[k].(type) {
			case map[string]any:
				walk(parts, v)
			case string:
				if known != nil && !slices.Contains(known, name) {
					at(parts, "%s", fmt.Sprintf("unknown key %q in this translation table", name)+
						diag.DidYouMean(name, known, "; remove it: the keys are those of the theme's i18n/"+Fallback+".toml"))
					continue
				}
				table[name] = v
			default:
				at(parts, "%s must be text in quotes, as every string of a translation table", name)
			}
		}
	}
	walk(nil, doc)
	return table, diags
}

// Keys are the keys of a table, sorted: of the fallback table, the keys
// every table may hold.
func (t Table) Keys() []string { return slices.Sorted(maps.Keys(t)) }

// Text is the interface text of one language, falling back to English.
type Text struct {
	Lang     string
	tag      language.Tag
	table    Table
	fallback Table
	// printer writes numbers in the language's digits and separators
	// (in the fallback language's for a language without a table, see
	// Untranslated); fallbackPrinter as the fallback language does.
	printer, fallbackPrinter *message.Printer
	ownNumbers               bool // printer is the language's
	collator                 *collate.Collator
}

// New makes the text of lang from its table and the fallback table.
func New(lang string, table, fallback Table) *Text {
	tag := language.Make(lang)
	return &Text{Lang: lang, tag: tag, table: table, fallback: fallback, collator: collate.New(tag),
		printer: message.NewPrinter(tag), fallbackPrinter: message.NewPrinter(language.Make(Fallback)), ownNumbers: true}
}

// Untranslated makes the text of lang, a language the theme has no table
// for: its interface is the fallback language's, and so it writes its
// numbers and dates as the fallback language does ("12.5" and "2 Jan
// 2026" beside "Updated" and "points"), not Arabic digits beside English
// words and month names. Its plural forms and the order of its words are
// still the language's.
func Untranslated(lang string, fallback Table) *Text {
	x := New(lang, Table{}, fallback)
	x.printer, x.ownNumbers = x.fallbackPrinter, false
	return x
}

// T is the text of key in the language, else in English, else the key
// itself (so a missing string shows where it is missing). pairs are names
// and values: each {name} in the text is replaced by its value.
func (x *Text) T(key string, pairs ...string) string {
	s, ok := x.table[key]
	if !ok {
		s, ok = x.fallback[key]
	}
	if !ok {
		return key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// LangOf is the language T(key) is in: the language's own, or the
// fallback's when its table leaves key out (a lang attribute must say so:
// a screen reader reads English words in French sounds otherwise).
func (x *Text) LangOf(key string) string {
	if _, ok := x.table[key]; ok || x.fallback[key] == "" {
		return x.Lang
	}
	return Fallback
}

// Keys are the keys the language has text for: the fallback table's.
func (x *Text) Keys() []string { return x.fallback.Keys() }

// Has says whether key is a string of the tables (of the language or of
// the fallback): a template asking for another key is an error.
func (x *Text) Has(key string) bool {
	_, ok := x.table[key]
	if !ok {
		_, ok = x.fallback[key]
	}
	return ok
}

// N is the text of a count: key.one for a count the language says in the
// singular, key.other for the rest (the language's plural rules, from
// golang.org/x/text: in English and Dutch 1 is singular, 0 and 2 are not),
// with {n} replaced by the count and the pairs as in T. A language whose
// rules have more forms (few, many) has them as keys too, key.other being
// the fallback for a form its table leaves out.
func (x *Text) N(key string, n int, pairs ...string) string {
	return x.T(x.Form(key, n), append([]string{"n", strconv.Itoa(n)}, pairs...)...)
}

// Form is the key of the text of count n: key.one, key.other, … as N
// chooses it.
func (x *Text) Form(key string, n int) string {
	k := key + "." + pluralForm(x.tag, n)
	if !x.Has(k) {
		k = key + ".other"
	}
	return k
}

// pluralForm is the CLDR plural category of n in the language.
func pluralForm(tag language.Tag, n int) string {
	v := n
	if v < 0 {
		v = -v
	}
	switch plural.Cardinal.MatchPlural(tag, v, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// Group is the text of every key under prefix ("js."), by the rest of
// the key ("results.one"), in the language, else in English.
func (x *Text) Group(prefix string) map[string]string {
	out := map[string]string{}
	for _, k := range x.fallback.Keys() {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			out[rest] = x.T(k)
		}
	}
	return out
}

// Missing are the keys of the fallback table the language's table leaves
// out, sorted: shown in English, a warning in check.
func (x *Text) Missing() []string {
	var out []string
	for _, k := range x.fallback.Keys() {
		if _, ok := x.table[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// Number writes v with decimals digits after the decimal separator, and
// the separators of the language: 1,234.5 in English, 1.234,5 in Dutch.
func (x *Text) Number(v float64, decimals int) string {
	return x.printer.Sprint(number.Decimal(v, number.Scale(decimals)))
}

// Date writes a day in the language: the table's date.format, in which
// {day}, {month} and {year} stand for the day of the month, the month's
// name (month.1 … month.12) and the year, all in the language's digits.
// Where the language's table does not name the month, the date is the
// fallback language's whole (its format, month name and digits): never
// Arabic digits around an English month name.
func (x *Text) Date(t time.Time) string {
	format, month, p := x.dateWords("date.format", t)
	r := strings.NewReplacer(
		"{day}", p.Sprint(t.Day()),
		"{month}", month,
		"{year}", year(p, t))
	return r.Replace(format)
}

// Month writes a month in the language, for a chart's axis: the table's
// date.month_format, {month} and {year} as in Date ("Jan 2026"), in the
// fallback language's whole where the table does not name the month.
func (x *Text) Month(t time.Time) string {
	format, month, p := x.dateWords("date.month_format", t)
	r := strings.NewReplacer(
		"{month}", month,
		"{year}", year(p, t))
	return r.Replace(format)
}

// dateWords are the format (the text of key), the name of t's month and
// the printer of the digits of a date: the language's when its table names
// the month, else the fallback language's.
func (x *Text) dateWords(key string, t time.Time) (format, month string, p *message.Printer) {
	m := fmt.Sprintf("month.%d", int(t.Month()))
	if name, ok := x.table[m]; ok {
		return x.T(key), name, x.printer
	}
	return x.fallback[key], x.fallback[m], x.fallbackPrinter
}

// year is t's year in p's digits, without a thousands separator (2026,
// not 2.026).
func year(p *message.Printer, t time.Time) string {
	return p.Sprint(number.Decimal(t.Year(), number.NoSeparator()))
}

// Localize is a number written as Go writes it ("12.5", "-3", "−3.25",
// with the minus sign of print) in the language ("12,5" in Dutch), with as
// many decimals; in English, in a language without a table of its own
// (see Untranslated), or when s is not a number, s as it is.
func (x *Text) Localize(s string) string {
	if x.Lang == Fallback || !x.ownNumbers {
		return s // as the fallback language writes it (see Untranslated)
	}
	sign, digits := "", s
	if rest, ok := strings.CutPrefix(s, "−"); ok {
		sign, digits = "−", rest
	}
	decimals := 0
	if _, frac, ok := strings.Cut(digits, "."); ok {
		decimals = len(frac)
	}
	f, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return s
	}
	return sign + x.Number(f, decimals)
}

// Sort orders words as the language's dictionaries do (golang.org/x/text
// collation): in Dutch and German "ä" beside "a", in Swedish after "z".
func (x *Text) Sort(words []string) {
	x.collator.SortStrings(words)
}

// Letter is the letter a word is listed under in the language's A–Z: its
// first letter without accents, in capitals ("Émotion" under E); "#" for a
// word that starts with no letter.
func (x *Text) Letter(word string) string {
	r, _ := utf8.DecodeRuneInString(norm.NFD.String(strings.TrimSpace(word)))
	if unicode.IsLetter(r) {
		return strings.ToUpper(string(r))
	}
	return "#"
}

// Compare is the language's order of a and b: -1, 0 or 1.
func (x *Text) Compare(a, b string) int { return x.collator.CompareString(a, b) }
