package render

import (
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
)

// InitiativeData is an initiative: its status in words, its milestones as a
// timeline against the build's day, and the metrics it moves.
type InitiativeData struct {
	Title, URL, Description, Owner string
	Status, StatusText             string // Status is a class name ("at-risk"); StatusText the words
	Reason                         string
	Started, StartedISO            string
	Today, TodayISO                string // the build's day, marked on the timeline
	Milestones                     []MilestoneData
	Next                           *MilestoneData // the first milestone not done; nil when all are
	Metrics                        []*MetricData
	// Mark (Lang, Dir) is the language of the initiative's own text
	// (title, description, reason, milestones) where it is not that of
	// the page that lists it; "" on its own page.
	Mark
}

// MilestoneData is a milestone on the timeline. Today is true on the first
// milestone due on or after the build's day, so that the timeline marks
// today just before it; TodayLast marks it after every milestone.
type MilestoneData struct {
	Name, Owner   string
	Due, DueISO   string
	Done, DoneISO string
	Overdue       bool
	Today         bool
	StateText     string // "done", "overdue", "due"
}

// initiativeStatusText is what a status says; a status is never a colour alone.
var initiativeStatusText = map[string]string{"proposed": "Proposed", "active": "Active", "at risk": "At risk", "done": "Done"}

// initiativeData is initiative p as a page whose text is in around shows
// it: p's own page, or a page that lists it (see textMark).
func (r *run) initiativeData(p *link.Page, around string) *InitiativeData {
	meta := p.Meta.Initiative
	d := &InitiativeData{Title: p.Title(), URL: rootRel(p.URL), Description: p.Meta.Description, Owner: p.Meta.Owner,
		Status: "unknown", StatusText: r.word("status", "No status"), Reason: meta.Reason, Mark: r.textMark(p, around)}
	if t, ok := initiativeStatusText[meta.Status]; ok {
		d.Status, d.StatusText = slugStatus(meta.Status), r.word("status", t)
	}
	d.Started, d.StartedISO = r.formatDate(meta.Started)
	now := link.DayOf(r.site.Now)
	d.Today, d.TodayISO = r.formatDate(now)
	marked := false
	for _, m := range meta.Milestones {
		md := MilestoneData{Name: m.Name, Owner: m.Owner, Overdue: link.Overdue(m, r.site.Now), StateText: "due"}
		md.Due, md.DueISO = r.formatDate(m.Due)
		md.Done, md.DoneISO = r.formatDate(m.Done)
		switch {
		case !m.Done.IsZero():
			md.StateText = "done"
		case md.Overdue:
			md.StateText = "overdue"
		}
		if !marked && !m.Due.IsZero() && !link.DayOf(m.Due).Before(now) {
			md.Today, marked = true, true
		}
		d.Milestones = append(d.Milestones, md)
	}
	for i := range d.Milestones {
		if d.Milestones[i].Done == "" {
			d.Next = &d.Milestones[i]
			break
		}
	}
	if in := p.Initiative; in != nil {
		for _, m := range in.Metrics {
			d.Metrics = append(d.Metrics, r.metricOn(m, around))
		}
	}
	return d
}

// TodayLast reports whether today comes after every milestone.
func (d *InitiativeData) TodayLast() bool {
	for _, m := range d.Milestones {
		if m.Today {
			return false
		}
	}
	return true
}

func slugStatus(s string) string {
	if s == "at risk" {
		return "at-risk"
	}
	return s
}

func init() {
	registerKind(kind.Initiative, kindPages{
		manifest: initiativeManifest,
		changes:  initiativeChanges,
		page:     func(r *run, p *link.Page, d *PageData) { d.Initiative = r.initiativeData(p, r.textLang(p)) },
		list: func(r *run, list *link.Page, d *PageData) {
			for _, p := range r.site.Initiatives {
				d.Initiatives = append(d.Initiatives, r.initiativeData(p, r.textLang(list)))
			}
		},
		keywords: func(p *link.Page, w *entryWords) { w.keyword(p.Meta.Initiative.Status) },
		headings: func(p *link.Page, w *entryWords) {
			for _, m := range p.Meta.Initiative.Milestones {
				w.heading(m.Name)
			}
		},
	})
}
