package link

import (
	"path"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
)

// PlanTask is a task of a plan page, placed: its page, and whether it is
// late by the build's clock.
type PlanTask struct {
	parse.Task
	Page       *Page
	Overdue    bool  // due before today and not done
	Initiative *Page // the initiative it serves; nil when it names none
}

func init() {
	registerKind(kind.Plan, kindLinks{
		index: func(s *Site, _ map[string]*series.File) diag.List { return s.indexTasks() },
	})
}

// indexTasks gathers every plan page's tasks and checks the initiatives
// they name. Owners and late tasks are taken up with the rest of
// ownership (owners.go).
func (s *Site) indexTasks() diag.List {
	var diags diag.List
	// Initiatives come before plans in kind.Table: they are indexed.
	initiatives := map[string]*Page{}
	var ids []string
	for _, p := range s.Initiatives {
		id := strings.TrimSuffix(path.Base(p.Path), path.Ext(p.Path))
		initiatives[id] = p
		ids = append(ids, id)
	}
	for _, p := range s.Pages {
		if p.Kind != kind.Plan || !ownable(p) {
			continue
		}
		for _, t := range p.Meta.Plan.Tasks {
			// A task is late from the day after it was due, as a milestone is.
			pt := &PlanTask{Task: t, Page: p, Overdue: !t.Done && !t.Due.IsZero() && DayOf(t.Due).Before(DayOf(s.Now))}
			if t.Initiative != "" {
				if pt.Initiative = initiatives[t.Initiative]; pt.Initiative == nil {
					diags.Add(diag.AtLine(p.Path, p.Source, t.Line, 1, "task %q names the initiative %q, which is not a page of content/initiatives/%s",
						t.Name, t.Initiative, diag.DidYouMean(t.Initiative, ids, "; write the initiative's file name without .md, such as \"engage\"")))
				}
			}
			s.Tasks = append(s.Tasks, pt)
		}
	}
	return diags
}
