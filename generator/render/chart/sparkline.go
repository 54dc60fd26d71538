package chart

import (
	"strings"
)

// Sparkline geometry, in viewBox units.
const (
	sparkW   = 100.0
	sparkH   = 24.0
	sparkPad = 3.0
	// sparkBuckets is the columns a large series is reduced to (see downsample).
	sparkBuckets = 50
)

// Sparkline renders a small trend line for the dashboard: an
// <svg role="img"> whose aria-label summarises it ("Trend of NPS: 38.0 to
// 44.1 over 12 points"), with the latest point dotted. NaN/Inf values are
// skipped. See the package comment for classes.
func Sparkline(w Text, label string, points []Point) string {
	pts := cleanPoints(points)
	summary := sparkSummary(w, label, pts)

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-sparkline" viewBox="0 0 ` + fc(sparkW) + ` ` + fc(sparkH) + `" width="` + fc(sparkW) + `" height="` + fc(sparkH) + `"`)
	b.WriteString(` role="img" aria-label="` + esc(summary) + `">`)
	b.WriteString(`<title>` + esc(summary) + `</title>`)
	if len(pts) > 0 {
		lo, hi := pts[0].Value, pts[0].Value
		for _, p := range pts {
			lo, hi = min(lo, p.Value), max(hi, p.Value)
		}
		sc := scale{lo: lo, hi: hi} // frac gives 0.5 when lo == hi
		ph := sparkH - 2*sparkPad
		yOf := func(v float64) float64 { return sparkPad + sc.frac(v)*ph }
		xOf := xMapper(pts, sparkPad, sparkW-2*sparkPad)
		if len(pts) > 1 {
			writePolyline(&b, "spark-line", "1.5", downsample(pts, sparkBuckets), xOf, yOf)
		}
		last := pts[len(pts)-1]
		b.WriteString(`<circle class="spark-latest" cx="` + fc(xOf(last.Date)) + `" cy="` + fc(yOf(last.Value)) + `" r="2.5" fill="currentColor" stroke="none"/>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// sparkSummary is "Trend of NPS: 38.0 to 44.1 over 12 points", with both
// values at the same precision.
func sparkSummary(w Text, label string, pts []Point) string {
	s := w.T("chart.trend")
	if l := strings.TrimSpace(label); l != "" {
		s = w.T("chart.trend_of", "label", l)
	}
	switch len(pts) {
	case 0:
		return w.T("chart.spark_none", "trend", s)
	case 1:
		return w.T("chart.spark_one", "trend", s, "value", value(w, pts[0].Value))
	}
	a, z := formatPair(pts[0].Value, pts[len(pts)-1].Value)
	return w.N("chart.spark_points", len(pts), "trend", s, "from", localNum(w, a), "to", localNum(w, z))
}
