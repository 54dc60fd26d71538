package parse

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// PlanMeta is the front matter of a plan page (content/plan/): the dated
// tasks of a 100-day plan, each with one owner.
type PlanMeta struct {
	Tasks []Task
}

// Task is one thing a plan commits to.
type Task struct {
	Name       string
	Due        time.Time
	Owner      string
	Done       bool
	DoneOn     time.Time // when it was done; zero when done = true gives no date
	Initiative string    // the id of the initiative it serves, optional
	Line       int       // line of the task's table in the file
}

var taskKeys = []string{"name", "due", "owner", "done", "initiative"}

var planKeys = kindKeys{
	keys:  []string{"tasks"},
	words: []string{"tasks.*.name"},
	decode: func(d *fieldDecoder, fm *FrontMatter, k string, v any) {
		fm.Plan.Tasks = d.tasks(v)
	},
	name: tableKeyName("tasks", "task"),
}

func (d *fieldDecoder) tasks(v any) []Task {
	list := d.tables(v, "tasks", "tasks must be a list of tables written [[tasks]], each with name, due and owner")
	out := make([]Task, 0, len(list))
	for i, m := range list {
		idx := strconv.Itoa(i)
		t := Task{Line: d.line("tasks", idx)}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			v := m[k]
			key := []string{"tasks", idx, k}
			switch k {
			case "name":
				t.Name = strings.TrimSpace(d.str(v, key...))
			case "due":
				t.Due = d.date(v, key...)
			case "owner":
				t.Owner = strings.Join(strings.Fields(d.str(v, key...)), " ")
			case "initiative":
				t.Initiative = d.str(v, key...)
			case "done":
				// done = true, or the day it was done.
				if b, isBool := v.(bool); isBool {
					t.Done = b
				} else if t.DoneOn = d.date(v, key...); !t.DoneOn.IsZero() {
					t.Done = true
				}
			default:
				d.errorf(key, "unknown task key %q%s", k, diag.DidYouMean(k, taskKeys,
					"; a task has name, due, owner, done and initiative"))
			}
		}
		switch {
		case t.Name == "":
			d.missingf([]string{"tasks", idx}, "task %d has no name; add name = \"...\": what a customer or employee will notice", i+1)
		case t.Due.IsZero() && m["due"] == nil:
			d.missingf([]string{"tasks", idx}, "task %q has no due date; add due = 2026-12-09", t.Name)
		}
		out = append(out, t)
	}
	return out
}
