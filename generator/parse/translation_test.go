package parse

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestShareOf is the rule key by key: words a translation writes in its
// language, data it always has from its original, lists of both merged
// part by part, and keys of its own.
func TestShareOf(t *testing.T) {
	for _, tt := range []struct {
		path string
		want share
	}{
		{"title", shareOwn},
		{"description", shareOwn},
		{"slug", shareOwn},
		{"translated", shareOwn},
		{"tags", shareUnlessWritten},
		{"tags.0", shareUnlessWritten},
		{"weight", shareUnlessWritten},
		{"owner", shareUnlessWritten},
		{"hidden", shareUnlessWritten},
		{"focus", shareData},
		// Metrics: the id, data file, target and scale are data; the
		// unit and the survey's wording are words.
		{"metric", shareData},
		{"data", shareData},
		{"target", shareData},
		{"targetDate", shareData},
		{"baseline", shareData},
		{"baseline.value", shareData},
		{"min", shareData},
		{"direction", shareData},
		{"unit", shareWords},
		{"survey", shareParts},
		{"survey.question", shareWords},
		{"survey.channel", shareWords},
		// Initiatives.
		{"status", shareData},
		{"started", shareData},
		{"metrics", shareData},
		{"reason", shareWords},
		{"milestones", shareParts},
		{"milestones.2", shareParts},
		{"milestones.2.name", shareWords},
		{"milestones.2.due", shareData},
		{"milestones.2.owner", shareData},
		// Journeys.
		{"kind", shareData},
		{"persona", shareWords},
		{"stages", shareParts},
		{"stages.0", shareParts},
		{"stages.0.name", shareWords},
		{"stages.0.touchpoints", shareWords},
		{"stages.0.touchpoints.1", shareWords},
		{"stages.0.frontstage", shareWords},
		{"stages.0.frontstage.0.failure", shareWords},
		{"stages.0.feeling", shareData},
		{"stages.0.target_feeling", shareData},
		{"stages.0.metrics", shareData},
		{"stages.0.focus", shareData},
		{"stages.0.owner", shareData},
		{"stages.0.links", shareData},
		{"stages.0.surveys", shareParts},
		{"stages.0.surveys.1", shareParts},
		{"stages.0.surveys.1.metric", shareData},
		{"stages.0.surveys.1.when", shareWords},
		{"stages.x.name", shareData}, // not an item of the list
		// Plans, focus areas, definitions.
		{"tasks.3.name", shareWords},
		{"tasks.3.due", shareData},
		{"tasks.3.initiative", shareData},
		{"leader", shareData},
		{"abbr", shareWords},
		{"summary", shareOwn},
		{"synonyms", shareOwn},
	} {
		if got := shareOf(strings.Split(tt.path, ".")); got != tt.want {
			t.Errorf("shareOf(%s) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

var translationOptions = PageOptions{Language: "nl", Languages: []string{"en", "nl"}}

// shared reads an original and its translation and shares the one with
// the other, failing on any error in either.
func shared(t *testing.T, original, translation string) (*Page, []string) {
	t.Helper()
	o, diags := ReadPageWith("content/p.md", []byte(original), PageOptions{Language: "en", Languages: []string{"en", "nl"}})
	if len(diags) > 0 {
		t.Fatalf("original: %v", diags)
	}
	tr, diags := ReadPageWith("content/p.nl.md", []byte(translation), translationOptions)
	if len(diags) > 0 {
		t.Fatalf("translation: %v", diags)
	}
	var got []string
	for _, d := range ShareOriginal("content/p.nl.md", tr, o) {
		got = append(got, d.String())
	}
	return tr, got
}

func TestShareOriginalMetric(t *testing.T) {
	const original = `+++
title = "NPS"
metric = "nps"
unit = "points"
direction = "up"
target = 40
data = "nps.csv"
targetDate = 2027-12-31
baseline = { date = 2026-01-31, value = 12 }
survey = { question = "How likely?", scale = "0–10", channel = "email" }
focus = "feel"
owner = "Head of Insights"
tags = ["loyalty"]
weight = 3
+++
`
	t.Run("words only", func(t *testing.T) {
		p, warnings := shared(t, original, "+++\ntitle = \"NPS (NL)\"\nunit = \"punten\"\nsurvey = { question = \"Hoe waarschijnlijk?\" }\n+++\n")
		if len(warnings) > 0 {
			t.Errorf("warnings: %v", warnings)
		}
		m := p.Meta.Metric
		if m.ID != "nps" || m.Data != "nps.csv" || m.Direction != "up" || m.Target == nil || *m.Target != 40 || m.Unit != "punten" {
			t.Errorf("metric = %+v", m)
		}
		if !m.TargetDate.Equal(time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)) || m.Baseline == nil || m.Baseline.Value != 12 {
			t.Errorf("target date %v, baseline %+v", m.TargetDate, m.Baseline)
		}
		if m.Survey == nil || m.Survey.Question != "Hoe waarschijnlijk?" || m.Survey.Scale != "0–10" || m.Survey.Channel != "email" {
			t.Errorf("survey = %+v", m.Survey)
		}
		fm := p.Meta
		if fm.Title != "NPS (NL)" || !slices.Equal(fm.Focus, []string{"feel"}) || fm.Owner != "Head of Insights" || !slices.Equal(fm.Tags, []string{"loyalty"}) || fm.Weight != 3 {
			t.Errorf("title %q, focus %q, owner %q, tags %q, weight %d", fm.Title, fm.Focus, fm.Owner, fm.Tags, fm.Weight)
		}
	})
	t.Run("data as the original writes it", func(t *testing.T) {
		_, warnings := shared(t, original, "---\ntitle: NPS\nmetric: nps\ntarget: 40.0\ntargetDate: 2027-12-31\nfocus: [feel]\n---\n")
		if len(warnings) > 0 {
			t.Errorf("warnings: %v", warnings)
		}
	})
	t.Run("own tags, weight and owner", func(t *testing.T) {
		p, warnings := shared(t, original, "+++\ntitle = \"NPS\"\ntags = []\nweight = 1\nowner = \"Vertaalteam\"\n+++\n")
		if len(warnings) > 0 || len(p.Meta.Tags) != 0 || p.Meta.Weight != 1 || p.Meta.Owner != "Vertaalteam" {
			t.Errorf("tags %q, weight %d, owner %q, warnings %v", p.Meta.Tags, p.Meta.Weight, p.Meta.Owner, warnings)
		}
	})
	t.Run("other data", func(t *testing.T) {
		p, warnings := shared(t, original, "+++\ntitle = \"NPS\"\ntarget = 45\ndata = \"nps-nl.csv\"\nheadline = true\nfocus = \"voice\"\n+++\n")
		want := []string{
			`content/p.nl.md:4:1: warning: data: shared by every language, as only words are translated, so this page has "nps.csv" from content/p.md, not what is written here ("nps-nl.csv"); remove it here, or change it in content/p.md to change it in every language`,
			`content/p.nl.md:6:1: warning: focus: shared by every language, as only words are translated, so this page has "feel" from content/p.md, not what is written here ("voice"); remove it here, or change it in content/p.md to change it in every language`,
			`content/p.nl.md:5:1: warning: headline: shared by every language, as only words are translated, and content/p.md has none, so what is written here (true) is not used; remove it here, or add it to content/p.md to have it in every language`,
			`content/p.nl.md:3:1: warning: target: shared by every language, as only words are translated, so this page has 40 from content/p.md, not what is written here (45); remove it here, or change it in content/p.md to change it in every language`,
		}
		if !slices.Equal(warnings, want) {
			t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
		}
		if m := p.Meta.Metric; *m.Target != 40 || m.Data != "nps.csv" || m.Headline || !slices.Equal(p.Meta.Focus, []string{"feel"}) {
			t.Errorf("metric = %+v, focus %q", m, p.Meta.Focus)
		}
	})
	t.Run("a survey the original has not", func(t *testing.T) {
		_, warnings := shared(t, "+++\ntitle = \"CES\"\nmetric = \"ces\"\n+++\n", "+++\ntitle = \"CES\"\nsurvey = { question = \"Hoe makkelijk?\" }\n+++\n")
		if len(warnings) != 1 || !strings.Contains(warnings[0], "content/p.nl.md:3:1: warning: survey: shared by every language, as only words are translated, and content/p.md has none") {
			t.Errorf("warnings: %v", warnings)
		}
	})
}

func TestShareOriginalLists(t *testing.T) {
	t.Run("milestones", func(t *testing.T) {
		p, warnings := shared(t, `+++
title = "MAP"
status = "at risk"
reason = "No sponsor."
metrics = ["nps"]

[[milestones]]
name = "Mapped"
due = 2026-03-10
owner = "Head of Insights"

[[milestones]]
name = "Owned"
due = 2026-06-10
done = 2026-06-01
+++
`, `+++
title = "KAART"
reason = "Geen sponsor."

[[milestones]]
name = "In kaart"
+++
`)
		want := []string{`content/p.nl.md:5:1: warning: milestones: this translation has 1 and content/p.md has 2; they are shared by every language, so the original's are shown, each with the words written here at its place, and the last one shows the original's words; translate it too, in the original's order`}
		if !slices.Equal(warnings, want) {
			t.Errorf("warnings: %v", warnings)
		}
		in := p.Meta.Initiative
		if in.Status != StatusAtRisk || in.Reason != "Geen sponsor." || !slices.Equal(in.Metrics, []string{"nps"}) || len(in.Milestones) != 2 {
			t.Fatalf("initiative = %+v", in)
		}
		m0, m1 := in.Milestones[0], in.Milestones[1]
		if m0.Name != "In kaart" || m0.Owner != "Head of Insights" || m0.Due.Format("2006-01-02") != "2026-03-10" || m0.Line != 5 {
			t.Errorf("milestone 1 = %+v", m0)
		}
		if m1.Name != "Owned" || m1.Done.IsZero() {
			t.Errorf("milestone 2 = %+v", m1)
		}
	})
	t.Run("stages", func(t *testing.T) {
		p, warnings := shared(t, `+++
title = "Support"
kind = "customer"
persona = "Eva"

[[stages]]
name = "Reach a person"
feeling = -2
metrics = ["csat"]
surveys = [{ metric = "csat", when = "after the call", channel = "SMS" }]
frontstage = [{ text = "Agent asks again", failure = true }]
links = ["agents#solo"]
+++
`, `---
title: Hulp
stages:
  - name: Een mens spreken
    feeling: -1
    surveys:
      - when: na het gesprek
    frontstage: ["Medewerker vraagt opnieuw"]
  - name: Extra
---
`)
		want := []string{
			`content/p.nl.md:3:1: warning: stages: this translation has 2 and content/p.md has 1; they are shared by every language, so the original's are shown, each with the words written here at its place, and the last one written here is not used; write one for each of the original's, in its order`,
			`content/p.nl.md:5:5: warning: feeling of stage 1: shared by every language, as only words are translated, so this page has -2 from content/p.md, not what is written here (-1); remove it here, or change it in content/p.md to change it in every language`,
		}
		if !slices.Equal(warnings, want) {
			t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
		}
		j := p.Meta.Journey
		if j.Kind != "customer" || j.Persona != "Eva" || len(j.Stages) != 1 {
			t.Fatalf("journey = %+v", j)
		}
		st := j.Stages[0]
		if st.Name != "Een mens spreken" || st.Feeling != -2 || !slices.Equal(st.Metrics, []string{"csat"}) || len(st.Links) != 1 {
			t.Errorf("stage = %+v", st)
		}
		// The lane is words: as the translation writes it.
		if !reflect.DeepEqual(st.Frontstage, []LaneItem{{Text: "Medewerker vraagt opnieuw"}}) {
			t.Errorf("frontstage = %+v", st.Frontstage)
		}
		if len(st.Surveys) != 1 || st.Surveys[0].Metric != "csat" || st.Surveys[0].When != "na het gesprek" || st.Surveys[0].Channel != "SMS" {
			t.Errorf("surveys = %+v", st.Surveys)
		}
	})
	t.Run("tasks", func(t *testing.T) {
		p, warnings := shared(t, "+++\ntitle = \"Plan\"\n[[tasks]]\nname = \"Map\"\ndue = 2026-02-01\nowner = \"CX\"\ninitiative = \"map\"\ndone = true\n+++\n",
			"+++\ntitle = \"Plan\"\n[[tasks]]\nname = \"In kaart\"\n+++\n")
		if len(warnings) > 0 {
			t.Errorf("warnings: %v", warnings)
		}
		if ts := p.Meta.Plan.Tasks; len(ts) != 1 || ts[0].Name != "In kaart" || ts[0].Owner != "CX" || ts[0].Initiative != "map" || !ts[0].Done || ts[0].Due.IsZero() {
			t.Errorf("tasks = %+v", ts)
		}
	})
}

func TestShareOriginalDefinition(t *testing.T) {
	const original = "+++\ntitle = \"Net Promoter Score\"\nabbr = \"NPS\"\nsummary = \"Loyalty.\"\nsynonyms = [\"promoter score\"]\nmin = -100\nmax = 100\n+++\n"
	p, warnings := shared(t, original, "+++\ntitle = \"Net Promoter Score\"\ndescription = \"Loyaliteit.\"\n+++\n")
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	// The abbreviation is the original's; the summary and synonyms are
	// words matched and shown in the translation's language: none.
	if d := p.Meta.Definition; d.Abbr != "NPS" || d.Summary != "" || d.Synonyms != nil {
		t.Errorf("definition = %+v", d)
	}
	if m := p.Meta.Metric; m.Min == nil || *m.Min != -100 || m.Max == nil || *m.Max != 100 {
		t.Errorf("scale = %v, %v", m.Min, m.Max)
	}
	p, _ = shared(t, original, "+++\ntitle = \"Klantloyaliteit\"\nabbr = \"\"\nsynonyms = [\"aanbevelingsscore\"]\n+++\n")
	if d := p.Meta.Definition; d.Abbr != "" || !slices.Equal(d.Synonyms, []string{"aanbevelingsscore"}) {
		t.Errorf("definition = %+v", d)
	}
}

// TestShareUnlisted: a translation that writes no key for it is unlisted
// as its original is; one that writes one (unlisted, or hidden…) has its
// own, either way.
func TestShareUnlisted(t *testing.T) {
	for _, tt := range []struct {
		name, original, translation string
		unlisted                    bool
	}{
		{"writes none, original unlisted", "unlisted = true", "", true},
		{"writes none, original listed", "", "", false},
		{"lists itself", "unlisted = true", "unlisted = false", false},
		{"unlists itself", "", "hidden = true", true},
	} {
		p, _ := shared(t, "+++\ntitle = \"A\"\n"+tt.original+"\n+++\n", "+++\ntitle = \"B\"\n"+tt.translation+"\n+++\n")
		if p.Meta.Unlisted != tt.unlisted {
			t.Errorf("%s: unlisted %v, want %v", tt.name, p.Meta.Unlisted, tt.unlisted)
		}
	}
}

// TestTranslationLeavesOut: a translation may leave out what its original
// has (a milestone's due date); without an original, that is an error.
func TestTranslationLeavesOut(t *testing.T) {
	const src = "+++\ntitle = \"KAART\"\nstatus = \"at risk\"\n[[milestones]]\nname = \"In kaart\"\n[[stages]]\nfeeling = 0\n+++\n"
	p, diags := ReadPageWith("content/p.nl.md", []byte(src), translationOptions)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	var got []string
	for _, d := range ShareOriginal("content/p.nl.md", p, nil) {
		got = append(got, d.String())
	}
	want := []string{
		`content/p.nl.md:4:1: milestone 1 has no due date; add due = 2027-03-19 with the day it is due`,
		`content/p.nl.md:6:1: stage 1 has no name; add name = "..."`,
		`content/p.nl.md:3:1: an initiative at risk says why; add reason = "..." in plain words`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("without an original:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// In the default language it is an error as it is read.
	if _, diags := ReadPageWith("content/p.md", []byte(src), PageOptions{Language: "en", Languages: []string{"en", "nl"}}); len(diags) != 3 {
		t.Errorf("original: %v", diags)
	}
}

// TestAboutShared: what the checks say at a line where a translation
// writes a key it shares is its original's, as is what they say again;
// at its own keys and in its text, it is its own.
func TestAboutShared(t *testing.T) {
	p, _ := shared(t, "+++\ntitle = \"MAP\"\nstatus = \"active\"\n[[milestones]]\nname = \"A\"\ndue = 2026-01-10\n+++\nText.\n",
		"+++\ntitle = \"KAART\"\nreviewed = 2026-01-01\n\n[[milestones]]\nname = \"B\"\n+++\nTekst.\n")
	for _, tt := range []struct {
		line int
		same bool
		want bool
	}{
		{5, false, true},  // [[milestones]]: its due date is the original's
		{1, true, true},   // said of the original too
		{1, false, false}, // not said of the original
		{2, true, false},  // the title is its own
		{3, true, false},  // so is reviewed
		{8, true, false},  // its text
	} {
		if got := p.AboutShared(tt.line, tt.same); got != tt.want {
			t.Errorf("AboutShared(%d, %v) = %v, want %v", tt.line, tt.same, got, tt.want)
		}
	}
}

func TestTranslationStub(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
		left            bool
	}{
		{"a plain page keeps all", "+++\ntitle = \"Promise\"\ndate = 2026-01-01\n+++\nText.\n", "+++\ntitle = \"Promise\"\ndate = 2026-01-01\n+++\n", false},
		{"tags, weight and owner left out", "+++\ntitle = \"Promise\"\nweight = 2\nowner = \"CX\"\ntags = [\n  \"a\",\n  \"b\",\n]\nslug = \"promise\"\n+++\n",
			"+++\ntitle = \"Promise\"\nslug = \"promise\"\n+++\n", true},
		{"a metric keeps its words", `+++
title = "NPS"
metric = "nps"          # the id
unit = "points"
target = 40
description = """
Loyalty.

In points."""

# How it is asked.
survey = { question = "How likely?", scale = "0–10" }
# The path to the target.
baseline = { date = 2026-01-31, value = 12 }
+++
`, `+++
title = "NPS"
unit = "points"
description = """
Loyalty.

In points."""

# How it is asked.
survey = { question = "How likely?", scale = "0–10" }
+++
`, true},
		{"a journey keeps its stages' words", `+++
title = "Support"
kind = "customer"

# The stages.
[[stages]]
name = "Reach a person"
feeling = -2
metrics = [
  "csat",
]
surveys = [{ metric = "csat", when = "after the call" }]

[[stages]]
name = "Get it fixed"
feeling = 1
surveys = []
+++
`, `+++
title = "Support"

# The stages.
[[stages]]
name = "Reach a person"
surveys = [{ metric = "csat", when = "after the call" }]

[[stages]]
name = "Get it fixed"
+++
`, true},
		{"yaml", "---\ntitle: MAP\nstatus: active\nmilestones:\n  - name: Mapped\n    due: 2026-03-10\n  - due: 2026-06-10\n    name: Owned\n---\nText.\n",
			"---\ntitle: MAP\nmilestones:\n  - name: Mapped\n  - due: 2026-06-10\n    name: Owned\n---\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, left := TranslationStub("content/p.md", []byte(tt.src))
			if string(got) != tt.want || left != tt.left {
				t.Errorf("stub (left %v):\n%s\nwant (left %v):\n%s", left, got, tt.left, tt.want)
			}
		})
	}
}
