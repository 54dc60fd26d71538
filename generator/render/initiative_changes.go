package render

import (
	"path"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
)

// ManifestInitiative is an initiative as an edition's manifest keeps it:
// enough to say, an edition later, that its status changed or a milestone
// was reached or moved.
type ManifestInitiative struct {
	ID         string              `json:"id"` // its file name
	Path       string              `json:"path"`
	Title      string              `json:"title"`
	Status     string              `json:"status"`
	Reason     string              `json:"reason,omitempty"`
	Milestones []ManifestMilestone `json:"milestones"`
}

// ManifestMilestone is a milestone: its days as year-month-day, "" when
// not written.
type ManifestMilestone struct {
	Name string `json:"name"`
	Due  string `json:"due"`
	Done string `json:"done,omitempty"`
}

// InitiativeChange is an initiative of both editions whose status or
// milestones changed.
type InitiativeChange struct {
	Title, URL           string
	OldStatus, NewStatus string // the words; both "" when the status stayed
	Reason               string // why it is at risk now
	Milestones           []MilestoneChange
}

// MilestoneChange is one milestone that changed, said in words.
type MilestoneChange struct {
	Name string
	// Change is what became of it: "added" (due To), "reached" (on To),
	// "undone", "moved" (from From to To) or "removed"; the dates are
	// the manifest's year-month-day, put in words by the page's language.
	Change, From, To string
}

func initiativeManifest(site *link.Site, m *Manifest) {
	for _, p := range site.Initiatives {
		meta := p.Meta.Initiative
		mi := ManifestInitiative{ID: strings.TrimSuffix(path.Base(p.Path), path.Ext(p.Path)), Path: rootRel(p.URL),
			Title: p.Title(), Status: meta.Status, Reason: meta.Reason, Milestones: []ManifestMilestone{}}
		for _, ms := range meta.Milestones {
			_, due := formatDate(ms.Due)
			_, done := formatDate(ms.Done)
			mi.Milestones = append(mi.Milestones, ManifestMilestone{Name: ms.Name, Due: due, Done: done})
		}
		m.Initiatives = append(m.Initiatives, mi)
	}
	sort.Slice(m.Initiatives, func(i, j int) bool { return m.Initiatives[i].ID < m.Initiatives[j].ID })
}

// initiativeChanges lists the initiatives of both editions whose status
// changed or whose milestones were reached, moved, added or removed; a
// new initiative is a page added, said once there.
func initiativeChanges(prev, cur *Manifest, c *ChangesData) int {
	old := map[string]ManifestInitiative{}
	for _, in := range prev.Initiatives {
		old[in.ID] = in
	}
	for _, in := range cur.Initiatives {
		was, ok := old[in.ID]
		if !ok {
			continue
		}
		ch := InitiativeChange{Title: in.Title, URL: in.Path}
		if was.Status != in.Status {
			ch.OldStatus, ch.NewStatus = statusWords(was.Status), statusWords(in.Status)
			if in.Status == "at risk" {
				ch.Reason = in.Reason
			}
		}
		ch.Milestones = milestoneChanges(was.Milestones, in.Milestones)
		if ch.NewStatus != "" || ch.Milestones != nil {
			c.Initiatives = append(c.Initiatives, ch)
		}
	}
	return len(c.Initiatives)
}

func statusWords(s string) string {
	if t, ok := initiativeStatusText[s]; ok {
		return t
	}
	return "No status"
}

// milestoneChanges matches milestones by name: a renamed one is one
// removed and one added, as a reader would tell it.
func milestoneChanges(was, now []ManifestMilestone) []MilestoneChange {
	byName := map[string]ManifestMilestone{}
	for _, m := range was {
		byName[m.Name] = m
	}
	var out []MilestoneChange
	seen := map[string]bool{}
	for _, m := range now {
		seen[m.Name] = true
		o, ok := byName[m.Name]
		switch {
		case !ok:
			out = append(out, MilestoneChange{Name: m.Name, Change: "added", To: m.Due})
		case m.Done != "" && o.Done == "":
			out = append(out, MilestoneChange{Name: m.Name, Change: "reached", To: m.Done})
		case m.Done == "" && o.Done != "":
			out = append(out, MilestoneChange{Name: m.Name, Change: "undone"})
		case m.Due != o.Due:
			out = append(out, MilestoneChange{Name: m.Name, Change: "moved", From: o.Due, To: m.Due})
		}
	}
	for _, m := range was {
		if !seen[m.Name] {
			out = append(out, MilestoneChange{Name: m.Name, Change: "removed"})
		}
	}
	return out
}
