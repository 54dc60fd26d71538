package render

import (
	"io/fs"
	"testing"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/themes"
)

// TestEveryKindIsShown keeps the kind table and this stage together: a kind
// with a folder shows its pages (a page hook), a kind whose folder page has
// a layout fills it in (a list hook), and the default theme has every
// layout a row names.
func TestEveryKindIsShown(t *testing.T) {
	for _, k := range kind.Table {
		h, registered := renderKinds[k.Name]
		if k.Folder != "" && (!registered || h.page == nil) {
			t.Errorf("kind %q has a folder but no page hook: registerKind it in render/%s.go", k.Name, k.Name)
		}
		if k.ListLayout != "" && h.list == nil {
			t.Errorf("kind %q has a list layout %q but no list hook", k.Name, k.ListLayout)
		}
		for _, layout := range []string{k.Layout, k.ListLayout} {
			if layout == "" {
				continue
			}
			if _, err := fs.Stat(themes.FS, "default/layouts/"+layout+".html"); err != nil {
				t.Errorf("kind %q names layout %q, which the default theme does not have: add themes/default/layouts/%s.html", k.Name, layout, layout)
			}
		}
	}
}
