package link

import (
	"fmt"
	"strconv"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// Stages of journeys link to each other: a customer stage names the
// employee stage it rests on (links = ["agent-first-90-days#flying-solo"]),
// and both journeys show the link.

// StageRef is one stage of a journey page.
type StageRef struct {
	Page  *Page // a journey page (Page.Journey is set)
	Index int   // the stage's place in Page.Journey.Stages
}

// Stage is the stage referred to.
func (r StageRef) Stage() *JourneyStage { return &r.Page.Journey.Stages[r.Index] }

// Label names the stage for a reader: its name, and its place in the
// journey ("Same (stage 3)") when another stage of the journey has the
// same name, so that two links to them can be told apart.
func (r StageRef) Label() string {
	st := r.Stage()
	for i, other := range r.Page.Journey.Stages {
		if i != r.Index && other.Name == st.Name {
			return fmt.Sprintf("%s (stage %d)", st.Name, r.Index+1)
		}
	}
	return st.Name
}

// StageAnchor is the id of a stage's column on its journey's page: a link
// to "journey#stage" goes to the journey's URL with #stage-<stage id>.
func StageAnchor(stageID string) string { return "stage-" + stageID }

// stageIDs are the ids of a journey's stages: the slug of each name (as a
// heading's id is made), "stage-N" for a name without letters or digits,
// made unique by a numeric suffix as heading ids are.
func stageIDs(stages []parse.Stage) []string {
	used := map[string]bool{}
	out := make([]string, len(stages))
	for i, st := range stages {
		base := slug.ID(st.Name)
		if base == "" {
			base = "stage-" + strconv.Itoa(i+1)
		}
		id := base
		for n := 1; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		out[i] = id
	}
	return out
}

// linkStages resolves every stage's links once all journeys are indexed,
// reporting an unknown journey or stage at the link's line.
func (s *Site) linkStages() diag.List {
	var diags diag.List
	var journeyIDs []string
	for _, p := range s.Journeys {
		journeyIDs = append(journeyIDs, p.Journey.ID)
	}
	for _, p := range s.Journeys {
		for i := range p.Journey.Stages {
			st := &p.Journey.Stages[i]
			for k, l := range st.Links {
				at := func(format string, args ...any) {
					line := p.Meta.Line("stages", strconv.Itoa(i), "links", strconv.Itoa(k))
					col := parse.ColumnOf(p.Source, line, l.Journey+"#"+l.Stage, false)
					diags.Add(diag.AtLine(p.Path, p.Source, line, col, format, args...))
				}
				target := s.journeyBy[l.Journey]
				if target == nil {
					at("%s", fmt.Sprintf("link %q of stage %q: unknown journey %q", l.Journey+"#"+l.Stage, st.Name, l.Journey)+
						diag.DidYouMean(l.Journey, journeyIDs, "; a journey's id is its file name (or its slug), such as \"agent-first-90-days\""))
					continue
				}
				idx, stageIDs := -1, make([]string, 0, len(target.Journey.Stages))
				for n, ts := range target.Journey.Stages {
					stageIDs = append(stageIDs, ts.ID)
					if ts.ID == l.Stage {
						idx = n
					}
				}
				if idx < 0 {
					at("%s", fmt.Sprintf("link %q of stage %q: journey %q has no stage %q", l.Journey+"#"+l.Stage, st.Name, l.Journey, l.Stage)+
						diag.DidYouMean(l.Stage, stageIDs, fmt.Sprintf("; a stage's id is its name in lower case with dashes; %s has %s", target.Path, quoteList(stageIDs))))
					continue
				}
				from, to := StageRef{Page: p, Index: i}, StageRef{Page: target, Index: idx}
				switch {
				case from == to:
					at("link %q of stage %q goes to the stage itself; link it to the stage of another journey it rests on, or remove it",
						l.Journey+"#"+l.Stage, st.Name)
					continue
				case target == p:
					at("link %q of stage %q goes to stage %q of its own journey; a link joins a stage to the stage of another journey behind it (a customer stage and the employee stage that makes it work): name another journey, or remove it",
						l.Journey+"#"+l.Stage, st.Name, p.Journey.Stages[idx].Name)
					continue
				case containsRef(st.RestsOn, to):
					continue
				}
				st.RestsOn = append(st.RestsOn, to)
				ts := to.Stage()
				ts.Supports = append(ts.Supports, from)
			}
		}
	}
	return diags
}

func containsRef(list []StageRef, r StageRef) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// quoteList is "a", "b" and "c".
func quoteList(items []string) string {
	out := ""
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			out += " and "
		default:
			out += ", "
		}
		out += strconv.Quote(it)
	}
	if out == "" {
		return "no stages"
	}
	return out
}
