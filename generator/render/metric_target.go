package render

// What a metric is held to over time, in words: its dated target and the
// path from its baseline, its scale and cadence, and a sharp move flagged.

import (
	"math"
	"strconv"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/render/chart"
	"github.com/shiftbook/shiftbook/generator/series"
)

// TargetFacts are the facts of a metric's page beyond its target.
type TargetFacts struct {
	TargetBy, TargetByISO string // the target's date: "31 Dec 2027"
	Baseline              string // "12 points on 31 Jan 2026"
	HasPath               bool   // the chart draws the path from the baseline to the target
	PathText              string // "the path to the target expects 27.4 points on 31 Oct 2026; the latest is ahead of it"
	Scale                 string // "-100 to 100"
	ScaleFrom             *LinkData
	Cadence               string // "Monthly"
	AlertChange           string // "5 points", "10% of the recent mean"
}

var standingText = map[link.Standing]string{
	link.Ahead:  "Ahead of path",
	link.Behind: "Behind path",
}

// targetFacts fills in d's facts about what m is held to.
func (r *run) targetFacts(m *link.Metric, d *MetricData) {
	mm := m.Page.Meta.Metric
	unit := mm.Unit
	d.TargetBy, d.TargetByISO = r.formatDate(mm.TargetDate)
	if b := mm.Baseline; b != nil {
		on, _ := r.formatDate(b.Date)
		d.Baseline = r.text.T("metric.baseline_on", "value", withUnit(r.formatNumber(b.Value), unit), "date", on)
	}
	d.HasPath = d.HasData && m.Summary.Standing != ""
	if s := m.Summary; s.Standing != "" && s.Latest != nil {
		on, _ := r.formatDate(s.Latest.Date)
		d.PathText = r.text.T("metric.path_"+string(s.Standing), "expected", withUnit(r.formatNumber(s.Expected), unit), "date", on)
		d.StatusText = r.word("status", standingText[s.Standing])
	}
	d.Scale = r.scaleText(m.Scale)
	if m.Scale.Page != m.Page.Path && d.Scale != "" && m.Definition != nil {
		d.ScaleFrom = &LinkData{Title: m.Definition.Title(), URL: rootRel(m.Definition.URL), Mark: r.titleMark(m.Definition, m.Page)}
	}
	if mm.Cadence != "" {
		d.Cadence = r.text.T("cadence." + string(mm.Cadence))
	}
	if a := mm.AlertChange; a != nil {
		d.AlertChange = r.text.T("metric.alert_change", "limit", r.alertLimit(*a, unit))
	}
	d.AlertText = r.alertText(m.Summary.Alert, mm.AlertChange, unit)
}

// alertLimit is an alertChange in words: "5 points", "10%".
func (r *run) alertLimit(a parse.AlertChange, unit string) string {
	if a.Percent {
		return r.localNumber(strconv.FormatFloat(a.Amount, 'g', -1, 64)) + "%"
	}
	return r.amount(a.Amount, unit)
}

// alertText says a sharp move in words: "Sharp fall: 6.2 points below the
// mean of the three points before (31.1 points); flagged beyond 5 points".
func (r *run) alertText(al *link.Alert, a *parse.AlertChange, unit string) string {
	if al == nil || a == nil {
		return ""
	}
	key, moved := "metric.alert_rise", al.Moved
	if moved < 0 {
		key, moved = "metric.alert_fall", -moved
	}
	by := r.amount(moved, unit)
	if a.Percent {
		by = r.formatNumber(moved/math.Abs(al.Mean)*100) + "%"
	}
	return r.text.T(key, "by", by, "mean", withUnit(r.formatNumber(al.Mean), unit), "limit", r.alertLimit(*a, unit))
}

// amount is a difference in the metric's unit: of a share in %, in
// percentage points, so that it never reads as a share of the value.
func (r *run) amount(v float64, unit string) string {
	if unit == "%" {
		return r.text.T("metric.percentage_points", "n", r.formatNumber(v))
	}
	return withUnit(r.formatNumber(v), unit)
}

// chartPath is the path m's chart draws, or nil.
func chartPath(m *link.Metric) *chart.Path {
	mm := m.Page.Meta.Metric
	if mm.Baseline == nil || mm.Target == nil || mm.TargetDate.IsZero() {
		return nil
	}
	return &chart.Path{From: chart.Point{Date: mm.Baseline.Date, Value: mm.Baseline.Value},
		To: chart.Point{Date: mm.TargetDate, Value: *mm.Target}}
}

// nOf is the responses behind a value in words, "" when not known.
func nOf(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// ManifestTarget is what else a metric is held to, as the manifest keeps
// it for /changes/: each in words, "" when not set. Older manifests have
// none of it, and a metric then reads as having had none.
type ManifestTarget struct {
	TargetDate  string `json:"targetDate,omitempty"`  // "2027-12-31"
	Baseline    string `json:"baseline,omitempty"`    // "29.9 on 2026-01-31"
	Scale       string `json:"scale,omitempty"`       // "-100 to 100"
	Cadence     string `json:"cadence,omitempty"`     // "monthly"
	AlertChange string `json:"alertChange,omitempty"` // "5", "10%"
}

func manifestTarget(m *link.Metric) ManifestTarget {
	mm := m.Page.Meta.Metric
	t := ManifestTarget{Scale: m.Scale.Text(), Cadence: string(mm.Cadence)}
	if !mm.TargetDate.IsZero() {
		t.TargetDate = mm.TargetDate.Format("2006-01-02")
	}
	if b := mm.Baseline; b != nil {
		t.Baseline = strconv.FormatFloat(b.Value, 'g', -1, 64) + " on " + b.Date.Format("2006-01-02")
	}
	if a := mm.AlertChange; a != nil {
		t.AlertChange = a.String()
	}
	return t
}

// SettingChange is one thing a metric is held to that changed between
// editions: "Target date", "2027-12-31" → "2027-06-30".
type SettingChange struct {
	What, Old, New string // Old or New "" when not set
}

// settingChanges lists what changed of old's ManifestTarget in cur, in a
// fixed order.
func settingChanges(old, cur ManifestMetric) []SettingChange {
	var out []SettingChange
	for _, s := range []struct {
		what     string
		old, new string
	}{
		{"Target date", old.TargetDate, cur.TargetDate},
		{"Baseline", old.Baseline, cur.Baseline},
		{"Scale", old.Scale, cur.Scale},
		{"Cadence", old.Cadence, cur.Cadence},
		{"Flagged beyond (alertChange)", old.AlertChange, cur.AlertChange},
	} {
		if s.old != s.new {
			out = append(out, SettingChange{What: s.what, Old: s.old, New: s.new})
		}
	}
	return out
}

// scaleText is a metric's scale in words in the run's language: "-100 to
// 100", "at least 0", "at most 7"; "" for an open scale.
func (r *run) scaleText(s series.Scale) string {
	num := func(f *float64) string { return r.localNumber(strconv.FormatFloat(*f, 'g', -1, 64)) }
	switch {
	case s.Min != nil && s.Max != nil:
		return r.text.T("scale.range", "min", num(s.Min), "max", num(s.Max))
	case s.Min != nil:
		return r.text.T("scale.at_least", "min", num(s.Min))
	case s.Max != nil:
		return r.text.T("scale.at_most", "max", num(s.Max))
	}
	return ""
}
