package render

import (
	"html/template"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/render/chart"
)

// JourneyData is a journey map.
type JourneyData struct {
	ID, Title, URL, Persona, Kind string
	Stages                        []StageData
	Curve                         template.HTML
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
}

// journeyData is a journey map; uid makes its element ids unique on a page
// that embeds it ("" on the journey's own page).
func (r *run) journeyData(p *link.Page, uid string) *JourneyData {
	j := p.Journey
	d := &JourneyData{ID: uid + j.ID, Title: p.Title(), URL: rootRel(p.URL), Persona: p.Meta.Journey.Persona, Kind: p.Meta.Journey.Kind}
	if d.Kind == "" {
		d.Kind = "customer"
	}
	var stages []chart.Stage
	for _, st := range j.Stages {
		sd := StageData{Name: st.Name, Feeling: st.Feeling, FeelingText: chart.FeelingWord(st.Feeling),
			Touchpoints: st.Touchpoints, Pains: st.Pains}
		for _, m := range st.Metrics {
			sd.Metrics = append(sd.Metrics, r.metricData(m))
		}
		d.Stages = append(d.Stages, sd)
		stages = append(stages, chart.Stage{Name: st.Name, Feeling: st.Feeling})
	}
	d.Curve = template.HTML(r.svg(chart.Feeling("feeling-"+d.ID, p.Title()+": how the persona feels at each stage", stages)))
	return d
}

func init() {
	registerKind(kind.Journey, kindPages{
		page: func(r *run, p *link.Page, d *PageData) { d.Journey = r.journeyData(p, "") },
		list: func(r *run, _ *link.Page, d *PageData) {
			for _, j := range r.site.Journeys {
				c := r.card(j)
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
