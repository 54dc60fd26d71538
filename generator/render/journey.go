package render

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/render/chart"
)

// JourneyData is a journey map.
type JourneyData struct {
	ID, Title, URL, Persona, Kind string
	// UID starts the ids of the map's elements on a page that shows more
	// than one ("" on the journey's own page), so a stage's column is
	// UID + "stage-" + its id.
	UID    string
	Stages []StageData
	Curve  template.HTML
	// Lanes are the blueprint's rows: only the lanes some stage fills.
	Lanes     []LaneRow
	HasTarget bool // some stage has a target_feeling: the map shows the to-be curve
	Moments   []StageData
}

// Lowest is the stage where the persona feels worst (the first of equals),
// the one a journey list names as its low point.
func (d *JourneyData) Lowest() *StageData {
	var low *StageData
	for i := range d.Stages {
		if low == nil || d.Stages[i].Feeling < low.Feeling {
			low = &d.Stages[i]
		}
	}
	return low
}

// StageData is a stage of a journey map.
type StageData struct {
	Name, FeelingText string
	Feeling           int
	Touchpoints       []string
	Pains             []string
	Metrics           []*MetricData
	// Anchor is the id of the stage's column, without the map's UID;
	// URL the column on the journey's page, from the site root.
	Anchor, URL string
	Moment      bool // a moment of truth
	// Target is the feeling the stage should have, when HasTarget; Gap
	// is Target - Feeling.
	HasTarget             bool
	Target, Gap           int
	TargetText            string          // the target feeling's name in the page's language
	GapText               string          // "2 steps better", "1 step worse"
	Failures              int             // fail points in its lanes
	SupportedBy, Supports []StageLinkData // links between stages of journeys
}

// gapText says a stage's gap in steps: "2 steps better", "1 step worse".
func (r *run) gapText(gap int) string {
	n, word := gap, "change.better"
	if n < 0 {
		n, word = -n, "change.worse"
	}
	return r.text.N("journey.gap", n, "direction", r.text.T(word))
}

// journeyData is a journey map; uid makes its element ids unique on a page
// that embeds it ("" on the journey's own page).
func (r *run) journeyData(p *link.Page, uid string) *JourneyData {
	j := p.Journey
	d := &JourneyData{ID: uid + j.ID, UID: uid, Title: p.Title(), URL: rootRel(p.URL), Persona: p.Meta.Journey.Persona, Kind: p.Meta.Journey.Kind}
	if d.Kind == "" {
		d.Kind = "customer"
	}
	var stages []chart.Stage
	var targets []int
	for _, st := range j.Stages {
		sd := StageData{Name: st.Name, Feeling: st.Feeling, FeelingText: chart.FeelingWord(st.Feeling),
			Touchpoints: st.Touchpoints, Pains: st.Pains, Anchor: link.StageAnchor(st.ID), Moment: st.Moment,
			Target: st.Feeling, Failures: failures(st.Blueprint)}
		sd.URL = d.URL + "#" + sd.Anchor
		for _, m := range st.Metrics {
			sd.Metrics = append(sd.Metrics, r.metricOn(m, r.textLang(p))) // inside the journey's text
		}
		if st.HasTarget {
			sd.HasTarget, sd.Target, d.HasTarget = true, st.TargetFeeling, true
		}
		sd.Gap = sd.Target - sd.Feeling
		sd.TargetText = r.text.T("feeling." + chart.FeelingWord(sd.Target))
		sd.GapText = r.gapText(sd.Gap)
		for _, ref := range st.RestsOn {
			sd.SupportedBy = append(sd.SupportedBy, r.stageLink(ref, r.textLang(p)))
		}
		for _, ref := range st.Supports {
			sd.Supports = append(sd.Supports, r.stageLink(ref, r.textLang(p)))
		}
		d.Stages = append(d.Stages, sd)
		if st.Moment {
			d.Moments = append(d.Moments, sd)
		}
		stages = append(stages, chart.Stage{Name: st.Name, Feeling: st.Feeling})
		targets = append(targets, sd.Target)
	}
	if !d.HasTarget {
		targets = nil
	}
	d.Lanes = r.blueprintRows(j.Stages)
	d.Curve = template.HTML(r.svg(chart.FeelingTarget(r.text, "feeling-"+d.ID, r.text.T("journey.curve_title", "journey", p.Title()), stages, targets)))
	return d
}

func init() {
	registerKind(kind.Journey, kindPages{
		manifest: journeyManifest,
		changes:  journeyChanges,
		page:     func(r *run, p *link.Page, d *PageData) { d.Journey = r.journeyData(p, "") },
		list: func(r *run, p *link.Page, d *PageData) {
			d.JourneyLinks = r.journeyLinks(r.textLang(p))
			for _, j := range r.site.Journeys {
				c := r.card(j, p)
				c.Owner = j.Meta.Owner
				if j.Journey != nil {
					c.Journey = r.journeyData(j, "list-")
				}
				if j.Meta.Journey.Kind == "employee" {
					d.Employee = append(d.Employee, c)
				} else {
					d.Customer = append(d.Customer, c)
				}
			}
		},
		keywords: func(p *link.Page, w *entryWords) { w.keyword(p.Meta.Journey.Persona) },
		headings: func(p *link.Page, w *entryWords) {
			for _, st := range p.Meta.Journey.Stages {
				w.heading(st.Name)
			}
		},
	})
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
	// The blueprint came later: an older manifest has none of these.
	ID string `json:"id,omitempty"`
	// Lanes are the stage's lanes by key ("backstage"), with its owner,
	// moment of truth and to-be feeling as lanes "owner", "moment" and
	// "target_feeling"; a fail point ends in " (fail point)".
	Lanes map[string][]string `json:"lanes,omitempty"`
	Links []string            `json:"links,omitempty"` // the stages it rests on, "journey#stage"
}

// JourneyChange is a journey whose stages, lanes or links changed.
type JourneyChange struct {
	Title, URL string
	// Old and New are the stages, when a stage was added, removed,
	// renamed or feels different (nil otherwise).
	Old, New []StageChange
	Lanes    []LaneChange // lanes of stages in both editions that changed
	Links    []LinkChange // stages that rest on other stages than before
}

// StageChange is a stage as the changes page shows it.
type StageChange struct {
	Name, Feeling string
	Changed       bool // not the same stage at this place in the other edition
}

// journeyManifest adds the kind's part of the manifest.
func journeyManifest(site *link.Site, m *Manifest) {
	for _, p := range site.Journeys {
		if p.Journey == nil {
			continue
		}
		j := ManifestJourney{ID: p.Journey.ID, Path: rootRel(p.URL), Title: p.Title(), Stages: []ManifestStage{}}
		for _, st := range p.Journey.Stages {
			j.Stages = append(j.Stages, manifestStage(st))
		}
		m.Journeys = append(m.Journeys, j)
	}
	sort.Slice(m.Journeys, func(i, j int) bool { return m.Journeys[i].ID < m.Journeys[j].ID })
}

// journeyChanges lists what changed in the kind's part of the manifest, and
// says how many.
func journeyChanges(prev, cur *Manifest, c *ChangesData) int {
	oldJourneys := map[string]ManifestJourney{}
	for _, j := range prev.Journeys {
		oldJourneys[j.ID] = j
	}
	for _, j := range cur.Journeys {
		old, ok := oldJourneys[j.ID]
		if !ok {
			continue
		}
		jc := JourneyChange{Title: j.Title, URL: j.Path}
		if !sameStages(old.Stages, j.Stages) {
			jc.Old, jc.New = stageChanges(old.Stages, j.Stages), stageChanges(j.Stages, old.Stages)
		}
		jc.Lanes, jc.Links = blueprintChanges(prev, cur, old.Stages, j.Stages)
		if jc.Old != nil || jc.Lanes != nil || jc.Links != nil {
			c.Journeys = append(c.Journeys, jc)
		}
	}
	return len(c.Journeys)
}

// sameStage reports whether two stages have the same name and feeling.
func sameStage(a, b ManifestStage) bool { return a.Name == b.Name && a.Feeling == b.Feeling }

func sameStages(a, b []ManifestStage) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameStage(a[i], b[i]) {
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
			Changed: i >= len(other) || !sameStage(other[i], st)}
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
