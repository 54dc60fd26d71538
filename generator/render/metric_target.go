package render

// What a metric is held to over time, in words: its dated target and the
// path from its baseline, its scale and cadence, and a sharp move flagged.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/render/chart"
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
	d.TargetBy, d.TargetByISO = formatDate(mm.TargetDate)
	if b := mm.Baseline; b != nil {
		on, _ := formatDate(b.Date)
		d.Baseline = withUnit(formatNumber(b.Value), unit) + " on " + on
	}
	d.HasPath = d.HasData && m.Summary.Standing != ""
	if s := m.Summary; s.Standing != "" && s.Latest != nil {
		on, _ := formatDate(s.Latest.Date)
		d.PathText = fmt.Sprintf("The straight path from the baseline to the target expects %s on %s; the latest value is %s the path",
			withUnit(formatNumber(s.Expected), unit), on, map[link.Standing]string{link.Ahead: "ahead of", link.Behind: "behind"}[s.Standing])
		d.StatusText = standingText[s.Standing]
	}
	d.Scale = m.Scale.Text()
	if m.Scale.Page != m.Page.Path && d.Scale != "" && m.Definition != nil {
		d.ScaleFrom = &LinkData{Title: m.Definition.Title(), URL: rootRel(m.Definition.URL)}
	}
	if mm.Cadence != "" {
		c := string(mm.Cadence)
		d.Cadence = strings.ToUpper(c[:1]) + c[1:]
	}
	if a := mm.AlertChange; a != nil {
		d.AlertChange = alertLimit(*a, unit) + " from the mean of the three points before"
	}
	d.AlertText = alertText(m.Summary.Alert, mm.AlertChange, unit)
}

// alertLimit is an alertChange in words: "5 points", "10%".
func alertLimit(a parse.AlertChange, unit string) string {
	if a.Percent {
		return a.String()
	}
	return withUnit(formatNumber(a.Amount), unit)
}

// alertText says a sharp move in words: "Sharp fall: 6.2 points below the
// mean of the three points before (31.1 points); flagged beyond 5 points".
func alertText(al *link.Alert, a *parse.AlertChange, unit string) string {
	if al == nil || a == nil {
		return ""
	}
	word, side, moved := "rise", "above", al.Moved
	if moved < 0 {
		word, side, moved = "fall", "below", -moved
	}
	by := withUnit(formatNumber(moved), unit)
	if a.Percent {
		by = formatNumber(moved/math.Abs(al.Mean)*100) + "%"
	}
	return fmt.Sprintf("Sharp %s: %s %s the mean of the three points before (%s); flagged beyond %s",
		word, by, side, withUnit(formatNumber(al.Mean), unit), alertLimit(*a, unit))
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
