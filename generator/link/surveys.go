package link

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// The survey map: which surveys each journey asks, at which stage, so that
// a journey that asks too many is seen ("customers don't want to be
// bombarded by survey after survey"). The stages' surveys keys and the
// metrics' survey tables are read in parse/survey.go; here they are joined
// with the journeys and metrics, after every kind is indexed.

// SurveysURL is the generated page of the survey map.
const SurveysURL = "/journeys/surveys/"

// SurveyAsk is one survey asked at one stage of a journey.
type SurveyAsk struct {
	Journey   *Page
	Stage     int    // the stage's place in the journey, from 0
	StageName string // its name
	Anchor    string // the stage's id on the journey's page (StageAnchor)
	Metric    *Metric
	// When, Channel and Frequency are the stage's, else (Channel and
	// Frequency) those of the metric's survey table; "" when neither says.
	When, Channel, Frequency string
	// FromMetrics is true for a survey the stage asks because it lists
	// the metric, which has a survey, and writes no surveys key.
	FromMetrics bool
	Line        int // where the ask is written in the journey's file
}

// Survey is the metric's survey table; nil when it has none.
func (a *SurveyAsk) Survey() *parse.SurveyMeta { return a.Metric.Page.Meta.Metric.Survey }

// JourneySurveys are the surveys one journey asks, in stage order.
type JourneySurveys struct {
	Journey *Page
	Asks    []*SurveyAsk
	// Over is true when the journey asks more than the site's
	// [surveys] maxPerJourney.
	Over bool
}

// SurveyMap is every journey's surveys.
type SurveyMap struct {
	Max      int               // [surveys] maxPerJourney
	Journeys []*JourneySurveys // customer journeys, then employee journeys, each by title
	byMetric map[*Metric][]*SurveyAsk
}

// Asked returns where along the journeys a metric is asked, in the order
// of the map (journey by title, then stage).
func (m *SurveyMap) Asked(metric *Metric) []*SurveyAsk {
	if m == nil {
		return nil
	}
	return m.byMetric[metric]
}

// Asks counts the surveys of every journey.
func (m *SurveyMap) Asks() int {
	n := 0
	for _, j := range m.Journeys {
		n += len(j.Asks)
	}
	return n
}

// resolveSurveys makes the survey map from the journeys, reports each
// survey naming an unknown metric, and warns about each journey that asks
// more than [surveys] maxPerJourney, for its owner.
func (s *Site) resolveSurveys() diag.List {
	var diags diag.List
	sm := &SurveyMap{Max: s.Config.Surveys.MaxPerJourney, byMetric: map[*Metric][]*SurveyAsk{}}
	if sm.Max < 1 {
		sm.Max = parse.DefaultMaxSurveys
	}
	s.Surveys = sm
	if len(s.Journeys) == 0 {
		delete(s.Generated, SurveysURL) // no journeys, no map
		return nil
	}
	// Customer journeys first, then employee journeys, as /journeys/ lists them.
	var ordered []*Page
	for _, employee := range []bool{false, true} {
		for _, p := range s.Journeys {
			if (p.Meta.Journey.Kind == "employee") == employee {
				ordered = append(ordered, p)
			}
		}
	}
	for _, p := range ordered {
		if p.Journey == nil {
			continue
		}
		js := &JourneySurveys{Journey: p}
		for i := range p.Journey.Stages {
			st := &p.Journey.Stages[i]
			ask := func(m *Metric, sv parse.StageSurvey, fromMetrics bool, line int) {
				a := &SurveyAsk{Journey: p, Stage: i, StageName: st.Name, Anchor: StageAnchor(st.ID), Metric: m,
					When: sv.When, Channel: sv.Channel, Frequency: sv.Frequency, FromMetrics: fromMetrics, Line: line}
				if t := a.Survey(); t != nil {
					a.Channel = orElse(a.Channel, t.Channel)
					a.Frequency = orElse(a.Frequency, t.Frequency)
				}
				js.Asks = append(js.Asks, a)
				sm.byMetric[m] = append(sm.byMetric[m], a)
			}
			if st.Surveys == nil {
				for k, id := range st.Stage.Metrics { // the ids, as written
					if m := s.metricBy[id]; m != nil && m.Page.Meta.Metric.Survey != nil {
						ask(m, parse.StageSurvey{}, true, p.Meta.Line("stages", strconv.Itoa(i), "metrics", strconv.Itoa(k)))
					}
				}
				continue
			}
			for k, sv := range st.Surveys {
				m := s.metricBy[sv.Metric]
				if m == nil {
					line := p.Meta.Line("stages", strconv.Itoa(i), "surveys", strconv.Itoa(k), "metric")
					diags.Add(diag.AtLine(p.Path, p.Source, line, parse.ColumnOf(p.Source, line, sv.Metric, false),
						"%s", s.unknownMetric(sv.Metric)))
					continue
				}
				ask(m, sv, false, sv.Line)
			}
		}
		if len(js.Asks) > sm.Max {
			js.Over = true
			diags.Add(s.overSurveyed(js, sm.Max))
		}
		sm.Journeys = append(sm.Journeys, js)
	}
	return diags
}

// overSurveyed is the warning about a journey that asks more than max
// surveys, at the ask that is one too many, for the journey's owner.
func (s *Site) overSurveyed(js *JourneySurveys, max int) diag.Diagnostic {
	p := js.Journey
	first := js.Asks[max]
	var asks []string
	for _, a := range js.Asks {
		asks = append(asks, fmt.Sprintf("%s at %q", a.Metric.Title(), a.StageName))
	}
	col := parse.ColumnOf(p.Source, first.Line, first.Metric.ID, false)
	who := "customers" // those the journey follows, who are asked
	if p.Meta.Journey.Kind == "employee" {
		who = "employees"
	}
	d := diag.Warning(diag.AtLine(p.Path, p.Source, first.Line, col,
		"journey %q asks %d surveys, more than [surveys] maxPerJourney = %d; %s don't want survey after survey: drop one, ask one survey for two stages, or raise the limit in site.toml",
		p.Title(), len(js.Asks), max, who))
	d.Kind = "surveys"
	d.Notes = append(d.Notes, "asks: "+strings.Join(asks, ", "))
	if owner := strings.Join(strings.Fields(p.Meta.Owner), " "); owner != "" {
		d.Owner = owner
		d.Notes = append(d.Notes, "owner: "+owner)
	} else {
		d.Notes = append(d.Notes, "the journey has no owner; add owner = \"...\" to it")
	}
	return d
}

// orElse is a, else b.
func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
