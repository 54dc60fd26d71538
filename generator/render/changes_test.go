package render

import (
	"reflect"
	"strings"
	"testing"
)

func ptr(f float64) *float64 { return &f }

func TestChanges(t *testing.T) {
	base := func() *Manifest {
		return &Manifest{Format: 1, Version: "2026.3",
			Pages: []ManifestPage{
				{Path: "", Title: "Home", Hash: "h0"},
				{Path: "vision/", Title: "Vision", Hash: "h1"},
				{Path: "vision/old/", Title: "Old", Hash: "h2"},
			},
			Definitions: []ManifestDefinition{{Path: "definitions/nps/", Title: "NPS", Summary: "Loyalty."}},
			Metrics: []ManifestMetric{
				{ID: "nps", Path: "metrics/nps/", Title: "NPS", Target: ptr(40), Unit: "points", Owner: "Ana"},
				{ID: "csat", Path: "metrics/csat/", Title: "CSAT", Unit: "%", Owner: "Bo"},
			},
			Journeys: []ManifestJourney{{ID: "onboarding", Path: "journeys/onboarding/", Title: "Onboarding",
				Stages: []ManifestStage{{Name: "Discover", Feeling: 0}, {Name: "Buy", Feeling: 1}}}},
		}
	}
	tests := []struct {
		name   string
		prev   *Manifest
		change func(m *Manifest)
		want   ChangesData
	}{
		{
			name: "first edition",
			want: ChangesData{Version: "2026.4", First: true},
		},
		{
			name: "nothing changed",
			prev: base(),
			want: ChangesData{Version: "2026.4", Previous: "2026.3", None: true},
		},
		{
			name: "previous edition without a manifest",
			prev: &Manifest{Version: "2026.3"},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Unknown: true},
		},
		{
			name: "pages added, removed and changed",
			prev: base(),
			change: func(m *Manifest) {
				m.Pages = []ManifestPage{
					{Path: "", Title: "Home", Hash: "h0"},
					{Path: "vision/", Title: "Our vision", Hash: "h1b"},
					{Path: "vision/new/", Title: "New", Hash: "h3"},
				}
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3",
				Added:   []PageChange{{Title: "New", URL: "vision/new/", Kind: "page", KindText: "Page"}},
				Changed: []PageChange{{Title: "Our vision", URL: "vision/", Kind: "page", KindText: "Page"}},
				Removed: []PageChange{{Title: "Old", URL: "vision/old/", Kind: "page", KindText: "Page"}}},
		},
		{
			name: "a definition and a metric of the same name are told apart",
			prev: base(),
			change: func(m *Manifest) {
				m.Pages = append(m.Pages,
					ManifestPage{Path: "definitions/customer-effort-score/", Title: "Customer Effort Score", Hash: "d", Kind: "definition"},
					ManifestPage{Path: "metrics/ces/", Title: "Customer Effort Score", Hash: "m"}) // an older manifest: no kind
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Added: []PageChange{
				{Title: "Customer Effort Score", URL: "definitions/customer-effort-score/", Kind: "definition", KindText: "Definition"},
				{Title: "Customer Effort Score", URL: "metrics/ces/", Kind: "metric", KindText: "Metric"},
			}},
		},
		{
			name: "sections added, removed and reworded",
			prev: func() *Manifest {
				m := base()
				m.Pages[1].Sections = []ManifestSection{{ID: "", Hash: "i", Words: 50}, {ID: "why", Title: "Why", Hash: "w1", Words: 100}, {ID: "old", Title: "Old part", Hash: "o", Words: 30}, {ID: "same", Title: "Same", Hash: "s", Words: 20}}
				return m
			}(),
			change: func(m *Manifest) {
				m.Pages[1].Hash = "h1b"
				m.Pages[1].Sections = []ManifestSection{{ID: "", Hash: "i", Words: 50}, {ID: "why", Title: "Why", Hash: "w2", Words: 110}, {ID: "same", Title: "Same", Hash: "s", Words: 20}, {ID: "new", Title: "New part", Hash: "n", Words: 40}}
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Changed: []PageChange{{Title: "Vision", URL: "vision/", Kind: "page", KindText: "Page",
				Added: []string{"“New part”"}, Removed: []string{"“Old part”"}, Reworded: []string{"“Why”"}, Words: 180, Total: 220}}},
		},
		{
			name:   "a definition reworded",
			prev:   base(),
			change: func(m *Manifest) { m.Definitions[0].Summary = "Loyalty: promoters minus detractors." },
			want: ChangesData{Version: "2026.4", Previous: "2026.3",
				Definitions: []DefinitionChange{{Title: "NPS", URL: "definitions/nps/", Old: "Loyalty.", New: "Loyalty: promoters minus detractors."}}},
		},
		{
			name: "metric targets and owners",
			prev: base(),
			change: func(m *Manifest) {
				m.Metrics[0].Target = ptr(45)
				m.Metrics[1].Target = ptr(85.5)
				m.Metrics[1].Owner = "Cy"
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Metrics: []MetricChange{
				{Title: "NPS", URL: "metrics/nps/", TargetChanged: true, OldTarget: "40 points", NewTarget: "45 points", OldOwner: "Ana", NewOwner: "Ana"},
				{Title: "CSAT", URL: "metrics/csat/", TargetChanged: true, OldTarget: "", NewTarget: "85.5%", OwnerChanged: true, OldOwner: "Bo", NewOwner: "Cy"},
			}},
		},
		{
			name: "metric target dates, baselines, scales, cadences and alerts",
			prev: base(),
			change: func(m *Manifest) {
				m.Metrics[0].ManifestTarget = ManifestTarget{TargetDate: "2027-12-31", Baseline: "29.9 on 2026-01-31", Scale: "-100 to 100", Cadence: "monthly", AlertChange: "5"}
				m.Metrics[1].ManifestTarget = ManifestTarget{Scale: "0 to 100"}
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Metrics: []MetricChange{
				{Title: "NPS", URL: "metrics/nps/", OldTarget: "40 points", NewTarget: "40 points", OldOwner: "Ana", NewOwner: "Ana", Settings: []SettingChange{
					{What: "Target date", New: "2027-12-31"}, {What: "Baseline", New: "29.9 on 2026-01-31"}, {What: "Scale", New: "-100 to 100"},
					{What: "Cadence", New: "monthly"}, {What: "Flagged beyond (alertChange)", New: "5"}}},
				{Title: "CSAT", URL: "metrics/csat/", OldOwner: "Bo", NewOwner: "Bo", Settings: []SettingChange{{What: "Scale", New: "0 to 100"}}},
			}},
		},
		{
			name: "a target date moved and an alert dropped",
			prev: func() *Manifest {
				m := base()
				m.Metrics[0].ManifestTarget = ManifestTarget{TargetDate: "2027-12-31", AlertChange: "10%"}
				return m
			}(),
			change: func(m *Manifest) { m.Metrics[0].ManifestTarget = ManifestTarget{TargetDate: "2027-06-30"} },
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Metrics: []MetricChange{
				{Title: "NPS", URL: "metrics/nps/", OldTarget: "40 points", NewTarget: "40 points", OldOwner: "Ana", NewOwner: "Ana", Settings: []SettingChange{
					{What: "Target date", Old: "2027-12-31", New: "2027-06-30"}, {What: "Flagged beyond (alertChange)", Old: "10%"}}},
			}},
		},
		{
			name: "journey stages",
			prev: base(),
			change: func(m *Manifest) {
				m.Journeys[0].Stages = []ManifestStage{{Name: "Discover", Feeling: 0}, {Name: "Buy", Feeling: -1}, {Name: "Use", Feeling: 2}}
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Journeys: []JourneyChange{{Title: "Onboarding", URL: "journeys/onboarding/",
				Old: []StageChange{{Name: "Discover", Feeling: "0 neutral"}, {Name: "Buy", Feeling: "+1 happy", Changed: true}},
				New: []StageChange{{Name: "Discover", Feeling: "0 neutral"}, {Name: "Buy", Feeling: "−1 unhappy", Changed: true}, {Name: "Use", Feeling: "+2 delighted", Changed: true}},
			}}},
		},
		{
			name: "journey lanes and links",
			prev: func() *Manifest {
				m := base()
				m.Journeys = append(m.Journeys, ManifestJourney{ID: "agent", Path: "journeys/agent/", Title: "Agent",
					Stages: []ManifestStage{{Name: "Solo", ID: "solo"}, {Name: "Nesting", ID: "nesting"}}})
				m.Journeys[0].Stages[1] = ManifestStage{Name: "Buy", Feeling: 1, ID: "buy",
					Lanes: map[string][]string{"backstage": {"Credit check"}, "owner": {"Sales"}}, Links: []string{"agent#nesting"}}
				return m
			}(),
			change: func(m *Manifest) {
				m.Journeys = append(m.Journeys, ManifestJourney{ID: "agent", Path: "journeys/agent/", Title: "Agent",
					Stages: []ManifestStage{{Name: "Flying solo", ID: "solo"}, {Name: "Nesting", ID: "nesting"}}})
				m.Journeys[0].Stages[1] = ManifestStage{Name: "Buy", Feeling: 1, ID: "buy",
					Lanes: map[string][]string{"backstage": {"Credit check (fail point)"}, "owner": {"Sales"}, "moment": {"yes"}}, Links: []string{"agent#solo"}}
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Journeys: []JourneyChange{
				{Title: "Onboarding", URL: "journeys/onboarding/",
					Lanes: []LaneChange{
						{Stage: "Buy", Lane: "Backstage", Old: []string{"Credit check"}, New: []string{"Credit check (fail point)"}},
						{Stage: "Buy", Lane: "Moment of truth", New: []string{"yes"}},
					},
					Links: []LinkChange{{Stage: "Buy", Added: []string{"Agent: Flying solo"}, Removed: []string{"Agent: Nesting"}}}},
				{Title: "Agent", URL: "journeys/agent/",
					Old: []StageChange{{Name: "Solo", Feeling: "0 neutral", Changed: true}, {Name: "Nesting", Feeling: "0 neutral"}},
					New: []StageChange{{Name: "Flying solo", Feeling: "0 neutral", Changed: true}, {Name: "Nesting", Feeling: "0 neutral"}}},
			}},
		},
		{
			// A stage's id is its name's slug: renamed, it is the stage at
			// the same place whose lanes and links are compared.
			name: "a renamed stage's lanes and links",
			prev: func() *Manifest {
				m := base()
				m.Journeys[0].Stages[0].ID = "discover"
				m.Journeys[0].Stages[1] = ManifestStage{Name: "Buy", Feeling: 1, ID: "buy",
					Lanes: map[string][]string{"moment": {"yes"}}, Links: []string{"onboarding#discover"}}
				return m
			}(),
			change: func(m *Manifest) {
				m.Journeys[0].Stages[1] = ManifestStage{Name: "Sign", Feeling: 1, ID: "sign",
					Lanes: map[string][]string{"owner": {"Sales"}}}
			},
			want: ChangesData{Version: "2026.4", Previous: "2026.3", Journeys: []JourneyChange{{Title: "Onboarding", URL: "journeys/onboarding/",
				Old: []StageChange{{Name: "Discover", Feeling: "0 neutral"}, {Name: "Buy", Feeling: "+1 happy", Changed: true}},
				New: []StageChange{{Name: "Discover", Feeling: "0 neutral"}, {Name: "Sign", Feeling: "+1 happy", Changed: true}},
				Lanes: []LaneChange{
					{Stage: "Sign", Lane: "Stage owner", New: []string{"Sales"}},
					{Stage: "Sign", Lane: "Moment of truth", Old: []string{"yes"}},
				},
				Links: []LinkChange{{Stage: "Sign", Removed: []string{"Onboarding: Discover"}}},
			}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := base()
			cur.Version = "2026.4"
			if tt.change != nil {
				tt.change(cur)
			}
			got := Changes(tt.prev, cur)
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("Changes:\n got %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

func TestManifestRoundTrip(t *testing.T) {
	m := &Manifest{Format: 1, Version: "2026.4", Pages: []ManifestPage{{Path: "", Title: "Home", Hash: "ab"}},
		Definitions: []ManifestDefinition{}, Metrics: []ManifestMetric{{ID: "nps", Target: ptr(40)}}, Journeys: []ManifestJourney{}}
	got, err := ReadManifest(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, m)
	}
	for _, bad := range []string{`{"format": 2}`, `{}`, `[`} {
		if _, err := ReadManifest([]byte(bad)); err == nil {
			t.Errorf("ReadManifest(%s) accepted it", bad)
		} else if strings.Contains(bad, "format") && !strings.Contains(err.Error(), "format 2") {
			t.Errorf("ReadManifest(%s) = %v", bad, err)
		}
	}
}
