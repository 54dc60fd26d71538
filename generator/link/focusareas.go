package link

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/series"
)

// FocusArea is a focus area page with everything that names it: the area
// owns no list of its own, so that what belongs to it is written once, on
// the metric, initiative or journey stage itself.
type FocusArea struct {
	ID          string // its file name, as focus keys write it
	Metrics     []*Metric
	Initiatives []*Page
	Stages      []FocusStage
	Pages       []*Page // other pages that name it (a whole journey, a plain page)
}

// FocusStage is a journey stage that names a focus area.
type FocusStage struct {
	Journey *Page
	Stage   JourneyStage
}

func init() {
	registerKind(kind.FocusArea, kindLinks{
		index: func(s *Site, _ map[string]*series.File) diag.List { return s.indexFocusAreas() },
	})
}

// focusID is the id of a focus area page: its file name without .md.
func focusID(p *Page) string {
	return strings.TrimSuffix(path.Base(p.Path), path.Ext(p.Path))
}

// indexFocusAreas resolves every focus key, of pages and of journey stages,
// and rolls each area up. It runs after the kinds it gathers (metrics,
// journeys, initiatives), as kind.Table orders them.
func (s *Site) indexFocusAreas() diag.List {
	var diags diag.List
	byID := map[string]*Page{}
	for _, p := range s.Pages {
		if p.Kind == kind.FocusArea {
			p.FocusArea = &FocusArea{ID: focusID(p)}
			byID[p.FocusArea.ID] = p
			s.FocusAreas = append(s.FocusAreas, p)
		}
	}
	sort.SliceStable(s.FocusAreas, func(i, j int) bool {
		a, b := s.FocusAreas[i], s.FocusAreas[j]
		if a.Meta.Weight != b.Meta.Weight {
			return a.Meta.Weight < b.Meta.Weight
		}
		return byTitle(a, b)
	})
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// resolve finds the areas a focus key names, reporting each unknown one
	// at its own line, and each area once however often it is written.
	resolve := func(p *Page, focus []string, key ...string) []*Page {
		var areas []*Page
		for i, id := range focus {
			fp := byID[id]
			if fp == nil {
				line := p.Meta.Line(append(slices.Clip(key), fmt.Sprint(i))...)
				if line == 1 {
					line = p.Meta.Line(key...)
				}
				diags.Add(diag.AtLine(p.Path, p.Source, line, 1, "%s", s.unknownFocus(id, ids)))
				continue
			}
			if !slices.Contains(areas, fp) {
				areas = append(areas, fp)
			}
		}
		return areas
	}
	for _, p := range s.Pages {
		// A page with errors is still read for its focus key, so that one
		// run reports every mistake.
		if len(p.Meta.Focus) == 0 || p.Virtual {
			continue
		}
		p.Focus = resolve(p, p.Meta.Focus, "focus")
		for _, fp := range p.Focus {
			a := fp.FocusArea
			switch {
			case fp == p:
				// An area naming itself adds nothing to its roll-up.
			case p.Metric != nil:
				a.Metrics = append(a.Metrics, p.Metric)
			case p.Kind == kind.Initiative:
				a.Initiatives = append(a.Initiatives, p)
			default:
				a.Pages = append(a.Pages, p)
			}
		}
	}
	for _, jp := range s.Journeys {
		for i, st := range jp.Journey.Stages {
			for _, fp := range resolve(jp, st.Focus, "stages", fmt.Sprint(i), "focus") {
				fp.FocusArea.Stages = append(fp.FocusArea.Stages, FocusStage{Journey: jp, Stage: st})
			}
		}
	}
	for _, fp := range s.FocusAreas {
		a := fp.FocusArea
		sort.SliceStable(a.Metrics, func(i, j int) bool { return byTitle(a.Metrics[i].Page, a.Metrics[j].Page) })
		sort.SliceStable(a.Initiatives, func(i, j int) bool { return byTitle(a.Initiatives[i], a.Initiatives[j]) })
	}
	return diags
}

// unknownFocus is the error for a focus key naming no focus area.
func (s *Site) unknownFocus(id string, ids []string) string {
	dir := folder(kind.FocusArea)
	if len(ids) == 0 {
		return fmt.Sprintf("unknown focus area %q: the site has no focus areas yet; add content/%s/%s.md, or remove the focus key", id, dir, id)
	}
	return fmt.Sprintf("unknown focus area %q", id) + diag.DidYouMean(id, ids,
		"; a focus area id is the name of a file in content/"+dir+"/, without .md: "+strings.Join(ids, ", "))
}
