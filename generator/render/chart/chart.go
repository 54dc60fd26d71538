// Package chart renders accessible, dependency-free inline SVG charts: a
// metric's line chart, a dashboard sparkline and a journey's feeling curve.
//
// The charts need no JavaScript and no external files. Each one has a fixed
// viewBox and no width/height of its own (the sparkline excepted, which
// carries width="100" height="24" as a fallback), so the theme scales it with
// `width:100%;height:auto`. Colours come from CSS: every element carries
// presentation attributes using currentColor (stroke="currentColor",
// fill="none" or fill="currentColor") so that a chart is legible without the
// stylesheet, and the theme overrides them per class for light and dark.
//
// Author data (titles, units, stage names) is untrusted: every text and
// attribute value is escaped with encoding/xml. Output is deterministic:
// numbers are formatted with strconv at fixed precision and no maps are
// iterated. Values that are NaN or ±Inf are left out of a chart.
//
// # CSS classes
//
// Roots:
//
//	chart                 root <svg> of every chart below
//	chart-linechart       root of a Line chart
//	chart-sparkline       root of a Sparkline
//	chart-feeling         root of a Feeling chart
//	chart-small           root of a Small multiple (grid, axis, label, target, line, latest as below)
//
// Line chart:
//
//	chart-grid            <g> of horizontal gridlines (one <line> per y tick)
//	chart-axis            <g> of the x and y axis lines and the x tick marks
//	chart-label           <g> of axis tick labels (<text>); also on the unit label
//	chart-label-y         the y tick labels (<g>, inside chart-label)
//	chart-label-x         the x (month) labels (<g>, inside chart-label)
//	chart-unit            the unit shown above the y axis (<text>), e.g. "points"
//	chart-target          the target: a dashed horizontal <line>
//	chart-target-label    the target's label (<text>), e.g. "Target 45"
//	chart-path            the path from a baseline to a dated target: a dotted <line>
//	chart-path-start      the baseline (<circle>, with a <title> tooltip)
//	chart-line            the series <polyline>
//	chart-points          <g> of the per-point circles
//	chart-point           one data point (<circle>, with a <title> tooltip)
//	chart-latest          the latest point (larger <circle>)
//	chart-latest-label    the latest point's value (<text>), e.g. "44.1"
//
// Sparkline:
//
//	spark-line            the trend <polyline>
//	spark-latest          the latest point (<circle>)
//
// Feeling curve (chart-grid and chart-label as above):
//
//	chart-zero            the labelled zero ("neutral") line
//	feeling-line          the curve (<path>, cubic segments that never overshoot)
//	feeling-point         one stage's dot (<circle>, with a <title> tooltip)
//	feeling-angry         modifier on feeling-point for -2
//	feeling-unhappy       modifier on feeling-point for -1
//	feeling-neutral       modifier on feeling-point for 0
//	feeling-happy         modifier on feeling-point for 1
//	feeling-delighted     modifier on feeling-point for 2
//	feeling-label         <g> of stage name labels (<text>, full name in a <title> child)
//	feeling-level         <g> of the y labels "angry" .. "delighted"
package chart

import (
	"encoding/xml"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Point is one observation of a metric.
type Point struct {
	Date  time.Time
	Value float64
}

// Average glyph width, in viewBox units, of the 11-unit label font; used to
// keep labels from overlapping.
const charW = 6.4

// esc escapes s for use as XML/HTML text or inside a double-quoted attribute.
// Invalid UTF-8 and characters not allowed in XML become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// fc formats a coordinate: at most two decimals, no trailing zeros, never
// "-0", "NaN" or "Inf".
func fc(v float64) string {
	if !finite(v) {
		v = 0
	}
	return trimZeros(strconv.FormatFloat(v, 'f', 2, 64))
}

func trimZeros(s string) string {
	if strings.IndexByte(s, '.') >= 0 && !strings.ContainsAny(s, "eE") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// formatValue formats a data value for people: at most two decimals
// ("44.1", "1250", "-3.25"); very large or very small magnitudes in
// exponent form ("1.5e+15", "0.00012").
func formatValue(v float64) string {
	if !finite(v) {
		return "–"
	}
	a := math.Abs(v)
	switch {
	case a >= 1e15:
		return strconv.FormatFloat(v, 'g', 4, 64)
	case a != 0 && a < 0.01:
		return trimZeros(strconv.FormatFloat(v, 'g', 3, 64))
	}
	return trimZeros(strconv.FormatFloat(v, 'f', 2, 64))
}

// decimalsOf reports how many decimals formatValue shows for v (0, 1 or 2),
// or -1 when it uses another notation.
func decimalsOf(v float64) int {
	a := math.Abs(v)
	if !finite(v) || a >= 1e15 || (a != 0 && a < 0.01) {
		return -1
	}
	s := formatValue(v)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// formatPair formats two values with the same number of decimals, as in
// "38.0 to 44.1".
func formatPair(a, b float64) (string, string) {
	da, db := decimalsOf(a), decimalsOf(b)
	if da < 0 || db < 0 {
		return formatValue(a), formatValue(b)
	}
	d := max(da, db)
	fa, fb := strconv.FormatFloat(a, 'f', d, 64), strconv.FormatFloat(b, 'f', d, 64)
	return fixNegZero(fa), fixNegZero(fb)
}

func fixNegZero(s string) string {
	if strings.Trim(s, "-0.") == "" && strings.HasPrefix(s, "-") {
		return s[1:]
	}
	return s
}

// isSuffixUnit reports whether unit is written straight after the number
// ("82.5%") rather than as a separate word ("44.1 points").
func isSuffixUnit(unit string) bool {
	return unit == "%" || unit == "‰"
}

// withUnit joins a formatted number and its unit: "82.5%", "44.1 points".
func withUnit(num, unit string) string {
	unit = strings.TrimSpace(unit)
	switch {
	case unit == "":
		return num
	case isSuffixUnit(unit):
		return num + unit
	}
	return num + " " + unit
}

// short joins a number with its unit only when the unit is a suffix sign:
// "82.5%" but "44.1" for points. Used where space is tight and the unit is
// stated elsewhere.
func short(num, unit string) string {
	unit = strings.TrimSpace(unit)
	if isSuffixUnit(unit) {
		return num + unit
	}
	return num
}

// sanitizeID lower-cases id and keeps only [a-z0-9-]; other characters
// become '-', runs of '-' collapse, and an empty result becomes "chart".
func sanitizeID(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if s == "" {
		return "chart"
	}
	return s
}

// truncate shortens s to at most n characters, ending with "…" when cut.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if n < 2 {
		n = 2
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// cleanPoints returns the points with finite values, sorted by date
// (stable, so equal dates keep their order). The input is not modified.
func cleanPoints(in []Point) []Point {
	out := make([]Point, 0, len(in))
	for _, p := range in {
		if finite(p.Value) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Point) int { return a.Date.Compare(b.Date) })
	return out
}

// seconds is t as fractional Unix seconds.
func seconds(t time.Time) float64 {
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

// xMapper maps dates onto [left, left+width]; with no span every date maps
// to the middle.
func xMapper(pts []Point, left, width float64) func(time.Time) float64 {
	if len(pts) == 0 {
		return func(time.Time) float64 { return left + width/2 }
	}
	t0, t1 := seconds(pts[0].Date), seconds(pts[len(pts)-1].Date)
	span := t1 - t0
	if !(span > 0) || !finite(span) {
		return func(time.Time) float64 { return left + width/2 }
	}
	return func(t time.Time) float64 {
		r := (seconds(t) - t0) / span
		return left + clamp(r, 0, 1)*width
	}
}

func clamp(v, lo, hi float64) float64 {
	if !(v >= lo) { // also catches NaN
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func monthLabel(t time.Time) string { return t.Format("Jan 2006") }

// scale is a linear y range with its tick values and their labels.
type scale struct {
	lo, hi float64
	ticks  []float64
	labels []string
}

// frac maps v to 0 (at hi, the top) .. 1 (at lo, the bottom). Halves are
// used so that ranges near ±MaxFloat64 do not overflow.
func (s scale) frac(v float64) float64 {
	den := s.hi/2 - s.lo/2
	if !(den > 0) || !finite(den) {
		return 0.5
	}
	return clamp((s.hi/2-v/2)/den, 0, 1)
}

// niceScale returns a range covering [lo, hi] with 4 or 5 (rarely 3)
// ticks that are multiples of 1, 2, 2.5 or 5 × 10^n. Equal bounds are
// widened so the series sits in the middle.
func niceScale(lo, hi float64) scale {
	if hi < lo {
		lo, hi = hi, lo
	}
	mag := max(math.Abs(lo), math.Abs(hi))
	if hi/2-lo/2 <= mag*1e-9/2 || hi/2-lo/2 < 1e-300 {
		c := lo/2 + hi/2
		pad := math.Abs(c) * 0.1
		if pad < 1e-300 {
			c, pad = 0, 1
		}
		lo, hi = c-pad, c+pad
		if math.IsInf(hi, 0) {
			hi = c
		}
		if math.IsInf(lo, 0) {
			lo = c
		}
	}
	raw := hi/4 - lo/4
	if raw > 0 && finite(raw) {
		base := math.Pow(10, math.Floor(math.Log10(raw)))
		for _, p := range []float64{1, 10, 100} {
			for _, m := range []float64{1, 2, 2.5, 5} {
				step := m * base * p
				k0 := math.Floor(lo/step + 1e-9)
				k1 := math.Ceil(hi/step - 1e-9)
				n := k1 - k0
				if !finite(step) || !finite(k0*step) || !finite(k1*step) || n > 4 || n < 1 {
					continue
				}
				// min/max guard against k*step missing the data by an ulp.
				s := scale{lo: min(k0*step, lo), hi: max(k1*step, hi)}
				for i := 0.0; i <= n; i++ {
					s.ticks = append(s.ticks, (k0+i)*step)
				}
				s.labels = tickLabels(s.ticks, step)
				return s
			}
		}
	}
	// Fallback for extreme magnitudes: five evenly spaced, unrounded ticks.
	s := scale{lo: lo, hi: hi}
	for i := 0; i <= 4; i++ {
		t := float64(i) / 4
		v := lo*(1-t) + hi*t
		s.ticks = append(s.ticks, v)
		s.labels = append(s.labels, strconv.FormatFloat(v, 'g', 3, 64))
	}
	return s
}

// tickLabels formats tick values with the decimals the step needs, using
// k/M/B/T suffixes for large values so labels fit beside the axis.
func tickLabels(ticks []float64, step float64) []string {
	top := 0.0
	for _, t := range ticks {
		top = max(top, math.Abs(t))
	}
	div, suffix := 1.0, ""
	switch {
	case top >= 1e15:
		out := make([]string, len(ticks))
		for i, t := range ticks {
			out[i] = strconv.FormatFloat(t, 'g', 3, 64)
		}
		return out
	case top >= 1e12:
		div, suffix = 1e12, "T"
	case top >= 1e9:
		div, suffix = 1e9, "B"
	case top >= 1e6:
		div, suffix = 1e6, "M"
	case top >= 1e5:
		div, suffix = 1e3, "k"
	}
	st := step / div
	d := 0
	for ; d <= 12; d++ {
		x := st * math.Pow(10, float64(d))
		if math.Abs(x-math.Round(x)) <= 1e-6*x {
			break
		}
	}
	out := make([]string, len(ticks))
	for i, t := range ticks {
		if d > 12 {
			out[i] = strconv.FormatFloat(t, 'g', 3, 64)
			continue
		}
		out[i] = fixNegZero(strconv.FormatFloat(t/div, 'f', d, 64)) + suffix
	}
	return out
}

// writePolyline writes the line of a series: its points joined in order.
func writePolyline(b *strings.Builder, class, width string, pts []Point, xOf func(time.Time) float64, yOf func(float64) float64) {
	b.WriteString(`<polyline class="` + class + `" fill="none" stroke="currentColor" stroke-width="` + width + `" stroke-linejoin="round" stroke-linecap="round" points="`)
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fc(xOf(p.Date)) + "," + fc(yOf(p.Value)))
	}
	b.WriteString(`"/>`)
}
