package link

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// Ownership: "everybody's job is nobody's job", so each page, metric and
// journey has one owner and a review date, and the site says when either
// is missing or out of date.

// Owner is one person or team that owns pages, as pages name them. Names
// that differ only in letter case or spacing are one owner.
type Owner struct {
	Name    string // the spelling most pages use
	ID      string // the anchor of the owner's entry on /owners/
	Contact string // from [owners] in site.toml; "" when not given
	Pages   []*Page
	Overdue []*Page   // pages whose review is overdue
	Stale   []*Metric // metrics whose data is stale
	Tasks   []*PlanTask
	Late    []*PlanTask // tasks past their due date, not done
	// Milestones are the initiatives' milestones the owner owns (a
	// milestone without an owner is its initiative's owner's).
	Milestones []OwnedMilestone
	// Stages are the journey stages whose owner key names the owner.
	Stages []StageRef
	// Leads are the focus areas the owner leads (a focus area's leader).
	Leads []*Page
}

// OwnedMilestone is a milestone on its owner's list.
type OwnedMilestone struct {
	parse.Milestone
	Initiative *Page
	Overdue    bool
}

// Review is what the site asks of a page's review.
type Review struct {
	Every   parse.Period
	Due     time.Time // reviewed + Every; zero without a reviewed date
	Overdue bool      // Due is before the build's clock
}

// OwnersURL is the generated page that lists every owner.
const OwnersURL = "/owners/"

// reviewPeriod is the nearest reviewEvery: the page's, its sections' (a
// section page's applies to its pages and itself), the site's.
func (s *Site) reviewPeriod(p *Page) parse.Period {
	for q := p; q != nil; q = q.Parent {
		if !q.Meta.ReviewEvery.IsZero() {
			return q.Meta.ReviewEvery
		}
	}
	return s.Config.ReviewPeriod
}

// ownable reports whether a page is an author's page that can have an
// owner: not a folder without a page of its own, nor a file that failed.
func ownable(p *Page) bool { return !p.Virtual && !p.Broken && !p.Unread }

// resolveOwnership gathers the owners, works out each page's review, and
// warns about overdue reviews, missing owners and review dates, stale
// metric data and owners written two ways or missing from [owners].
func (s *Site) resolveOwnership() diag.List {
	var diags diag.List
	byKey := map[string]*Owner{}
	spellings := map[string]map[string][]*Page{} // key → spelling → pages
	for _, p := range s.Pages {
		if !ownable(p) {
			continue
		}
		if every := s.reviewPeriod(p); !every.IsZero() {
			r := &Review{Every: every}
			if !p.Meta.Reviewed.IsZero() {
				r.Due = every.After(p.Meta.Reviewed)
				r.Overdue = r.Due.Before(s.Now)
			}
			p.Review = r
		}
		name := strings.Join(strings.Fields(p.Meta.Owner), " ")
		if name == "" {
			continue
		}
		key := parse.OwnerKey(name)
		if spellings[key] == nil {
			spellings[key] = map[string][]*Page{}
			byKey[key] = &Owner{}
		}
		spellings[key][name] = append(spellings[key][name], p)
		byKey[key].Pages = append(byKey[key].Pages, p)
	}
	// otherSpellings are the names of owners as tasks and milestones
	// write them, for an owner no page names.
	otherSpellings := map[string]map[string]bool{}
	ownerOfItem := func(name string) *Owner {
		key := parse.OwnerKey(name)
		if byKey[key] == nil {
			byKey[key] = &Owner{}
			spellings[key] = map[string][]*Page{}
		}
		if otherSpellings[key] == nil {
			otherSpellings[key] = map[string]bool{}
		}
		otherSpellings[key][name] = true
		return byKey[key]
	}
	for _, t := range s.Tasks {
		if t.Owner != "" {
			o := ownerOfItem(t.Owner)
			o.Tasks = append(o.Tasks, t)
		}
	}
	for _, p := range s.Initiatives {
		for _, m := range p.Meta.Initiative.Milestones {
			name := strings.Join(strings.Fields(m.Owner), " ")
			if name == "" {
				name = strings.Join(strings.Fields(p.Meta.Owner), " ")
			}
			if name != "" {
				o := ownerOfItem(name)
				o.Milestones = append(o.Milestones, OwnedMilestone{Milestone: m, Initiative: p, Overdue: Overdue(m, s.Now)})
			}
		}
	}
	for _, p := range s.Journeys {
		for i, st := range p.Journey.Stages {
			if st.Owner != "" {
				o := ownerOfItem(st.Owner)
				o.Stages = append(o.Stages, StageRef{Page: p, Index: i})
			}
		}
	}
	for _, p := range s.FocusAreas {
		if l := p.Meta.FocusArea.Leader; l != "" {
			o := ownerOfItem(l)
			o.Leads = append(o.Leads, p)
		}
	}
	contacts := map[string]string{} // key → contact
	listed := map[string]string{}   // key → name as [owners] writes it
	for name, c := range s.Config.Owners {
		contacts[parse.OwnerKey(name)] = c
		listed[parse.OwnerKey(name)] = name
	}
	for _, key := range slices.Sorted(maps.Keys(byKey)) {
		o := byKey[key]
		o.Name = mostWritten(spellings[key])
		if o.Name == "" { // owns tasks or milestones only
			o.Name = slices.Sorted(maps.Keys(otherSpellings[key]))[0]
		}
		if n, ok := listed[key]; ok {
			o.Name = strings.Join(strings.Fields(n), " ") // the site's list decides the spelling
		}
		o.ID = "owner-" + slug.ID(o.Name)
		o.Contact = contacts[key]
		s.Owners = append(s.Owners, o)
		for name, pages := range spellings[key] {
			if name == o.Name {
				continue
			}
			for _, p := range pages {
				diags.Add(s.ownerWarning(p, o, "owner", "owner %q is written %q on other pages; write it the same way everywhere, so that everything this owner has is listed together", name, o.Name))
			}
		}
	}
	sort.Slice(s.Owners, func(i, j int) bool { return parse.OwnerKey(s.Owners[i].Name) < parse.OwnerKey(s.Owners[j].Name) })
	s.ownerByKey = byKey
	for _, t := range s.Tasks {
		if !t.Overdue {
			continue
		}
		o := s.ownerByKey[parse.OwnerKey(t.Owner)]
		if o != nil {
			o.Late = append(o.Late, t)
		}
		d := diag.Warning(diag.AtLine(t.Page.Path, t.Page.Source, t.Line, 1,
			"task %q was due on %s and is not done; do it and set done = %s, or move it to a later date with a note why",
			t.Name, t.Due.Format("2006-01-02"), s.Now.Format("2006-01-02")))
		d.Kind = "ownership"
		if o != nil {
			d.Owner = o.Name
			d.Notes = append(d.Notes, "owner: "+o.Name)
		} else {
			d.Notes = append(d.Notes, "the task has no owner; add owner = \"...\" to it")
		}
		diags.Add(d)
	}
	diags.Add(s.checkOwnerList(listed)...)
	for _, p := range s.Pages {
		if !ownable(p) {
			continue
		}
		o := s.OwnerOf(p)
		if r := p.Review; r != nil {
			diags.Add(s.reviewWarnings(p, o, r)...)
		}
		if m := p.Metric; m != nil && m.Summary.Stale {
			if o != nil {
				o.Stale = append(o.Stale, m)
			}
			diags.Add(s.staleWarning(m, o))
		}
		if m := p.Metric; m != nil && m.Summary.Alert != nil {
			diags.Add(s.alertWarning(m, o))
		}
	}
	return diags
}

// OwnerOf is the owner of a page; nil when it has none.
func (s *Site) OwnerOf(p *Page) *Owner {
	return s.ownerByKey[parse.OwnerKey(p.Meta.Owner)]
}

// OwnerNamed finds an owner by name, in any letter case or spacing.
func (s *Site) OwnerNamed(name string) *Owner { return s.ownerByKey[parse.OwnerKey(name)] }

func (s *Site) reviewWarnings(p *Page, o *Owner, r *Review) diag.List {
	var diags diag.List
	every := r.Every.Text
	switch {
	case p.Meta.Reviewed.IsZero():
		diags.Add(s.ownerWarning(p, o, "title", "this page has no reviewed date, and pages are reviewed every %s; once its owner has read it through, add reviewed = %s",
			every, s.Now.Format("2006-01-02")))
	case r.Overdue:
		diags.Add(s.ownerWarning(p, o, "reviewed", "review overdue since %s: this page was last reviewed on %s and is reviewed every %s; read it through, correct it, then set reviewed to that day",
			r.Due.Format("2006-01-02"), p.Meta.Reviewed.Format("2006-01-02"), every))
	}
	if o == nil {
		diags.Add(s.ownerWarning(p, nil, "title", "this page has no owner, and pages are reviewed every %s; add owner = \"...\" with the team or role that keeps it true", every))
	}
	if r.Overdue && o != nil {
		o.Overdue = append(o.Overdue, p)
	}
	return diags
}

func (s *Site) staleWarning(m *Metric, o *Owner) diag.Diagnostic {
	msg := fmt.Sprintf("the data of metric %q is stale: its newest point is from %s", m.ID, m.Summary.Newest.Format("2006-01-02"))
	if !m.Summary.Due.IsZero() {
		msg += fmt.Sprintf(", and the next was due on %s", m.Summary.Due.Format("2006-01-02"))
	}
	if m.Series != nil {
		msg += fmt.Sprintf("; add the newer points to %s", m.Series.Path)
	}
	return s.ownerWarning(m.Page, o, "data", "%s", msg)
}

// alertWarning tells a metric's owner that its latest value moved more
// than its alertChange: a reader sees the flag; the owner should know why.
func (s *Site) alertWarning(m *Metric, o *Owner) diag.Diagnostic {
	l, a := m.Summary.Latest, m.Summary.Alert
	num := func(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }
	limit := m.Page.Meta.Metric.AlertChange
	by := num(math.Abs(a.Moved))
	if limit.Percent {
		by = num(math.Abs(a.Moved)/math.Abs(a.Mean)*100) + "%"
	}
	return s.ownerWarning(m.Page, o, "alertChange",
		"metric %q moved sharply: its latest value, %s on %s, is %s from the mean of the three points before (%s), more than alertChange %s; find out why and say so in a note on the point",
		m.ID, num(l.Value), l.Date.Format("2006-01-02"), by, num(a.Mean), limit)
}

// ownerWarning is a warning at a front matter key of p, for its owner.
func (s *Site) ownerWarning(p *Page, o *Owner, key, format string, args ...any) diag.Diagnostic {
	d := diag.Warning(diag.AtLine(p.Path, p.Source, p.Meta.Line(key), 1, format, args...))
	d.Kind = "ownership"
	if o != nil {
		d.Owner = o.Name
		d.Notes = append(d.Notes, "owner: "+o.Name)
	}
	return d
}

// checkOwnerList compares [owners] in site.toml with the owners pages
// name: when the site keeps a list, every owner is on it, and everyone on
// it owns something.
func (s *Site) checkOwnerList(listed map[string]string) diag.List {
	if len(listed) == 0 {
		return nil
	}
	var diags diag.List
	names := slices.Sorted(maps.Values(listed))
	for _, o := range s.Owners {
		if _, ok := listed[parse.OwnerKey(o.Name)]; ok {
			continue
		}
		msg := fmt.Sprintf("owner %q is not in [owners] in site.toml%s", o.Name,
			diag.DidYouMean(o.Name, names, "; add it there with a contact address, so readers know whom to ask"))
		if len(o.Pages) > 0 {
			diags.Add(s.ownerWarning(o.Pages[0], o, "owner", "%s", msg))
			continue
		}
		// An owner of tasks, milestones, journey stages or focus areas only: warned at the first.
		var d diag.Diagnostic
		switch {
		case len(o.Tasks) > 0:
			t := o.Tasks[0]
			d = diag.Warning(diag.AtLine(t.Page.Path, t.Page.Source, t.Line, 1, "%s", msg))
		case len(o.Leads) > 0:
			p := o.Leads[0]
			d = diag.Warning(diag.AtLine(p.Path, p.Source, p.Meta.Line("leader"), 1, "%s", msg))
		case len(o.Milestones) > 0:
			m := o.Milestones[0]
			d = diag.Warning(diag.AtLine(m.Initiative.Path, m.Initiative.Source, m.Line, 1, "%s", msg))
		default:
			r := o.Stages[0]
			line := r.Page.Meta.Line("stages", strconv.Itoa(r.Index), "owner")
			d = diag.Warning(diag.AtLine(r.Page.Path, r.Page.Source, line, 1, "%s", msg))
		}
		d.Kind, d.Owner = "ownership", o.Name
		diags.Add(d)
	}
	var owning []string
	for _, o := range s.Owners {
		owning = append(owning, o.Name)
	}
	for _, name := range names {
		if s.ownerByKey[parse.OwnerKey(name)] != nil {
			continue
		}
		d := diag.Warning(diag.AtLine(parse.ConfigFile, s.Config.Source, s.Config.Lines.Line("owners", name), 1,
			"owner %q in [owners] owns nothing: no page names it%s", name,
			diag.DidYouMean(name, owning, "; remove it, or write owner = \""+name+"\" on the pages it owns")))
		d.Kind = "ownership"
		diags.Add(d)
	}
	return diags
}

// mostWritten is the spelling most pages use; of equals, the first in
// sorted order, so that the choice does not depend on map order.
func mostWritten(spellings map[string][]*Page) string {
	best := ""
	for _, name := range slices.Sorted(maps.Keys(spellings)) {
		if best == "" || len(spellings[name]) > len(spellings[best]) {
			best = name
		}
	}
	return best
}
