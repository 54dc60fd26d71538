package chart

import (
	"math"
	"strings"
	"time"
)

// LineChart describes a metric's series for Line.
type LineChart struct {
	ID        string   // unique id prefix within the page, e.g. "chart-nps-1"; sanitized to [a-z0-9-]
	Title     string   // e.g. "Net Promoter Score"
	Unit      string   // e.g. "points", "%"
	Points    []Point  // sorted by date ascending (Line sorts a copy anyway); NaN/Inf values are skipped
	Target    *float64 // nil when no target
	Direction string   // "up" or "down": only for the description text
	Marks     []Mark   // points with a note, ringed on the chart (see MarkPositions)
	// Path, when set, is the straight line from a baseline to the target
	// by its date, drawn dotted; the x axis spans it as well as the data.
	Path *Path
	// Text is the chart's words and numbers in the page's language.
	Text Text
}

// Path is the trajectory a metric is held to: from its baseline to its
// target on the target's date.
type Path struct {
	From, To Point
}

// Mark is a point of the series that carries a note.
type Mark struct {
	Date  time.Time
	Value float64
}

// maxDots is the most points a line chart draws a dot for: beyond it the
// dots merge into a smear, and only the latest point is dotted.
const maxDots = 120

// Line chart geometry, in viewBox units.
const (
	lineW      = 640.0
	lineH      = 300.0
	lineLeft   = 64.0 // y tick labels
	lineRight  = 80.0 // latest value label
	lineTop    = 28.0 // unit label
	lineBottom = 36.0 // month labels
	maxXLabels = 6
)

// lineLayout is where a line chart puts things: the points (cleaned and
// sorted), the y scale and the mappings from data to viewBox units.
type lineLayout struct {
	pts           []Point
	path          *Path
	target        *float64
	unit          string
	sc            scale
	pw, ph        float64
	bottom, right float64
	xOf           func(time.Time) float64
	yOf           func(float64) float64
}

func layoutLine(c LineChart) lineLayout {
	l := lineLayout{pts: cleanPoints(c.Points), unit: strings.TrimSpace(c.Unit)}
	if c.Target != nil && finite(*c.Target) {
		t := *c.Target
		l.target = &t
	}
	if p := c.Path; p != nil && finite(p.From.Value) && finite(p.To.Value) && p.From.Date.Before(p.To.Date) {
		l.path = p
	}
	l.pw = lineW - lineLeft - lineRight
	l.ph = lineH - lineTop - lineBottom
	l.bottom = lineTop + l.ph
	l.right = lineLeft + l.pw

	// Y range: the data and the target.
	if len(l.pts) == 0 && l.target == nil {
		l.sc = niceScale(0, 1)
	} else {
		lo, hi := 0.0, 0.0
		first := true
		add := func(v float64) {
			if first {
				lo, hi, first = v, v, false
				return
			}
			lo, hi = min(lo, v), max(hi, v)
		}
		for _, p := range l.pts {
			add(p.Value)
		}
		if l.target != nil {
			add(*l.target)
		}
		if l.path != nil {
			add(l.path.From.Value)
			add(l.path.To.Value)
		}
		l.sc = niceScale(lo, hi)
		if l.target != nil && *l.target <= l.sc.lo {
			// A target on the x axis would be hidden by it: give the
			// axis room below the target.
			pad := (hi - lo) * 0.05
			if !(pad > 0) || !finite(pad) {
				pad = max(math.Abs(lo)*0.05, 1)
			}
			if padded := niceScale(lo-pad, hi); finite(padded.lo) {
				l.sc = padded
			}
		}
	}
	sc, ph := l.sc, l.ph
	l.yOf = func(v float64) float64 { return lineTop + sc.frac(v)*ph }
	l.xOf = xMapper(l.span(), lineLeft, l.pw)
	return l
}

// span is what the x axis runs over: the points and the path, first to
// last (only the dates count).
func (l lineLayout) span() []Point {
	if l.path == nil || len(l.pts) == 0 {
		return l.pts
	}
	first, last := l.pts[0], l.pts[len(l.pts)-1]
	if l.path.From.Date.Before(first.Date) {
		first = l.path.From
	}
	if l.path.To.Date.After(last.Date) {
		last = l.path.To
	}
	return []Point{first, last}
}

// MarkPositions is where each of c.Marks sits on the chart Line draws of c,
// as percentages of the chart's width and height from its top left corner:
// HTML laid over the chart (numbered links to the notes) lines up with it at
// any size, as the chart keeps its aspect ratio.
func MarkPositions(c LineChart) [][2]float64 {
	l := layoutLine(c)
	out := make([][2]float64, len(c.Marks))
	for i, m := range c.Marks {
		out[i] = [2]float64{l.xOf(m.Date) / lineW * 100, l.yOf(m.Value) / lineH * 100}
	}
	return out
}

// Line renders the line chart as an inline <svg role="img"> labelled by its
// <title> and a one-sentence <desc>. See the package comment for classes.
// A large series is drawn downsampled (see downsample); the description
// and the scale come from every point.
func Line(c LineChart) string {
	id := sanitizeID(c.ID)
	l := layoutLine(c)
	pts, target, unit, sc, w := l.pts, l.target, l.unit, l.sc, c.Text
	pw, bottom, right := l.pw, l.bottom, l.right
	xOf, yOf := l.xOf, l.yOf

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-linechart" viewBox="0 0 ` + fc(lineW) + ` ` + fc(lineH) + `"`)
	b.WriteString(` role="img" aria-labelledby="` + id + `-title ` + id + `-desc">`)
	b.WriteString(`<title id="` + id + `-title">` + esc(titleOr(w, c.Title)) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(lineDesc(w, c.Title, unit, c.Direction, pts, target)+pathDesc(w, l.path, unit)) + `</desc>`)

	// Gridlines.
	b.WriteString(`<g class="chart-grid" fill="none" stroke="currentColor" stroke-opacity="0.15" stroke-width="1">`)
	for _, t := range sc.ticks {
		y := fc(yOf(t))
		b.WriteString(`<line x1="` + fc(lineLeft) + `" y1="` + y + `" x2="` + fc(right) + `" y2="` + y + `"/>`)
	}
	b.WriteString(`</g>`)

	// Axes and x tick marks.
	xticks := monthTicks(w, l.span(), xOf, lineLeft+pw/2)
	b.WriteString(`<g class="chart-axis" fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-width="1">`)
	b.WriteString(`<line x1="` + fc(lineLeft) + `" y1="` + fc(lineTop) + `" x2="` + fc(lineLeft) + `" y2="` + fc(bottom) + `"/>`)
	b.WriteString(`<line x1="` + fc(lineLeft) + `" y1="` + fc(bottom) + `" x2="` + fc(right) + `" y2="` + fc(bottom) + `"/>`)
	for _, t := range xticks {
		x := fc(t.x)
		b.WriteString(`<line x1="` + x + `" y1="` + fc(bottom) + `" x2="` + x + `" y2="` + fc(bottom+4) + `"/>`)
	}
	b.WriteString(`</g>`)

	// Labels.
	b.WriteString(`<g class="chart-label" fill="currentColor" stroke="none" font-size="11">`)
	b.WriteString(`<g class="chart-label-y" text-anchor="end">`)
	for i, t := range sc.ticks {
		b.WriteString(`<text x="` + fc(lineLeft-8) + `" y="` + fc(yOf(t)+4) + `">` + esc(short(localNum(w, sc.labels[i]), unit)) + `</text>`)
	}
	b.WriteString(`</g><g class="chart-label-x" text-anchor="middle">`)
	for _, t := range xticks {
		b.WriteString(`<text x="` + fc(t.x) + `" y="` + fc(bottom+18) + `">` + esc(t.label) + `</text>`)
	}
	b.WriteString(`</g>`)
	if unit != "" && !isSuffixUnit(unit) {
		b.WriteString(`<text class="chart-unit" x="` + fc(lineLeft-8) + `" y="` + fc(lineTop-12) + `" text-anchor="end">` + esc(truncate(unit, 20)) + `</text>`)
	}
	b.WriteString(`</g>`)

	// Target.
	if target != nil {
		y := yOf(*target)
		b.WriteString(`<line class="chart-target" x1="` + fc(lineLeft) + `" y1="` + fc(y) + `" x2="` + fc(right) + `" y2="` + fc(y) + `" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4"/>`)
		b.WriteString(`<text class="chart-target-label" x="` + fc(lineLeft+6) + `" y="` + fc(y-5) + `" fill="currentColor" stroke="none" font-size="11">` + esc(w.T("chart.target_label", "target", short(value(w, *target), unit))) + `</text>`)
	}

	// The path to the target: dotted, where the target is dashed.
	if p := l.path; p != nil {
		b.WriteString(`<line class="chart-path" x1="` + fc(xOf(p.From.Date)) + `" y1="` + fc(yOf(p.From.Value)) + `" x2="` + fc(xOf(p.To.Date)) + `" y2="` + fc(yOf(p.To.Value)) + `" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="1 4" stroke-linecap="round"/>`)
		b.WriteString(`<circle class="chart-path-start" cx="` + fc(xOf(p.From.Date)) + `" cy="` + fc(yOf(p.From.Value)) + `" r="3.5" fill="none" stroke="currentColor" stroke-width="1.5">`)
		b.WriteString(`<title>` + esc(w.T("chart.baseline_point", "point", pointTitle(w, p.From, unit))) + `</title></circle>`)
	}

	// Series.
	if len(pts) > 1 {
		writePolyline(&b, "chart-line", "2", downsample(pts, drawBuckets), xOf, yOf)
	}
	if len(pts) > 0 && len(pts) <= maxDots {
		r := "3"
		if len(pts) > 40 {
			r = "1.5"
		}
		b.WriteString(`<g class="chart-points" fill="currentColor" stroke="none">`)
		for _, p := range pts[:len(pts)-1] {
			b.WriteString(`<circle class="chart-point" cx="` + fc(xOf(p.Date)) + `" cy="` + fc(yOf(p.Value)) + `" r="` + r + `">`)
			b.WriteString(`<title>` + esc(pointTitle(w, p, unit)) + `</title></circle>`)
		}
		b.WriteString(`</g>`)
	}
	if len(c.Marks) > 0 {
		b.WriteString(`<g class="chart-marks" fill="none" stroke="currentColor" stroke-width="2">`)
		for _, m := range c.Marks {
			if finite(m.Value) {
				b.WriteString(`<circle class="chart-mark" cx="` + fc(xOf(m.Date)) + `" cy="` + fc(yOf(m.Value)) + `" r="6"/>`)
			}
		}
		b.WriteString(`</g>`)
	}
	if len(pts) > 0 {
		last := pts[len(pts)-1]
		x, y := xOf(last.Date), yOf(last.Value)
		b.WriteString(`<circle class="chart-point chart-latest" cx="` + fc(x) + `" cy="` + fc(y) + `" r="5" fill="currentColor" stroke="none">`)
		b.WriteString(`<title>` + esc(pointTitle(w, last, unit)) + `</title></circle>`)
		// Vertically centred on the dot, but kept off the x axis line.
		ly := min(y+4, bottom-3)
		b.WriteString(`<text class="chart-latest-label" x="` + fc(x+9) + `" y="` + fc(ly) + `" fill="currentColor" stroke="none" font-size="12" font-weight="bold">` + esc(short(value(w, last.Value), unit)) + `</text>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func titleOr(w Text, title string) string {
	if t := strings.TrimSpace(title); t != "" {
		return t
	}
	return w.T("chart.untitled")
}

func pointTitle(w Text, p Point, unit string) string {
	return w.Date(p.Date) + ": " + withUnit(value(w, p.Value), unit)
}

// lineDesc is the one-sentence summary, e.g. "Net Promoter Score from Nov
// 2025 to Oct 2026: latest 44.1 points on 15 Oct 2026, target 45, higher is
// better." The target carries the unit only when it is a suffix sign ("45%").
func lineDesc(w Text, title, unit, direction string, pts []Point, target *float64) string {
	var b strings.Builder
	title = titleOr(w, title)
	if len(pts) == 0 {
		b.WriteString(w.T("chart.desc_none", "title", title))
	} else {
		first, last := pts[0], pts[len(pts)-1]
		latest, on := withUnit(value(w, last.Value), unit), w.Date(last.Date)
		if monthLabel(first.Date) == monthLabel(last.Date.In(first.Date.Location())) {
			b.WriteString(w.T("chart.desc_in", "title", title, "month", w.Month(first.Date), "latest", latest, "date", on))
		} else {
			b.WriteString(w.T("chart.desc_from", "title", title, "from", w.Month(first.Date), "to", w.Month(last.Date), "latest", latest, "date", on))
		}
	}
	if target != nil {
		b.WriteString(w.T("chart.desc_target", "target", short(value(w, *target), unit)))
	}
	switch strings.ToLower(strings.TrimSpace(direction)) {
	case "up":
		b.WriteString(w.T("chart.desc_up"))
	case "down":
		b.WriteString(w.T("chart.desc_down"))
	}
	b.WriteString(".")
	return b.String()
}

// pathDesc is the sentence on the path to the target: " The path to the
// target runs from 12 on 31 Jan 2026 to 40 on 31 Dec 2027."
func pathDesc(w Text, p *Path, unit string) string {
	if p == nil {
		return ""
	}
	return " " + w.T("chart.desc_path", "from", withUnit(value(w, p.From.Value), unit), "from_date", w.Date(p.From.Date),
		"to", withUnit(value(w, p.To.Value), unit), "to_date", w.Date(p.To.Date))
}

type xtick struct {
	x     float64
	label string
}

// monthTicks places month labels at the first day of months within the
// series' span, at most maxXLabels of them, every k months with k in 1, 2,
// 3, 4, 6, 12 or a whole number of years, aligned to quarters and years.
// Whole months are at least 28 days apart and at most six labels are
// shown, so neighbours stay about 0.13 of the axis apart: wider than a
// label. A span without a month start gets one label in the middle.
func monthTicks(w Text, pts []Point, xOf func(time.Time) float64, mid float64) []xtick {
	if len(pts) == 0 {
		return nil
	}
	t0 := pts[0].Date
	loc := t0.Location()
	t1 := pts[len(pts)-1].Date.In(loc)
	idx := func(t time.Time) int64 { return int64(t.Year())*12 + int64(t.Month()) - 1 }
	start := func(i int64) time.Time {
		y, m := floorDiv(i, 12), floorMod(i, 12)
		return time.Date(int(y), time.Month(m+1), 1, 0, 0, 0, 0, loc)
	}
	i0, i1 := idx(t0), idx(t1)
	first := i0
	if !t0.Equal(start(i0)) {
		first++
	}
	if first > i1 {
		return []xtick{{x: mid, label: w.Month(t0)}}
	}
	count := i1 - first + 1
	k := monthStep(count)
	var out []xtick
	for m := first + floorMod(-first, k); m <= i1; m += k {
		t := start(m)
		out = append(out, xtick{x: xOf(t), label: w.Month(t)})
	}
	return out
}

// monthStep is the smallest step in months, from 1, 2, 3, 4, 6, 12 and
// 12 × (2, 5, 10, 20, 50, ...) that shows at most maxXLabels of count months.
func monthStep(count int64) int64 {
	for _, k := range []int64{1, 2, 3, 4, 6, 12} {
		if (count+k-1)/k <= maxXLabels {
			return k
		}
	}
	for years := int64(1); ; years *= 10 {
		for _, m := range []int64{2, 5, 10} {
			k := 12 * years * m
			if (count+k-1)/k <= maxXLabels || k > count {
				return k
			}
		}
	}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m
}
