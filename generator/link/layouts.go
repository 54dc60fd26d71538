package link

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
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
	var diags diag.List
	for _, p := range s.Pages {
		name := p.Meta.Layout
		if name == "" || p.Virtual || slices.Contains(layouts, name) {
			continue
		}
		key := p.Meta.LayoutKey
		if key == "" {
			key = "layout"
		}
		msg := fmt.Sprintf("layout %q is not a layout of the theme, so the page is shown in its usual layout", name)
		if key != "layout" {
			msg = fmt.Sprintf("%s is MkDocs's name for the page's layout; the theme has no layout %q, so the page is shown in its usual layout", key, name)
		}
		msg += diag.DidYouMean(name, layouts, fmt.Sprintf("; the layouts are %s: name one, or add layouts/%s.html to the theme", strings.Join(layouts, ", "), name))
		diags.Add(diag.Warning(diag.AtLine(p.Path, p.Source, p.Meta.Line(key), 1, "%s", msg)))
	}
	return diags
}
