package parse

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// JourneyMeta is the front matter of a journey map (content/journeys/).
type JourneyMeta struct {
	Persona string  // who walks the journey
	Kind    string  // "customer" or "employee"
	Stages  []Stage // in the order walked
}

// Stage is one step of a journey.
type Stage struct {
	Name        string
	Feeling     int
	Touchpoints []string
	Pains       []string
	Metrics     []string
	Focus       []string      // the focus areas the stage belongs to
	Surveys     []StageSurvey // nil when not written: the stage asks its metrics' surveys (survey.go)
	Line        int           // line of the stage's table in the file
	Blueprint                 // lanes, moment of truth, target feeling, links (blueprint.go)
}

var stageKeys = []string{"name", "feeling", "touchpoints", "pains", "metrics", "surveys", "focus"}

var journeyKeys = kindKeys{
	keys: []string{"persona", "kind", "stages"},
	// A stage's words; its feeling, metrics, focus, owner, moment,
	// target feeling, links and the metrics its surveys measure are data.
	words: append([]string{"persona", "stages.*.name", "stages.*.touchpoints", "stages.*.pains",
		"stages.*.surveys.*.when", "stages.*.surveys.*.channel", "stages.*.surveys.*.frequency"},
		prefixed("stages.*.", LaneKeys)...),
	decode: func(d *fieldDecoder, fm *FrontMatter, k string, v any) {
		j := &fm.Journey
		switch k {
		case "persona":
			j.Persona = d.str(v, k)
		case "kind":
			j.Kind = d.str(v, k)
			if j.Kind != "" && j.Kind != "customer" && j.Kind != "employee" {
				d.errorf([]string{k}, "kind must be \"customer\" or \"employee\", not %q", j.Kind)
			}
		case "stages":
			j.Stages = d.stages(v)
		}
	},
	name: tableKeyName("stages", "stage"),
}

func (d *fieldDecoder) stages(v any) []Stage {
	list := d.tables(v, "stages", "stages must be a list of tables written [[stages]], each with name and feeling")
	if list == nil {
		return nil
	}
	out := make([]Stage, 0, len(list))
	for i, m := range list {
		idx := strconv.Itoa(i)
		st := Stage{Line: d.line("stages", idx)}
		keys := slices.Sorted(maps.Keys(m))
		for _, k := range keys {
			v := m[k]
			key := []string{"stages", idx, k}
			switch k {
			case "name":
				st.Name = d.str(v, key...)
			case "feeling":
				st.Feeling, _ = d.feeling(v, key)
			case "touchpoints":
				st.Touchpoints = d.strs(v, key...)
			case "pains":
				st.Pains = d.strs(v, key...)
			case "metrics":
				st.Metrics = d.strs(v, key...)
			case "focus":
				st.Focus = d.strs(v, key...)
			case "surveys":
				st.Surveys = d.stageSurveys(v, key)
			default:
				if d.blueprintKey(&st.Blueprint, k, v, key) {
					continue
				}
				msg := fmt.Sprintf("unknown stage key %q", k) + diag.DidYouMean(k, append(slices.Clone(stageKeys), blueprintKeys...),
					"; a stage has name, feeling, touchpoints, pains and metrics, and may have focus, surveys, "+blueprintKeyList)
				d.errorf(key, "%s", msg)
			}
		}
		if st.Name == "" {
			d.missingf([]string{"stages", idx}, "stage %d has no name; add name = \"...\"", i+1)
		}
		out = append(out, st)
	}
	return out
}

// feeling reads a feeling (feeling, target_feeling): a whole number from -2
// to 2. It reports whether v is one.
func (d *fieldDecoder) feeling(v any, key []string) (int, bool) {
	n, ok := d.integer(v, key...)
	if ok && (n < -2 || n > 2) {
		d.errorf(key, "%s %d is out of range; use -2 (angry), -1, 0 (neutral), 1 or 2 (delighted)", strings.ReplaceAll(key[len(key)-1], "_", " "), n)
		return n, false
	}
	return n, ok
}
