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
// default, named as site.toml has it, how many pages are translated, the
// translations whose original changed since they were made, those started
// with new --lang whose note is still at the top, those not published yet
// (a draft, or a publishDate to come) and the pages not translated at all
// (with the file a translation would be). Only the first are counted as
// translated: each other list is work still to do. Pages in the language
// only, with no original, are listed apart and not counted.
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
		states := res.Translations[l.Code]
		var behind, unfinished, held, missing, only []string
		total := 0
		for _, p := range site.Pages {
			if p.Virtual {
				continue
			}
			original := p.Page
			if !p.Fallback {
				if o := res.Site.ByURL[p.URL]; p.Original == nil && o != nil && o.Virtual && o.Path == p.Path {
					// The section page of a folder the default language
					// has none for: as the made section, not counted.
					continue
				}
				if p.Original == nil {
					// A page in this language only (its load warning names
					// the original expected): no translation of a page, so
					// not counted as one.
					only = append(only, p.File)
					continue
				}
				original = p.Original
			}
			if original.Meta.Draft {
				continue
			}
			total++
			st, has := states[p.Path]
			switch {
			case has && st.Held != "":
				// Left out of the build (its page is the original's, with
				// the banner), but written: not "not translated".
				held = append(held, fmt.Sprintf("%s (%s)", st.File, st.Held))
			case p.Fallback:
				file := p.Path
				if f, ok := res.Renamed[p.Path]; ok {
					file = f // pay.en.md, the page pay.md
				}
				missing = append(missing, fmt.Sprintf("%s → %s", file, translationFile(p.Path, l.Code)))
			case st.Unfinished:
				unfinished = append(unfinished, p.File)
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
		done := total - len(missing) - len(unfinished) - len(held)
		fmt.Fprintf(w, "%s (%s): %d of %d pages translated\n", l.Name, l.Code, done, total)
		printList(w, "out of date", "", behind)
		printList(w, "unfinished", ", the note of new --lang still in the text", unfinished)
		printList(w, "not published yet", "", held)
		printList(w, "not translated", "", missing)
		printList(w, "in "+l.Name+" only", ", no original", only)
	}
}

// printList writes one list of printTranslations, when it has anything:
// its name, the count, what it means (if it needs saying), the items.
func printList(w io.Writer, what, means string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s (%d)%s:\n", what, len(items), means)
	for _, it := range items {
		fmt.Fprintf(w, "    %s\n", it)
	}
}

// translationFile is the file a translation of the page at p into code
// is written in, the code as site.toml spells it (as new --lang writes
// it): promise.md → promise.nl.md, promise.pt-BR.md.
func translationFile(p, code string) string {
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + code + ext
}
