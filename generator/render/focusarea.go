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
	// Mark (Lang, Dir) is the language of the area's title and
	// description where it is not that of the page that lists it.
	Mark
}

// FocusStageData is a journey stage in a focus area.
type FocusStageData struct {
	Journey            LinkData
	Stage, FeelingText string
	Href               string // the stage's column on the journey's page, from the page shown
	Feeling            int
	Pains              []string
	// Mark (Lang, Dir) is the language of Stage and Pains, the journey's
	// text, where it is not that of the page shown (as Journey.Mark is
	// of the journey's title).
	Mark
}

// Attention reports whether anything of the area needs someone now.
func (d *FocusAreaData) Attention() bool {
	return d.OffTrack+d.Stale+d.AtRisk+d.Overdue > 0
}

// focusAreaData is focus area p as page d, whose text is in around, shows
// it: p's own page or the list of areas. What it rolls up is marked with
// its language where that is not around (textMark).
func (r *run) focusAreaData(d *PageData, p *link.Page, around string) *FocusAreaData {
	a := p.FocusArea
	fd := &FocusAreaData{ID: a.ID, Title: p.Title(), URL: rootRel(p.URL), Description: p.Meta.Description, Leader: p.Meta.FocusArea.Leader,
		Mark: r.textMark(p, around)}
	if o := r.site.OwnerNamed(fd.Leader); o != nil && fd.Leader != "" {
		fd.Leader, fd.LeaderURL = o.Name, ownerHref(d, o)
	}
	for _, m := range a.Metrics {
		md := r.metricOn(m, around)
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
		in := r.initiativeData(ip, around)
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
		jl.Mark = r.textMark(st.Journey, around)
		fd.Stages = append(fd.Stages, FocusStageData{Journey: jl, Href: jl.Href + "#" + link.StageAnchor(st.Stage.ID),
			Stage: st.Stage.Name, Feeling: st.Stage.Feeling, FeelingText: chart.FeelingWord(st.Stage.Feeling), Pains: st.Stage.Pains, Mark: jl.Mark})
	}
	for _, q := range a.Pages {
		l := d.link(q.Title(), rootRel(q.URL))
		l.Mark = r.textMark(q, around)
		fd.Pages = append(fd.Pages, l)
	}
	return fd
}

// focusLinks are the focus areas page p names, as links from its data d,
// each marked with its language against p's text.
func (r *run) focusLinks(d *PageData, p *link.Page) []LinkData {
	var out []LinkData
	for _, fp := range p.Focus {
		l := d.link(fp.Title(), rootRel(fp.URL))
		l.Mark = r.titleMark(fp, p)
		out = append(out, l)
	}
	return out
}

func init() {
	registerKind(kind.FocusArea, kindPages{
		page: func(r *run, p *link.Page, d *PageData) { d.FocusArea = r.focusAreaData(d, p, r.textLang(p)) },
		list: func(r *run, list *link.Page, d *PageData) {
			for _, p := range r.site.FocusAreas {
				d.FocusAreas = append(d.FocusAreas, r.focusAreaData(d, p, r.textLang(list)))
			}
		},
		keywords: func(p *link.Page, w *entryWords) { w.keyword(p.Meta.FocusArea.Leader) },
	})
}
