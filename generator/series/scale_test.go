package series

import (
	"strings"
	"testing"
	"time"
)

func TestCheckScale(t *testing.T) {
	f64 := func(v float64) *float64 { return &v }
	nps := Scale{Min: f64(-100), Max: f64(100), Metric: "nps", Page: "content/metrics/nps.md"}
	tests := []struct {
		name, path, src string
		scale           Scale
		want            []string
	}{
		{"inside, ends included", "content/data/nps.csv", "date,value\n2025-10-31,-100\n2025-11-30,100\n", nps, nil},
		{"csv above and below, segments too, in line order", "content/data/nps.csv",
			"date,value,segment\n2025-10-31,140,all\n2025-10-31,-100.5,business\n2025-11-30,30,all\n",
			nps, []string{
				`content/data/nps.csv:2:12: value 140 is outside the scale of metric "nps" (-100 to 100, set in content/metrics/nps.md); fix the value, or the scale if it is wrong`,
				`content/data/nps.csv:3:12: value -100.5 is outside the scale of metric "nps" (-100 to 100, set in content/metrics/nps.md); fix the value, or the scale if it is wrong`,
			}},
		{"json, only a minimum", "content/data/csat.json", `[{"date": "2025-11-30", "value": -1}]`,
			Scale{Min: f64(0), Metric: "csat", Page: "content/metrics/csat.md"},
			[]string{`content/data/csat.json:1:34: value -1 is outside the scale of metric "csat" (at least 0, set in content/metrics/csat.md); fix the value, or the scale if it is wrong`}},
		{"toml, only a maximum", "content/data/ces.toml", "[[points]]\ndate = 2025-11-30\nvalue = 8\n",
			Scale{Max: f64(7), Metric: "ces", Page: "content/metrics/ces.md"},
			[]string{`content/data/ces.toml:3:9: value 8 is outside the scale of metric "ces" (at most 7, set in content/metrics/ces.md); fix the value, or the scale if it is wrong`}},
		{"no scale", "content/data/nps.csv", "date,value\n2025-10-31,1e9\n", Scale{Metric: "nps"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ds := Read(tt.path, []byte(tt.src), Options{})
			if len(ds) > 0 {
				t.Fatalf("bad test input: %v", ds)
			}
			var got []string
			for _, d := range f.CheckScale(tt.scale) {
				got = append(got, d.String())
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

func TestCheckScaleCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,value\n")
	day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range maxDiags + 7 {
		b.WriteString(day0.AddDate(0, 0, i).Format(time.DateOnly) + ",101\n")
	}
	f, _ := Read("d/m.csv", []byte(b.String()), Options{})
	max := 100.0
	ds := f.CheckScale(Scale{Max: &max, Metric: "m", Page: "p.md"})
	if len(ds) != maxDiags || ds[len(ds)-1].Line != maxDiags+1 {
		t.Fatalf("%d diagnostics, the last at line %d", len(ds), ds[len(ds)-1].Line)
	}
	if n := ds[len(ds)-1].Notes; len(n) != 1 || n[0] != "7 more values outside the scale in this file are not shown" {
		t.Errorf("notes = %q", n)
	}
}

func TestParseCadence(t *testing.T) {
	for _, c := range Cadences {
		if got, msg := ParseCadence(string(c)); got != c || msg != "" {
			t.Errorf("ParseCadence(%q) = %q, %q", c, got, msg)
		}
	}
	bad := map[string]string{
		"montly":    `cadence "montly" is not one shiftbook knows: did you mean "monthly"?`,
		"Weekly":    `cadence "Weekly" is not one shiftbook knows: did you mean "weekly"?`,
		"yearly":    `cadence "yearly" is not one shiftbook knows; write "daily", "weekly", "monthly" or "quarterly"`,
		"every day": `cadence "every day" is not one shiftbook knows; write "daily", "weekly", "monthly" or "quarterly"`,
		"":          `cadence "" is not one shiftbook knows; write "daily", "weekly", "monthly" or "quarterly"`,
	}
	for in, want := range bad {
		if got, msg := ParseCadence(in); got != "" || msg != want {
			t.Errorf("ParseCadence(%q) = %q, %q; want %q", in, got, msg, want)
		}
	}
}

func TestCadenceNextAndStaleAt(t *testing.T) {
	d := func(s string) time.Time { return day(s) }
	tests := []struct {
		c           Cadence
		from        string
		next, stale string
	}{
		{Daily, "2025-11-30", "2025-12-01", "2025-12-01T12:00:00Z"},
		{Weekly, "2025-11-30", "2025-12-07", "2025-12-10T12:00:00Z"},
		{Monthly, "2025-01-31", "2025-02-28", "2025-03-14T00:00:00Z"},
		{Monthly, "2024-01-31", "2024-02-29", "2024-03-14T12:00:00Z"},
		{Monthly, "2025-02-28", "2025-03-31", "2025-04-15T12:00:00Z"},
		{Monthly, "2025-01-15", "2025-02-15", "2025-03-02T12:00:00Z"},
		{Quarterly, "2025-11-30", "2026-02-28", "2026-04-14T00:00:00Z"},
		{Quarterly, "2025-09-30", "2025-12-31", "2026-02-15T00:00:00Z"},
	}
	for _, tt := range tests {
		if got := tt.c.Next(d(tt.from)); !got.Equal(d(tt.next)) {
			t.Errorf("%s after %s: next %s, want %s", tt.c, tt.from, got.Format(time.DateOnly), tt.next)
		}
		if got := tt.c.StaleAt(d(tt.from)).Format(time.RFC3339); got != tt.stale {
			t.Errorf("%s after %s: stale at %s, want %s", tt.c, tt.from, got, tt.stale)
		}
	}
	if !Cadence("").Next(d("2025-01-01")).IsZero() || !Cadence("").StaleAt(d("2025-01-01")).IsZero() {
		t.Error("no cadence has a next point")
	}
}

func TestShown(t *testing.T) {
	f, ds := Read("d/m.csv", []byte("date,value,segment,n\n2025-10-31,1,all,40\n2025-11-30,2,all,12\n2025-11-30,3,business,\n2025-10-31,4,markets,3\n"), Options{})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if f.Shown(0) != f || f.Shown(3) != f {
		t.Error("Shown copies a file it leaves whole")
	}
	s := f.Shown(30)
	if len(s.Points) != 1 || s.Points[0].Value != 1 {
		t.Errorf("headline shown: %+v", s.Points)
	}
	if len(s.Segments) != 1 || s.Segments[0].Name != "business" {
		t.Errorf("segments shown: %+v", s.Segments)
	}
	if len(f.Points) != 2 || len(f.Segments) != 2 {
		t.Error("Shown changed the file")
	}
	if (Point{N: 0}).Few(30) || !(Point{N: 29}).Few(30) || (Point{N: 30}).Few(30) || (Point{N: 1}).Few(0) {
		t.Error("Few: a point without n, or at minN, or with no minN, is shown; below minN it is not")
	}
}
