package parse

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// The keys of a metric that say what it is held to over time: a target
// with a date and a baseline, the straight path between them, and how
// sharp a move is flagged.
//
//	target      = 40
//	targetDate  = 2027-12-31
//	baseline    = { date = 2026-01-31, value = 12 }
//	alertChange = 5        # or "10%": of the mean of the previous three points

// Baseline is where a metric's path to its target starts.
type Baseline struct {
	Date  time.Time
	Value float64
}

// AlertChange is how far a latest value may move from the mean of the
// three points before it before it is flagged: an amount in the metric's
// unit, or (Percent) a share of that mean.
type AlertChange struct {
	Amount  float64
	Percent bool
}

// String is the threshold as an author writes it: "5", "10%".
func (a AlertChange) String() string {
	s := strconv.FormatFloat(a.Amount, 'g', -1, 64)
	if a.Percent {
		s += "%"
	}
	return s
}

// metricTargetKeys are the keys decodeMetricTarget reads.
var metricTargetKeys = []string{"targetDate", "baseline", "alertChange"}

// decodeMetricTarget sets the field of one of metricTargetKeys.
func decodeMetricTarget(d *fieldDecoder, m *MetricMeta, k string, v any) {
	switch k {
	case "targetDate":
		m.TargetDate = d.date(v, k)
	case "baseline":
		m.Baseline = d.baseline(v)
	case "alertChange":
		m.AlertChange = d.alertChange(v)
	}
}

const baselineShape = "baseline must be a table with a date and a value, such as baseline = { date = 2026-01-31, value = 12 }"

func (d *fieldDecoder) baseline(v any) *Baseline {
	t, ok := v.(map[string]any)
	if !ok {
		d.errorf([]string{"baseline"}, "%s, not %s", baselineShape, describe(v))
		return nil
	}
	var b Baseline
	good, typo := true, false
	for _, k := range slices.Sorted(maps.Keys(t)) {
		switch k {
		case "date", "value":
		default:
			d.errorf([]string{"baseline", k}, "baseline has no key %q%s", k,
				diag.DidYouMean(k, []string{"date", "value"}, "; a baseline has a date and a value"))
			good, typo = false, true
		}
	}
	switch dv, ok := t["date"]; {
	case !ok && typo:
	case !ok:
		d.errorf([]string{"baseline"}, "baseline has no date; %s", baselineShape)
		good = false
	default:
		b.Date = d.date(dv, "baseline", "date")
		good = good && !b.Date.IsZero()
	}
	switch vv, ok := t["value"]; {
	case !ok && typo:
	case !ok:
		d.errorf([]string{"baseline"}, "baseline has no value; %s", baselineShape)
		good = false
	default:
		n, isNum := d.number(vv, "baseline", "value")
		good = good && isNum
		b.Value = n
	}
	if !good {
		return nil
	}
	return &b
}

func (d *fieldDecoder) alertChange(v any) *AlertChange {
	const how = `write an amount in the metric's unit, such as alertChange = 5, or a share of the recent mean, such as alertChange = "10%"`
	var a AlertChange
	switch x := v.(type) {
	case string:
		t := strings.TrimSpace(x)
		num, isPct := strings.CutSuffix(t, "%")
		f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if !isPct && err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			d.errorf([]string{"alertChange"}, "alertChange %q is a number in quotes; write alertChange = %s without quotes for an amount in the metric's unit, or alertChange = \"%s%%\" for a share of the recent mean", x, t, t)
			return nil
		}
		if !isPct || err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.errorf([]string{"alertChange"}, "alertChange %q is not a number or a percentage; %s", x, how)
			return nil
		}
		a = AlertChange{Amount: f, Percent: true}
	default:
		f, ok := d.number(v, "alertChange")
		if !ok {
			return nil
		}
		a.Amount = f
	}
	if a.Amount <= 0 {
		d.errorf([]string{"alertChange"}, "alertChange %s must be more than 0; %s", a, how)
		return nil
	}
	return &a
}

// checkTarget checks the dated target against the target and baseline,
// once every key is read.
func checkTarget(d *fieldDecoder, fm *FrontMatter) {
	m := &fm.Metric
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	switch {
	case !m.TargetDate.IsZero() && m.Target == nil:
		d.missingf([]string{"targetDate"}, "targetDate %s has no target to reach by then; add target = ... or remove targetDate", day(m.TargetDate))
	case m.Baseline != nil && m.TargetDate.IsZero():
		d.missingf([]string{"baseline"}, "baseline has no targetDate to draw the path to; add targetDate = YYYY-MM-DD (and target = ...), or remove baseline")
		m.Baseline = nil
	case m.Baseline != nil && !m.Baseline.Date.Before(m.TargetDate):
		d.errorf([]string{"baseline", "date"}, "the baseline's date %s is not before targetDate %s; the path runs from the baseline to the target, so start it earlier",
			day(m.Baseline.Date), day(m.TargetDate))
		m.Baseline = nil
	}
	if b := m.Baseline; b != nil && (m.Min != nil && b.Value < *m.Min || m.Max != nil && b.Value > *m.Max) {
		d.errorf([]string{"baseline", "value"}, "the baseline's value %s is outside the scale set by min and max; write the value the metric had on %s",
			fmt.Sprint(b.Value), day(b.Date))
	}
}
