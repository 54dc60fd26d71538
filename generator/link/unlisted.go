package link

import (
	"github.com/shiftbook/shiftbook/generator/diag"
)

// An unlisted page (unlisted = true, or Hugo's hidden, bookHidden and
// Docsy's toc_hide) is built like any other, is found by the search, is
// in the sitemap, on its tags' pages and in the lists of its kind (the
// glossary, the metrics dashboard), and any page may link to it; but it is
// not one of its section's Children, so the navigation, the section's
// list, the previous/next links and the book leave it out, and the pages
// below it with it (its own page still lists them). A translation that
// writes none of those keys keeps its original's (see pipeline); a page
// shown untranslated is its original.

// markUnlisted sets Unlisted on every page once Parent is known: a page's
// own key, and for a folder without a page of its own (a section made
// for it) true when none of its pages is listed, so that a folder of
// unlisted pages is not an empty entry in the navigation. Pages are sorted
// by URL, and a section's URL is a prefix of its pages': walked from the
// end, every page below a section is marked before the section is.
func (s *Site) markUnlisted() {
	pages := map[*Page]int{}  // a section's pages
	listed := map[*Page]int{} // of them, those listed
	for i := len(s.Pages) - 1; i >= 0; i-- {
		p := s.Pages[i]
		if p.Parent == nil {
			continue // the home page, always in the navigation
		}
		if p.Virtual {
			p.Unlisted = pages[p] > 0 && listed[p] == 0
		} else {
			p.Unlisted = p.Meta.Unlisted
		}
		pages[p.Parent]++
		if !p.Unlisted {
			listed[p.Parent]++
		}
	}
}

// unlistedHome warns about unlisted on the home page: the navigation
// always begins with it, so the key does nothing there. A translation
// that only keeps its original's was warned about in the default language.
func (s *Site) unlistedHome() diag.List {
	h := s.Home
	if h == nil || h.Virtual || h.Fallback || !h.Meta.Unlisted || h.Meta.UnlistedKey == "" {
		return nil
	}
	file := h.Path
	if h.File != "" {
		file = h.File
	}
	k := h.Meta.UnlistedKey
	return diag.List{diag.Warning(diag.AtLine(file, h.Source, h.Meta.Line(k), 1,
		"%s does nothing on the home page: the navigation always begins with it; remove %s (to leave a section out of the navigation, write it in that section's _index.md)", k, k))}
}
