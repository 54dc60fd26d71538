package parse

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// A stage of a journey may be a column of a service blueprint: lanes of what
// the customer does and thinks, what our people and systems do in view
// (frontstage), out of view (backstage) and behind them (support), ideas to
// improve it and its owner; a moment of truth; the feeling we aim for; and
// links to the stages of other journeys it rests on.

// Blueprint is what a stage adds to a journey map as a service blueprint.
type Blueprint struct {
	Actions       []LaneItem // what the customer does
	Thinking      []LaneItem // what the customer thinks or says, in their words
	Frontstage    []LaneItem // what our people and systems do in view
	Backstage     []LaneItem // what happens out of view
	Support       []LaneItem // the systems and teams behind it
	Opportunities []LaneItem // ideas to improve the stage
	Owner         string     // who owns the stage; "" when the journey's owner does
	Moment        bool       // a moment of truth
	// TargetFeeling is the feeling the stage should have (the to-be
	// curve), when HasTarget.
	TargetFeeling int
	HasTarget     bool
	Links         []StageLink // stages of other journeys this stage rests on
}

// LaneItem is one entry of a lane: plain text, or a table that marks it as
// a fail point ({ text = "...", failure = true }).
type LaneItem struct {
	Text    string
	Failure bool // a fail point: where the stage often goes wrong
}

// StageLink is a link from a stage to a stage of another journey, written
// "journey-id#stage-id".
type StageLink struct {
	Journey, Stage string
	Line           int // line of the link in the file
}

// LaneKeys are the stage keys that hold lane items, in the order a
// blueprint shows them.
var LaneKeys = []string{"actions", "thinking", "frontstage", "backstage", "support", "opportunities"}

// blueprintKeys are the stage keys of this file, for unknown keys and
// did-you-mean.
var blueprintKeys = append(slices.Clone(LaneKeys), "owner", "moment", "target_feeling", "links")

// blueprintKeyList names blueprintKeys for a message: "actions, ... and links".
var blueprintKeyList = strings.Join(blueprintKeys[:len(blueprintKeys)-1], ", ") + " and " + blueprintKeys[len(blueprintKeys)-1]

var laneItemKeys = []string{"text", "failure"}

// Lane is the lane of key (one of LaneKeys); nil for any other key.
func (b *Blueprint) Lane(key string) *[]LaneItem {
	switch key {
	case "actions":
		return &b.Actions
	case "thinking":
		return &b.Thinking
	case "frontstage":
		return &b.Frontstage
	case "backstage":
		return &b.Backstage
	case "support":
		return &b.Support
	case "opportunities":
		return &b.Opportunities
	}
	return nil
}

// blueprintKey decodes stage key k into b, reporting whether k is one of
// the blueprint's keys.
func (d *fieldDecoder) blueprintKey(b *Blueprint, k string, v any, key []string) bool {
	if lane := b.Lane(k); lane != nil {
		*lane = d.laneItems(v, key)
		return true
	}
	switch k {
	case "owner":
		b.Owner = strings.Join(strings.Fields(d.str(v, key...)), " ")
	case "moment":
		b.Moment = d.boolean(v, key...)
	case "target_feeling":
		b.TargetFeeling, b.HasTarget = d.feeling(v, key)
	case "links":
		b.Links = d.stageLinks(v, key)
	default:
		return false
	}
	return true
}

// laneItems reads a lane: a list whose items are text or tables
// { text = "...", failure = true }. Text alone is a list of one.
func (d *fieldDecoder) laneItems(v any, key []string) []LaneItem {
	const shape = `must be a list like ["Checks the app", { text = "Waits on hold", failure = true }]`
	var list []any
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		list = []any{v}
	case []any:
		list = v
	case []string:
		for _, s := range v {
			list = append(list, s)
		}
	case []map[string]any:
		for _, m := range v {
			list = append(list, m)
		}
	default:
		d.errorf(key, "%s %s, not %s", d.name(key), shape, describe(v))
		return nil
	}
	out := make([]LaneItem, 0, len(list))
	for i, e := range list {
		ikey := append(key[:len(key):len(key)], strconv.Itoa(i))
		switch e := e.(type) {
		case string:
			if strings.TrimSpace(e) == "" {
				continue // an empty lane ("" or [""]) holds nothing, as the archetype says
			}
			out = append(out, LaneItem{Text: d.str(e, ikey...)})
		case map[string]any:
			item, ok := d.laneItem(e, ikey, i)
			if ok {
				out = append(out, item)
			}
		default:
			d.errorf(ikey, "item %d of %s must be text in quotes or a table like { text = \"...\", failure = true }, not %s",
				i+1, d.name(key), describe(e))
		}
	}
	return out
}

func (d *fieldDecoder) laneItem(m map[string]any, key []string, i int) (LaneItem, bool) {
	var item LaneItem
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		switch k {
		case "text":
			t, ok := v.(string)
			if !ok {
				d.errorCol(append(key, k), k, true, "text of item %d of %s must be text in quotes, not %s", i+1, d.name(key[:len(key)-1]), describe(v))
				return item, false // one mistake, one message: not also "has no text"
			}
			item.Text = d.str(t, key...)
		case "failure":
			b, ok := v.(bool)
			if !ok {
				d.errorCol(append(key, k), k, true, "failure of item %d of %s must be true or false, not %s", i+1, d.name(key[:len(key)-1]), describe(v))
			}
			item.Failure = b
		default:
			d.errorCol(append(key, k), k, true, "%s", fmt.Sprintf("unknown key %q in item %d of %s", k, i+1, d.name(key[:len(key)-1]))+
				diag.DidYouMean(k, laneItemKeys, "; a lane item is text, or a table with text and failure = true for a fail point"))
		}
	}
	if strings.TrimSpace(item.Text) == "" {
		d.errorf(key, "item %d of %s has no text; write it as { text = \"...\", failure = true }", i+1, d.name(key[:len(key)-1]))
		return item, false
	}
	return item, true
}

// stageLinks reads links = ["journey-id#stage-id", ...]; the link stage
// checks that the journeys and stages exist.
func (d *fieldDecoder) stageLinks(v any, key []string) []StageLink {
	var out []StageLink
	for i, s := range d.strs(v, key...) {
		ikey := append(key[:len(key):len(key)], strconv.Itoa(i))
		j, st, ok := strings.Cut(strings.TrimSpace(s), "#")
		if !ok || strings.TrimSpace(j) == "" || strings.TrimSpace(st) == "" {
			d.errorf(ikey, "link %q of %s names no stage; write the journey id, #, and the stage id, like \"agent-first-90-days#flying-solo\"",
				s, d.name(key[:len(key)-1]))
			continue
		}
		out = append(out, StageLink{Journey: strings.TrimSpace(j), Stage: strings.TrimSpace(st), Line: d.line(ikey...)})
	}
	return out
}
