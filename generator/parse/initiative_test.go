package parse

import (
	"testing"
	"time"
)

func TestInitiativeFrontMatter(t *testing.T) {
	good := "+++\ntitle = \"SENSE\"\nstatus = \"at risk\"\nreason = \"No team.\"\nfocus = \"voice\"\nstarted = 2026-09-01\nmetrics = [\"nps\"]\n\n" +
		"[[milestones]]\nname = \"One\"\ndue = 2026-12-09\ndone = 2026-12-01\nowner = \"Head of Data\"\n\n[[milestones]]\nname = \"Two\"\ndue = 2027-03-19\n+++\nBody\n"
	p, diags := ReadPage(pagePath, []byte(good))
	if len(diags) != 0 {
		t.Fatalf("good initiative: %v", diags)
	}
	in := p.Meta.Initiative
	if in.Status != "at risk" || in.Reason != "No team." || len(p.Meta.Focus) != 1 || p.Meta.Focus[0] != "voice" || len(in.Metrics) != 1 || in.Metrics[0] != "nps" {
		t.Errorf("initiative = %+v", in)
	}
	if !in.Started.Equal(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("started = %v", in.Started)
	}
	if len(in.Milestones) != 2 || in.Milestones[0].Line != 9 || in.Milestones[0].Owner != "Head of Data" ||
		in.Milestones[0].Done.IsZero() || !in.Milestones[1].Done.IsZero() || in.Milestones[1].Line != 15 {
		t.Errorf("milestones = %+v", in.Milestones)
	}

	const P = pagePath + ":"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown status, close", "+++\nstatus = \"activ\"\n+++\n", []string{P + `2:1: unknown status "activ": did you mean "active"?`}},
		{"unknown status, far", "+++\nstatus = \"blocked\"\n+++\n",
			[]string{P + `2:1: unknown status "blocked"; an initiative's status is "proposed", "active", "at risk" or "done"`}},
		{"at risk without reason", "+++\nstatus = \"at risk\"\n+++\n",
			[]string{P + `2:1: an initiative at risk says why; add reason = "..." in plain words`}},
		{"milestone without due", "+++\n[[milestones]]\nname = \"A\"\n+++\n",
			[]string{P + `2:1: milestone 1 has no due date; add due = 2027-03-19 with the day it is due`}},
		{"milestone without name", "+++\n[[milestones]]\ndue = 2026-01-01\n+++\n",
			[]string{P + `2:1: milestone 1 has no name; add name = "..."`}},
		{"milestone due not a date", "+++\n[[milestones]]\nname = \"A\"\ndue = \"soon\"\n+++\n",
			[]string{P + `4:1: due of milestone 1 must be a date written like 2026-10-14, not the text "soon"`}},
		{"milestone unknown key", "+++\n[[milestones]]\nname = \"A\"\ndue = 2026-01-01\ndeu = 1\n+++\n",
			[]string{P + `5:1: unknown milestone key "deu": did you mean "due"?`}},
		{"milestones not tables", "+++\nmilestones = [1, 2]\n+++\n",
			[]string{P + `2:1: milestones must be a list of tables written [[milestones]], each with name and due`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectPageErrors(t, tt.src, tt.want)
		})
	}
}
