package parse

import (
	"slices"
	"strconv"
	"time"

	"github.com/shiftbook/shiftbook/generator/series"
)

// MetricMeta is the front matter of a metric page (content/metrics/).
type MetricMeta struct {
	ID         string         // metric: the id pages and shortcodes name it by
	Unit       string         // "points", "%"
	Direction  string         // "up" (higher is better) or "down"
	Target     *float64       // nil when no target is set
	Min, Max   *float64       // a metric's scale: a value outside it is an error in its data file
	Cadence    series.Cadence // how often a metric gets a new point; replaces [data] staleAfter
	MinN       int            // a metric's value from fewer responses is not shown; 0: [data] minN
	Headline   bool           // a metric shown as a tile on top of the dashboard
	Data       string         // its data file, under data/
	Definition string         // the definition that explains it
	Survey     *SurveyMeta    // the survey that measures it; nil when none (survey.go)
	// A dated target and the path to it, and how sharp a move is flagged
	// (see metric_target.go).
	TargetDate  time.Time    // zero: the target has no date
	Baseline    *Baseline    // nil: no path is drawn
	AlertChange *AlertChange // nil: no move is flagged
}

var metricKeys = kindKeys{
	keys: slices.Concat([]string{"metric", "unit", "direction", "target", "data", "definition", "headline", "min", "max", "cadence", "minN", "survey"},
		metricTargetKeys),
	words: []string{"unit", "survey.question", "survey.scale", "survey.instrument", "survey.frequency", "survey.channel"},
	decode: func(d *fieldDecoder, fm *FrontMatter, k string, v any) {
		m := &fm.Metric
		switch k {
		case "metric":
			m.ID = d.str(v, k)
		case "unit":
			m.Unit = d.str(v, k)
		case "direction":
			m.Direction = d.str(v, k)
			if m.Direction != "up" && m.Direction != "down" {
				d.errorf([]string{k}, "direction must be \"up\" (higher is better) or \"down\" (lower is better), not %q", m.Direction)
			}
		case "target":
			if n, ok := d.number(v, k); ok {
				m.Target = &n
			}
		case "min":
			if n, ok := d.number(v, k); ok {
				m.Min = &n
			}
		case "max":
			if n, ok := d.number(v, k); ok {
				m.Max = &n
			}
		case "cadence":
			if _, text := v.(string); !text {
				d.str(v, k) // says it must be text in quotes
			} else if c, msg := series.ParseCadence(d.str(v, k)); msg != "" {
				d.errorf([]string{k}, "%s", msg)
			} else {
				m.Cadence = c
			}
		case "minN":
			if n, ok := d.integer(v, k); ok {
				if n < 1 {
					d.errorf([]string{k}, "minN must be a whole number of responses, 1 or more, not %d", n)
				} else {
					m.MinN = n
				}
			}
		case "data":
			m.Data = d.str(v, k)
		case "definition":
			m.Definition = d.str(v, k)
		case "headline":
			m.Headline = d.boolean(v, k)
		case "survey":
			m.Survey = d.metricSurvey(v)
		default:
			decodeMetricTarget(d, m, k, v)
		}
	},
	finish: func(d *fieldDecoder, fm *FrontMatter) {
		checkScale(d, fm)
		checkTarget(d, fm)
	},
}

// checkScale checks a metric's scale against itself and its target.
func checkScale(d *fieldDecoder, fm *FrontMatter) {
	m := &fm.Metric
	num := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	if m.Min != nil && m.Max != nil && *m.Min >= *m.Max {
		d.errorf([]string{"max"}, "max %s must be more than min %s; the scale runs from min to max, such as min = -100 and max = 100 for NPS", num(*m.Max), num(*m.Min))
		m.Min, m.Max = nil, nil
		return
	}
	if t := m.Target; t != nil && (m.Min != nil && *t < *m.Min || m.Max != nil && *t > *m.Max) {
		d.errorf([]string{"target"}, "target %s is outside the scale set by min and max; write a target the metric can reach", num(*t))
	}
}
