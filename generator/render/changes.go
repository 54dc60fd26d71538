package render

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/work"
)

// ManifestFile is where every build writes its manifest, at the output root.
const ManifestFile = "manifest.json"

// manifestFormat is the manifest's format number; a later shiftbook that
// changes the format reads older ones by it.
const manifestFormat = 1

// Manifest lists what an edition holds, so that a later edition can say
// what changed: its pages with a hash of each page's file, its definitions,
// metrics and journeys. Every list is sorted, so the same site gives the
// same bytes.
type Manifest struct {
	Format      int                  `json:"format"`
	Version     string               `json:"version"`
	Pages       []ManifestPage       `json:"pages"`
	Definitions []ManifestDefinition `json:"definitions"`
	Metrics     []ManifestMetric     `json:"metrics"`
	Journeys    []ManifestJourney    `json:"journeys"`
	// Initiatives came later: an older manifest has none, and lists no
	// change of theirs.
	Initiatives []ManifestInitiative `json:"initiatives,omitempty"`
	// Translations are the pages translated into each language other
	// than the default (a site of one language has none).
	Translations []ManifestTranslation `json:"translations,omitempty"`
}

// ManifestTranslation is a page translated into a language: its
// original's file, and whether its original changed after it was
// translated.
type ManifestTranslation struct {
	Lang   string `json:"lang"`
	Path   string `json:"path"`
	Behind bool   `json:"behind,omitempty"`
}

// ManifestPage is a page: its URL relative to the edition root ("" for the
// home page), its title and the hash of its source file as a reader gets it
// (parse.TextDigest: a byte-order mark or CRLF line endings change nothing).
type ManifestPage struct {
	Path  string `json:"path"`
	Title string `json:"title"`
	Hash  string `json:"hash"`
	// Kind and Sections came later: an older manifest has neither (see
	// kindOf and diffSections).
	Kind     string            `json:"kind,omitempty"`
	Sections []ManifestSection `json:"sections"`
}

// ManifestOf makes the manifest of a resolved site.
func ManifestOf(site *link.Site) *Manifest {
	return manifestOf(site, 1)
}

// manifestOf is ManifestOf with the pages' sections hashed by workers in
// parallel (0: one per CPU).
func manifestOf(site *link.Site, workers int) *Manifest {
	m := &Manifest{Format: manifestFormat, Version: site.Config.Version,
		Pages: make([]ManifestPage, len(site.Pages)), Definitions: []ManifestDefinition{}, Metrics: []ManifestMetric{}, Journeys: []ManifestJourney{}}
	work.Each(context.Background(), workers, len(site.Pages), func(i int) {
		p := site.Pages[i]
		m.Pages[i] = ManifestPage{Path: rootRel(p.URL), Title: p.Title(), Hash: hex16(p.Digest),
			Kind: string(p.Kind), Sections: pageSections(p)}
	})
	for _, k := range kind.Table {
		if h := renderKinds[k.Name]; h.manifest != nil {
			h.manifest(site, m)
		}
	}
	sort.Slice(m.Pages, func(i, j int) bool { return m.Pages[i].Path < m.Pages[j].Path })
	return m
}

// Encode is the manifest as manifest.json holds it.
func (m *Manifest) Encode() []byte {
	data, _ := json.MarshalIndent(m, "", " ")
	return append(data, '\n')
}

// ReadManifest decodes a manifest.json.
func ReadManifest(data []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	if m.Format < 1 || m.Format > manifestFormat {
		return nil, fmt.Errorf("manifest format %d is not one this shiftbook reads (it reads %d)", m.Format, manifestFormat)
	}
	return &m, nil
}

// ChangesData is the /changes/ page: this edition against the previous one.
type ChangesData struct {
	Version     string // this edition
	Previous    string // the edition compared with
	First       bool   // there is none: this is the first edition
	Unknown     bool   // the previous edition keeps no manifest: nothing can be listed
	None        bool   // nothing below changed
	Added       []PageChange
	Removed     []PageChange // URL is the page's path in the previous edition
	Changed     []PageChange
	Definitions []DefinitionChange
	Metrics     []MetricChange
	Journeys    []JourneyChange
	Initiatives []InitiativeChange
	// Translations are the translations added since the earlier edition
	// and those behind their original; nil for a site of one language.
	Translations *TranslationChanges
}

// TranslationChanges are what /changes/ says of translations.
type TranslationChanges struct {
	Added, Behind []TranslationChange
}

// TranslationChange is one translation: its language's name and the
// page in that language, from the root of the tree shown. Mark (Lang,
// Dir) is the language of Title where it is not the tree's: a Dutch
// title on the default language's /changes/.
type TranslationChange struct {
	Language, Title, Href string
	Mark
}

func (r *run) changesData() *PageData {
	d := r.generatedBase("/changes/", r.text.T("changes.title"), "changes")
	d.Description = r.text.T("changes.description")
	d.Changes = Changes(r.opts.Previous, r.manifest())
	if r.translationChanges != nil {
		d.Changes.Translations = r.translationChanges(d.Root)
	}
	return d
}

// Changes compares two manifests; prev nil means cur is the first edition.
func Changes(prev, cur *Manifest) *ChangesData {
	c := &ChangesData{Version: cur.Version}
	if prev == nil {
		c.First = true
		return c
	}
	c.Previous = prev.Version
	if prev.Pages == nil {
		c.Unknown = true
		return c
	}

	oldPages := map[string]ManifestPage{}
	for _, p := range prev.Pages {
		oldPages[p.Path] = p
	}
	newPages := map[string]bool{}
	for _, p := range cur.Pages {
		newPages[p.Path] = true
		old, ok := oldPages[p.Path]
		switch {
		case !ok:
			c.Added = append(c.Added, pageChange(p))
		case old.Hash != p.Hash:
			pc := pageChange(p)
			diffSections(&pc, old.Sections, p.Sections)
			c.Changed = append(c.Changed, pc)
		}
	}
	for _, p := range prev.Pages {
		if !newPages[p.Path] {
			c.Removed = append(c.Removed, pageChange(p))
		}
	}

	n := len(c.Added) + len(c.Removed) + len(c.Changed)
	for _, k := range kind.Table {
		if h := renderKinds[k.Name]; h.changes != nil {
			n += h.changes(prev, cur, c)
		}
	}
	c.None = n == 0
	return c
}
