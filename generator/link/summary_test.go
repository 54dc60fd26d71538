package link

import (
	"math"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/parse"
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

// TestSummarizePath judges the latest value against the straight path from
// the baseline to the target on its date, in the metric's direction; before
// the path starts or after it ends, against the target as usual.
func TestSummarizePath(t *testing.T) {
	path := &Path{From: dateOf("2025-01-01"), To: dateOf("2027-01-01"), FromValue: 20, ToValue: 40}
	at := func(date string, v float64) *series.File {
		return &series.File{Points: []series.Point{{Date: dateOf(date), Value: v}}}
	}
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name     string
		s        *series.File
		dir      Direction
		target   float64
		path     *Path
		standing Standing
		status   Status
		expected float64
	}{
		{"up, above the path though below the target", at("2026-01-01", 31), Up, 40, path, Ahead, OnTrack, 30},
		{"up, below the path", at("2026-01-01", 29), Up, 40, path, Behind, OffTrack, 30},
		{"up, on the baseline's day", at("2025-01-01", 20), Up, 40, path, Ahead, OnTrack, 20},
		{"down, below the path", at("2026-01-01", 2.4), Down, 2, &Path{From: dateOf("2025-01-01"), To: dateOf("2027-01-01"), FromValue: 3, ToValue: 2}, Ahead, OnTrack, 2.5},
		{"down, above the path", at("2026-01-01", 2.6), Down, 2, &Path{From: dateOf("2025-01-01"), To: dateOf("2027-01-01"), FromValue: 3, ToValue: 2}, Behind, OffTrack, 2.5},
		{"before the path: the target", at("2024-06-30", 41), Up, 40, path, "", OnTrack, 0},
		{"after the target date: the target", at("2027-06-30", 39), Up, 40, path, "", OffTrack, 0},
		{"no path", at("2026-01-01", 31), Up, 40, nil, "", OffTrack, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.s, Rule{Target: f(tt.target), Direction: tt.dir, Path: tt.path}, dateOf("2027-12-31"))
			if got.Standing != tt.standing || got.Status != tt.status || math.Abs(got.Expected-tt.expected) > 0.01 {
				t.Errorf("standing %q, status %q, expected %.3f; want %q, %q, %.3f", got.Standing, got.Status, got.Expected, tt.standing, tt.status, tt.expected)
			}
		})
	}
}

// TestSummarizeAlert flags a latest value that moved more than alertChange
// from the mean of the three points before: an amount, or a share of the mean.
func TestSummarizeAlert(t *testing.T) {
	pts := func(vals ...float64) *series.File {
		s := &series.File{}
		for i, v := range vals {
			s.Points = append(s.Points, series.Point{Date: dateOf("2025-01-31").AddDate(0, i, 0), Value: v})
		}
		return s
	}
	tests := []struct {
		name  string
		s     *series.File
		alert *parse.AlertChange
		moved float64 // 0: no alert
	}{
		{"fall beyond an amount", pts(30, 31, 32, 25), &parse.AlertChange{Amount: 5}, -6},
		{"rise beyond an amount", pts(30, 31, 32, 38), &parse.AlertChange{Amount: 5}, 7},
		{"within the amount", pts(30, 31, 32, 36), &parse.AlertChange{Amount: 5}, 0},
		{"exactly the amount is not beyond it", pts(30, 31, 32, 36), &parse.AlertChange{Amount: 5}, 0},
		{"beyond a share", pts(1, 1, 1, 1.2), &parse.AlertChange{Amount: 10, Percent: true}, 0.2},
		{"within a share", pts(1, 1, 1, 1.05), &parse.AlertChange{Amount: 10, Percent: true}, 0},
		{"a share of a mean of 0", pts(0, 0, 0, 5), &parse.AlertChange{Amount: 10, Percent: true}, 0},
		{"only the three points before count", pts(100, 30, 31, 32, 37.5), &parse.AlertChange{Amount: 5}, 6.5},
		{"fewer than four points", pts(30, 31, 40), &parse.AlertChange{Amount: 5}, 0},
		{"no alertChange", pts(30, 31, 32, 60), nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.s, Rule{Direction: Up, Alert: tt.alert}, dateOf("2026-01-01")).Alert
			switch {
			case tt.moved == 0 && got != nil:
				t.Errorf("flagged %+v, want no alert", got)
			case tt.moved != 0 && (got == nil || math.Abs(got.Moved-tt.moved) > 1e-9):
				t.Errorf("alert %+v, want moved %v", got, tt.moved)
			}
		})
	}
}

// TestSummarizeShown: a newest value held back for too few responses is
// data that came in, not data missing: freshness is judged by it, while the
// latest value, change and status come from the values that may be shown.
// With every value held back there is no latest value, and no panic.
func TestSummarizeShown(t *testing.T) {
	pt := func(date string, v float64, n int) series.Point {
		return series.Point{Date: dateOf(date), Value: v, N: n}
	}
	pts := []series.Point{pt("2025-10-31", 30, 400), pt("2025-11-30", 31, 400), pt("2025-12-31", 99, 12)}
	r := Rule{Cadence: series.Monthly}
	now := dateOf("2026-01-20")
	got := SummarizeShown(pts, 30, r, now)
	if got.Latest == nil || got.Latest.Value != 31 {
		t.Fatalf("latest %+v; want the shown 31", got.Latest)
	}
	if got.Stale || !got.Newest.Equal(dateOf("2025-12-31")) || got.Due.Format(time.DateOnly) != "2026-01-31" {
		t.Errorf("stale %v, newest %s, due %s; want fresh, newest 2025-12-31 (held back), due 2026-01-31",
			got.Stale, got.Newest.Format(time.DateOnly), got.Due.Format(time.DateOnly))
	}
	all := SummarizeShown([]series.Point{pt("2025-12-31", 99, 12)}, 30, Rule{StaleAfter: 45 * 24 * time.Hour}, now)
	if all.Latest != nil || all.Stale || !all.Newest.Equal(dateOf("2025-12-31")) {
		t.Errorf("every value held back: latest %+v, stale %v, newest %s; want none, fresh, 2025-12-31",
			all.Latest, all.Stale, all.Newest.Format(time.DateOnly))
	}
	if old := SummarizeShown(pts, 30, r, dateOf("2026-03-01")); !old.Stale {
		t.Errorf("on 2026-03-01 the held-back 2025-12-31 point is more than 1.5 months old; want stale")
	}
}
