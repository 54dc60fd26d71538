package render

import (
	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
)

// CheckTemplates parses the theme's templates and reports their syntax
// errors, without a site to render: when the content has errors, pages are
// not rendered, and this still tells the author about a broken template in
// the same run.
func CheckTemplates(theme load.Theme) diag.List {
	r := &run{} // the functions are only named while parsing, never called
	_, diags := parseTemplates(theme, r.funcs())
	return diags
}
