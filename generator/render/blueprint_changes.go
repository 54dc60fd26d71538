package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
)

// What /changes/ says about a journey's blueprint: the lanes of each stage
// that are in both editions, and the stages each rests on.

// LaneChange is a lane of a stage that changed between editions.
type LaneChange struct {
	Stage, Lane string
	Old, New    []string // the lane's items; empty when it had or has none
}

// LinkChange is a stage that rests on other stages than before.
type LinkChange struct {
	Stage          string
	Added, Removed []string // "A new agent's first 90 days: Flying solo"
}

// manifestLanes are the lanes a manifest keeps, in blueprint order, with
// their labels on /changes/.
var manifestLanes = []struct{ key, label string }{
	{"actions", "Customer actions"}, {"thinking", "Customer thinking"}, {"frontstage", "Frontstage"},
	{"backstage", "Backstage"}, {"support", "Support"}, {"opportunities", "Opportunities"},
	{"owner", "Stage owner"}, {"moment", "Moment of truth"}, {"target_feeling", "To-be feeling"},
}

// laneLabel is a lane's label on /changes/ in the run's language.
func (r *run) laneLabel(label string) string {
	for _, l := range manifestLanes {
		if l.label == label {
			return r.text.T("lane." + l.key)
		}
	}
	return label
}

// laneItem is an item a manifest keeps in English words ("yes" of a
// moment of truth, " (fail point)" after an item, "+1 happy" of a to-be
// feeling) in the run's language; other text as it is.
func (r *run) laneItem(item string) string {
	if item == "yes" {
		return r.text.T("changes.yes")
	}
	if text, ok := strings.CutSuffix(item, " (fail point)"); ok {
		return text + " (" + lowerFirst(strings.TrimSuffix(r.text.T("journey.fail_point"), ":")) + ")"
	}
	if n, word, ok := strings.Cut(item, " "); ok && r.text.Has("feeling."+word) && strings.Trim(n, "+−0123456789") == "" {
		return n + " " + r.text.T("feeling."+word)
	}
	return item
}

// manifestStage is a stage as the manifest keeps it.
func manifestStage(st link.JourneyStage) ManifestStage {
	ms := ManifestStage{Name: st.Name, Feeling: st.Feeling, ID: st.ID}
	add := func(key string, items ...string) {
		if len(items) == 0 {
			return
		}
		if ms.Lanes == nil {
			ms.Lanes = map[string][]string{}
		}
		ms.Lanes[key] = items
	}
	for _, l := range manifestLanes {
		switch l.key {
		case "owner":
			if st.Owner != "" {
				add(l.key, st.Owner)
			}
		case "moment":
			if st.Moment {
				add(l.key, "yes")
			}
		case "target_feeling":
			if st.HasTarget {
				add(l.key, feelingLabel(st.TargetFeeling))
			}
		default:
			var items []string
			for _, it := range *st.Lane(l.key) {
				t := it.Text
				if it.Failure {
					t += " (fail point)"
				}
				items = append(items, t)
			}
			add(l.key, items...)
		}
	}
	for _, r := range st.RestsOn {
		ms.Links = append(ms.Links, r.Page.Journey.ID+"#"+r.Stage().ID)
	}
	return ms
}

// blueprintChanges compares the lanes and links of the stages of a journey
// that both editions have (the same id, or the same name in a manifest
// without ids). A renamed stage has a new id: a stage no earlier stage
// matches is compared with the stage at its place, when no stage of this
// edition matches that one.
func blueprintChanges(prev, cur *Manifest, old, now []ManifestStage) ([]LaneChange, []LinkChange) {
	var lanes []LaneChange
	var links []LinkChange
	same := func(o, st ManifestStage) bool {
		if o.ID != "" && st.ID != "" {
			return o.ID == st.ID
		}
		return o.Name == st.Name
	}
	for k, st := range now {
		i := slices.IndexFunc(old, func(o ManifestStage) bool { return same(o, st) })
		if i < 0 && k < len(old) && !slices.ContainsFunc(now, func(n ManifestStage) bool { return same(old[k], n) }) {
			i = k // renamed
		}
		if i < 0 {
			continue
		}
		o := old[i]
		for _, l := range manifestLanes {
			if !slices.Equal(o.Lanes[l.key], st.Lanes[l.key]) {
				lanes = append(lanes, LaneChange{Stage: st.Name, Lane: l.label, Old: o.Lanes[l.key], New: st.Lanes[l.key]})
			}
		}
		lc := LinkChange{Stage: st.Name}
		for _, l := range st.Links {
			if !slices.Contains(o.Links, l) {
				lc.Added = append(lc.Added, stageTitle(cur, l))
			}
		}
		for _, l := range o.Links {
			if !slices.Contains(st.Links, l) {
				lc.Removed = append(lc.Removed, stageTitle(prev, l))
			}
		}
		if lc.Added != nil || lc.Removed != nil {
			links = append(links, lc)
		}
	}
	return lanes, links
}

// stageTitle names a "journey#stage" link as the edition m has it:
// "A new agent's first 90 days: Flying solo".
func stageTitle(m *Manifest, ref string) string {
	jid, sid, _ := strings.Cut(ref, "#")
	for _, j := range m.Journeys {
		if j.ID != jid {
			continue
		}
		for _, st := range j.Stages {
			if st.ID == sid {
				return j.Title + ": " + st.Name
			}
		}
		return j.Title + ": " + sid
	}
	return strconv.Quote(ref)
}
