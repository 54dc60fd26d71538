package chart

import (
	"os"

	"github.com/shiftbook/shiftbook/generator/i18n"
)

// english is the default theme's interface text in English, as a site of
// one language writes its charts.
var english = func() Text {
	const path = "../../../themes/default/i18n/en.toml"
	src, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	table, diags := i18n.Read(path, src, nil)
	if len(diags) > 0 {
		panic(diags[0].String())
	}
	return i18n.New(i18n.Fallback, table, table)
}()
