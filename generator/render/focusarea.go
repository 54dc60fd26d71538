package render

import (
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/render/chart"
)

// FocusAreaData is a focus area rolled up: what names it, and how that is
// doing, counted so that the four areas compare at a glance.
type FocusAreaData struct {
	ID, Title, URL, Description string // ID is what a focus key writes to name it
	Leader                      string
	LeaderURL                   string // the leader's entry on /owners/, from the page shown; "" when none
	Metrics                     []*MetricData
	Initiatives                 []*InitiativeData
	Stages                      []FocusStageData
	Pages                       []LinkData
	// The counts of the roll-up.
	OnTrack, OffTrack, NoTarget, NoData, Stale int // metrics
	AtRisk, Overdue                            int // initiatives at risk; their milestones past due
}

// FocusStageData is a journey stage in a focus area.
type FocusStageData struct {
	Journey            LinkData
	Stage, FeelingText string
	Href               string // the stage's column on the journey's page, from the page shown
	Feeling            int
	Pains              []string
}

// Attention reports whether anything of the area needs someone now.
func (d *FocusAreaData) Attention() bool {
	return d.OffTrack+d.Stale+d.AtRisk+d.Overdue > 0
}

func (r *run) focusAreaData(d *PageData, p *link.Page) *FocusAreaData {
	a := p.FocusArea
	fd := &FocusAreaData{ID: a.ID, Title: p.Title(), URL: rootRel(p.URL), Description: p.Meta.Description, Leader: p.Meta.FocusArea.Leader}
	if o := r.site.OwnerNamed(fd.Leader); o != nil && fd.Leader != "" {
		fd.Leader, fd.LeaderURL = o.Name, ownerHref(d, o)
	}
	for _, m := range a.Metrics {
		md := r.metricData(m)
		fd.Metrics = append(fd.Metrics, md)
		switch {
		case !md.HasData:
			fd.NoData++
		case md.Status == string(link.OnTrack):
			fd.OnTrack++
		case md.Status == string(link.OffTrack):
			fd.OffTrack++
		default:
			fd.NoTarget++
		}
		if md.Stale {
			fd.Stale++
		}
	}
	for _, ip := range a.Initiatives {
		in := r.initiativeData(ip)
		fd.Initiatives = append(fd.Initiatives, in)
		if ip.Meta.Initiative.Status == "at risk" {
			fd.AtRisk++
		}
		for _, m := range in.Milestones {
			if m.Overdue {
				fd.Overdue++
			}
		}
	}
	for _, st := range a.Stages {
		jl := d.link(st.Journey.Title(), rootRel(st.Journey.URL))
		fd.Stages = append(fd.Stages, FocusStageData{Journey: jl, Href: jl.Href + "#" + link.StageAnchor(st.Stage.ID),
			Stage: st.Stage.Name, Feeling: st.Stage.Feeling, FeelingText: chart.FeelingWord(st.Stage.Feeling), Pains: st.Stage.Pains})
	}
	for _, q := range a.Pages {
		fd.Pages = append(fd.Pages, d.link(q.Title(), rootRel(q.URL)))
	}
	return fd
}

// focusLinks are the focus areas a page names, as links from page d.
func focusLinks(d *PageData, p *link.Page) []LinkData {
	var out []LinkData
	for _, fp := range p.Focus {
		out = append(out, d.link(fp.Title(), rootRel(fp.URL)))
	}
	return out
}

func init() {
	registerKind(kind.FocusArea, kindPages{
		page: func(r *run, p *link.Page, d *PageData) { d.FocusArea = r.focusAreaData(d, p) },
		list: func(r *run, _ *link.Page, d *PageData) {
			for _, p := range r.site.FocusAreas {
				d.FocusAreas = append(d.FocusAreas, r.focusAreaData(d, p))
			}
		},
		keywords: func(p *link.Page, w *entryWords) { w.keyword(p.Meta.FocusArea.Leader) },
	})
}
