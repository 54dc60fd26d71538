package render

import (
	"os"
	"testing"

	"github.com/shiftbook/shiftbook/generator/i18n"
)

// textRun is a run with the default theme's interface text in lang: "" for
// a site of one language (English), else a language of a site of several.
func textRun(t *testing.T, lang string) *run {
	t.Helper()
	read := func(code string, known []string) i18n.Table {
		path := "../../themes/default/i18n/" + code + ".toml"
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		table, diags := i18n.Read(path, src, known)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		return table
	}
	en := read(i18n.Fallback, nil)
	r := &run{text: i18n.New(i18n.Fallback, en, en)}
	if lang != "" {
		names := map[string]string{"en": "English", "nl": "Nederlands", "de": "Deutsch"}
		r.opts.Lang = &Language{Code: lang, Name: names[lang], Prefix: lang + "/"}
		r.text = i18n.New(lang, read(lang, en.Keys()), en)
	}
	return r
}
