package render

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/render/chart"
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

// ManifestDefinition is a term of the vocabulary.
type ManifestDefinition struct {
	Path    string `json:"path"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

// ManifestMetric is a metric with what it is held to.
type ManifestMetric struct {
	ID     string   `json:"id"`
	Path   string   `json:"path"`
	Title  string   `json:"title"`
	Target *float64 `json:"target,omitempty"`
	Unit   string   `json:"unit,omitempty"`
	Owner  string   `json:"owner,omitempty"`
}

// ManifestJourney is a journey with its stages in order.
type ManifestJourney struct {
	ID     string          `json:"id"`
	Path   string          `json:"path"`
	Title  string          `json:"title"`
	Stages []ManifestStage `json:"stages"`
}

// ManifestStage is a stage of a journey and how the persona feels there.
type ManifestStage struct {
	Name    string `json:"name"`
	Feeling int    `json:"feeling"`
}

// ManifestOf makes the manifest of a resolved site.
func ManifestOf(site *link.Site) *Manifest {
	m := &Manifest{Format: manifestFormat, Version: site.Config.Version,
		Pages: []ManifestPage{}, Definitions: []ManifestDefinition{}, Metrics: []ManifestMetric{}, Journeys: []ManifestJourney{}}
	for _, p := range site.Pages {
		m.Pages = append(m.Pages, ManifestPage{Path: rootRel(p.URL), Title: p.Title(), Hash: fmt.Sprintf("%016x", p.Digest),
			Kind: string(p.Kind), Sections: pageSections(p)})
	}
	for _, def := range site.Terms.List {
		m.Definitions = append(m.Definitions, ManifestDefinition{Path: rootRel(def.URL), Title: def.Title(), Summary: link.Summary(def)})
	}
	for _, mt := range site.Metrics {
		p := mt.Page
		m.Metrics = append(m.Metrics, ManifestMetric{ID: mt.ID, Path: rootRel(p.URL), Title: p.Title(),
			Target: p.Meta.Metric.Target, Unit: p.Meta.Metric.Unit, Owner: p.Meta.Owner})
	}
	for _, p := range site.Journeys {
		if p.Journey == nil {
			continue
		}
		j := ManifestJourney{ID: p.Journey.ID, Path: rootRel(p.URL), Title: p.Title(), Stages: []ManifestStage{}}
		for _, st := range p.Journey.Stages {
			j.Stages = append(j.Stages, ManifestStage{Name: st.Name, Feeling: st.Feeling})
		}
		m.Journeys = append(m.Journeys, j)
	}
	sort.Slice(m.Pages, func(i, j int) bool { return m.Pages[i].Path < m.Pages[j].Path })
	sort.Slice(m.Definitions, func(i, j int) bool { return m.Definitions[i].Path < m.Definitions[j].Path })
	sort.Slice(m.Metrics, func(i, j int) bool { return m.Metrics[i].ID < m.Metrics[j].ID })
	sort.Slice(m.Journeys, func(i, j int) bool { return m.Journeys[i].ID < m.Journeys[j].ID })
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
}

// DefinitionChange is a term whose summary changed.
type DefinitionChange struct {
	Title, URL string
	Old, New   string
}

// MetricChange is a metric whose target or owner changed.
type MetricChange struct {
	Title, URL           string
	TargetChanged        bool
	OldTarget, NewTarget string // "" when none is set
	OwnerChanged         bool
	OldOwner, NewOwner   string
}

// JourneyChange is a journey whose stages changed.
type JourneyChange struct {
	Title, URL string
	Old, New   []StageChange
}

// StageChange is a stage as the changes page shows it.
type StageChange struct {
	Name, Feeling string
	Changed       bool // not the same stage at this place in the other edition
}

func (r *run) changesData() *PageData {
	d := r.generatedBase("/changes/", "What changed", "changes")
	d.Description = "What is new in this edition of the site, page by page."
	d.Changes = Changes(r.opts.Previous, r.manifest())
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

	oldDefs := map[string]ManifestDefinition{}
	for _, d := range prev.Definitions {
		oldDefs[d.Path] = d
	}
	for _, d := range cur.Definitions {
		if old, ok := oldDefs[d.Path]; ok && old.Summary != d.Summary {
			c.Definitions = append(c.Definitions, DefinitionChange{Title: d.Title, URL: d.Path, Old: old.Summary, New: d.Summary})
		}
	}

	oldMetrics := map[string]ManifestMetric{}
	for _, m := range prev.Metrics {
		oldMetrics[m.ID] = m
	}
	for _, m := range cur.Metrics {
		old, ok := oldMetrics[m.ID]
		if !ok {
			continue
		}
		mc := MetricChange{Title: m.Title, URL: m.Path,
			OldTarget: targetText(old), NewTarget: targetText(m), OldOwner: old.Owner, NewOwner: m.Owner}
		mc.TargetChanged = mc.OldTarget != mc.NewTarget
		mc.OwnerChanged = old.Owner != m.Owner
		if mc.TargetChanged || mc.OwnerChanged {
			c.Metrics = append(c.Metrics, mc)
		}
	}

	oldJourneys := map[string]ManifestJourney{}
	for _, j := range prev.Journeys {
		oldJourneys[j.ID] = j
	}
	for _, j := range cur.Journeys {
		old, ok := oldJourneys[j.ID]
		if !ok || sameStages(old.Stages, j.Stages) {
			continue
		}
		c.Journeys = append(c.Journeys, JourneyChange{Title: j.Title, URL: j.Path,
			Old: stageChanges(old.Stages, j.Stages), New: stageChanges(j.Stages, old.Stages)})
	}
	c.None = len(c.Added)+len(c.Removed)+len(c.Changed)+len(c.Definitions)+len(c.Metrics)+len(c.Journeys) == 0
	return c
}

func targetText(m ManifestMetric) string {
	if m.Target == nil {
		return ""
	}
	return withUnit(formatNumber(*m.Target), m.Unit)
}

func sameStages(a, b []ManifestStage) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// stageChanges shows stages, marking each that differs from the stage at
// the same place in other.
func stageChanges(stages, other []ManifestStage) []StageChange {
	out := make([]StageChange, len(stages))
	for i, st := range stages {
		out[i] = StageChange{Name: st.Name, Feeling: feelingLabel(st.Feeling),
			Changed: i >= len(other) || other[i] != st}
	}
	return out
}

func feelingLabel(f int) string {
	n := fmt.Sprintf("%+d", f)
	if f == 0 {
		n = "0"
	}
	return strings.Replace(n, "-", "−", 1) + " " + chart.FeelingWord(f)
}
