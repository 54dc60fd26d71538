package parse

import (
	"reflect"
	"strings"
	"testing"
)

func TestStageSurveys(t *testing.T) {
	src := "+++\ntitle = \"J\"\n[[stages]]\nname = \"A\"\nsurveys = [{ metric = \"nps\", when = \"day 30\", channel = \"email\" }, \"csat\"]\n\n" +
		"[[stages]]\nname = \"B\"\n\n[[stages.surveys]]\nmetric = \" ces \"\nfrequency = \"once\"\n\n" +
		"[[stages]]\nname = \"C\"\nsurveys = []\n\n[[stages]]\nname = \"D\"\nmetrics = [\"nps\"]\n+++\n"
	p, diags := ReadPage(pagePath, []byte(src))
	if len(diags) != 0 {
		t.Fatalf("good surveys: %v", diags)
	}
	st := p.Meta.Journey.Stages
	want := [][]StageSurvey{
		{{Metric: "nps", When: "day 30", Channel: "email", Line: 5}, {Metric: "csat", Line: 5}},
		{{Metric: "ces", Frequency: "once", Line: 10}},
		{},
		nil,
	}
	for i, w := range want {
		if !reflect.DeepEqual(st[i].Surveys, w) {
			t.Errorf("stage %d surveys = %#v, want %#v", i+1, st[i].Surveys, w)
		}
	}
	if st[3].Surveys != nil || st[2].Surveys == nil {
		t.Errorf("a stage without surveys must have nil, one with surveys = [] an empty list")
	}

	yaml := "---\ntitle: J\nstages:\n  - name: A\n    surveys:\n      - metric: nps\n        chanel: email\n---\n"
	_, diags = ReadPage(pagePath, []byte(yaml))
	if len(diags) != 1 || diags[0].String() != pagePath+`:7:9: unknown survey key "chanel" in survey 1 of stage 1: did you mean "channel"?` {
		t.Errorf("YAML: %v", diags)
	}
}

func TestSurveyErrors(t *testing.T) {
	const P = pagePath + ":"
	stage := "+++\n[[stages]]\nname = \"A\"\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown key, close", stage + "surveys = [{ metric = \"nps\", chanel = \"email\" }]\n+++\n",
			[]string{P + `4:30: unknown survey key "chanel" in survey 1 of stage 1: did you mean "channel"?`}},
		{"unknown key, far", stage + "surveys = [{ metric = \"nps\", audience = \"all\" }]\n+++\n",
			[]string{P + `4:30: unknown survey key "audience" in survey 1 of stage 1; a survey of a stage has metric, when, channel and frequency`}},
		{"unknown key in a table", stage + "[[stages.surveys]]\nmetric = \"nps\"\nwehn = \"day 1\"\n+++\n",
			[]string{P + `6:1: unknown survey key "wehn" in survey 1 of stage 1: did you mean "when"?`}},
		{"no metric", stage + "surveys = [{ when = \"day 30\" }]\n+++\n",
			[]string{P + `4:1: survey 1 of stage 1 names no metric; add metric = "...", the id of the metric the survey measures`}},
		{"not text", stage + "surveys = [{ metric = \"nps\", when = 30 }]\n+++\n",
			[]string{P + `4:30: when of survey 1 of stage 1 must be text in quotes, not the number 30`}},
		{"not a list", stage + "surveys = \"nps\"\n+++\n",
			[]string{P + `4:1: surveys must be a list of metric ids or tables, like surveys = [{ metric = "nps", when = "day 30", channel = "email" }], not the text "nps"`}},
		{"item not a table", stage + "surveys = [1]\n+++\n",
			[]string{P + `4:1: survey 1 of stage 1 must be a metric id in quotes or a table like { metric = "nps", when = "day 30" }, not the number 1`}},
		{"metric: unknown key", "+++\nmetric = \"nps\"\nsurvey = { question = \"Q?\", scael = \"0-10\" }\n+++\n",
			[]string{P + `3:29: unknown survey key "scael": did you mean "scale"?`}},
		{"metric: no question", "+++\nmetric = \"nps\"\nsurvey = { scale = \"0-10\" }\n+++\n",
			[]string{P + `3:1: the survey has no question; add question = "..." with its wording, as the customer reads it`}},
		{"metric: not a table", "+++\nmetric = \"nps\"\nsurvey = true\n+++\n",
			[]string{P + `3:1: survey must be a table, like survey = { question = "How likely are you to recommend us?", scale = "0–10" }, not true`}},
		{"metric: not text", "+++\nmetric = \"nps\"\n[survey]\nquestion = \"Q?\"\nscale = 10\n+++\n",
			[]string{P + `5:1: survey.scale must be text in quotes, not the number 10`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectPageErrors(t, tt.src, tt.want)
		})
	}
}

func TestMetricSurvey(t *testing.T) {
	src := "+++\nmetric = \"nps\"\nsurvey = { question = \"How likely?\", scale = \"0–10\", instrument = \"Relationship NPS\", frequency = \"quarterly\", channel = \"email\" }\n+++\n"
	p, diags := ReadPage(pagePath, []byte(src))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	want := &SurveyMeta{Question: "How likely?", Scale: "0–10", Instrument: "Relationship NPS", Frequency: "quarterly", Channel: "email", Line: 3}
	if !reflect.DeepEqual(p.Meta.Metric.Survey, want) {
		t.Errorf("survey = %+v, want %+v", p.Meta.Metric.Survey, want)
	}
}

func TestColumnOf(t *testing.T) {
	src := []byte("a\nsurveys = [{ metric = \"nps\", channel = \"nps-x\" }]\n  - metric: nps\n\"when\" = 1\n")
	tests := []struct {
		line  int
		word  string
		asKey bool
		want  int
	}{
		{2, "metric", true, 14},
		{2, "nps", false, 24},
		{2, "channel", true, 30},
		{2, "nps-x", false, 41},
		{2, "absent", true, 1},
		{3, "nps", false, 13},
		{3, "metric", true, 5},
		{4, "when", true, 2},
		{9, "x", true, 1},
		{2, "", false, 1},
	}
	for _, tt := range tests {
		if got := ColumnOf(src, tt.line, tt.word, tt.asKey); got != tt.want {
			t.Errorf("ColumnOf(line %d, %q, %v) = %d, want %d", tt.line, tt.word, tt.asKey, got, tt.want)
		}
	}
}

// FuzzSurveys reads fuzzed surveys keys of a stage and of a metric.
// Invariants: no panic, every diagnostic inside the file, every survey
// read names a metric and lies on a line of the file.
func FuzzSurveys(f *testing.F) {
	for _, s := range []string{
		`[{ metric = "nps", when = "day 30", channel = "email" }]`,
		`["nps", { metric = "csat" }, 3, { when = 1 }, { metric = "x", x = "y" }]`,
		`[]`, `"nps"`, `[[["a"]]]`, `[{ metric = "é\u0000" }]`,
	} {
		f.Add(s, `{ question = "Q?", scale = "0-10" }`)
	}
	f.Add(`[{ metric = "a" }]`, `{ scael = 1, question = 2 }`)
	f.Add(`[{}]`, `"text"`)
	f.Fuzz(func(t *testing.T, surveys, survey string) {
		if strings.ContainsAny(surveys+survey, "\n\r") {
			return
		}
		for _, src := range []string{
			"+++\ntitle = \"J\"\n[[stages]]\nname = \"A\"\nsurveys = " + surveys + "\n+++\nBody.\n",
			"+++\nmetric = \"nps\"\nsurvey = " + survey + "\n+++\nBody.\n",
		} {
			checkPageInvariants(t, pagePath, []byte(src))
			p, _ := ReadPage(pagePath, []byte(src))
			if p == nil {
				continue
			}
			lines := strings.Count(src, "\n") + 1
			for _, st := range p.Meta.Journey.Stages {
				for _, sv := range st.Surveys {
					if sv.Metric == "" || sv.Line < 1 || sv.Line > lines {
						t.Errorf("survey %+v: no metric, or outside the file", sv)
					}
				}
			}
		}
	})
}
