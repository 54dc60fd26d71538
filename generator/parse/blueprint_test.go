package parse

import (
	"reflect"
	"strings"
	"testing"
)

func TestBlueprintStage(t *testing.T) {
	good := "+++\ntitle = \"Switching\"\n\n[[stages]]\nname = \"Port the number\"\nfeeling = -1\ntarget_feeling = 1\nmoment = true\n" +
		"owner = \"  Head of   Porting \"\n" +
		"actions = [\"Asks for a transfer code\", { text = \"Waits for the old provider\", failure = true }]\n" +
		"thinking = \"Will my phone work on Monday?\"\n" +
		"frontstage = [\"Transfer coordinator calls\"]\nbackstage = [{ text = \"Port request to the old provider\" }]\n" +
		"support = [\"Porting system\"]\nopportunities = [\"Text when the number moves\"]\n" +
		"links = [\"agent-first-90-days#flying-solo\", \" support # call \"]\n+++\nBody\n"
	p, diags := ReadPage(pagePath, []byte(good))
	if len(diags) != 0 {
		t.Fatalf("good stage: %v", diags)
	}
	st := p.Meta.Journey.Stages[0]
	want := Blueprint{
		Actions:       []LaneItem{{Text: "Asks for a transfer code"}, {Text: "Waits for the old provider", Failure: true}},
		Thinking:      []LaneItem{{Text: "Will my phone work on Monday?"}},
		Frontstage:    []LaneItem{{Text: "Transfer coordinator calls"}},
		Backstage:     []LaneItem{{Text: "Port request to the old provider"}},
		Support:       []LaneItem{{Text: "Porting system"}},
		Opportunities: []LaneItem{{Text: "Text when the number moves"}},
		Owner:         "Head of Porting", Moment: true, TargetFeeling: 1, HasTarget: true,
		Links: []StageLink{{Journey: "agent-first-90-days", Stage: "flying-solo", Line: 16}, {Journey: "support", Stage: "call", Line: 16}},
	}
	if !reflect.DeepEqual(st.Blueprint, want) {
		t.Errorf("blueprint =\n%+v\nwant\n%+v", st.Blueprint, want)
	}
	if st.Feeling != -1 {
		t.Errorf("feeling = %d", st.Feeling)
	}

	yaml := "---\ntitle: S\nstages:\n  - name: A\n    feeling: 0\n    target_feeling: -2\n    backstage:\n      - Checks stock\n      - {text: Courier booked by hand, failure: true}\n---\n"
	p, diags = ReadPage(pagePath, []byte(yaml))
	if len(diags) != 0 {
		t.Fatalf("YAML stage: %v", diags)
	}
	if b := p.Meta.Journey.Stages[0].Blueprint; len(b.Backstage) != 2 || !b.Backstage[1].Failure || b.TargetFeeling != -2 || !b.HasTarget {
		t.Errorf("YAML blueprint = %+v", b)
	}

	const P = pagePath + ":"
	stage := func(lines ...string) string {
		return "+++\n[[stages]]\nname = \"A\"\nfeeling = 0\n" + strings.Join(lines, "\n") + "\n+++\n"
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown lane, close", stage(`backstge = ["x"]`), []string{P + `5:1: unknown stage key "backstge": did you mean "backstage"?`}},
		{"unknown lane, far", stage(`evidence = ["x"]`),
			[]string{P + `5:1: unknown stage key "evidence"; a stage has name, feeling, touchpoints, pains and metrics, and may have focus, surveys, actions, thinking, frontstage, backstage, support, opportunities, owner, moment, target_feeling and links`}},
		{"target feeling out of range", stage("target_feeling = 3"),
			[]string{P + `5:1: target feeling 3 is out of range; use -2 (angry), -1, 0 (neutral), 1 or 2 (delighted)`}},
		{"target feeling not a number", stage(`target_feeling = "happy"`),
			[]string{P + `5:1: target_feeling of stage 1 must be a whole number, not the text "happy"`}},
		{"moment not a boolean", stage(`moment = "yes"`),
			[]string{P + `5:1: moment of stage 1 must be true or false, not the text "yes"`}},
		{"lane item not text", stage(`support = ["CRM", 4]`),
			[]string{P + `5:1: item 2 of support of stage 1 must be text in quotes or a table like { text = "...", failure = true }, not the number 4`}},
		{"lane not a list", stage(`support = 4`),
			[]string{P + `5:1: support of stage 1 must be a list like ["Checks the app", { text = "Waits on hold", failure = true }], not the number 4`}},
		{"lane item unknown key", stage(`frontstage = [{ text = "Calls", fail = true }]`),
			[]string{P + `5:33: unknown key "fail" in item 1 of frontstage of stage 1; a lane item is text, or a table with text and failure = true for a fail point`}},
		{"lane item key typo", stage(`frontstage = [{ text = "Calls", failur = true }]`),
			[]string{P + `5:33: unknown key "failur" in item 1 of frontstage of stage 1: did you mean "failure"?`}},
		{"lane item without text", stage(`frontstage = [{ failure = true }]`),
			[]string{P + `5:1: item 1 of frontstage of stage 1 has no text; write it as { text = "...", failure = true }`}},
		{"failure not a boolean", stage(`frontstage = [{ text = "Calls", failure = "often" }]`),
			[]string{P + `5:33: failure of item 1 of frontstage of stage 1 must be true or false, not the text "often"`}},
		{"lane item text not text", stage(`frontstage = [{ text = 3 }]`),
			[]string{P + `5:17: text of item 1 of frontstage of stage 1 must be text in quotes, not the number 3`}},
		{"link without stage", stage(`links = ["agent-first-90-days"]`),
			[]string{P + `5:1: link "agent-first-90-days" of stage 1 names no stage; write the journey id, #, and the stage id, like "agent-first-90-days#flying-solo"`}},
		{"links not text", stage(`links = 3`),
			[]string{P + `5:1: links of stage 1 must be a list of text, like ["a", "b"], not the number 3`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectPageErrors(t, tt.src, tt.want)
		})
	}
}
