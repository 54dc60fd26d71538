package chart

import (
	"math"
	"strings"
	"testing"
	"time"
)

// daily makes n daily points whose values follow f.
func daily(n int, f func(i int) float64) []Point {
	pts := make([]Point, n)
	t0 := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range pts {
		pts[i] = Point{Date: t0.AddDate(0, 0, i), Value: f(i)}
	}
	return pts
}

func TestDownsample(t *testing.T) {
	wave := func(i int) float64 { return math.Sin(float64(i)/37) * float64(i%11) }
	tests := []struct {
		name    string
		pts     []Point
		buckets int
		whole   bool // drawn as it is
	}{
		{"small series whole", daily(2000, wave), 500, true},
		{"just above the limit", daily(2001, wave), 500, false},
		{"large", daily(200000, wave), 500, false},
		{"spike in the middle", daily(50000, func(i int) float64 {
			if i == 31337 {
				return 1e6
			}
			if i == 4242 {
				return -1e6
			}
			return 1
		}), 500, false},
		{"one bucket", daily(100, wave), 1, false},
		{"same date span zero", []Point{{Value: 1}, {Value: 5}, {Value: -2}, {Value: 3}, {Value: 0}}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := downsample(tt.pts, tt.buckets)
			if tt.whole {
				if len(got) != len(tt.pts) {
					t.Fatalf("a series of %d points drawn from %d", len(tt.pts), len(got))
				}
				return
			}
			if len(got) > 4*tt.buckets {
				t.Errorf("%d points drawn, want at most %d", len(got), 4*tt.buckets)
			}
			lo, hi := tt.pts[0], tt.pts[0]
			for _, p := range tt.pts {
				if p.Value < lo.Value {
					lo = p
				}
				if p.Value > hi.Value {
					hi = p
				}
			}
			has := func(want Point) bool {
				for _, p := range got {
					if p == want {
						return true
					}
				}
				return false
			}
			for what, p := range map[string]Point{"first": tt.pts[0], "last": tt.pts[len(tt.pts)-1], "lowest": lo, "highest": hi} {
				if !has(p) {
					t.Errorf("the %s point %v is not drawn", what, p)
				}
			}
			for i := 1; i < len(got); i++ {
				if got[i].Date.Before(got[i-1].Date) {
					t.Fatalf("drawn points out of date order at %d", i)
				}
			}
			again := downsample(tt.pts, tt.buckets)
			for i := range got {
				if got[i] != again[i] {
					t.Fatalf("two runs differ at %d", i)
				}
			}
		})
	}
}

// A large series draws a bounded line, no dot per point, and states its
// latest value and range from every point.
func TestLineLargeSeries(t *testing.T) {
	pts := daily(200000, func(i int) float64 { return float64(i % 1000) })
	pts[len(pts)-1].Value = 1234.5
	s := Line(LineChart{Text: english, ID: "big", Title: "Big", Unit: "points", Points: pts})
	if len(s) > 64<<10 {
		t.Errorf("chart of 200,000 points is %d bytes, want under 64 KB", len(s))
	}
	if strings.Contains(s, `class="chart-point"`) {
		t.Error("a dot is drawn for each of 200,000 points")
	}
	if !strings.Contains(s, "latest 1234.5 points") {
		t.Errorf("the description does not state the latest point:\n%.400s", s)
	}
	root := parse(t, s)
	if n := len(root.byClass("chart-latest")); n != 1 {
		t.Errorf("%d latest points, want 1", n)
	}
}

// A target equal to the lowest value on the axis is drawn above the x axis,
// not hidden under it.
func TestLineTargetOnAxisMinimum(t *testing.T) {
	target := 40.0
	c := LineChart{Text: english, ID: "t", Title: "T", Points: []Point{{day(2026, 1, 1), 44}, {day(2026, 2, 1), 48}, {day(2026, 3, 1), 50}}, Target: &target}
	root := parse(t, Line(c))
	ty := num(t, root.byClass("chart-target")[0].attr("y1"))
	if bottom := lineH - lineBottom; ty >= bottom-1 {
		t.Errorf("target at y=%v lies on the x axis at y=%v", ty, bottom)
	}
}

func TestMarkPositions(t *testing.T) {
	pts := monthly(day(2026, 1, 1), 10, 20, 30)
	c := LineChart{Text: english, ID: "m", Points: pts, Marks: []Mark{{pts[0].Date, 10}, {pts[2].Date, 30}}}
	pos := MarkPositions(c)
	root := parse(t, Line(c))
	rings := root.byClass("chart-mark")
	if len(pos) != 2 || len(rings) != 2 {
		t.Fatalf("%d positions and %d rings for 2 marks", len(pos), len(rings))
	}
	for i, r := range rings {
		x, y := num(t, r.attr("cx"))/lineW*100, num(t, r.attr("cy"))/lineH*100
		if math.Abs(x-pos[i][0]) > 0.01 || math.Abs(y-pos[i][1]) > 0.01 {
			t.Errorf("mark %d at %.2f%%,%.2f%% but its ring at %.2f%%,%.2f%%", i, pos[i][0], pos[i][1], x, y)
		}
	}
}
