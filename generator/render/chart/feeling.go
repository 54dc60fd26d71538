package chart

import (
	"strconv"
	"strings"
)

// Stage is one stage of a journey and how the customer feels in it, from
// -2 (angry) to 2 (delighted).
type Stage struct {
	Name    string
	Feeling int
}

// Feeling chart geometry, in viewBox units.
const (
	feelW      = 720.0
	feelH      = 180.0
	feelLeft   = 80.0 // level labels
	feelRight  = 16.0
	feelTop    = 16.0
	feelBottom = 16.0
)

var feelingWords = [5]string{"angry", "unhappy", "neutral", "happy", "delighted"}

// FeelingWord names a feeling from -2 to 2 ("angry" .. "delighted");
// values outside are clamped.
func FeelingWord(f int) string { return feelingWords[clampFeeling(f)+2] }

func clampFeeling(f int) int { return min(max(f, -2), 2) }

// Feeling renders a journey's feeling curve: stages evenly spaced along x,
// feelings from -2 (angry) to 2 (delighted) on y with a labelled zero line,
// a curve through the stages and a dot per stage (its <title> names the
// stage and the feeling). Stage names are not drawn: the journey map writes
// each one in its stage's column below the curve, where a long name wraps
// instead of being cut. The <desc> lists each stage in words: "Discover:
// neutral (0); Sign up: unhappy (-1)." Feelings outside -2..2 are clamped.
// See the package comment for classes.
func Feeling(id, title string, stages []Stage) string {
	id = sanitizeID(id)
	pw := feelW - feelLeft - feelRight
	ph := feelH - feelTop - feelBottom
	yOf := func(f int) float64 { return feelTop + float64(2-clampFeeling(f))/4*ph }
	n := len(stages)
	col := pw / float64(max(n, 1))
	xOf := func(i int) float64 { return feelLeft + (float64(i)+0.5)*col }

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-feeling" viewBox="0 0 ` + fc(feelW) + ` ` + fc(feelH) + `"`)
	b.WriteString(` role="img" aria-labelledby="` + id + `-title ` + id + `-desc">`)
	b.WriteString(`<title id="` + id + `-title">` + esc(titleOr(title)) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(feelingDesc(stages)) + `</desc>`)

	// Levels: gridlines, the zero line, labels.
	b.WriteString(`<g class="chart-grid" fill="none" stroke="currentColor" stroke-opacity="0.15" stroke-width="1">`)
	for f := 2; f >= -2; f-- {
		if f == 0 {
			continue
		}
		y := fc(yOf(f))
		b.WriteString(`<line x1="` + fc(feelLeft) + `" y1="` + y + `" x2="` + fc(feelLeft+pw) + `" y2="` + y + `"/>`)
	}
	b.WriteString(`</g>`)
	y0 := fc(yOf(0))
	b.WriteString(`<line class="chart-zero" x1="` + fc(feelLeft) + `" y1="` + y0 + `" x2="` + fc(feelLeft+pw) + `" y2="` + y0 + `" fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-width="1"/>`)
	b.WriteString(`<g class="chart-label feeling-level" fill="currentColor" stroke="none" font-size="11" text-anchor="end">`)
	for f := 2; f >= -2; f-- {
		b.WriteString(`<text x="` + fc(feelLeft-8) + `" y="` + fc(yOf(f)+4) + `">` + FeelingWord(f) + `</text>`)
	}
	b.WriteString(`</g>`)

	// Curve.
	if n > 1 {
		b.WriteString(`<path class="feeling-line" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" d="`)
		b.WriteString(feelingPath(stages, col, xOf, yOf))
		b.WriteString(`"/>`)
	}

	// Dots.
	b.WriteString(`<g class="feeling-points" fill="currentColor" stroke="none">`)
	for i, s := range stages {
		f := clampFeeling(s.Feeling)
		b.WriteString(`<circle class="feeling-point feeling-` + FeelingWord(f) + `" cx="` + fc(xOf(i)) + `" cy="` + fc(yOf(f)) + `" r="5">`)
		b.WriteString(`<title>` + esc(stageText(s)) + `</title></circle>`)
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

// stageText is "Sign up: unhappy (-1)".
func stageText(s Stage) string {
	f := clampFeeling(s.Feeling)
	name := strings.Join(strings.Fields(s.Name), " ")
	if name == "" {
		name = "Unnamed stage"
	}
	return name + ": " + FeelingWord(f) + " (" + strconv.Itoa(f) + ")"
}

// feelingDesc is "Discover: neutral (0); Sign up: unhappy (-1)."
func feelingDesc(stages []Stage) string {
	if len(stages) == 0 {
		return "No stages."
	}
	parts := make([]string, len(stages))
	for i, s := range stages {
		parts[i] = stageText(s)
	}
	return strings.Join(parts, "; ") + "."
}

// feelingPath draws a monotone cubic curve through the stages (Fritsch–
// Butland tangents): it is smooth, passes through every dot, and never
// overshoots above or below its neighbours, so it stays within -2..2.
func feelingPath(stages []Stage, dx float64, xOf func(int) float64, yOf func(int) float64) string {
	n := len(stages)
	ys := make([]float64, n)
	for i, s := range stages {
		ys[i] = yOf(s.Feeling)
	}
	d := make([]float64, n-1) // secant slopes
	for i := range d {
		d[i] = (ys[i+1] - ys[i]) / dx
	}
	m := make([]float64, n) // tangents
	m[0], m[n-1] = d[0], d[n-2]
	for i := 1; i < n-1; i++ {
		if d[i-1]*d[i] > 0 {
			m[i] = 2 / (1/d[i-1] + 1/d[i])
		}
	}
	var b strings.Builder
	b.WriteString("M" + fc(xOf(0)) + "," + fc(ys[0]))
	for i := 0; i < n-1; i++ {
		x0, x1 := xOf(i), xOf(i+1)
		b.WriteString(" C" + fc(x0+dx/3) + "," + fc(ys[i]+m[i]*dx/3) +
			" " + fc(x1-dx/3) + "," + fc(ys[i+1]-m[i+1]*dx/3) +
			" " + fc(x1) + "," + fc(ys[i+1]))
	}
	return b.String()
}
