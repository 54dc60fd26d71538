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
					d.Tasks = append(d.Tasks, r.taskData(d, t))
				}
			}
		},
	})
}

// taskData is a task with its links made from the page d.
func (r *run) taskData(d *PageData, t *link.PlanTask) TaskData {
	td := TaskData{Name: t.Name, Done: t.Done, Overdue: t.Overdue, Plan: r.listedLink(d, t.Page)}
	td.Due, td.DueISO = r.formatDate(t.Due)
	td.DoneOn, td.DoneOnISO = r.formatDate(t.DoneOn)
	if o := r.site.OwnerNamed(t.Owner); o != nil {
		td.Owner = o.Name
		td.OwnerURL = ownerHref(d, o)
	}
	if t.Initiative != nil {
		l := r.listedLink(d, t.Initiative)
		td.Initiative = &l
	}
	return td
}
