package link

import (
	"fmt"
	"maps"
	"path"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// Journey is a journey page's map.
type Journey struct {
	ID     string
	Stages []JourneyStage
}

// JourneyStage is a stage with its metrics and links resolved.
type JourneyStage struct {
	parse.Stage
	// ID names the stage in links ("journey-id#stage-id") and is its
	// anchor (StageAnchor): the slug of its name, unique in its journey.
	ID      string
	Metrics []*Metric
	// RestsOn are the stages of other journeys this stage links to (its
	// links key); Supports are the stages that link to this one.
	RestsOn, Supports []StageRef
}

func init() {
	registerKind(kind.Journey, kindLinks{
		index: func(s *Site, _ map[string]*series.File) diag.List { return s.indexJourneys() },
		targets: func(s *Site, add func(parts ...string)) {
			for id, p := range s.journeyBy {
				add("journey", id)
				for _, st := range p.Journey.Stages {
					add("journey", id, "stage", st.ID)
				}
			}
		},
	})
}

// JourneyByID returns a journey page by id.
func (s *Site) JourneyByID(id string) *Page { return s.journeyBy[id] }

// JourneyID is a journey's id for {{< journey >}}: its slug, else its file
// name. A translation's is its original's, as ids are the same in every
// language (a link "support#get-it-fixed" is data its original shares).
func JourneyID(p *Page) string {
	meta := &p.Meta
	if p.Original != nil {
		meta = &p.Original.Meta
	}
	if meta.Slug != "" {
		return slug.URLPart(meta.Slug)
	}
	return slug.URLPart(strings.TrimSuffix(path.Base(p.Path), path.Ext(p.Path)))
}

func (s *Site) indexJourneys() diag.List {
	var diags diag.List
	for _, p := range s.Pages {
		if p.Kind != kind.Journey {
			continue
		}
		id := JourneyID(p)
		if other, ok := s.journeyBy[id]; ok {
			diags.Add(diag.AtLine(p.Path, p.Source, 1, 1,
				"journey id %q is already used by %s; rename one of the files", id, other.Path))
			continue
		}
		j := &Journey{ID: id}
		ids := stageIDs(p.Meta.Journey.Stages)
		if o := p.Original; o != nil && len(o.Meta.Journey.Stages) == len(ids) {
			// A translated stage keeps its original's id: the stages are
			// shared (parse.ShareOriginal), links to them too.
			ids = stageIDs(o.Meta.Journey.Stages)
		}
		for i, st := range p.Meta.Journey.Stages {
			js := JourneyStage{Stage: st, ID: ids[i]}
			for k, mid := range st.Metrics {
				m := s.metricBy[mid]
				if m == nil {
					line := p.Meta.Line("stages", fmt.Sprint(i), "metrics", fmt.Sprint(k))
					diags.Add(diag.AtLine(p.Path, p.Source, line, 1, "%s", s.unknownMetric(mid)))
					continue
				}
				js.Metrics = append(js.Metrics, m)
			}
			j.Stages = append(j.Stages, js)
		}
		if len(j.Stages) == 0 && !p.Broken { // a broken stages list is reported already
			diags.Add(diag.AtLine(p.Path, p.Source, 1, 1,
				"journey has no stages; add [[stages]] tables with name and feeling (see README)"))
		}
		// A link may go to a stage's column, as to a heading.
		anchors := make(map[string]bool, len(p.Anchors)+len(j.Stages))
		maps.Copy(anchors, p.Anchors)
		for _, st := range j.Stages {
			anchors[StageAnchor(st.ID)] = true
		}
		p.Anchors = anchors
		p.Journey = j
		s.journeyBy[id] = p
		s.Journeys = append(s.Journeys, p)
	}
	sort.Slice(s.Journeys, func(i, j int) bool {
		return byTitle(s.Journeys[i], s.Journeys[j])
	})
	diags.Add(s.linkStages()...)
	return diags
}
