package link

// A metric's summary: latest value, change, status against target and
// freshness, from its series.

import (
	"time"

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
	Stale            bool          // newest point older than staleAfter at now
	Age              time.Duration // now - Latest.Date
}

// Summarize computes the summary of s at now. A dir other than "down" is
// taken as "up". Without a target the status is "no-target". staleAfter
// <= 0 turns staleness off; a point exactly staleAfter old is not yet stale.
// A series without points (which series.Read never returns without a
// diagnostic) is off track when there is a target, and stale.
func Summarize(s *series.File, target *float64, dir Direction, staleAfter time.Duration, now time.Time) MetricSummary {
	var sum MetricSummary
	var pts []series.Point
	if s != nil {
		pts = s.Points
	}
	if len(pts) == 0 {
		sum.Status = NoTarget
		if target != nil {
			sum.Status = OffTrack
		}
		sum.Stale = staleAfter > 0
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
	case target == nil:
		sum.Status = NoTarget
	case dir == Down && latest.Value <= *target, dir != Down && latest.Value >= *target:
		sum.Status = OnTrack
	default:
		sum.Status = OffTrack
	}
	sum.Age = now.Sub(latest.Date)
	sum.Stale = staleAfter > 0 && sum.Age > staleAfter
	return sum
}
