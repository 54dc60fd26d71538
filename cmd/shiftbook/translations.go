package main

import (
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/pipeline"
)

// printTranslations is check --translations: for each language but the
// default, how many pages are translated, the pages not translated yet
// (with the file a translation would be) and the translations whose
// original changed since they were made.
func printTranslations(w io.Writer, res *pipeline.Result) {
	if res == nil {
		return
	}
	langs := res.Site.Config.Languages
	if len(langs) < 2 {
		fmt.Fprintln(w, "translations: the site has one language; add [languages.CODE] tables to site.toml to translate it")
		return
	}
	for i, site := range res.Languages {
		l := langs[i+1]
		var missing, behind []string
		total := 0
		for _, p := range site.Pages {
			if p.Virtual || p.Meta.Draft {
				continue
			}
			total++
			switch {
			case p.Fallback:
				missing = append(missing, fmt.Sprintf("%s → %s", p.Path, translationFile(p.Path, l.Code)))
			default:
				if changed, ok := link.TranslationBehind(p.Original, p.Page); ok {
					key, basis := link.TranslationBasis(p.Page)
					if key == "lastmod" || key == "date" {
						key = "its own " + key
					}
					behind = append(behind, fmt.Sprintf("%s (original changed %s, %s %s)", p.File, changed.Format("2006-01-02"), key, basis.Format("2006-01-02")))
				}
			}
		}
		fmt.Fprintf(w, "%s (%s): %d of %d pages translated\n", l.Name, l.Code, total-len(missing), total)
		if len(behind) > 0 {
			fmt.Fprintf(w, "  out of date (%d):\n", len(behind))
			for _, b := range behind {
				fmt.Fprintf(w, "    %s\n", b)
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(w, "  not translated (%d):\n", len(missing))
			for _, m := range missing {
				fmt.Fprintf(w, "    %s\n", m)
			}
		}
	}
}

// translationFile is the file a translation of the page at p into code
// is written in: promise.md → promise.nl.md.
func translationFile(p, code string) string {
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + strings.ToLower(code) + ext
}
