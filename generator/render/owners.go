package render

import (
	"strings"

	"github.com/shiftbook/shiftbook/generator/i18n"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// OwnerData is one owner's entry on /owners/.
type OwnerData struct {
	Name, ID string
	// Contact is the address from [owners]; ContactURL the link made of it
	// (mailto: for an e-mail address); both "" when none is given.
	Contact, ContactURL string
	Pages               []OwnedPage
	Overdue             int // pages whose review is overdue
	Stale               []*MetricData
	Tasks               []TaskData
	Late                int // tasks and milestones past their due date, not done
	Milestones          []MilestoneEntry
	Leads               []LinkData // the focus areas the owner leads
	Alerts              int        // metrics whose latest value moved sharply (alertChange)
	Stages              []OwnedStage
}

// OwnedStage is a journey stage on its owner's entry.
type OwnedStage struct {
	Name, Href string // the stage, and its column on the journey's page
	Journey    LinkData
	Moment     bool
}

// MilestoneEntry is a milestone on its owner's entry.
type MilestoneEntry struct {
	Name        string
	Due, DueISO string
	Done        bool
	Overdue     bool
	Initiative  LinkData
}

// OwnedPage is a page on its owner's list.
type OwnedPage struct {
	LinkData
	Kind                  string
	Reviewed, ReviewedISO string
	Due, DueISO           string // when the next review is due; "" without reviewEvery or reviewed
	Overdue               bool
	Stale                 bool        // a metric whose data is stale
	Metric                *MetricData // a metric's page: its value and status; nil for other pages
}

// ReviewData is the review note of a page.
type ReviewData struct {
	Every           string // "6 months"
	Overdue         bool
	Due, DueISO     string
	Owner, OwnerURL string // the owner's entry on /owners/, from this page
}

// reviewData is the note a page shows about its review; nil when the page
// is not overdue.
func (r *run) reviewData(d *PageData, p *link.Page) *ReviewData {
	rv := p.Review
	if rv == nil || !rv.Overdue {
		return nil
	}
	out := &ReviewData{Every: r.periodText(rv.Every), Overdue: true}
	out.Due, out.DueISO = r.formatDate(rv.Due)
	if o := r.site.OwnerOf(p); o != nil {
		out.Owner = o.Name
		out.OwnerURL = ownerHref(d, o)
	}
	return out
}

// ownerHref is the address of an owner's entry on /owners/, from page d.
func ownerHref(d *PageData, o *link.Owner) string {
	return d.Root + rootRel(link.OwnersURL) + "#" + o.ID
}

func (r *run) ownersData() *PageData {
	d := r.generatedBase(link.OwnersURL, r.text.T("nav.owners"), "owners")
	d.Description = r.text.T("owners.description")
	for _, o := range r.site.Owners {
		od := OwnerData{Name: o.Name, ID: o.ID, Contact: o.Contact, Overdue: len(o.Overdue)}
		od.ContactURL = contactURL(o.Contact)
		for _, p := range o.Pages {
			op := OwnedPage{LinkData: r.listedLink(d, p), Kind: string(p.Kind)}
			op.Reviewed, op.ReviewedISO = r.formatDate(p.Meta.Reviewed)
			if rv := p.Review; rv != nil && !rv.Due.IsZero() {
				op.Due, op.DueISO = r.formatDate(rv.Due)
				op.Overdue = rv.Overdue
			}
			op.Stale = p.Metric != nil && p.Metric.Summary.Stale
			if p.Metric != nil {
				op.Metric = r.metricData(p.Metric)
				if op.Metric.AlertText != "" {
					od.Alerts++
				}
			}
			od.Pages = append(od.Pages, op)
		}
		for _, t := range o.Tasks {
			od.Tasks = append(od.Tasks, r.taskData(d, t, r.treeLang()))
		}
		od.Late = len(o.Late)
		for _, m := range o.Milestones {
			me := MilestoneEntry{Name: m.Name, Done: !m.Done.IsZero(), Overdue: m.Overdue,
				Initiative: r.listedLink(d, m.Initiative)}
			me.Due, me.DueISO = r.formatDate(m.Due)
			if m.Overdue {
				od.Late++
			}
			od.Milestones = append(od.Milestones, me)
		}
		for _, ref := range o.Stages {
			st := ref.Stage()
			jl := r.listedLink(d, ref.Page)
			od.Stages = append(od.Stages, OwnedStage{Name: st.Name, Href: jl.Href + "#" + link.StageAnchor(st.ID), Journey: jl, Moment: st.Moment})
		}
		for _, p := range o.Leads {
			od.Leads = append(od.Leads, r.listedLink(d, p))
		}
		for _, m := range o.Stale {
			od.Stale = append(od.Stale, r.metricData(m))
		}
		d.OwnerList = append(d.OwnerList, od)
	}
	return d
}

// contactURL makes a link of a contact: mailto: for an e-mail address,
// the address itself for a web address. html/template escapes it where it
// lands.
func contactURL(c string) string {
	switch {
	case c == "":
		return ""
	case strings.HasPrefix(c, "https://"), strings.HasPrefix(c, "http://"):
		return c
	}
	return "mailto:" + c
}

// periodText is a review period in the run's language: in English as the
// site wrote it ("6 months"), else from its years, months and days.
func (r *run) periodText(p parse.Period) string {
	if r.opts.Lang == nil || r.text.Lang == i18n.Fallback {
		return p.Text
	}
	var parts []string
	for _, u := range []struct {
		key string
		n   int
	}{{"period.years", p.Years}, {"period.months", p.Months}, {"period.days", p.Days}} {
		if u.n > 0 {
			parts = append(parts, r.text.N(u.key, u.n))
		}
	}
	if len(parts) == 0 {
		return p.Text
	}
	return strings.Join(parts, ", ")
}
