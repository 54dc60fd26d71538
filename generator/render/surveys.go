package render

import (
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
)

// The survey map (/journeys/surveys/) and, on each metric's page, where
// along the journeys its survey is asked. The map itself is made in
// link/surveys.go.

// SurveysData is the survey map page.
type SurveysData struct {
	Max      int // [surveys] maxPerJourney
	Total    int // surveys asked along every journey
	Over     int // journeys that ask more than Max
	Journeys []SurveyJourney
}

// SurveyJourney is one journey on the survey map.
type SurveyJourney struct {
	ID        string // the id of its section on the map: "sv-" and the journey's id
	Title     string
	Href      string // the journey's page, from the map
	Persona   string
	Kind      string // "customer" or "employee"
	Owner     string
	OwnerHref string // the owner's entry on /owners/; "" without an owner
	Asks      []AskData
	Over      bool // asks more than the map's Max
	// Mark (Lang, Dir) is the language of Title and Persona, the
	// journey's text, where it is not the map's.
	Mark
}

// AskData is one survey asked at a stage, as the survey map and a metric's
// page show it.
type AskData struct {
	Journey, JourneyHref string // the journey and its page, from the page shown
	StageNumber          int    // from 1
	Stage, StageHref     string // the stage and its anchor on the journey's page
	Metric, MetricHref   string
	Question, Scale      string // from the metric's survey table
	Instrument           string
	When                 string // "" when nobody said
	Frequency, Channel   string
	FromMetrics          bool // asked because the stage lists the metric
	// JourneyMark is the language of Journey and Stage, MetricMark of
	// Metric, where it is not that of the page shown.
	JourneyMark, MetricMark Mark
}

// surveyJobs is the job of the survey map, when the site has journeys.
func (r *run) surveyJobs() []job {
	if _, ok := r.site.Generated[link.SurveysURL]; !ok || r.site.Surveys == nil {
		return nil
	}
	return []job{{out: outPath(link.SurveysURL), layout: "surveys", data: r.surveysData}}
}

func (r *run) surveysTitle() string { return r.text.T("surveys.title") }

func (r *run) surveysDescription(max int) string {
	return r.text.T("surveys.description", "max", strconv.Itoa(max))
}

func (r *run) surveysData() *PageData {
	sm := r.site.Surveys
	d := r.generatedBase(link.SurveysURL, r.surveysTitle(), "surveys")
	d.Description = r.surveysDescription(sm.Max)
	if j := r.site.ByURL["/"+kind.Of(kind.Journey).Folder+"/"]; j != nil {
		d.Breadcrumbs = append(d.Breadcrumbs, d.link(j.Title(), rootRel(j.URL)))
	}
	sd := &SurveysData{Max: sm.Max, Total: sm.Asks()}
	for _, js := range sm.Journeys {
		p := js.Journey
		j := SurveyJourney{ID: "sv-" + p.Journey.ID, Title: p.Title(), Href: d.Root + rootRel(p.URL),
			Persona: p.Meta.Journey.Persona, Kind: p.Meta.Journey.Kind, Owner: p.Meta.Owner, Over: js.Over, Mark: r.listedMark(p)}
		if j.Kind == "" {
			j.Kind = "customer"
		}
		if o := r.site.OwnerOf(p); o != nil {
			j.Owner, j.OwnerHref = o.Name, ownerHref(d, o)
		}
		for _, a := range js.Asks {
			j.Asks = append(j.Asks, r.askData(d, a, r.treeLang()))
		}
		if js.Over {
			sd.Over++
		}
		sd.Journeys = append(sd.Journeys, j)
	}
	d.Surveys = sd
	return d
}

// askData is an ask as page d, whose text is in around, shows it.
func (r *run) askData(d *PageData, a *link.SurveyAsk, around string) AskData {
	journey := d.Root + rootRel(a.Journey.URL)
	out := AskData{Journey: a.Journey.Title(), JourneyHref: journey,
		StageNumber: a.Stage + 1, Stage: a.StageName, StageHref: journey + "#" + a.Anchor,
		Metric: a.Metric.Title(), MetricHref: d.Root + rootRel(a.Metric.Page.URL),
		When: a.When, Frequency: a.Frequency, Channel: a.Channel, FromMetrics: a.FromMetrics,
		JourneyMark: r.textMark(a.Journey, around), MetricMark: r.textMark(a.Metric.Page, around)}
	if t := a.Survey(); t != nil {
		out.Question, out.Scale, out.Instrument = t.Question, t.Scale, t.Instrument
	}
	return out
}

// surveysOnPage adds the survey map's part of a page: on a metric's page,
// where along the journeys it is asked; on the journeys' folder page, the
// link to the map.
func (r *run) surveysOnPage(p *link.Page, d *PageData) {
	sm := r.site.Surveys
	if sm == nil {
		return
	}
	if p.Metric != nil && p.Kind == kind.Metric {
		ms := &MetricSurveyData{}
		if _, ok := r.site.Generated[link.SurveysURL]; ok {
			ms.MapHref = d.Root + rootRel(link.SurveysURL)
		}
		if t := p.Meta.Metric.Survey; t != nil {
			ms.Question, ms.Scale, ms.Instrument, ms.Frequency, ms.Channel = t.Question, t.Scale, t.Instrument, t.Frequency, t.Channel
		}
		for _, a := range sm.Asked(p.Metric) {
			ms.Asks = append(ms.Asks, r.askData(d, a, r.textLang(p)))
		}
		if ms.Question != "" || len(ms.Asks) > 0 {
			d.MetricSurvey = ms
		}
	}
	if _, ok := r.site.Generated[link.SurveysURL]; ok && p.URL == "/"+kind.Of(kind.Journey).Folder+"/" {
		l := d.link(r.surveysTitle(), rootRel(link.SurveysURL))
		d.SurveyMap = &SurveyMapLink{LinkData: l, Total: sm.Asks(), Max: sm.Max}
		for _, js := range sm.Journeys {
			if js.Over {
				d.SurveyMap.Over++
			}
		}
	}
}

// MetricSurveyData is a metric's survey, as its page shows it.
type MetricSurveyData struct {
	Question, Scale, Instrument string
	Frequency, Channel          string
	Asks                        []AskData // where along the journeys it is asked
	MapHref                     string    // the survey map, from the page; "" when the site has none
}

// SurveyMapLink is the journeys page's link to the survey map, with what
// the map says in brief.
type SurveyMapLink struct {
	LinkData
	Total, Max, Over int
}

// surveysSearchEntry is the survey map in the search index: found by its
// title, the journeys and the surveys it lists.
func (r *run) surveysSearchEntry() (searchEntry, bool) {
	sm := r.site.Surveys
	if _, ok := r.site.Generated[link.SurveysURL]; !ok || sm == nil {
		return searchEntry{}, false
	}
	e := searchEntry{Title: r.surveysTitle(), URL: rootRel(link.SurveysURL), Summary: r.surveysDescription(sm.Max)}
	if j := r.site.ByURL["/"+kind.Of(kind.Journey).Folder+"/"]; j != nil {
		e.Section = j.Title()
	}
	w := &entryWords{e: &e, seen: map[string]bool{foldKey(r.surveysTitle()): true}}
	w.keyword("surveys")
	w.keyword("survey fatigue")
	var text []string
	for _, js := range sm.Journeys {
		w.heading(js.Journey.Title())
		for _, a := range js.Asks {
			w.keyword(a.Metric.Title())
			if t := a.Survey(); t != nil && t.Instrument != "" {
				w.keyword(t.Instrument)
			}
			text = append(text, a.Metric.Title()+" at "+a.StageName+" ("+js.Journey.Title()+")")
		}
	}
	e.Text = strings.Join(text, "; ")
	return e, true
}
