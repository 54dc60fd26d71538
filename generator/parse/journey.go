package parse

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

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
	Line        int // line of the stage's table in the file
}

var stageKeys = []string{"name", "feeling", "touchpoints", "pains", "metrics"}

var journeyKeys = kindKeys{
	keys: []string{"persona", "kind", "stages"},
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
				n, ok := d.integer(v, key...)
				if ok && (n < -2 || n > 2) {
					d.errorf(key, "feeling %d is out of range; use -2 (angry), -1, 0 (neutral), 1 or 2 (delighted)", n)
				}
				st.Feeling = n
			case "touchpoints":
				st.Touchpoints = d.strs(v, key...)
			case "pains":
				st.Pains = d.strs(v, key...)
			case "metrics":
				st.Metrics = d.strs(v, key...)
			default:
				msg := fmt.Sprintf("unknown stage key %q", k) + diag.DidYouMean(k, stageKeys,
					"; a stage has name, feeling, touchpoints, pains and metrics")
				d.errorf(key, "%s", msg)
			}
		}
		if st.Name == "" {
			d.errorf([]string{"stages", idx}, "stage %d has no name; add name = \"...\"", i+1)
		}
		out = append(out, st)
	}
	return out
}
