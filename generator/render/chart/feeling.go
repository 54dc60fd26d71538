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
func Feeling(w Text, id, title string, stages []Stage) string {
	return FeelingTarget(w, id, title, stages, nil)
}

// FeelingTarget is Feeling with the to-be curve: target[i] is the feeling
// stage i should have (nil or a length other than the stages': none). The
// to-be curve is dashed, with hollow diamonds where the as-is curve has
// round dots, so the two differ by more than colour; the area between
// them is shaded and each stage with a gap has a dotted line from its dot
// to its diamond labelled with the gap in steps ("+2"). The <desc> gives
// both: "Sign up: unhappy (-1), to be happy (1)."
func FeelingTarget(w Text, id, title string, stages []Stage, target []int) string {
	if len(target) != len(stages) {
		target = nil
	}
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
	b.WriteString(`<title id="` + id + `-title">` + esc(titleOr(w, title)) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(feelingDesc(w, stages, target)) + `</desc>`)

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
		b.WriteString(`<text x="` + fc(feelLeft-8) + `" y="` + fc(yOf(f)+4) + `">` + esc(feelingLabel(w, f)) + `</text>`)
	}
	b.WriteString(`</g>`)

	// The to-be curve and the gap, under the as-is curve.
	var tos []Stage
	if target != nil {
		tos = make([]Stage, n)
		for i, s := range stages {
			tos[i] = Stage{Name: s.Name, Feeling: target[i]}
		}
		if n > 1 {
			asIs, toBe := feelingPath(stages, col, xOf, yOf), feelingPath(tos, col, xOf, yOf)
			b.WriteString(`<path class="feeling-gap" fill="currentColor" fill-opacity="0.12" stroke="none" d="` +
				asIs + " L" + fc(xOf(n-1)) + "," + fc(yOf(tos[n-1].Feeling)) + reversePath(tos, col, xOf, yOf) + ` Z"/>`)
			b.WriteString(`<path class="feeling-line-target" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="7 5" stroke-linejoin="round" d="` + toBe + `"/>`)
		}
		b.WriteString(`<g class="feeling-gaps" fill="currentColor" stroke="none" font-size="11">`)
		for i, s := range stages {
			f, t := clampFeeling(s.Feeling), clampFeeling(target[i])
			if f == t {
				continue
			}
			x := fc(xOf(i))
			b.WriteString(`<line class="feeling-gap-line" x1="` + x + `" y1="` + fc(yOf(f)) + `" x2="` + x + `" y2="` + fc(yOf(t)) + `" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2 3"/>`)
			b.WriteString(`<text class="feeling-gap-label" x="` + fc(xOf(i)+8) + `" y="` + fc((yOf(f)+yOf(t))/2+4) + `">` + signed(t-f) + `</text>`)
		}
		b.WriteString(`</g>`)
	}

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
		b.WriteString(`<title>` + esc(stageText(w, s)) + `</title></circle>`)
	}
	b.WriteString(`</g>`)
	if tos != nil {
		b.WriteString(`<g class="feeling-target-points" fill="currentColor" stroke="currentColor" stroke-width="2">`)
		for i, s := range tos {
			x, y := xOf(i), yOf(clampFeeling(s.Feeling))
			b.WriteString(`<path class="feeling-target-point" d="M` + fc(x) + "," + fc(y-6) + " L" + fc(x+6) + "," + fc(y) + " L" + fc(x) + "," + fc(y+6) + " L" + fc(x-6) + "," + fc(y) + ` Z">`)
			b.WriteString(`<title>` + esc(w.T("chart.to_be_point", "stage", stageName(w, s.Name), "feeling", feelingValue(w, s.Feeling))) + `</title></path>`)
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// reversePath is feelingPath drawn from the last stage back to the first,
// without its move: the way back along the to-be curve that closes the
// gap's area.
func reversePath(stages []Stage, dx float64, xOf func(int) float64, yOf func(int) float64) string {
	fwd := feelingPath(stages, dx, xOf, yOf)
	// fwd is "M x0,y0 C a1 b1 p1 C a2 b2 p2 ..."; backwards each segment
	// swaps its control points and ends at the previous point.
	parts := strings.Split(fwd, " C")
	points := []string{strings.TrimPrefix(parts[0], "M")}
	var segs [][3]string
	for _, p := range parts[1:] {
		f := strings.Fields(p)
		if len(f) != 3 {
			return ""
		}
		segs = append(segs, [3]string{f[0], f[1], f[2]})
		points = append(points, f[2])
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		b.WriteString(" C" + segs[i][1] + " " + segs[i][0] + " " + points[i])
	}
	return b.String()
}

// signed is a gap in steps: "+2", "−1".
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return "−" + strconv.Itoa(-n)
}

// stageText is "Sign up: unhappy (-1)".
func stageText(w Text, s Stage) string {
	return stageName(w, s.Name) + ": " + feelingValue(w, s.Feeling)
}

func stageName(w Text, name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return w.T("chart.unnamed_stage")
	}
	return name
}

// feelingValue is "unhappy (-1)".
func feelingValue(w Text, f int) string {
	f = clampFeeling(f)
	return feelingLabel(w, f) + " (" + strconv.Itoa(f) + ")"
}

// feelingDesc is "Discover: neutral (0); Sign up: unhappy (-1)." and with
// targets "Sign up: unhappy (-1), to be happy (1); ...".
func feelingDesc(w Text, stages []Stage, target []int) string {
	if len(stages) == 0 {
		return w.T("chart.no_stages")
	}
	parts := make([]string, len(stages))
	for i, s := range stages {
		parts[i] = stageText(w, s)
		if target != nil {
			if clampFeeling(target[i]) == clampFeeling(s.Feeling) {
				parts[i] += w.T("chart.to_be_same")
			} else {
				parts[i] += w.T("chart.to_be", "feeling", feelingValue(w, target[i]))
			}
		}
	}
	desc := strings.Join(parts, "; ") + "."
	if target != nil {
		desc = w.T("chart.legend_to_be") + " " + desc
	}
	return desc
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
