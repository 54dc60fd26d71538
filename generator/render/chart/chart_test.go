package chart

import (
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// node is a tiny DOM for inspecting rendered SVG in tests.
type node struct {
	name     string
	attrs    []xml.Attr
	text     string // direct character data
	children []*node
	parent   *node
}

func (n *node) attr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *node) hasClass(c string) bool {
	return strings.Contains(" "+n.attr("class")+" ", " "+c+" ")
}

// all returns every descendant (and n itself) for which keep is true, in
// document order.
func (n *node) all(keep func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if keep(m) {
			out = append(out, m)
		}
		for _, c := range m.children {
			walk(c)
		}
	}
	walk(n)
	return out
}

func (n *node) byClass(c string) []*node {
	return n.all(func(m *node) bool { return m.hasClass(c) })
}

// parse decodes the whole string as XML and returns its single root.
func parse(t testing.TB, s string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	var root, cur *node
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, s)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: tok.Attr, parent: cur}
			if cur == nil {
				if root != nil {
					t.Fatalf("more than one root element:\n%s", s)
				}
				root = n
			} else {
				cur.children = append(cur.children, n)
			}
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			if cur == nil {
				if strings.TrimSpace(string(tok)) != "" {
					t.Fatalf("text outside the root element:\n%s", s)
				}
				continue
			}
			cur.text += string(tok)
		default:
			t.Fatalf("unexpected token %T in output:\n%s", tok, s)
		}
	}
	if root == nil || root.name != "svg" {
		t.Fatalf("root element is not <svg>:\n%s", s)
	}
	return root
}

// checkSVG asserts the invariants every chart keeps and returns its DOM:
// well-formed XML with one <svg> root, role="img", an accessible name, no
// NaN or Inf anywhere, and aria-labelledby pointing at ids that exist.
func checkSVG(t testing.TB, s string) *node {
	t.Helper()
	for _, bad := range []string{"NaN", "Inf"} {
		if strings.Contains(s, bad) {
			t.Fatalf("output contains %q:\n%s", bad, s)
		}
	}
	root := parse(t, s)
	if root.attr("role") != "img" {
		t.Errorf("root has role %q, want img", root.attr("role"))
	}
	if !strings.HasPrefix(root.attr("viewBox"), "0 0 ") {
		t.Errorf("root has viewBox %q", root.attr("viewBox"))
	}
	if lb := root.attr("aria-labelledby"); lb != "" {
		for _, id := range strings.Fields(lb) {
			if len(root.all(func(m *node) bool { return m.attr("id") == id })) != 1 {
				t.Errorf("aria-labelledby names %q, which is not exactly one element's id", id)
			}
		}
	} else if root.attr("aria-label") == "" {
		t.Error("root has neither aria-labelledby nor aria-label")
	}
	return root
}

func descOf(root *node) string {
	for _, c := range root.children {
		if c.name == "desc" {
			return c.text
		}
	}
	return ""
}

func titleOf(root *node) string {
	for _, c := range root.children {
		if c.name == "title" {
			return c.text
		}
	}
	return ""
}

func num(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return v
}

func texts(ns []*node) []string {
	var out []string
	for _, n := range ns {
		for _, c := range n.children {
			if c.name == "text" {
				out = append(out, c.text)
			}
		}
	}
	return out
}

func f64(v float64) *float64 { return &v }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// monthly builds one point on the 15th of each month from start.
func monthly(start time.Time, vals ...float64) []Point {
	out := make([]Point, len(vals))
	for i, v := range vals {
		out[i] = Point{Date: start.AddDate(0, i, 0), Value: v}
	}
	return out
}

var npsPoints = monthly(day(2025, 11, 15), 38, 39.2, 40.1, 39.5, 41, 42.3, 41.8, 42.9, 43.5, 43.1, 43.8, 44.1)

// checkLine asserts the structure every Line chart keeps beyond checkSVG:
// ticks, labels that do not overlap, points inside the plot.
func checkLine(t testing.TB, c LineChart, s string) *node {
	t.Helper()
	root := checkSVG(t, s)
	yl := texts(root.byClass("chart-label-y"))
	if len(yl) < 3 || len(yl) > 5 {
		t.Errorf("%d y ticks %q, want 3..5", len(yl), yl)
	}
	xs := root.byClass("chart-label-x")
	if len(xs) != 1 {
		t.Fatalf("want one chart-label-x group, got %d", len(xs))
	}
	xlabels := append([]*node(nil), xs[0].children...)
	if len(xlabels) > maxXLabels {
		t.Errorf("%d x labels, want at most %d", len(xlabels), maxXLabels)
	}
	for i := 1; i < len(xlabels); i++ {
		a, b := xlabels[i-1], xlabels[i]
		gap := num(t, b.attr("x")) - num(t, a.attr("x"))
		need := float64(utf8.RuneCountInString(a.text)+utf8.RuneCountInString(b.text))/2*charW + 4
		if gap < need {
			t.Errorf("x labels %q and %q overlap: %.1f apart, need %.1f", a.text, b.text, gap, need)
		}
	}
	for _, p := range root.byClass("chart-point") {
		x, y := num(t, p.attr("cx")), num(t, p.attr("cy"))
		if x < lineLeft-0.01 || x > lineW-lineRight+0.01 || y < lineTop-0.01 || y > lineH-lineBottom+0.01 {
			t.Errorf("point (%v,%v) outside the plot", x, y)
		}
	}
	if n := len(root.byClass("chart-latest")); n > 1 {
		t.Errorf("%d latest points", n)
	}
	return root
}

func TestLine(t *testing.T) {
	tests := []struct {
		name    string
		chart   LineChart
		desc    string   // exact <desc>, when set
		has     []string // substrings of the output
		hasNot  []string
		yLabels []string // exact y tick labels, when set
		check   func(t *testing.T, root *node)
	}{
		{
			name:    "nps",
			chart:   LineChart{Text: english, ID: "chart-nps-1", Title: "Net Promoter Score", Unit: "points", Points: npsPoints, Target: f64(45), Direction: "up"},
			desc:    "Net Promoter Score from Nov 2025 to Oct 2026: latest 44.1 points on 15 Oct 2026, target 45, higher is better.",
			has:     []string{`aria-labelledby="chart-nps-1-title chart-nps-1-desc"`, `>Target 45</text>`, `>44.1</text>`, `>points</text>`, `stroke-dasharray`},
			yLabels: []string{"38", "40", "42", "44", "46"},
		},
		{
			name:  "single point",
			chart: LineChart{Text: english, ID: "one", Title: "CSAT", Unit: "%", Points: []Point{{day(2026, 10, 15), 82.5}}},
			desc:  "CSAT in Oct 2026: latest 82.5% on 15 Oct 2026.",
			has:   []string{`>82.5%</text>`, `>Oct 2026</text>`, `chart-latest`},
			hasNot: []string{
				"<polyline", "chart-target", "chart-unit",
			},
		},
		{
			name:  "equal values",
			chart: LineChart{Text: english, ID: "eq", Title: "Flat", Unit: "points", Points: monthly(day(2026, 1, 1), 7, 7, 7, 7)},
			check: func(t *testing.T, root *node) {
				ps := root.byClass("chart-point")
				for _, p := range ps {
					if y := num(t, p.attr("cy")); y == lineTop || y == lineH-lineBottom {
						t.Errorf("flat series drawn on the edge of the plot (y=%v)", y)
					}
					if p.attr("cy") != ps[0].attr("cy") {
						t.Errorf("flat series has different y: %s and %s", p.attr("cy"), ps[0].attr("cy"))
					}
				}
			},
		},
		{
			name:    "all zero",
			chart:   LineChart{Text: english, ID: "z", Title: "Zero", Points: monthly(day(2026, 1, 1), 0, 0)},
			yLabels: []string{"-1.0", "-0.5", "0.0", "0.5", "1.0"},
		},
		{
			name:    "negative values",
			chart:   LineChart{Text: english, ID: "neg", Title: "Net change", Unit: "points", Points: monthly(day(2026, 1, 1), -12, -3.5, 4, -20)},
			desc:    "Net change from Jan 2026 to Apr 2026: latest -20 points on 1 Apr 2026.",
			yLabels: []string{"-20", "-10", "0", "10"},
		},
		{
			name:  "target above data",
			chart: LineChart{Text: english, ID: "ta", Title: "NPS", Points: monthly(day(2026, 1, 1), 10, 12, 11), Target: f64(50), Direction: "up"},
			check: func(t *testing.T, root *node) {
				ty := num(t, root.byClass("chart-target")[0].attr("y1"))
				for _, p := range root.byClass("chart-point") {
					if num(t, p.attr("cy")) <= ty {
						t.Errorf("point at y=%s is not below the target at y=%v", p.attr("cy"), ty)
					}
				}
				if ty < lineTop || ty > lineH-lineBottom {
					t.Errorf("target y=%v outside the plot", ty)
				}
			},
			yLabels: []string{"10", "20", "30", "40", "50"},
		},
		{
			name:  "target below data, down",
			chart: LineChart{Text: english, ID: "tb", Title: "Average handling time", Unit: "minutes", Points: monthly(day(2026, 1, 1), 9.5, 8.75, 8.1), Target: f64(6), Direction: "down"},
			desc:  "Average handling time from Jan 2026 to Mar 2026: latest 8.1 minutes on 1 Mar 2026, target 6, lower is better.",
			check: func(t *testing.T, root *node) {
				ty := num(t, root.byClass("chart-target")[0].attr("y1"))
				for _, p := range root.byClass("chart-point") {
					if num(t, p.attr("cy")) >= ty {
						t.Errorf("point at y=%s is not above the target at y=%v", p.attr("cy"), ty)
					}
				}
			},
			has: []string{">Target 6</text>"},
		},
		{
			name:  "percent",
			chart: LineChart{Text: english, ID: "pct", Title: "First contact resolution", Unit: "%", Points: monthly(day(2026, 3, 1), 71, 74.25, 76.5), Target: f64(80), Direction: "UP"},
			desc:  "First contact resolution from Mar 2026 to May 2026: latest 76.5% on 1 May 2026, target 80%, higher is better.",
			has:   []string{">Target 80%</text>", ">76.5%</text>", ">80.0%</text>", ">72.5%</text>"},
		},
		{
			name: "escaping",
			chart: LineChart{Text: english,
				ID:     `"><script>alert(1)</script>`,
				Title:  `<script>alert("x")</script> & Co's NPS`,
				Unit:   `<b>pts</b> & more`,
				Points: monthly(day(2026, 1, 1), 1, 2),
				Target: f64(3),
			},
			has:    []string{`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co&#39;s NPS`, `&lt;b&gt;pts&lt;/b&gt; &amp; more`, `id="script-alert-1-script-title"`},
			hasNot: []string{"<script", "<b>"},
			check: func(t *testing.T, root *node) {
				if got := titleOf(root); got != `<script>alert("x")</script> & Co's NPS` {
					t.Errorf("title decodes to %q", got)
				}
			},
		},
		{
			name:   "non-finite values are skipped",
			chart:  LineChart{Text: english, ID: "nan", Title: "Gaps", Points: []Point{{day(2026, 1, 1), 1}, {day(2026, 2, 1), math.NaN()}, {day(2026, 3, 1), math.Inf(1)}, {day(2026, 4, 1), 2}}, Target: f64(math.NaN())},
			desc:   "Gaps from Jan 2026 to Apr 2026: latest 2 on 1 Apr 2026.",
			hasNot: []string{"chart-target"},
		},
		{
			name:  "no points",
			chart: LineChart{Text: english, ID: "empty", Title: "Nothing yet", Target: f64(5)},
			desc:  "Nothing yet: no data, target 5.",
		},
		{
			name:  "unsorted input",
			chart: LineChart{Text: english, ID: "uns", Title: "Order", Points: []Point{{day(2026, 3, 1), 3}, {day(2026, 1, 1), 1}, {day(2026, 2, 1), 2}}},
			desc:  "Order from Jan 2026 to Mar 2026: latest 3 on 1 Mar 2026.",
		},
		{
			name:  "within one month",
			chart: LineChart{Text: english, ID: "short", Title: "Week", Points: []Point{{day(2026, 6, 3), 1}, {day(2026, 6, 10), 2}, {day(2026, 6, 17), 1.5}}},
			desc:  "Week in Jun 2026: latest 1.5 on 17 Jun 2026.",
			check: func(t *testing.T, root *node) {
				if got := texts(root.byClass("chart-label-x")); len(got) != 1 || got[0] != "Jun 2026" {
					t.Errorf("x labels %q, want [Jun 2026]", got)
				}
			},
		},
		{
			name:  "ten years, thinned",
			chart: LineChart{Text: english, ID: "long", Title: "Decade", Points: monthly(day(2016, 1, 15), make([]float64, 120)...)},
			check: func(t *testing.T, root *node) {
				got := texts(root.byClass("chart-label-x"))
				want := []string{"Jan 2018", "Jan 2020", "Jan 2022", "Jan 2024"}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("x labels %q, want %q", got, want)
				}
			},
		},
		{
			name:  "fourteen months, quarterly",
			chart: LineChart{Text: english, ID: "q", Title: "Quarters", Points: monthly(day(2025, 9, 1), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)},
			check: func(t *testing.T, root *node) {
				got := texts(root.byClass("chart-label-x"))
				want := []string{"Oct 2025", "Jan 2026", "Apr 2026", "Jul 2026", "Oct 2026"}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("x labels %q, want %q", got, want)
				}
			},
		},
		{
			name:    "large values",
			chart:   LineChart{Text: english, ID: "big", Title: "Revenue", Unit: "EUR", Points: monthly(day(2026, 1, 1), 1.2e9, 2.6e9, 3.1e9)},
			yLabels: []string{"1B", "2B", "3B", "4B"},
			desc:    "Revenue from Jan 2026 to Mar 2026: latest 3100000000 EUR on 1 Mar 2026.",
		},
		{
			name:    "small fractional values",
			chart:   LineChart{Text: english, ID: "frac", Title: "Churn", Points: monthly(day(2026, 1, 1), 0.012, 0.018, 0.021)},
			yLabels: []string{"0.010", "0.015", "0.020", "0.025"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Line(tt.chart)
			root := checkLine(t, tt.chart, s)
			if tt.desc != "" {
				if got := descOf(root); got != tt.desc {
					t.Errorf("desc:\n got %q\nwant %q", got, tt.desc)
				}
			}
			for _, want := range tt.has {
				if !strings.Contains(s, want) {
					t.Errorf("output lacks %q:\n%s", want, s)
				}
			}
			for _, bad := range tt.hasNot {
				if strings.Contains(s, bad) {
					t.Errorf("output contains %q:\n%s", bad, s)
				}
			}
			if tt.yLabels != nil {
				got := texts(root.byClass("chart-label-y"))
				if strings.Join(got, "|") != strings.Join(tt.yLabels, "|") {
					t.Errorf("y labels %q, want %q", got, tt.yLabels)
				}
			}
			if tt.check != nil {
				tt.check(t, root)
			}
			if again := Line(tt.chart); again != s {
				t.Error("output is not deterministic")
			}
		})
	}
}

func TestSparkline(t *testing.T) {
	tests := []struct {
		name   string
		label  string
		points []Point
		want   string // aria-label
		line   bool   // has a polyline
		dot    bool   // has the latest dot
	}{
		{"trend", "NPS", npsPoints, "Trend of NPS: 38.0 to 44.1 over 12 points", true, true},
		{"single", "CSAT", []Point{{day(2026, 1, 1), 82.5}}, "Trend of CSAT: 82.5 (1 point)", false, true},
		{"empty", "CES", nil, "Trend of CES: no data", false, false},
		{"equal", "Flat", monthly(day(2026, 1, 1), 5, 5, 5), "Trend of Flat: 5 to 5 over 3 points", true, true},
		{"negative", "Delta", monthly(day(2026, 1, 1), -1.25, 3), "Trend of Delta: -1.25 to 3.00 over 2 points", true, true},
		{"no label", "", monthly(day(2026, 1, 1), 1, 2), "Trend: 1 to 2 over 2 points", true, true},
		{"escaping", `<script>&"`, monthly(day(2026, 1, 1), 1, 2), `Trend of <script>&": 1 to 2 over 2 points`, true, true},
		{"non-finite", "X", []Point{{day(2026, 1, 1), math.NaN()}, {day(2026, 2, 1), 4}}, "Trend of X: 4 (1 point)", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Sparkline(english, tt.label, tt.points)
			root := checkSVG(t, s)
			if got := root.attr("aria-label"); got != tt.want {
				t.Errorf("aria-label %q, want %q", got, tt.want)
			}
			if strings.Contains(s, "<script") {
				t.Errorf("unescaped markup:\n%s", s)
			}
			if got := len(root.byClass("spark-line")) == 1; got != tt.line {
				t.Errorf("polyline present = %v, want %v", got, tt.line)
			}
			if got := len(root.byClass("spark-latest")) == 1; got != tt.dot {
				t.Errorf("latest dot present = %v, want %v", got, tt.dot)
			}
			for _, d := range root.byClass("spark-latest") {
				x, y := num(t, d.attr("cx")), num(t, d.attr("cy"))
				if x < 0 || x > sparkW || y < 0 || y > sparkH {
					t.Errorf("latest dot (%v,%v) outside the viewBox", x, y)
				}
			}
		})
	}
}

func TestFeeling(t *testing.T) {
	long := "Receives the very first invoice by e-mail"
	tests := []struct {
		name   string
		stages []Stage
		desc   string
		check  func(t *testing.T, root *node)
	}{
		{
			name:   "words",
			stages: []Stage{{"Discover", 0}, {"Sign up", -1}, {"Set up", -2}, {"First value", 1}, {"Renew", 2}},
			desc:   "Discover: neutral (0); Sign up: unhappy (-1); Set up: angry (-2); First value: happy (1); Renew: delighted (2).",
			check: func(t *testing.T, root *node) {
				got := texts(root.byClass("feeling-level"))
				want := []string{"delighted", "happy", "neutral", "unhappy", "angry"}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("levels %q, want %q", got, want)
				}
				if n := len(root.byClass("chart-zero")); n != 1 {
					t.Errorf("%d zero lines, want 1", n)
				}
				if n := len(root.byClass("feeling-point")); n != 5 {
					t.Errorf("%d points, want 5", n)
				}
				if n := len(root.byClass("feeling-angry")); n != 1 {
					t.Errorf("%d angry points, want 1", n)
				}
			},
		},
		{
			name:   "long stage names are never cut",
			stages: []Stage{{"Discover", 1}, {long, -1}, {"Pay", 0}},
			desc:   "Discover: happy (1); " + long + ": unhappy (-1); Pay: neutral (0).",
			check: func(t *testing.T, root *node) {
				// The map writes the names in its columns, where they wrap; the
				// curve draws none, so none can be cut, and each dot names its stage.
				if n := len(root.byClass("feeling-label")); n != 0 {
					t.Errorf("the curve draws %d stage labels, want none", n)
				}
				points := root.byClass("feeling-point")
				if len(points) != 3 || len(points[1].children) != 1 || points[1].children[0].text != long+": unhappy (-1)" {
					t.Errorf("the second dot does not name its stage in full")
				}
			},
		},
		{
			name:   "escaping",
			stages: []Stage{{`<script>alert(1)</script>`, 0}, {"Q&A", 1}},
			desc:   "<script>alert(1)</script>: neutral (0); Q&A: happy (1).",
		},
		{
			name:   "out of range clamped",
			stages: []Stage{{"Too low", -7}, {"Too high", 9}},
			desc:   "Too low: angry (-2); Too high: delighted (2).",
		},
		{
			name:   "single stage",
			stages: []Stage{{"Only", 1}},
			desc:   "Only: happy (1).",
			check: func(t *testing.T, root *node) {
				if len(root.byClass("feeling-line")) != 0 {
					t.Error("a single stage has a curve")
				}
			},
		},
		{
			name: "no stages",
			desc: "No stages.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Feeling(english, "journey-"+tt.name, `Onboarding <b>&</b>`, tt.stages)
			root := checkSVG(t, s)
			if strings.Contains(s, "<script") || strings.Contains(s, "<b>") {
				t.Errorf("unescaped markup:\n%s", s)
			}
			if got := titleOf(root); got != "Onboarding <b>&</b>" {
				t.Errorf("title %q", got)
			}
			if tt.desc != "" {
				if got := descOf(root); got != tt.desc {
					t.Errorf("desc:\n got %q\nwant %q", got, tt.desc)
				}
			}
			// The curve stays between the delighted and angry lines.
			for _, p := range root.byClass("feeling-line") {
				for _, f := range strings.FieldsFunc(p.attr("d"), func(r rune) bool { return r == ' ' || r == 'M' || r == 'C' }) {
					_, y, _ := strings.Cut(f, ",")
					if v := num(t, y); v < feelTop-0.01 || v > feelH-feelBottom+0.01 {
						t.Errorf("curve control point y=%v overshoots the plot", v)
					}
				}
			}
			if tt.check != nil {
				tt.check(t, root)
			}
		})
	}
}

func TestNiceScale(t *testing.T) {
	allowed := func(step float64) bool {
		m := step / math.Pow(10, math.Floor(math.Log10(step)))
		for _, a := range []float64{1, 2, 2.5, 5, 10} {
			if math.Abs(m-a) < 1e-6 {
				return true
			}
		}
		return false
	}
	for _, r := range [][2]float64{
		{0, 1}, {38, 45}, {-20, 4}, {0.012, 0.021}, {99, 101}, {1e9, 3.1e9}, {-5, -5}, {7, 7}, {0, 0},
		{1e-5, 3e-5}, {0, 100}, {12345, 12399}, {-0.3, 0.3}, {44.1, 44.1},
	} {
		s := niceScale(r[0], r[1])
		if n := len(s.ticks); n < 4 || n > 5 {
			t.Errorf("niceScale(%v, %v): %d ticks %v, want 4 or 5", r[0], r[1], n, s.ticks)
		}
		if s.lo > min(r[0], r[1]) || s.hi < max(r[0], r[1]) {
			t.Errorf("niceScale(%v, %v) = [%v, %v] does not cover the data", r[0], r[1], s.lo, s.hi)
		}
		if step := s.ticks[1] - s.ticks[0]; !allowed(step) {
			t.Errorf("niceScale(%v, %v): step %v is not 1, 2, 2.5 or 5 × 10^n", r[0], r[1], step)
		}
	}
}

func TestHelpers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"chart-nps-1", "chart-nps-1"}, {"Chart NPS #1", "chart-nps-1"}, {"", "chart"}, {"<>", "chart"}, {"--a--b--", "a-b"},
	} {
		if got := sanitizeID(c.in); got != c.want {
			t.Errorf("sanitizeID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   float64
		want string
	}{
		{44.1, "44.1"}, {45, "45"}, {1250, "1250"}, {82.5, "82.5"}, {-0.0001, "-0.0001"}, {-0.001, "-0.001"},
		{0.1 + 0.2, "0.3"}, {2.0 / 3, "0.67"}, {-1e-9, "-1e-09"}, {math.Copysign(0, -1), "0"}, {1e20, "1e+20"},
	} {
		if got := formatValue(c.in); got != c.want {
			t.Errorf("formatValue(%v) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := truncate("Receives the very first invoice", 14); got != "Receives the…" {
		t.Errorf("truncate = %q", got)
	}
	if got := truncate("Ünïcödé stage näme", 8); got != "Ünïcödé…" {
		t.Errorf("truncate = %q", got)
	}
}

// Golden files: representative charts, checked byte for byte. Run
// `go test ./generator/render/chart/ -update` to rewrite them after an
// intended change, and look at the diff (the .svg files open in a browser).
func TestGolden(t *testing.T) {
	onboarding := []Stage{
		{"Discover", 1}, {"Compare plans", 0}, {"Sign up", -1},
		{"Set up the first invoice template", -2}, {"First payment received", 2}, {"Monthly review", 1},
	}
	cases := []struct {
		file string
		svg  string
	}{
		{"line_nps.svg", Line(LineChart{Text: english, ID: "chart-nps-1", Title: "Net Promoter Score", Unit: "points", Points: npsPoints, Target: f64(45), Direction: "up"})},
		{"line_percent_down.svg", Line(LineChart{Text: english, ID: "chart-churn", Title: "Monthly churn", Unit: "%", Points: monthly(day(2025, 1, 1), 4.2, 4.4, 3.9, 3.6, 3.8, 3.1, 2.9, 3.0, 2.6, 2.7, 2.4, 2.2, 2.3, 2.1, 1.9, 2.0, 1.8, 1.7, 1.75, 1.6), Target: f64(1.5), Direction: "down"})},
		{"line_single.svg", Line(LineChart{Text: english, ID: "chart-csat", Title: "Customer satisfaction", Unit: "score", Points: []Point{{day(2026, 10, 15), 4.3}}, Target: f64(4.5), Direction: "up"})},
		{"line_flat_negative.svg", Line(LineChart{Text: english, ID: "chart-delta", Title: "Net change in detractors", Points: monthly(day(2026, 1, 1), -3, -3, -3, -3)})},
		{"sparkline_nps.svg", Sparkline(english, "NPS", npsPoints)},
		{"feeling_onboarding.svg", Feeling(english, "journey-onboarding", "New customer onboarding", onboarding)},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			checkSVG(t, c.svg)
			testfiles.Golden(t, filepath.Join("testdata", c.file), []byte(c.svg+"\n"))
		})
	}
}

// fuzzPoints turns bytes into points: each 10 bytes are a float64 (any bit
// pattern, so NaN and ±Inf too) and a gap of 0..399 days to the next point.
func fuzzPoints(data []byte, start int64) []Point {
	t := time.Unix(start%(200*365*86400), 0).UTC() // 1970 ± 200 years
	var pts []Point
	for len(data) >= 10 {
		v := math.Float64frombits(binary.LittleEndian.Uint64(data))
		gap := int(binary.LittleEndian.Uint16(data[8:])) % 400
		pts = append(pts, Point{Date: t, Value: v})
		t = t.AddDate(0, 0, gap)
		data = data[10:]
	}
	return pts
}

// noNumWords replaces "NaN" and "Inf" in author text, so the NaN/Inf check
// finds only what the renderer itself wrote.
func noNumWords(s string) string {
	r := strings.NewReplacer("NaN", "nan", "Inf", "inf")
	for {
		o := r.Replace(s)
		if o == s {
			return s
		}
		s = o
	}
}

func FuzzLine(f *testing.F) {
	enc := func(vals ...float64) []byte {
		var b []byte
		for i, v := range vals {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
			b = binary.LittleEndian.AppendUint16(b, uint16(30+i))
		}
		return b
	}
	f.Add(enc(38, 39.2, 40.1, 44.1), int64(1.7e9), true, 45.0, "Net Promoter Score", "points", "chart-nps-1", "up")
	f.Add(enc(5), int64(0), false, 0.0, "One", "%", "x", "down")
	f.Add(enc(3, 3, 3), int64(-5e9), true, 3.0, "<script>&", "&lt;", `"'`, "")
	f.Add(enc(math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64), int64(1), true, math.MaxFloat64, "big", "", "", "up")
	f.Add(enc(math.NaN(), math.Inf(1), 1e-310, math.Copysign(0, -1)), int64(99), true, math.Inf(-1), "nan", "x", "y", "down")
	f.Add([]byte{}, int64(0), true, 1.0, "", "", "", "")
	f.Fuzz(func(t *testing.T, data []byte, start int64, withTarget bool, target float64, title, unit, id, dir string) {
		if len(data) > 4000 {
			data = data[:4000]
		}
		c := LineChart{Text: english, ID: id, Title: noNumWords(title), Unit: noNumWords(unit), Points: fuzzPoints(data, start), Direction: dir}
		if withTarget {
			c.Target = &target
		}
		s := Line(c)
		checkLine(t, c, s)
		if Line(c) != s {
			t.Fatal("output is not deterministic")
		}
		sp := Sparkline(english, noNumWords(title), c.Points)
		checkSVG(t, sp)
		stages := make([]Stage, 0, len(data)/4)
		for i := 0; i+1 < len(data) && i < 40; i += 2 {
			stages = append(stages, Stage{Name: noNumWords(title + string(data[i:i+1])), Feeling: int(int8(data[i+1]))})
		}
		checkSVG(t, Feeling(english, id, noNumWords(title), stages))
	})
}
