package link

import (
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/series"
)

func dateOf(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSummarize(t *testing.T) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	pts := func(vals ...float64) *series.File {
		s := &series.File{Path: "d/m.csv"}
		for i, v := range vals {
			s.Points = append(s.Points, series.Point{Date: dateOf("2025-12-01").AddDate(0, 0, i), Value: v, Line: i + 2})
		}
		return s
	}
	f := func(v float64) *float64 { return &v }
	lastDate := dateOf("2025-12-01")
	tests := []struct {
		name       string
		s          *series.File
		target     *float64
		dir        Direction
		staleAfter time.Duration
		now        time.Time
		latest     float64
		hasPrev    bool
		prev       float64
		change     float64
		status     Status
		stale      bool
		age        time.Duration
	}{
		{"up above target", pts(40, 46), f(45), Up, 0, lastDate.AddDate(0, 0, 1), 46, true, 40, 6, OnTrack, false, 0},
		{"up below target", pts(46, 40), f(45), Up, 0, lastDate.AddDate(0, 0, 1), 40, true, 46, -6, OffTrack, false, 0},
		{"up on target", pts(45, 45), f(45), Up, 0, lastDate.AddDate(0, 0, 1), 45, true, 45, 0, OnTrack, false, 0},
		{"down below target", pts(3, 2), f(2.5), Down, 0, lastDate.AddDate(0, 0, 1), 2, true, 3, -1, OnTrack, false, 0},
		{"down above target", pts(2, 3), f(2.5), Down, 0, lastDate.AddDate(0, 0, 1), 3, true, 2, 1, OffTrack, false, 0},
		{"down on target", pts(2.5), f(2.5), Down, 0, lastDate, 2.5, false, 0, 0, OnTrack, false, 0},
		{"no direction counts as up", pts(1), f(0), "", 0, lastDate, 1, false, 0, 0, OnTrack, false, 0},
		{"no target", pts(1, 2), nil, Up, 0, lastDate.AddDate(0, 0, 1), 2, true, 1, 1, NoTarget, false, 0},
		{"single point, 45.5 days old", pts(41.2), f(45), Up, 45 * 24 * time.Hour, now, 41.2, false, 0, 0, OffTrack, true, now.Sub(lastDate)},
		{"stale boundary: exactly staleAfter is fresh", pts(1), nil, Up, 10 * 24 * time.Hour, lastDate.AddDate(0, 0, 10), 1, false, 0, 0, NoTarget, false, 240 * time.Hour},
		{"stale boundary: one nanosecond more is stale", pts(1), nil, Up, 10 * 24 * time.Hour, lastDate.AddDate(0, 0, 10).Add(1), 1, false, 0, 0, NoTarget, true, 240*time.Hour + 1},
		{"staleAfter zero turns staleness off", pts(1), nil, Up, 0, lastDate.AddDate(5, 0, 0), 1, false, 0, 0, NoTarget, false, lastDate.AddDate(5, 0, 0).Sub(lastDate)},
		{"point in the future is fresh", pts(1), nil, Up, time.Hour, lastDate.Add(-time.Hour), 1, false, 0, 0, NoTarget, false, -time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.s, Rule{Target: tt.target, Direction: tt.dir, StaleAfter: tt.staleAfter}, tt.now)
			if got.Latest == nil || got.Latest.Value != tt.latest {
				t.Errorf("Latest = %+v, want value %v", got.Latest, tt.latest)
			}
			if (got.Previous != nil) != tt.hasPrev || (tt.hasPrev && got.Previous.Value != tt.prev) {
				t.Errorf("Previous = %+v, want %v (present %v)", got.Previous, tt.prev, tt.hasPrev)
			}
			if got.Change != tt.change || got.Status != tt.status || got.Stale != tt.stale || got.Age != tt.age {
				t.Errorf("got change %v status %q stale %v age %v; want %v %q %v %v",
					got.Change, got.Status, got.Stale, got.Age, tt.change, tt.status, tt.stale, tt.age)
			}
		})
	}
	// The summary holds copies: changing it leaves the series alone.
	s := pts(1, 2)
	sum := Summarize(s, Rule{Direction: Up}, now)
	sum.Latest.Value = 99
	if s.Points[1].Value != 2 {
		t.Error("Summarize's Latest aliases the series")
	}
	for _, empty := range []*series.File{nil, {Path: "d/m.csv"}} {
		got := Summarize(empty, Rule{Target: f(1), Direction: Up, StaleAfter: time.Hour}, now)
		if got.Latest != nil || got.Previous != nil || got.Status != OffTrack || !got.Stale {
			t.Errorf("empty series: %+v", got)
		}
		if got := Summarize(empty, Rule{Direction: Up}, now); got.Status != NoTarget || got.Stale {
			t.Errorf("empty series without target or staleness: %+v", got)
		}
	}
}

// A cadence replaces staleAfter: stale one and a half cadences after the
// newest point, with the date the next point was due.
func TestSummarizeCadence(t *testing.T) {
	s := &series.File{Path: "d/m.csv", Points: []series.Point{{Date: dateOf("2025-10-31"), Value: 1}}}
	tests := []struct {
		cadence    series.Cadence
		staleAfter time.Duration
		now        string
		stale      bool
		due        string
	}{
		{series.Monthly, time.Hour, "2025-12-15", false, "2025-11-30"},          // 45 days old, within 1.5 months: staleAfter is not used
		{series.Monthly, 0, "2025-12-16", true, "2025-11-30"},                   // past 30 Nov + 15 days
		{series.Weekly, 365 * 24 * time.Hour, "2025-11-12", true, "2025-11-07"}, // past 7 Nov + 3.5 days
		{series.Quarterly, time.Hour, "2026-02-14", false, "2026-01-31"},        // 31 Jan + 46 days is 18 Mar
		{"", 45 * 24 * time.Hour, "2025-12-16", true, ""},                       // no cadence: staleAfter
	}
	for _, tt := range tests {
		got := Summarize(s, Rule{StaleAfter: tt.staleAfter, Cadence: tt.cadence}, dateOf(tt.now))
		due := ""
		if !got.Due.IsZero() {
			due = got.Due.Format(time.DateOnly)
		}
		if got.Stale != tt.stale || due != tt.due {
			t.Errorf("%q at %s: stale %v, due %q; want %v, %q", tt.cadence, tt.now, got.Stale, due, tt.stale, tt.due)
		}
	}
}
