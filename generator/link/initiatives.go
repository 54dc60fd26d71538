package link

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
)

// Initiative is an initiative page with its metrics resolved; its focus
// areas are the page's Focus.
type Initiative struct {
	Metrics []*Metric // in the order written
}

func init() {
	registerKind(kind.Initiative, kindLinks{
		index: func(s *Site, _ map[string]*series.File) diag.List { return s.indexInitiatives() },
	})
}

func (s *Site) indexInitiatives() diag.List {
	var diags diag.List
	for _, p := range s.Pages {
		if p.Kind != kind.Initiative {
			continue
		}
		meta := p.Meta.Initiative
		in := &Initiative{}
		for k, mid := range meta.Metrics {
			m := s.metricBy[mid]
			if m == nil {
				diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("metrics", fmt.Sprint(k)), 1, "%s", s.unknownMetric(mid)))
				continue
			}
			in.Metrics = append(in.Metrics, m)
		}
		diags.Add(s.milestoneWarnings(p)...)
		p.Initiative = in
		s.Initiatives = append(s.Initiatives, p)
	}
	sort.Slice(s.Initiatives, func(i, j int) bool { return byTitle(s.Initiatives[i], s.Initiatives[j]) })
	return diags
}

// Overdue reports whether a milestone is past its due day on the build's
// day and not done.
func Overdue(m parse.Milestone, now time.Time) bool {
	return m.Done.IsZero() && !m.Due.IsZero() && DayOf(m.Due).Before(DayOf(now))
}

// DayOf is the calendar day of t, in UTC: milestones are due on days.
func DayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// milestoneWarnings warns, for its owner, about each milestone past its due
// day and not done: a late milestone is news for whoever owns it, not a
// broken site, so it is a warning and never an error.
func (s *Site) milestoneWarnings(p *Page) diag.List {
	var diags diag.List
	for i, m := range p.Meta.Initiative.Milestones {
		if !Overdue(m, s.Now) {
			continue
		}
		owner := m.Owner
		if owner == "" {
			owner = p.Meta.Owner
		}
		owner = strings.Join(strings.Fields(owner), " ")
		line := m.Line
		if l := p.Meta.Line("milestones", fmt.Sprint(i), "due"); l > 0 {
			line = l
		}
		name := m.Name
		if name == "" {
			name = fmt.Sprintf("milestone %d", i+1)
		}
		d := diag.Warning(diag.AtLine(p.Path, p.Source, line, 1,
			"milestone %q was due on %s and is not done; set done = YYYY-MM-DD once it is, or move due to the new date and say why on the page",
			name, m.Due.Format("2006-01-02")))
		d.Kind = "ownership"
		if owner != "" {
			d.Owner = owner
			d.Notes = append(d.Notes, "owner: "+owner)
		}
		diags.Add(d)
	}
	return diags
}
