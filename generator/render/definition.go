package render

import (
	"sort"
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
		manifest: definitionManifest,
		changes:  definitionChanges,
		page: func(r *run, p *link.Page, d *PageData) {
			def := &DefinitionData{Abbr: p.Meta.Definition.Abbr, Synonyms: p.Meta.Definition.Synonyms, Summary: link.Summary(p)}
			for _, u := range r.site.UsedBy[p] {
				def.UsedBy = append(def.UsedBy, LinkData{Title: u.Title(), URL: rootRel(u.URL), Mark: r.titleMark(u, p)})
			}
			for _, m := range r.site.Metrics {
				if m.Definition == p {
					def.Metrics = append(def.Metrics, LinkData{Title: m.Title(), URL: rootRel(m.Page.URL), Mark: r.titleMark(m.Page, p)})
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

// ManifestDefinition is a term of the vocabulary.
type ManifestDefinition struct {
	Path    string `json:"path"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

// DefinitionChange is a term whose summary changed.
type DefinitionChange struct {
	Title, URL string
	Old, New   string
}

// definitionManifest adds the kind's part of the manifest.
func definitionManifest(site *link.Site, m *Manifest) {
	for _, def := range site.Terms.List {
		m.Definitions = append(m.Definitions, ManifestDefinition{Path: rootRel(def.URL), Title: def.Title(), Summary: link.Summary(def)})
	}
	sort.Slice(m.Definitions, func(i, j int) bool { return m.Definitions[i].Path < m.Definitions[j].Path })
}

// definitionChanges lists what changed in the kind's part of the manifest, and
// says how many.
func definitionChanges(prev, cur *Manifest, c *ChangesData) int {
	oldDefs := map[string]ManifestDefinition{}
	for _, d := range prev.Definitions {
		oldDefs[d.Path] = d
	}
	for _, d := range cur.Definitions {
		if old, ok := oldDefs[d.Path]; ok && old.Summary != d.Summary {
			c.Definitions = append(c.Definitions, DefinitionChange{Title: d.Title, URL: d.Path, Old: old.Summary, New: d.Summary})
		}
	}

	return len(c.Definitions)
}
