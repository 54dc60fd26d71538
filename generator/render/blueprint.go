package render

import (
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// A journey map's service blueprint: one row per lane that some stage
// fills, one column per stage, and the lines of interaction, visibility
// and internal interaction between the rows they separate.

// laneSpec is how a blueprint shows one lane.
type laneSpec struct {
	key string
	// zone is the lane's side of the blueprint's lines: 0 the customer,
	// 1 frontstage, 2 backstage, 3 support; -1 below the blueprint.
	zone int
}

// laneSpecs are the lanes in blueprint order; each lane's label and hint
// are the interface strings lane.KEY and lane.KEY_hint.
var laneSpecs = []laneSpec{
	{"actions", 0}, {"thinking", 0}, {"frontstage", 1}, {"backstage", 2}, {"support", 3},
	{"opportunities", -1}, {"owner", -1},
}

// blueprintLineKeys are the lines between zones: the line keys[z] lies
// between zone z and zone z+1, named by blueprint.line_KEY.
var blueprintLineKeys = []string{"interaction", "visibility", "internal"}

// LaneRow is one lane of a blueprint.
type LaneRow struct {
	Key, Label, Hint string
	// Lines are the lines drawn above the row, in order ("Line of
	// interaction"); usually none or one.
	Lines    []string
	LineText string           // the lines in words: "Line of interaction and line of visibility"
	LineKey  string           // the last line's key, for its style: interaction, visibility, internal
	Cells    [][]LaneItemData // per stage
}

// LaneItemData is one item of a lane.
type LaneItemData struct {
	Text    string
	Failure bool // a fail point
	Quote   bool // the customer's words
}

// StageLinkData is a stage of another journey, linked from a stage.
type StageLinkData struct {
	Journey, Stage, Kind string
	URL                  string // the stage's column on its journey's page, from the site root
	// Mark (Lang, Dir) is the language of Journey and Stage, that
	// journey's text, where it is not that of the text around the link.
	Mark
}

// JourneyLinkData is one link on /journeys/: a stage and the stage of
// another journey it rests on.
type JourneyLinkData struct {
	From, To StageLinkData
}

// blueprintRows are the lanes some stage of j fills, in blueprint order,
// with the lines between them.
func (r *run) blueprintRows(stages []link.JourneyStage) []LaneRow {
	var rows []LaneRow
	lastZone := -1
	for _, spec := range laneSpecs {
		row := LaneRow{Key: spec.key, Label: r.text.T("lane." + spec.key), Hint: r.text.T("lane." + spec.key + "_hint")}
		filled := false
		for _, st := range stages {
			var cell []LaneItemData
			if spec.key == "owner" {
				if st.Owner != "" {
					cell = []LaneItemData{{Text: st.Owner}}
				}
			} else {
				for _, it := range *st.Lane(spec.key) {
					text, quote := it.Text, spec.key == "thinking"
					if quote {
						text = unquote(text)
					}
					cell = append(cell, LaneItemData{Text: text, Failure: it.Failure, Quote: quote})
				}
			}
			filled = filled || len(cell) > 0
			row.Cells = append(row.Cells, cell)
		}
		if !filled {
			continue
		}
		if spec.zone > lastZone && lastZone >= 0 {
			for _, k := range blueprintLineKeys[lastZone:spec.zone] {
				row.Lines = append(row.Lines, r.text.T("blueprint.line_"+k))
			}
			row.LineKey = blueprintLineKeys[spec.zone-1]
			row.LineText = row.Lines[0]
			for _, l := range row.Lines[1:] {
				row.LineText = r.text.T("blueprint.lines_and", "first", row.LineText, "then", lowerFirst(l))
			}
		}
		if spec.zone >= 0 {
			lastZone = spec.zone
		}
		rows = append(rows, row)
	}
	return rows
}

// stageLink is the link to a stage.
// stageLink is a link to a stage, shown inside text in around (see
// textMark).
func (r *run) stageLink(ref link.StageRef, around string) StageLinkData {
	st := ref.Stage()
	k := ref.Page.Meta.Journey.Kind
	if k == "" {
		k = "customer"
	}
	return StageLinkData{Journey: ref.Page.Title(), Stage: ref.Label(), Kind: k,
		URL: rootRel(ref.Page.URL) + "#" + link.StageAnchor(st.ID), Mark: r.textMark(ref.Page, around)}
}

// journeyLinks lists, for /journeys/ (its text in around), every stage
// that rests on a stage of another journey, in the order of the journeys
// and their stages.
func (r *run) journeyLinks(around string) []JourneyLinkData {
	var out []JourneyLinkData
	for _, p := range r.site.Journeys {
		for i, st := range p.Journey.Stages {
			for _, to := range st.RestsOn {
				out = append(out, JourneyLinkData{From: r.stageLink(link.StageRef{Page: p, Index: i}, around), To: r.stageLink(to, around)})
			}
		}
	}
	return out
}

// failures counts a stage's fail points.
func failures(b parse.Blueprint) int {
	n := 0
	for _, k := range parse.LaneKeys {
		for _, it := range *b.Lane(k) {
			if it.Failure {
				n++
			}
		}
	}
	return n
}

// unquote drops the quotation marks around a thinking item that an author
// (or a tool it was copied from) wrote around it: the page sets the item
// in quotation marks of its own, and “"I waited"” would show both.
func unquote(s string) string {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"„", "“"}, {"«", "»"}, {"'", "'"}, {"‘", "’"}} {
		if inner, ok := strings.CutPrefix(s, q[0]); ok {
			if inner, ok := strings.CutSuffix(inner, q[1]); ok && strings.TrimSpace(inner) != "" && !strings.Contains(inner, q[0]) {
				return strings.TrimSpace(inner)
			}
		}
	}
	return s
}
