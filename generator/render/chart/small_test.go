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
	c := LineChart{ID: "p", Title: "NPS", Unit: "points", Points: pts, Target: f64(40), Direction: "up",
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
	sa := Small(LineChart{ID: "s-1", Title: "NPS, business", Unit: "points", Points: a, Target: f64(40), Direction: "up"}, frame)
	sb := Small(LineChart{ID: "s-2", Title: "NPS, consumer", Unit: "points", Points: b, Target: f64(40), Direction: "up"}, frame)
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
	if s := Small(LineChart{ID: "e", Title: "Empty"}, Frame{}); !strings.Contains(s, "Empty: no data") {
		t.Errorf("an empty small multiple says nothing of it:\n%s", s)
	}
}
