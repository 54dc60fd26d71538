package render

import (
	"html"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
)

// A link to a definition in a body is written here, between its
// placeholders (link.PlaceTerm): the link, and a tooltip with the
// definition's title and summary that shows on hover and on keyboard
// focus without JavaScript, announced by screen readers through
// aria-describedby. The definition is the one of the language the page is
// shown in, so a body shown untranslated (one rendered body for every
// language) links to the translation where there is one and says so where
// there is none.

// term writes the start (PlaceTerm) or the end (PlaceTermEnd) of the link
// to the definition Body.Links[ph.N] of page p, shown at from.
func (r *run) term(b *strings.Builder, p *link.Page, ph link.Placeholder, from, idPrefix string) {
	if ph.N >= len(p.Targets) {
		return
	}
	target := p.Targets[ph.N]
	def := r.site.ByURL[target]
	tip := ""
	if def != nil {
		tip = r.termTip(def, p.Fallback, p.Body.Minified)
	}
	id := idPrefix + "term-tip-" + strconv.Itoa(ph.N+1)
	if ph.Kind == link.PlaceTermEnd {
		b.WriteString(`</a>`)
		if tip != "" {
			b.WriteString(`<span class="term-tip" role="tooltip" id="` + html.EscapeString(id) + `">` + tip + `</span></span>`)
		}
		return
	}
	if tip != "" {
		b.WriteString(`<span class="term-wrap">`)
	}
	b.WriteString(`<a class="term" href="`)
	r.writeTarget(b, target, from, idPrefix)
	b.WriteString(`"`)
	if tip != "" {
		b.WriteString(` aria-describedby="` + html.EscapeString(id) + `"`)
	}
	b.WriteString(`>`)
}

// tipKey names a tooltip: one per definition and per language of the text
// around it (a page shown untranslated is in the default language).
type tipKey struct {
	def              *link.Page
	pageUntranslated bool
	minified         bool
}

// termTip is the inside of a definition's tooltip, "" when it has nothing
// to say; made once per definition and kind of page.
func (r *run) termTip(def *link.Page, pageUntranslated, minified bool) string {
	key := tipKey{def, pageUntranslated, minified && r.mini != nil}
	if v, ok := r.tips.Load(key); ok {
		return v.(string)
	}
	summary, note := link.Summary(def), ""
	if def.Fallback && r.opts.Lang != nil {
		note = strings.ReplaceAll(r.text.T("translation.term", "language", r.opts.Lang.Name), "{term}", def.Title())
	}
	if summary == "" && note == "" {
		r.tips.Store(key, "")
		return ""
	}
	// Marked with their language (and direction) where the words are in
	// another language than the page's text around them.
	pageLang := r.treeLang()
	if pageUntranslated && pageLang != "" {
		pageLang = r.site.Config.DefaultLanguage().Code
	}
	var b strings.Builder
	defMark := r.mark(r.textLang(def), pageLang)
	if defMark.Lang != "" {
		b.WriteString(`<span` + defMark.attrs() + `>`)
	}
	b.WriteString(`<strong>` + html.EscapeString(def.Title()) + `</strong> ` + html.EscapeString(summary))
	if defMark.Lang != "" {
		b.WriteString(`</span>`)
	}
	if note != "" {
		b.WriteString(` <em class="term-untranslated"` + r.mark(r.text.LangOf("translation.term"), pageLang).attrs() + `>` + html.EscapeString(note) + `</em>`)
	}
	tip := b.String()
	if key.minified {
		// As the body around it was: the same bytes a page minified whole
		// would have.
		if small, err := r.mini.html([]byte(tip)); err == nil {
			tip = string(small)
		}
	}
	r.tips.Store(key, tip)
	return tip
}
