package render

import (
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
)

// TaskData is a task of a plan, as its checklist and its owner's entry
// show it.
type TaskData struct {
	Name              string
	Due, DueISO       string
	Done              bool
	DoneOn, DoneOnISO string // "" when done = true gives no date
	Overdue           bool
	Owner, OwnerURL   string
	Initiative        *LinkData // the initiative it serves
	Plan              LinkData  // the plan page that holds it
}

func init() {
	registerKind(kind.Plan, kindPages{
		page: func(r *run, p *link.Page, d *PageData) {
			for _, t := range r.site.Tasks {
				if t.Page == p {
					d.Tasks = append(d.Tasks, r.taskData(d, t, r.textLang(p)))
				}
			}
		},
	})
}

// taskData is a task with its links made from the page d, whose text is
// in around: the task's plan page, or /owners/. Its name is the plan's
// text, marked as Plan is; its initiative is marked against around.
func (r *run) taskData(d *PageData, t *link.PlanTask, around string) TaskData {
	td := TaskData{Name: t.Name, Done: t.Done, Overdue: t.Overdue, Plan: d.link(t.Page.Title(), rootRel(t.Page.URL))}
	td.Plan.Mark = r.textMark(t.Page, around)
	td.Due, td.DueISO = r.formatDate(t.Due)
	td.DoneOn, td.DoneOnISO = r.formatDate(t.DoneOn)
	if o := r.site.OwnerNamed(t.Owner); o != nil {
		td.Owner = o.Name
		td.OwnerURL = ownerHref(d, o)
	}
	if t.Initiative != nil {
		l := d.link(t.Initiative.Title(), rootRel(t.Initiative.URL))
		l.Mark = r.textMark(t.Initiative, around)
		td.Initiative = &l
	}
	return td
}
