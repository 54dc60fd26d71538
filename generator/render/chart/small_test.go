package chart

import (
	"strings"
	"testing"
)

// TestLinePath: the path from a baseline to a dated target is a dotted line
// from the baseline to the target on its date, unlike the dashed target;
// the x axis runs to the target's date and the text alternative says the path.
func TestLinePath(t *testing.T) {
	pts := monthly(day(2026, 1, 31), 30, 31, 32, 33)
	c := LineChart{Text: english, ID: "p", Title: "NPS", Unit: "points", Points: pts, Target: f64(40), Direction: "up",
		Path: &Path{From: Point{day(2026, 1, 31), 28}, To: Point{day(2027, 12, 31), 40}}}
	s := Line(c)
	root := checkSVG(t, s)
	paths := root.byClass("chart-path")
	if len(paths) != 1 {
		t.Fatalf("%d paths drawn, want 1", len(paths))
	}
	p, target := paths[0], root.byClass("chart-target")[0]
	if p.attr("stroke-dasharray") == target.attr("stroke-dasharray") {
		t.Errorf("the path is dashed like the target: %q", p.attr("stroke-dasharray"))
	}
	if x2 := num(t, p.attr("x2")); x2 != lineW-lineRight {
		t.Errorf("the path ends at x=%v, want the right end of the plot (%v): the axis runs to the target's date", x2, lineW-lineRight)
	}
	if y2, ty := num(t, p.attr("y2")), num(t, target.attr("y1")); y2 != ty {
		t.Errorf("the path ends at y=%v, the target line is at y=%v", y2, ty)
	}
	if !strings.Contains(s, "The path to the target runs from 28 points on 31 Jan 2026 to 40 points on 31 Dec 2027.") {
		t.Errorf("the description does not say the path:\n%s", s)
	}
	// A path that does not run forward in time is not drawn.
	c.Path = &Path{From: Point{day(2027, 1, 1), 28}, To: Point{day(2026, 1, 1), 40}}
	if s := Line(c); strings.Contains(s, "chart-path") {
		t.Error("a backward path is drawn")
	}
}

// TestSmall: a small multiple has its own title and text alternative, is
// drawn on the frame it is given (so two segments share a scale), and
// labels its first and last month.
func TestSmall(t *testing.T) {
	a := monthly(day(2026, 1, 31), 10, 12, 14)
	b := monthly(day(2026, 1, 31), 30, 35, 38)
	frame := FrameOf(f64(40), a, b)
	if frame.Lo != 10 || frame.Hi != 40 || !frame.From.Equal(a[0].Date) || !frame.To.Equal(a[2].Date) {
		t.Fatalf("frame %+v", frame)
	}
	sa := Small(LineChart{Text: english, ID: "s-1", Title: "NPS, business", Unit: "points", Points: a, Target: f64(40), Direction: "up"}, frame)
	sb := Small(LineChart{Text: english, ID: "s-2", Title: "NPS, consumer", Unit: "points", Points: b, Target: f64(40), Direction: "up"}, frame)
	ra, rb := checkSVG(t, sa), checkSVG(t, sb)
	for _, want := range []string{`<title id="s-1-title">NPS, business</title>`, `<desc id="s-1-desc">NPS, business from Jan 2026 to Mar 2026: latest 14 points on 31 Mar 2026, target 40, higher is better.</desc>`,
		`>Jan 2026</text>`, `>Mar 2026</text>`, `class="chart-target"`, `>14</text>`} {
		if !strings.Contains(sa, want) {
			t.Errorf("small multiple lacks %s:\n%s", want, sa)
		}
	}
	// One scale: the same target at the same height in both.
	if ya, yb := ra.byClass("chart-target")[0].attr("y1"), rb.byClass("chart-target")[0].attr("y1"); ya != yb {
		t.Errorf("the target is at y=%s in one and y=%s in the other", ya, yb)
	}
	// Labels stay inside the viewBox, as far as their anchor says.
	for _, n := range ra.all(func(n *node) bool { return n.name == "text" }) {
		if x := num(t, n.attr("x")); x < 0 || x > smallW {
			t.Errorf("label %q at x=%v, outside 0..%v", n.text, x, smallW)
		}
	}
	if s := Small(LineChart{Text: english, ID: "e", Title: "Empty"}, Frame{}); !strings.Contains(s, "Empty: no data") {
		t.Errorf("an empty small multiple says nothing of it:\n%s", s)
	}
}

// TestSmallLatestLabelInside: the latest value's label stays inside the
// small chart, however wide: "17.12%" right of a point at the right end
// ran past the chart's edge and was cut on a phone; it then goes left of
// the point.
func TestSmallLatestLabelInside(t *testing.T) {
	for _, tt := range []struct {
		unit  string
		value float64
	}{{"%", 17.123456}, {"%", 99.5}, {"points", -100}, {"", 41}, {"%", 0.5}, {"days", 12345.67}} {
		pts := monthly(day(2025, 1, 31), 10, 12, tt.value)
		c := LineChart{Text: english, ID: "s", Title: "M, seg", Unit: tt.unit, Points: pts, Target: f64(99.5), Direction: "up"}
		s := Small(c, FrameOf(c.Target, pts))
		root := checkSVG(t, s)
		labels := root.byClass("chart-latest-label")
		if len(labels) != 1 {
			t.Fatalf("%v %s: %d latest labels", tt.value, tt.unit, len(labels))
		}
		l := labels[0]
		x, w := num(t, l.attr("x")), smallTextWidth(l.text, 7.6, 11)
		left, right := x, x+w
		if l.attr("text-anchor") == "end" {
			left, right = x-w, x
		}
		if left < 0 || right > smallW {
			t.Errorf("%v %s: label %q runs from x=%.1f to %.1f, outside 0..%v", tt.value, tt.unit, l.text, left, right, smallW)
		}
		if y := num(t, l.attr("y")); y < smallTop || y > smallH-smallBottom {
			t.Errorf("%v %s: label at y=%.1f, outside the plot", tt.value, tt.unit, y)
		}
		for _, yl := range root.byClass("chart-label-y") {
			for _, lab := range yl.children {
				if left := num(t, lab.attr("x")) - smallTextWidth(lab.text, 7.2, 10.8); left < 0 {
					t.Errorf("%v %s: value label %q starts at x=%.1f, left of the chart", tt.value, tt.unit, lab.text, left)
				}
			}
		}
	}
}
