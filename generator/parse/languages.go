package parse

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/tomlpos"
)

// Language is one language of a site, from a [languages.CODE] table of
// site.toml.
type Language struct {
	// Code is the table's name, a BCP 47 tag such as "nl" or "pt-BR": the
	// suffix of a translation's file name (promise.nl.md) and the lang
	// attribute of its pages.
	Code string
	// Name is the language's name in itself ("Nederlands"), shown in the
	// language switcher and the fallback banner; left out, the name the
	// Unicode CLDR gives the language in itself.
	Name string
	// Direction is "ltr" or "rtl", the dir attribute of its pages.
	Direction string
	// Order places the language in the switcher; the first is the
	// default language, the one at the root of the site.
	Order int
}

// languageTable is a [languages.CODE] table as written.
type languageTable struct {
	Name      string `toml:"name"`
	Direction string `toml:"direction"`
	Order     *int   `toml:"order"`
}

// languageKeys are the keys of a [languages.CODE] table.
var languageKeys = []string{"name", "direction", "order"}

// Directions are the values of a language's direction.
var Directions = []string{"ltr", "rtl"}

// configKindOf is the type of a key of site.toml, reading the key of any
// [languages.CODE] table as one.
func configKindOf(name string) string {
	if rest, ok := strings.CutPrefix(name, "languages."); ok {
		code, key, sub := strings.Cut(rest, ".")
		switch {
		case !sub:
			return "table"
		case code != "" && slices.Contains(languageKeys, key):
			return map[string]string{"name": "text", "direction": "text", "order": "whole"}[key]
		}
		return ""
	}
	return configKinds[name]
}

// unknownLanguageKey is the diagnostic for a key of site.toml the decoder
// did not use, when it lies in a [languages.CODE] table; ok is false for
// any other key.
func unknownLanguageKey(name string, src []byte, line int) (diag.Diagnostic, bool) {
	rest, ok := strings.CutPrefix(name, "languages.")
	if !ok {
		return diag.Diagnostic{}, false
	}
	code, key, _ := strings.Cut(rest, ".")
	msg := fmt.Sprintf("unknown key %q in [languages.%s] of %s", key, code, ConfigFile) +
		diag.DidYouMean(key, languageKeys, "; a language takes name, direction and order")
	return diag.AtLine(ConfigFile, src, line, 1, "%s", msg), true
}

// readLanguages checks the [languages] tables and sets cfg.Languages in
// their order, and cfg.Language to the default language's code. A site
// without the table keeps cfg.Languages empty: one language, cfg.Language.
func readLanguages(cfg *Config, src []byte, keys *tomlpos.Map) diag.List {
	if len(cfg.LanguageTables) == 0 {
		return nil
	}
	var diags diag.List
	line := func(key ...string) int { return keys.Line(append([]string{"languages"}, key...)...) }
	codes := slices.Sorted(maps.Keys(cfg.LanguageTables))
	// A language without an order follows those with one, in the order
	// site.toml writes them: the table's line breaks the tie.
	sort.SliceStable(codes, func(i, j int) bool {
		oi, oj := cfg.LanguageTables[codes[i]].Order, cfg.LanguageTables[codes[j]].Order
		switch {
		case oi != nil && oj != nil && *oi != *oj:
			return *oi < *oj
		case (oi == nil) != (oj == nil):
			return oi != nil
		}
		return line(codes[i]) < line(codes[j])
	})
	orders := map[int]string{}
	var langs []Language
	for _, code := range codes {
		t := cfg.LanguageTables[code]
		at := line(code)
		if !isLanguageTag(code) {
			diags.Add(diag.AtLine(ConfigFile, src, at, 1,
				"[languages.%s] is not named by a language tag; name the table by one such as \"nl\", \"de\", \"fr\" or \"pt-BR\" (BCP 47, as in HTML's lang), which is also the suffix of its files (promise.nl.md)", code))
			cfg.LanguagesUnsure = true
			continue
		}
		tag := language.Make(code)
		l := Language{Code: code, Name: strings.TrimSpace(t.Name), Direction: t.Direction}
		if l.Name == "" {
			if _, written := keys.At("languages", code, "name"); written {
				vl := line(code, "name")
				diags.Add(diag.AtLine(ConfigFile, src, vl, valueColumn(src, vl),
					"languages.%s.name is empty; write the language's name in itself, such as \"Nederlands\", or leave the key out", code))
			}
			l.Name = display.Self.Name(tag)
			if l.Name == "" {
				diags.Add(diag.AtLine(ConfigFile, src, at, 1,
					"[languages.%s] needs a name: shiftbook knows no name for %q; write name = \"...\" with the language's name in itself", code, code))
				l.Name = code
			}
		}
		switch l.Direction {
		case "":
			l.Direction = "ltr"
			if _, conf := tag.Script(); conf != language.No {
				if s, _ := tag.Script(); rtlScripts[s.String()] {
					l.Direction = "rtl"
				}
			}
		case "ltr", "rtl":
		default:
			vl := line(code, "direction")
			msg := fmt.Sprintf("languages.%s.direction %q is not a direction", code, l.Direction) +
				diag.DidYouMean(l.Direction, Directions, "; write \"ltr\" (left to right) or \"rtl\" (right to left, as Arabic and Hebrew)")
			diags.Add(diag.AtLine(ConfigFile, src, vl, valueColumn(src, vl), "%s", msg))
			l.Direction = "ltr"
		}
		if t.Order != nil {
			l.Order = *t.Order
			if other, dup := orders[l.Order]; dup {
				vl := line(code, "order")
				diags.Add(diag.AtLine(ConfigFile, src, vl, valueColumn(src, vl),
					"languages.%s.order is %d, as is languages.%s.order; give each language its own place", code, l.Order, other))
				cfg.LanguagesUnsure = true
			}
			orders[l.Order] = code
		}
		langs = append(langs, l)
	}
	if len(langs) == 0 {
		return diags
	}
	def := langs[0].Code
	if p, ok := keys.At("language"); ok && cfg.Language != def {
		written := keys.LineOf(p.Key)
		msg := fmt.Sprintf("language is %q, but the first of [languages] is %q", cfg.Language, def)
		if _, ok := cfg.LanguageTables[cfg.Language]; ok {
			msg += fmt.Sprintf("; give [languages.%s] the lowest order to make it the default, or remove language", cfg.Language)
		} else {
			msg += "; remove language: the first language of [languages] is the default"
		}
		diags.Add(diag.AtLine(ConfigFile, src, written, valueColumn(src, written), "%s", msg))
		cfg.LanguagesUnsure = true
	}
	cfg.Language = def
	cfg.Languages = langs
	return diags
}

// rtlScripts are the ISO 15924 scripts written right to left, for the
// direction of a language that does not say.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true, "Rohg": true}

// DefaultLanguage is the language at the root of the site.
func (c *Config) DefaultLanguage() Language {
	if len(c.Languages) > 0 {
		return c.Languages[0]
	}
	return Language{Code: c.Language, Direction: "ltr"}
}

// LanguageCodes are the codes of the site's languages in order; nil for a
// site of one language.
func (c *Config) LanguageCodes() []string {
	var codes []string
	for _, l := range c.Languages {
		codes = append(codes, l.Code)
	}
	return codes
}

// ShapedLikeLanguage reports whether a name's suffix has the shape of a
// language code, known or not: two letters, with an optional region or
// script ("xx", "pt-br", "zh-hant"). Beside a page of the same name
// (promise.md, promise.xx.md) such a suffix is a language code mistyped or
// not configured, not part of an ordinary file name.
func ShapedLikeLanguage(code string) bool {
	base, rest, _ := strings.Cut(strings.ToLower(code), "-")
	if len(base) != 2 || base[0] < 'a' || base[0] > 'z' || base[1] < 'a' || base[1] > 'z' {
		return false
	}
	if rest == "" {
		return true
	}
	if len(rest) < 2 || len(rest) > 4 {
		return false
	}
	for _, c := range rest {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// LooksLikeLanguage reports whether a name's suffix is meant as a language
// code that the site does not have: two lower-case letters that ISO 639-1
// knows, with an optional region ("pt-br") or script ("zh-hant"). Longer
// or other suffixes (release.notes.md, v1.2.md, api.md's "api") are part
// of an ordinary file name, so a name with a dot in it is never mistaken.
func LooksLikeLanguage(code string) bool {
	base, rest, _ := strings.Cut(code, "-")
	if len(base) != 2 || base[0] < 'a' || base[0] > 'z' || base[1] < 'a' || base[1] > 'z' {
		return false
	}
	if rest != "" && (len(rest) < 2 || len(rest) > 4) {
		return false
	}
	b, err := language.ParseBase(base)
	if err != nil || b.ISO3() == "und" {
		return false
	}
	if rest != "" {
		if _, err := language.Parse(code); err != nil {
			return false
		}
	}
	return true
}
