package render

import (
	"io/fs"
	"testing"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/themes"
)

// TestBuiltinShortcodesHaveTemplates checks the table of shortcodes against
// the default theme: each built-in is written by a template that exists,
// and shows something render knows how to fill in.
func TestBuiltinShortcodesHaveTemplates(t *testing.T) {
	for _, b := range link.Builtins {
		if _, err := fs.Stat(themes.FS, "default/layouts/"+b.Template); err != nil {
			t.Errorf("shortcode %s: its template %s is not in the default theme: %v", b.Name, b.Template, err)
		}
		if b.Shows != link.ShowsMetric && b.Shows != link.ShowsJourney && b.Shows != link.ShowsParam {
			t.Errorf("shortcode %s shows %v, which render does not fill in", b.Name, b.Shows)
		}
	}
}
