package chart

import (
	"strings"
	"time"
)

// Small multiples: one small line chart per segment of a metric, drawn on
// the same scale (Frame) so that their heights compare at a glance.

// Frame is the scale small multiples share: the values and the dates every
// one of them covers.
type Frame struct {
	Lo, Hi   float64
	From, To time.Time
}

// FrameOf is the frame covering every series given and the target.
func FrameOf(target *float64, series ...[]Point) Frame {
	var f Frame
	first := true
	add := func(v float64) {
		if first {
			f.Lo, f.Hi, first = v, v, false
			return
		}
		f.Lo, f.Hi = min(f.Lo, v), max(f.Hi, v)
	}
	for _, s := range series {
		for _, p := range cleanPoints(s) {
			add(p.Value)
			if f.From.IsZero() || p.Date.Before(f.From) {
				f.From = p.Date
			}
			if p.Date.After(f.To) {
				f.To = p.Date
			}
		}
	}
	if target != nil && finite(*target) {
		add(*target)
	}
	return f
}

// Small chart geometry, in viewBox units. The theme shows a small chart at
// least smallW CSS px wide, so its 12-unit labels are never under 12 px.
const (
	smallW      = 260.0
	smallH      = 140.0
	smallLeft   = 34.0
	smallRight  = 40.0
	smallTop    = 12.0
	smallBottom = 24.0
	smallFont   = "12"
)

// Small renders c as a small multiple within the frame: an <svg
// role="img"> labelled by its <title> (c.Title, such as "NPS, business")
// and a <desc> in words, as Line's. It has gridlines with their values, the
// first and last month, the target dashed, and the latest value; no marks
// and no path (a segment has no baseline of its own).
func Small(c LineChart, f Frame) string {
	id, w := sanitizeID(c.ID), c.Text
	pts := cleanPoints(c.Points)
	unit := strings.TrimSpace(c.Unit)
	var target *float64
	if c.Target != nil && finite(*c.Target) {
		t := *c.Target
		target = &t
	}
	sc := niceScale(f.Lo, f.Hi)
	// The plot starts right of the widest value label ("100%" was cut at
	// the chart's left edge); the frame's labels are the same in every
	// small multiple, so they all keep one geometry.
	smallLeft := smallLeft
	for i := range sc.ticks {
		if yLabelled(i, len(sc.ticks)) {
			smallLeft = max(smallLeft, smallTextWidth(short(localNum(w, sc.labels[i]), unit), 7.2, 10.8)+7)
		}
	}
	pw, ph := smallW-smallLeft-smallRight, smallH-smallTop-smallBottom
	bottom, right := smallTop+ph, smallLeft+pw
	yOf := func(v float64) float64 { return smallTop + sc.frac(v)*ph }
	span := pts
	if !f.From.IsZero() && f.From.Before(f.To) {
		span = []Point{{Date: f.From}, {Date: f.To}}
	}
	xOf := xMapper(span, smallLeft, pw)

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-small" viewBox="0 0 ` + fc(smallW) + ` ` + fc(smallH) + `"`)
	b.WriteString(` role="img" aria-labelledby="` + id + `-title ` + id + `-desc">`)
	b.WriteString(`<title id="` + id + `-title">` + esc(titleOr(w, c.Title)) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(lineDesc(w, c.Title, unit, c.Direction, pts, target)) + `</desc>`)
	b.WriteString(`<g class="chart-grid" fill="none" stroke="currentColor" stroke-opacity="0.15" stroke-width="1">`)
	for _, t := range sc.ticks {
		y := fc(yOf(t))
		b.WriteString(`<line x1="` + fc(smallLeft) + `" y1="` + y + `" x2="` + fc(right) + `" y2="` + y + `"/>`)
	}
	b.WriteString(`</g>`)
	b.WriteString(`<g class="chart-axis" fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-width="1">`)
	b.WriteString(`<line x1="` + fc(smallLeft) + `" y1="` + fc(bottom) + `" x2="` + fc(right) + `" y2="` + fc(bottom) + `"/>`)
	b.WriteString(`</g>`)

	b.WriteString(`<g class="chart-label" fill="currentColor" stroke="none" font-size="` + smallFont + `">`)
	b.WriteString(`<g class="chart-label-y" text-anchor="end">`)
	for i, t := range sc.ticks {
		if yLabelled(i, len(sc.ticks)) {
			b.WriteString(`<text x="` + fc(smallLeft-5) + `" y="` + fc(yOf(t)+4) + `">` + esc(short(localNum(w, sc.labels[i]), unit)) + `</text>`)
		}
	}
	b.WriteString(`</g>`)
	if len(span) > 0 {
		from, to := span[0].Date, span[len(span)-1].Date
		b.WriteString(`<text class="chart-label-x" x="` + fc(smallLeft) + `" y="` + fc(bottom+17) + `" text-anchor="start">` + esc(w.Month(from)) + `</text>`)
		if monthLabel(from) != monthLabel(to) {
			b.WriteString(`<text class="chart-label-x" x="` + fc(right) + `" y="` + fc(bottom+17) + `" text-anchor="end">` + esc(w.Month(to)) + `</text>`)
		}
	}
	b.WriteString(`</g>`)

	if target != nil {
		y := fc(yOf(*target))
		b.WriteString(`<line class="chart-target" x1="` + fc(smallLeft) + `" y1="` + y + `" x2="` + fc(right) + `" y2="` + y + `" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4"/>`)
	}
	if len(pts) > 1 {
		writePolyline(&b, "chart-line", "2", downsample(pts, sparkBuckets), xOf, yOf)
	}
	if len(pts) > 0 {
		last := pts[len(pts)-1]
		x, y := xOf(last.Date), yOf(last.Value)
		b.WriteString(`<circle class="chart-point chart-latest" cx="` + fc(x) + `" cy="` + fc(y) + `" r="4" fill="currentColor" stroke="none">`)
		b.WriteString(`<title>` + esc(pointTitle(w, last, unit)) + `</title></circle>`)
		label := short(value(w, last.Value), unit)
		lx, ly, anchor := x+7, min(max(y+4, smallTop+4), bottom-3), "start"
		if lx+smallTextWidth(label, 7.6, 11) > smallW {
			// No room right of the point ("17.12%" was cut at the
			// chart's edge): the label ends left of it, above the point
			// (below when the point is at the top).
			lx, anchor = x-7, "end"
			if ly = y - 8; ly < smallTop+4 {
				ly = min(y+16, bottom-3)
			}
		}
		b.WriteString(`<text class="chart-latest-label" x="` + fc(lx) + `" y="` + fc(ly) + `" text-anchor="` + anchor + `" fill="currentColor" stroke="none" font-size="` + smallFont + `" font-weight="bold">` + esc(label) + `</text>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// yLabelled reports whether the i-th of n ticks is labelled: every other
// one, as five labels 23 units apart would touch.
func yLabelled(i, n int) bool { return i%2 == 0 || i == n-1 && n <= 3 }

// smallTextWidth is a generous width, in viewBox units, of a 12-unit label
// of digits, signs and a unit: digit wide per digit or sign (about 0.6 em,
// a little more in bold), wide per letter or % sign (about 0.9 em).
func smallTextWidth(label string, digit, wide float64) float64 {
	w := 0.0
	for _, r := range label {
		switch {
		case r == '%' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			w += wide
		default:
			w += digit
		}
	}
	return w
}
