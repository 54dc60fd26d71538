package parse

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// InitiativeMeta is the front matter of an initiative (content/initiatives/).
// Its owner is the page's owner key, its focus area the page's focus key.
type InitiativeMeta struct {
	Status     string // one of Statuses
	Reason     string // why an initiative is at risk
	Started    time.Time
	Milestones []Milestone // in the order written
	Metrics    []string    // ids of the metrics it moves
}

// Milestone is one dated step of an initiative.
type Milestone struct {
	Name  string
	Due   time.Time
	Done  time.Time // zero while not done
	Owner string    // "" when the initiative's owner owns it
	Line  int       // line of the milestone's table in the file
}

// Statuses are the statuses an initiative may have, in the order of its life.
var Statuses = []string{"proposed", "active", "at risk", "done"}

// StatusAtRisk is the status that needs a reason.
const StatusAtRisk = "at risk"

var milestoneKeys = []string{"name", "due", "done", "owner"}

var initiativeKeys = kindKeys{
	keys:  []string{"status", "reason", "started", "milestones", "metrics"},
	words: []string{"reason", "milestones.*.name"},
	decode: func(d *fieldDecoder, fm *FrontMatter, k string, v any) {
		in := &fm.Initiative
		switch k {
		case "status":
			in.Status = d.str(v, k)
			if in.Status != "" && !slices.Contains(Statuses, in.Status) {
				d.errorf([]string{k}, "%s", fmt.Sprintf("unknown status %q", in.Status)+diag.DidYouMean(in.Status, Statuses,
					"; an initiative's status is \"proposed\", \"active\", \"at risk\" or \"done\""))
			}
		case "reason":
			in.Reason = d.str(v, k)
		case "started":
			in.Started = d.date(v, k)
		case "milestones":
			in.Milestones = d.milestones(v)
		case "metrics":
			in.Metrics = d.strs(v, k)
		}
	},
	finish: func(d *fieldDecoder, fm *FrontMatter) {
		in := fm.Initiative
		if in.Status == StatusAtRisk && strings.TrimSpace(in.Reason) == "" {
			d.missingf([]string{"status"}, "an initiative at risk says why; add reason = \"...\" in plain words")
		}
	},
	name: tableKeyName("milestones", "milestone"),
}

func (d *fieldDecoder) milestones(v any) []Milestone {
	list := d.tables(v, "milestones", "milestones must be a list of tables written [[milestones]], each with name and due")
	out := make([]Milestone, 0, len(list))
	for i, m := range list {
		idx := strconv.Itoa(i)
		ms := Milestone{Line: d.line("milestones", idx)}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			v := m[k]
			key := []string{"milestones", idx, k}
			switch k {
			case "name":
				ms.Name = d.str(v, key...)
			case "due":
				ms.Due = d.date(v, key...)
			case "done":
				ms.Done = d.date(v, key...)
			case "owner":
				ms.Owner = d.str(v, key...)
			default:
				d.errorf(key, "%s", fmt.Sprintf("unknown milestone key %q", k)+diag.DidYouMean(k, milestoneKeys,
					"; a milestone has name, due, done and owner"))
			}
		}
		if ms.Name == "" {
			d.missingf([]string{"milestones", idx}, "milestone %d has no name; add name = \"...\"", i+1)
		}
		if _, written := m["due"]; !written {
			d.missingf([]string{"milestones", idx}, "milestone %d has no due date; add due = 2027-03-19 with the day it is due", i+1)
		}
		out = append(out, ms)
	}
	return out
}
