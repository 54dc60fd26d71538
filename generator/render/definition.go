package render

import (
	"strings"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
)

// DefinitionData is a term's own data.
type DefinitionData struct {
	Abbr     string
	Synonyms []string
	Summary  string
	UsedBy   []LinkData
	Metrics  []LinkData
}

func init() {
	registerKind(kind.Definition, kindPages{
		page: func(r *run, p *link.Page, d *PageData) {
			def := &DefinitionData{Abbr: p.Meta.Definition.Abbr, Synonyms: p.Meta.Definition.Synonyms, Summary: link.Summary(p)}
			for _, u := range r.site.UsedBy[p] {
				def.UsedBy = append(def.UsedBy, LinkData{Title: u.Title(), URL: rootRel(u.URL)})
			}
			for _, m := range r.site.Metrics {
				if m.Definition == p {
					def.Metrics = append(def.Metrics, LinkData{Title: m.Title(), URL: rootRel(m.Page.URL)})
				}
			}
			d.Definition = def
		},
		card: func(_ *run, p *link.Page, c *CardData) { c.Summary = link.Summary(p) },
		keywords: func(p *link.Page, w *entryWords) {
			w.e.Summary = strings.TrimSpace(link.Summary(p))
			w.keyword(p.Meta.Definition.Abbr)
			for _, s := range p.Meta.Definition.Synonyms {
				w.keyword(s)
			}
		},
	})
}
