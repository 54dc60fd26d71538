package render

import (
	"sort"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/render/search"
)

// The search index is written by package search (generator/render/search):
// a manifest, token shards and a file per document under search/, which the
// theme's site.js loads as a query needs them. This file makes its
// documents from the pages.

// searchEntry is one document of the search index.
type searchEntry = search.Doc

// searchDocs counts the documents of the index: every page but the section
// pages made up for a folder without an _index.md.
func searchDocs(pages []*link.Page) int {
	n := 0
	for _, p := range pages {
		if !p.Virtual {
			n++
		}
	}
	return n
}

// searchFiles makes the files of the search index (search.Paths).
func (r *run) searchFiles() map[string][]byte {
	entries := searchEntries(r.site.Pages, r.shortcodeText)
	if e, ok := r.surveysSearchEntry(); ok { // a generated page with much to find
		entries = append(entries, e)
		sort.SliceStable(entries, func(i, j int) bool { return entries[i].URL < entries[j].URL })
	}
	r.markLanguages(entries)
	files, err := search.Files(entries)
	if err != nil {
		r.fail(diag.File(search.ManifestPath, "cannot encode the search index: %v", err))
		return nil
	}
	return files
}

// searchEntries makes the index documents of pages, sorted by URL. Section
// pages made up for a folder without an _index.md have nothing to find.
// fill gives the text a shortcode of a page shows (see fillShortcodes).
func searchEntries(pages []*link.Page, fill func(*link.Page, *markdown.Shortcode) string) []searchEntry {
	entries := make([]searchEntry, 0, len(pages))
	for _, p := range pages {
		if !p.Virtual {
			e := searchEntryOf(p)
			e.Text = fillShortcodes(e.Text, p, fill)
			entries = append(entries, e)
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].URL < entries[j].URL })
	return entries
}

func searchEntryOf(p *link.Page) searchEntry {
	title := p.Title()
	e := searchEntry{Title: title, URL: rootRel(p.URL), Summary: strings.TrimSpace(p.Meta.Description)}
	if p.Kind != link.KindPage {
		e.Kind = string(p.Kind)
	}
	if p.Parent != nil && p.Parent.Kind != link.KindHome {
		e.Section = p.Parent.Title()
	}
	w := &entryWords{e: &e, seen: map[string]bool{foldKey(title): true}}
	h := renderKinds[p.Kind]
	if h.keywords != nil {
		h.keywords(p, w)
	}
	for _, k := range p.Meta.Keywords { // keywords = [...] (Hugo, Docusaurus)
		w.keyword(k)
	}
	if p.Body != nil {
		for _, hd := range p.Body.Headings {
			w.heading(hd.Text)
		}
	}
	if h.headings != nil {
		h.headings(p, w)
	}
	if p.Body != nil {
		e.Text = withoutPrefix(p.Body.Text, e.Summary)
	}
	return e
}

// entryWords adds words to a search entry, leaving out what it already
// says.
type entryWords struct {
	e *searchEntry
	// seen holds what the entry already says, folded for case, so that a
	// keyword or heading repeating the title or another keyword is left out.
	seen map[string]bool
}

func (w *entryWords) add(list []string, s string) []string {
	s = strings.TrimSpace(s)
	if k := foldKey(s); k != "" && !w.seen[k] {
		w.seen[k] = true
		list = append(list, s)
	}
	return list
}

// keyword adds a word the search finds the page by.
func (w *entryWords) keyword(s string) { w.e.Keywords = w.add(w.e.Keywords, s) }

// heading adds a part of the page the search points into.
func (w *entryWords) heading(s string) { w.e.Headings = w.add(w.e.Headings, s) }

// keepKeyword adds a keyword even when the entry says it already.
func (w *entryWords) keepKeyword(s string) {
	w.seen[foldKey(s)] = true
	w.e.Keywords = append(w.e.Keywords, s)
}

// fillShortcodes replaces each shortcode mark of a body's text (see
// markdown.ShortcodeMark) with what the shortcode shows, so that a search
// snippet reads "currently 2.31 score (off track, as of 31 Oct 2026)", not
// "currently ." A mark cut short by the text's limit is dropped.
func fillShortcodes(text string, p *link.Page, fill func(*link.Page, *markdown.Shortcode) string) string {
	start := string(markdown.ShortcodeMarkStart)
	if !strings.Contains(text, start) || p.Body == nil {
		return text
	}
	var b strings.Builder
	for {
		i := strings.Index(text, start)
		if i < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(text[:i])
		rest := text[i+len(start):]
		j := strings.IndexRune(rest, markdown.ShortcodeMarkEnd)
		if j < 0 {
			break // cut by the limit
		}
		if off, err := strconv.Atoi(rest[:j]); err == nil {
			for _, sc := range p.Body.Shortcodes {
				if sc.Offset == off {
					b.WriteString(fill(p, sc))
					break
				}
			}
		}
		text = rest[j+len(string(markdown.ShortcodeMarkEnd)):]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// shortcodeText is the text a shortcode shows a reader, for the search index.
func (r *run) shortcodeText(p *link.Page, sc *markdown.Shortcode) string {
	if len(sc.Args) != 1 {
		return ""
	}
	spec, _ := link.BuiltinShortcode(sc.Name)
	switch spec.Shows {
	case link.ShowsParam:
		if v, ok := r.site.ParamOf(p, sc.Args[0]); ok {
			return parse.ParamText(v)
		}
	case link.ShowsMetric:
		m := r.site.MetricByID(sc.Args[0])
		if m == nil {
			return ""
		}
		d := r.metricData(m)
		if !d.HasData {
			return d.Name + ": no data yet"
		}
		s := d.Latest + " (" + strings.ToLower(d.StatusText) + ", as of " + d.AsOf + ")"
		if spec.Chart || sc.Named["name"] == "true" {
			s = d.Name + " " + s
		}
		return s
	case link.ShowsJourney:
		if j := r.site.JourneyByID(sc.Args[0]); j != nil {
			return j.Title()
		}
	}
	return ""
}

// foldKey is s as compared for duplicates: case and spacing ignored.
func foldKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// withoutPrefix drops summary from the start of text when the text begins by
// repeating it (a description copied from the first sentence): the words are
// already in the index, in the field that ranks higher.
func withoutPrefix(text, summary string) string {
	if summary == "" || !strings.HasPrefix(text, summary) {
		return text
	}
	return strings.TrimLeft(text[len(summary):], " .,;:!?")
}

// markLanguages marks, on a site of several languages, the documents shown
// untranslated (in a language other than the default) and the languages
// that translate each page (in the default language); see search.Doc.
func (r *run) markLanguages(entries []searchEntry) {
	if r.opts.Lang == nil || r.alternates == nil {
		return
	}
	byURL := make(map[string]*link.Page, len(r.site.Pages))
	for _, p := range r.site.Pages {
		byURL[rootRel(p.URL)] = p
	}
	for i := range entries {
		p := byURL[entries[i].URL]
		if p == nil {
			continue
		}
		if p.Fallback {
			entries[i].Fallback = true
		}
		if r.opts.Lang.Prefix != "" {
			continue
		}
		for _, a := range r.alternates[p.URL] {
			if a.lang != 0 && !a.fallback {
				entries[i].Translated = append(entries[i].Translated, r.langs[a.lang].Code)
			}
		}
	}
}
