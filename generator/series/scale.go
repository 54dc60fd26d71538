package series

// What a metric says about its data that the data must keep to: the range
// of its scale, and how often a new point comes.

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Scale is the range a metric's values can take: NPS -100 to 100, CSAT 0
// to 100, CES 1 to 7. A nil end is open.
type Scale struct {
	Min, Max *float64
	Metric   string // the metric's id, for messages
	Page     string // where the scale is set ("content/metrics/nps.md"), for messages
}

// CheckScale reports every point of f (headline and segments) whose value
// is outside the scale, at the value in the data file. The file is the
// place to fix: a value outside the scale is a mistake in the export far
// more often than in the scale.
func (f *File) CheckScale(s Scale) []diag.Diagnostic {
	if s.Min == nil && s.Max == nil {
		return nil
	}
	var bad []Point
	check := func(pts []Point) {
		for _, p := range pts {
			if (s.Min != nil && p.Value < *s.Min) || (s.Max != nil && p.Value > *s.Max) {
				bad = append(bad, p)
			}
		}
	}
	check(f.Points)
	for _, seg := range f.Segments {
		check(seg.Points)
	}
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Line < bad[j].Line })
	var diags []diag.Diagnostic
	for _, p := range bad[:min(len(bad), maxDiags)] {
		msg := fmt.Sprintf("value %s is outside the scale of metric %q (%s, set in %s); fix the value, or the scale if it is wrong",
			strconv.FormatFloat(p.Value, 'g', -1, 64), s.Metric, s.Text(), s.Page)
		if p.valueAt >= 0 {
			diags = append(diags, diag.At(f.Path, f.src, p.valueAt, "%s", msg))
		} else {
			diags = append(diags, diag.AtLine(f.Path, f.src, p.Line, 1, "%s", msg))
		}
	}
	if n := len(bad) - len(diags); n > 0 {
		last := &diags[len(diags)-1]
		last.Notes = append(last.Notes, fmt.Sprintf("%d more %s outside the scale in this file %s not shown",
			n, plural(n, "value", "values"), plural(n, "is", "are")))
	}
	return diags
}

// Few reports whether the point's value comes from fewer than minN
// responses: not to be shown as a number, as survey tools keep such values
// back to protect who answered and because they are mostly noise. A point
// without n is never few.
func (p Point) Few(minN int) bool {
	return minN > 0 && p.N > 0 && p.N < minN
}

// Shown is f without the points from fewer than minN responses: what a
// summary and a chart may use. It is f itself when no point is left out.
func (f *File) Shown(minN int) *File {
	few := func(p Point) bool { return p.Few(minN) }
	kept := slices.ContainsFunc(f.Points, few)
	for _, seg := range f.Segments {
		kept = kept || slices.ContainsFunc(seg.Points, few)
	}
	if !kept {
		return f
	}
	out := *f
	out.Points = slices.DeleteFunc(slices.Clone(f.Points), few)
	out.Segments = nil
	for _, seg := range f.Segments {
		if pts := slices.DeleteFunc(slices.Clone(seg.Points), few); len(pts) > 0 {
			out.Segments = append(out.Segments, Segment{Name: seg.Name, Points: pts})
		}
	}
	return &out
}

// Text is the scale in words: "-100 to 100", "at least 0", "at most 7";
// "" for an open scale.
func (s Scale) Text() string {
	if s.Min == nil && s.Max == nil {
		return ""
	}
	num := func(f *float64) string { return strconv.FormatFloat(*f, 'g', -1, 64) }
	switch {
	case s.Min != nil && s.Max != nil:
		return num(s.Min) + " to " + num(s.Max)
	case s.Min != nil:
		return "at least " + num(s.Min)
	default:
		return "at most " + num(s.Max)
	}
}

// Cadence is how often a metric gets a new point.
type Cadence string

// The cadences.
const (
	Daily     Cadence = "daily"
	Weekly    Cadence = "weekly"
	Monthly   Cadence = "monthly"
	Quarterly Cadence = "quarterly"
)

// Cadences are the cadences, shortest first.
var Cadences = []Cadence{Daily, Weekly, Monthly, Quarterly}

// ParseCadence reads a cadence as written in front matter or site.toml; the
// message says what to write instead.
func ParseCadence(s string) (Cadence, string) {
	names := make([]string, len(Cadences))
	for i, c := range Cadences {
		if string(c) == s {
			return c, ""
		}
		names[i] = string(c)
	}
	return "", fmt.Sprintf("cadence %q is not one shiftbook knows%s", s,
		diag.DidYouMean(s, names, `; write "daily", "weekly", "monthly" or "quarterly"`))
}

// Next is when the point after one dated t is due. Months are calendar
// months, as the data of a monthly survey is dated at each month's end:
// the point after 31 January is due on 28 (or 29) February, not 3 March.
func (c Cadence) Next(t time.Time) time.Time {
	switch c {
	case Daily:
		return t.AddDate(0, 0, 1)
	case Weekly:
		return t.AddDate(0, 0, 7)
	case Monthly:
		return addMonths(t, 1)
	case Quarterly:
		return addMonths(t, 3)
	}
	return time.Time{}
}

// StaleAt is when a series whose newest point is dated t becomes stale:
// one and a half cadences after it, so that a point a little late is not
// flagged at once.
func (c Cadence) StaleAt(t time.Time) time.Time {
	next := c.Next(t)
	if next.IsZero() {
		return next
	}
	return next.Add(next.Sub(t) / 2)
}

// addMonths adds n calendar months to t, keeping a month's end at the end
// of the month (31 January + 1 month = 28 February), as time.AddDate does
// not (it gives 3 March).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	endOfMonth := d == time.Date(y, m+1, 0, 0, 0, 0, 0, t.Location()).Day()
	if d > last || endOfMonth {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}
