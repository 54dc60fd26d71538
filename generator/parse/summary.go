package parse

// A metric's summary: latest value, change, status against target and
// freshness, from its series.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ---- summary ----

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

// Summary is what the site shows for a metric.
type Summary struct {
	Latest, Previous *Point        // Previous nil with one point; both nil with none
	Change           float64       // Latest.Value - Previous.Value (0 when no previous)
	Status           Status        // Latest vs target in the direction; on target counts as on track
	Stale            bool          // newest point older than staleAfter at now
	Age              time.Duration // now - Latest.Date
}

// Summarize computes the summary of s at now. A dir other than "down" is
// taken as "up". Without a target the status is "no-target". staleAfter
// <= 0 turns staleness off; a point exactly staleAfter old is not yet stale.
// A series without points (which ReadSeries never returns without a
// diagnostic) is off track when there is a target, and stale.
func Summarize(s *Series, target *float64, dir Direction, staleAfter time.Duration, now time.Time) Summary {
	var sum Summary
	var pts []Point
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

// ParseDuration parses the staleAfter syntax of site.toml: a number with a
// unit, "45d" (days), "6w" (weeks), "36h" (hours), "90m" (minutes), and any
// Go duration such as "1h30m"; units may be combined ("1w3d"). Days are 24
// hours. The duration must be longer than zero.
func ParseDuration(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	bad := func() (time.Duration, error) {
		return 0, fmt.Errorf("%q is not a duration; write a whole number with a unit: d (days), w (weeks), h (hours) or m (minutes), such as \"45d\", \"6w\", \"36h\" or \"90m\"", s)
	}
	if t == "" {
		return bad()
	}
	if t[0] == '-' {
		return 0, fmt.Errorf("%q is negative; write a duration longer than zero, such as \"45d\"", s)
	}
	t = strings.TrimPrefix(t, "+")
	// Rewrite days and weeks as hours for time.ParseDuration.
	var b strings.Builder
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && (t[j] >= '0' && t[j] <= '9' || t[j] == '.') {
			j++
		}
		k := j
		for k < len(t) && !(t[k] >= '0' && t[k] <= '9' || t[k] == '.') {
			k++
		}
		num, unit := t[i:j], strings.TrimSpace(t[j:k])
		if num == "" || unit == "" {
			return bad()
		}
		switch unit {
		case "d", "w":
			f, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return bad()
			}
			hours := f * 24
			if unit == "w" {
				hours *= 7
			}
			if hours > float64(math.MaxInt64/int64(time.Hour)) {
				return 0, fmt.Errorf("%q is too long; write a duration of at most a few years, such as \"45d\"", s)
			}
			b.WriteString(strconv.FormatFloat(hours, 'f', -1, 64) + "h")
		case "ns", "us", "µs", "μs", "ms", "s", "m", "h":
			if _, err := strconv.ParseFloat(num, 64); err != nil {
				return bad()
			}
			b.WriteString(num + unit)
		default:
			return bad()
		}
		i = k
	}
	d, err := time.ParseDuration(b.String())
	if err != nil { // every part is well formed, so the sum is too large
		return 0, fmt.Errorf("%q is too long; write a duration of at most a few years, such as \"45d\"", s)
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q is zero; write a duration longer than zero, such as \"45d\"", s)
	}
	return d, nil
}
