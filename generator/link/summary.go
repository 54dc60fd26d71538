package link

// A metric's summary: latest value, change, status against target and
// freshness, from its series.

import (
	"math"
	"time"

	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
)

// Direction says which way a metric should move: "up" (higher is better)
// or "down" (lower is better).
type Direction string

// The directions.
const (
	Up   Direction = "up"
	Down Direction = "down"
)

// Status is how the latest value stands against the target.
type Status string

// The statuses.
const (
	OnTrack  Status = "on-track"
	OffTrack Status = "off-track"
	NoTarget Status = "no-target"
)

// MetricSummary is what the site shows for a metric.
type MetricSummary struct {
	Latest, Previous *series.Point // Previous nil with one point; both nil with none
	Change           float64       // Latest.Value - Previous.Value (0 when no previous)
	Status           Status        // Latest vs target in the direction; on target counts as on track
	Stale            bool          // newest point too old at now (see Rule)
	// Newest is the date of the series' newest point as written, shown
	// or held back (too few responses): freshness is judged by it, so a
	// newest point that may not be shown is not taken for a missing one.
	// Latest.Date unless SummarizeShown finds a newer one; zero with none.
	Newest time.Time
	Age    time.Duration // now - Newest
	Due    time.Time     // with a cadence: when the point after Newest was due; zero without
	// With a path (Rule.Path) and Latest within its dates: Standing is
	// Ahead or Behind, and Expected the value the path expects on
	// Latest's date; Status then says the same (ahead is on track).
	Standing Standing
	Expected float64
	// Alert is set when Latest moved more than Rule.Alert from the mean
	// of the three points before it.
	Alert *Alert
}

// Standing is where the latest value stands against the path to the target.
type Standing string

// The standings.
const (
	Ahead  Standing = "ahead"
	Behind Standing = "behind"
)

// Path is the straight line from a metric's baseline to its target by the
// target's date.
type Path struct {
	From, To           time.Time
	FromValue, ToValue float64
}

// At is the value the path expects on day t, which lies within its dates.
func (p Path) At(t time.Time) float64 {
	span := p.To.Sub(p.From).Hours()
	if span <= 0 {
		return p.ToValue
	}
	f := t.Sub(p.From).Hours() / span
	return p.FromValue + (p.ToValue-p.FromValue)*f
}

// Alert is a latest value that moved sharply.
type Alert struct {
	Mean  float64 // of the three points before the latest
	Moved float64 // Latest.Value - Mean
}

// Rule is what a metric and the site say about how its values are judged.
type Rule struct {
	Target    *float64
	Direction Direction // anything but Down is taken as Up
	// StaleAfter is [data] staleAfter: a series whose newest point is
	// older is stale; <= 0 turns staleness off.
	StaleAfter time.Duration
	// Cadence, when set, replaces StaleAfter for the metric: stale one
	// and a half cadences after the newest point (series.Cadence.StaleAt).
	Cadence series.Cadence
	// Path, when set, judges a latest value dated within it against the
	// value it expects then, not against the target.
	Path *Path
	// Alert, when set, flags a latest value that moved more than it from
	// the mean of the three points before.
	Alert *parse.AlertChange
}

// Summarize computes the summary of s at now. Without a target the status
// is "no-target". A point exactly at the staleness limit is not yet stale.
// A series without points (which series.Read never returns without a
// diagnostic) is off track when there is a target, and stale.
func Summarize(s *series.File, r Rule, now time.Time) MetricSummary {
	var sum MetricSummary
	var pts []series.Point
	if s != nil {
		pts = s.Points
	}
	if len(pts) == 0 {
		sum.Status = NoTarget
		if r.Target != nil {
			sum.Status = OffTrack
		}
		sum.Stale = r.StaleAfter > 0 || r.Cadence != ""
		return sum
	}
	latest := pts[len(pts)-1]
	sum.Latest = &latest
	if len(pts) > 1 {
		prev := pts[len(pts)-2]
		sum.Previous = &prev
		sum.Change = latest.Value - prev.Value
	}
	switch {
	case r.Target == nil:
		sum.Status = NoTarget
	case r.Direction == Down && latest.Value <= *r.Target, r.Direction != Down && latest.Value >= *r.Target:
		sum.Status = OnTrack
	default:
		sum.Status = OffTrack
	}
	if p := r.Path; p != nil && r.Target != nil && !latest.Date.Before(p.From) && !latest.Date.After(p.To) {
		sum.Expected = p.At(latest.Date)
		sum.Standing, sum.Status = Behind, OffTrack
		if r.Direction == Down && latest.Value <= sum.Expected || r.Direction != Down && latest.Value >= sum.Expected {
			sum.Standing, sum.Status = Ahead, OnTrack
		}
	}
	sum.Alert = alertOf(pts, r.Alert)
	sum.freshness(latest.Date, r, now)
	return sum
}

// freshness judges whether a series whose newest point is from newest is
// stale at now.
func (sum *MetricSummary) freshness(newest time.Time, r Rule, now time.Time) {
	sum.Newest = newest
	sum.Age = now.Sub(newest)
	sum.Due = time.Time{}
	if r.Cadence != "" {
		sum.Due = r.Cadence.Next(newest)
		sum.Stale = now.After(r.Cadence.StaleAt(newest))
	} else {
		sum.Stale = r.StaleAfter > 0 && sum.Age > r.StaleAfter
	}
}

// SummarizeShown summarizes the points of pts that may be shown (from at
// least minN responses; every point with minN 0): a value from too few
// responses shows through neither the latest value, its change, status nor
// alert. Freshness is judged by the newest point of pts, shown or not: the
// data is there, only held back.
func SummarizeShown(pts []series.Point, minN int, r Rule, now time.Time) MetricSummary {
	sum := Summarize((&series.File{Points: pts}).Shown(minN), r, now)
	if len(pts) > 0 {
		if newest := pts[len(pts)-1].Date; sum.Latest == nil || newest.After(sum.Latest.Date) {
			sum.freshness(newest, r, now)
		}
	}
	return sum
}

// alertOf flags the last of pts when it moved more than a from the mean of
// the three before it; a share of a mean of 0 flags nothing.
func alertOf(pts []series.Point, a *parse.AlertChange) *Alert {
	if a == nil || len(pts) < 4 {
		return nil
	}
	prev := pts[len(pts)-4 : len(pts)-1]
	mean := (prev[0].Value + prev[1].Value + prev[2].Value) / 3
	moved := pts[len(pts)-1].Value - mean
	limit := a.Amount
	if a.Percent {
		if mean == 0 {
			return nil
		}
		limit = a.Amount / 100 * math.Abs(mean)
	}
	if math.Abs(moved) <= limit {
		return nil
	}
	return &Alert{Mean: mean, Moved: moved}
}

// SegmentSummary is the summary of one segment of a metric's data file.
type SegmentSummary struct {
	Name string
	// Summary is of the segment's values that may be shown (see
	// series.Point.Few); its Latest is nil when none may.
	Summary MetricSummary
	// Newest is the segment's newest point as written, shown or not: what
	// a segment whose every value is held back reports its n from.
	Newest series.Point
}

// summarizeSegments summarizes each segment of f by the metric's rule,
// from the values of at least minN responses, as the headline is; the path
// is the headline's, from its baseline, so a segment is judged against the
// target alone.
func summarizeSegments(f *series.File, minN int, r Rule, now time.Time) []SegmentSummary {
	r.Path = nil
	var out []SegmentSummary
	for _, seg := range f.Segments {
		if len(seg.Points) == 0 {
			continue
		}
		ss := SegmentSummary{Name: seg.Name, Newest: seg.Points[len(seg.Points)-1]}
		ss.Summary = SummarizeShown(seg.Points, minN, r, now)
		out = append(out, ss)
	}
	return out
}
