package link

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/load"
)

// resolveLayouts warns at each layout key (or MkDocs's template) that names
// no layout of the theme. render then falls back to the page's usual
// layout, as Hugo does, so the page still builds; but the author asked for
// another look and would otherwise never learn it was not used.
func (s *Site) resolveLayouts() diag.List {
	layouts := s.Config.Layouts
	if layouts == nil {
		return nil // not listed (a test's site): nothing to check against
	}
	var usable []string // the layouts any page may name
	for _, l := range layouts {
		if kind.LayoutReservedFor(l) == "" && l != "baseof" {
			usable = append(usable, l)
		}
	}
	var diags diag.List
	for _, p := range s.Pages {
		name := p.Meta.Layout
		if name == "" || p.Virtual {
			continue
		}
		key := p.Meta.LayoutKey
		if key == "" {
			key = "layout"
		}
		if slices.Contains(layouts, name) {
			// A layout of the theme, but made for other pages' data.
			folderPage := p.Kind == KindSection && p.Parent != nil && p.Parent.Kind == KindHome
			if who := kind.LayoutReservedFor(name); who != "" && !kind.OwnLayout(p.Kind, p.Section, folderPage, name) {
				diags.Add(diag.Warning(diag.AtLine(p.Path, p.Source, p.Meta.Line(key), 1,
					"layout %q is made for %s and shows only what those have, not this page's text, so the page is shown in its usual layout; remove %s, or name a layout for any page: %s", name, who, key, strings.Join(usable, ", "))))
			}
			continue
		}
		if base, code, ok := load.LanguageLayout(name, s.Config.Languages); ok {
			// home.nl.html is home's for the nl pages: given, not named.
			diags.Add(diag.Warning(diag.AtLine(p.Path, p.Source, p.Meta.Line(key), 1,
				"layout %q is not a layout a page names: layouts/%s.html is the %q layout of the pages in %s, which they are given without naming it, so the page is shown in its usual layout; name %q to have that layout in every language, or remove %s",
				name, name, base, code, base, key)))
			continue
		}
		msg := fmt.Sprintf("layout %q is not a layout of the theme, so the page is shown in its usual layout", name)
		if key != "layout" {
			msg = fmt.Sprintf("%s is MkDocs's name for the page's layout; the theme has no layout %q, so the page is shown in its usual layout", key, name)
		}
		msg += diag.DidYouMean(name, usable, fmt.Sprintf("; the layouts are %s: name one, or add layouts/%s.html to the theme", strings.Join(usable, ", "), name))
		diags.Add(diag.Warning(diag.AtLine(p.Path, p.Source, p.Meta.Line(key), 1, "%s", msg)))
	}
	return diags
}
