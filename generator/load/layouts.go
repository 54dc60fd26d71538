package load

import (
	"strings"

	"github.com/shiftbook/shiftbook/generator/parse"
)

// LanguageLayout splits a language's code off a layout's name, as Hugo
// names a layout made for one language: "home.nl" (layouts/home.nl.html)
// is the home layout of the pages in nl, which render gives them in place
// of "home"; the other languages keep home.html. The code is matched as
// translations' file names are, in any case, and returned as site.toml
// spells it. ok is false for a site without [languages] and for a suffix
// that is not one of its languages ("home.xx", "two.words"): that is an
// ordinary layout's name, which a page's layout key may name.
func LanguageLayout(name string, languages []parse.Language) (layout, code string, ok bool) {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || i == len(name)-1 {
		return "", "", false
	}
	for _, l := range languages {
		if strings.EqualFold(name[i+1:], l.Code) {
			return name[:i], l.Code, true
		}
	}
	return "", "", false
}

// pageLayouts are the layouts a page's layout key may name, as render
// reads them: the theme's layouts/NAME.html but baseof and the languages'
// own (home.nl.html is home's for the nl pages, not a layout of its own).
func pageLayouts(theme Theme, languages []parse.Language) []string {
	var out []string
	for _, p := range theme.Paths("layouts") {
		name, ok := strings.CutSuffix(strings.TrimPrefix(p, "layouts/"), ".html")
		if !ok || strings.Contains(name, "/") || name == "baseof" {
			continue
		}
		if _, _, ok := LanguageLayout(name, languages); ok {
			continue
		}
		out = append(out, name)
	}
	return out
}
