package parse

import (
	"strings"
	"testing"
	"time"
)

// TestMetricTargetKeys reads the dated target's keys, good and wrong: each
// wrong one is an error at its line, saying what to write.
func TestMetricTargetKeys(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name  string
		fm    string
		check func(m MetricMeta) bool
		diags []string // substrings, in order, with the line
	}{
		{name: "inline baseline", fm: "target = 40\ntargetDate = 2027-12-31\nbaseline = { date = 2026-01-31, value = 12 }\n",
			check: func(m MetricMeta) bool {
				return m.TargetDate.Equal(day("2027-12-31")) && m.Baseline != nil && m.Baseline.Date.Equal(day("2026-01-31")) && m.Baseline.Value == 12
			}},
		{name: "baseline table", fm: "target = 2\ntargetDate = 2026-06-30\n[baseline]\ndate = 2025-06-30\nvalue = 3.5\n",
			check: func(m MetricMeta) bool { return m.Baseline != nil && m.Baseline.Value == 3.5 }},
		{name: "alert amount", fm: "alertChange = 5\n", check: func(m MetricMeta) bool { return m.AlertChange != nil && *m.AlertChange == AlertChange{Amount: 5} }},
		{name: "alert share", fm: "alertChange = \" 12.5% \"\n", check: func(m MetricMeta) bool {
			return m.AlertChange != nil && *m.AlertChange == AlertChange{Amount: 12.5, Percent: true} && m.AlertChange.String() == "12.5%"
		}},
		{name: "targetDate not a date", fm: "target = 1\ntargetDate = \"soon\"\n", diags: []string{":4:1: targetDate must be a date"}},
		{name: "targetDate without target", fm: "targetDate = 2027-12-31\n", diags: []string{":3:1: targetDate 2027-12-31 has no target"}},
		{name: "baseline not a table", fm: "baseline = 12\n", diags: []string{":3:1: baseline must be a table with a date and a value"}},
		{name: "baseline typo", fm: "target = 1\ntargetDate = 2027-12-31\nbaseline = { date = 2026-01-31, vaule = 12 }\n",
			diags: []string{`:5:1: baseline has no key "vaule": did you mean "value"?`}},
		{name: "baseline without value", fm: "target = 1\ntargetDate = 2027-12-31\nbaseline = { date = 2026-01-31 }\n", diags: []string{":5:1: baseline has no value"}},
		{name: "baseline without targetDate", fm: "target = 1\nbaseline = { date = 2026-01-31, value = 1 }\n", diags: []string{":4:1: baseline has no targetDate"}},
		{name: "baseline after the target", fm: "target = 1\ntargetDate = 2025-12-31\n[baseline]\ndate = 2026-01-31\nvalue = 1\n",
			diags: []string{":6:1: the baseline's date 2026-01-31 is not before targetDate 2025-12-31"}},
		{name: "baseline outside the scale", fm: "target = 1\nmin = 0\nmax = 10\ntargetDate = 2027-12-31\nbaseline = { date = 2026-01-31, value = 11 }\n",
			diags: []string{":7:1: the baseline's value 11 is outside the scale"}},
		{name: "alert zero", fm: "alertChange = 0\n", diags: []string{":3:1: alertChange 0 must be more than 0"}},
		{name: "alert words", fm: "alertChange = \"a lot\"\n", diags: []string{`:3:1: alertChange "a lot" is not a number or a percentage`}},
		{name: "alert a list", fm: "alertChange = [5]\n", diags: []string{":3:1: alertChange must be a number"}},
		{name: "alert a number in quotes", fm: "alertChange = \"5\"\n",
			diags: []string{`:3:1: alertChange "5" is a number in quotes; write alertChange = 5 without quotes for an amount in the metric's unit, or alertChange = "5%" for a share`}},
		{name: "cadence not text", fm: "cadence = 5\n", diags: []string{":3:1: cadence must be text in quotes, not the number 5"}},
		{name: "cadence near a known one", fm: "cadence = \"Monthly\"\n", diags: []string{`:3:1: cadence "Monthly" is not one shiftbook knows: did you mean "monthly"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "+++\nmetric = \"m\"\n" + tt.fm + "+++\nBody.\n"
			p, diags := ReadPage("content/metrics/m.md", []byte(src))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if len(got) != len(tt.diags) {
				t.Fatalf("diagnostics %q, want %d like %q", got, len(tt.diags), tt.diags)
			}
			for i, w := range tt.diags {
				if !strings.Contains(got[i], "content/metrics/m.md"+w) {
					t.Errorf("diagnostic %q, want it to contain %q", got[i], w)
				}
			}
			if tt.check != nil && !tt.check(p.Meta.Metric) {
				t.Errorf("read %+v", p.Meta.Metric)
			}
		})
	}
}
