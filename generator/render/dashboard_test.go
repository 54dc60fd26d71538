package render

import (
	"strings"
	"testing"
)

func TestDashboardSummary(t *testing.T) {
	tests := []struct {
		lang   string
		total  int
		counts map[string]int
		stale  int
		want   string
	}{
		{"", 0, nil, 0, "No metrics yet."},
		{"", 12, map[string]int{"on-track": 5, "off-track": 7}, 1, "5 of 12 on track, 7 off track, 1 stale"},
		{"", 3, map[string]int{"on-track": 3}, 0, "3 of 3 on track"},
		{"", 4, map[string]int{"no-target": 2, "no-data": 2}, 0, "0 of 4 on track, 2 without data"},
		{"", 1, map[string]int{"held": 1}, 0, "0 of 1 on track, 1 held back for too few responses"},
		{"nl", 0, nil, 0, "Nog geen meetwaarden."},
		{"nl", 12, map[string]int{"on-track": 5, "off-track": 7}, 1, "5 van 12 op koers, 7 niet op koers, 1 verouderd"},
		{"nl", 1, map[string]int{"on-track": 1}, 0, "1 van 1 op koers"},
		{"nl", 4, map[string]int{"no-data": 2}, 0, "0 van 4 op koers, 2 zonder gegevens"},
		{"de", 12, map[string]int{"on-track": 5, "held": 2}, 0, "5 von 12 auf Kurs, 2 wegen zu weniger Antworten zurückgehalten"},
	}
	for _, tt := range tests {
		if got := textRun(t, tt.lang).dashboardSummary(tt.total, tt.counts, tt.stale); got != tt.want {
			t.Errorf("%s: dashboardSummary(%d, %v, %d) = %q, want %q", tt.lang, tt.total, tt.counts, tt.stale, got, tt.want)
		}
	}
}

func TestGroupMetrics(t *testing.T) {
	m := func(title, owner string, tags ...string) *MetricData {
		return &MetricData{Title: title, Owner: owner, Tags: tags}
	}
	all := []*MetricData{m("NPS", "CX", "loyalty", "sense"), m("CSAT", "Care", "service"), m("Churn", "CX", "loyalty"), m("Leads", ""), m("Élan", "Care", "émotion")}
	show := func(gs []MetricGroup) string {
		var parts []string
		for _, g := range gs {
			var names []string
			for _, x := range g.Metrics {
				names = append(names, x.Title)
			}
			parts = append(parts, g.Name+"="+strings.Join(names, ","))
		}
		return strings.Join(parts, " ")
	}
	tests := []struct{ key, want string }{
		{"", "=NPS,CSAT,Churn,Leads,Élan"},
		{"tags", "Loyalty=NPS,Churn Service=CSAT Émotion=Élan Other=Leads"},
		{"owner", "CX=NPS,Churn Care=CSAT,Élan Other=Leads"},
	}
	for _, tt := range tests {
		groups, grouped := groupMetrics(all, tt.key, "Other")
		if got := show(groups); got != tt.want || grouped != (tt.key != "") {
			t.Errorf("groupBy %q: %s (grouped %v), want %s", tt.key, got, grouped, tt.want)
		}
		ids := map[string]bool{}
		for _, g := range groups {
			if grouped && (g.ID == "" || ids[g.ID]) {
				t.Errorf("groupBy %q: group %q has id %q, empty or repeated", tt.key, g.Name, g.ID)
			}
			ids[g.ID] = true
		}
	}
}

func TestChangeMood(t *testing.T) {
	tests := []struct {
		change    float64
		direction string
		mood      string
		word      string
	}{
		{0.9, "up", "good", "better"},
		{-0.9, "up", "bad", "worse"},
		{-0.11, "down", "good", "better"},
		{0.2, "down", "bad", "worse"},
		{0, "up", "", "no change"},
		{0.001, "down", "", "no change"}, // shown as ±0
		{3, "", "", ""},
	}
	for _, tt := range tests {
		mood, word := changeMood(tt.change, tt.direction)
		if mood != tt.mood || word != tt.word {
			t.Errorf("changeMood(%v, %q) = %q, %q; want %q, %q", tt.change, tt.direction, mood, word, tt.mood, tt.word)
		}
	}
}

func TestSaid(t *testing.T) {
	nps := MetricData{Name: "NPS", HasData: true, Latest: "34.2 points", StatusText: "Off track", Target: "40 points", TargetShort: "40", AsOf: "31 Oct 2026"}
	leads := MetricData{Name: "Leads", HasData: true, Latest: "455 leads", StatusText: "No target", AsOf: "31 Oct 2026", Stale: true}
	held := MetricData{Name: "CSAT", Held: "too few responses (n = 12)", AsOf: "31 Oct 2026"}
	tests := []struct {
		lang string
		d    MetricData
		want string
	}{
		{"", nps, "NPS 34.2 points, off track (target 40), as of 31 Oct 2026"},
		{"", leads, "Leads 455 leads, no target, stale, as of 31 Oct 2026"},
		{"", MetricData{Name: "CES"}, "CES: no data yet"},
		{"", held, "CSAT: too few responses (n = 12), as of 31 Oct 2026"},
		{"nl", MetricData{Name: "NPS", HasData: true, Latest: "34,2 punten", StatusText: "Niet op koers", TargetShort: "40", TargetFacts: TargetFacts{TargetBy: "31 dec. 2027"}, AsOf: "31 okt. 2026"},
			"NPS 34,2 punten, niet op koers (doel 40 uiterlijk 31 dec. 2027), stand van 31 okt. 2026"},
		{"nl", MetricData{Name: "Leads", HasData: true, Latest: "455", StatusText: "Geen doel", AsOf: "31 okt. 2026", Stale: true},
			"Leads 455, geen doel, verouderd, stand van 31 okt. 2026"},
		{"nl", MetricData{Name: "CES"}, "CES: nog geen gegevens"},
		{"de", MetricData{Name: "NPS", HasData: true, Latest: "34,2 Punkte", StatusText: "Nicht auf Kurs", TargetShort: "40", AsOf: "31. Okt. 2026"},
			"NPS 34,2 Punkte, nicht auf Kurs (Ziel 40), Stand 31. Okt. 2026"},
	}
	for _, tt := range tests {
		if got := textRun(t, tt.lang).said(&tt.d); got != tt.want {
			t.Errorf("%s: said = %q, want %q", tt.lang, got, tt.want)
		}
	}
}
