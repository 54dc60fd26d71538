package render

import (
	"reflect"
	"testing"
)

func TestMilestoneChanges(t *testing.T) {
	ms := func(name, due, done string) ManifestMilestone {
		return ManifestMilestone{Name: name, Due: due, Done: done}
	}
	tests := []struct {
		name     string
		was, now []ManifestMilestone
		want     []MilestoneChange
	}{
		{"nothing changed", []ManifestMilestone{ms("A", "2026-12-09", "")}, []ManifestMilestone{ms("A", "2026-12-09", "")}, nil},
		{"reached", []ManifestMilestone{ms("A", "2026-12-09", "")}, []ManifestMilestone{ms("A", "2026-12-09", "2026-12-01")},
			[]MilestoneChange{{Name: "A", Change: "reached", To: "2026-12-01"}}},
		{"moved", []ManifestMilestone{ms("A", "2026-12-09", "")}, []ManifestMilestone{ms("A", "2027-01-15", "")},
			[]MilestoneChange{{Name: "A", Change: "moved", From: "2026-12-09", To: "2027-01-15"}}},
		{"undone", []ManifestMilestone{ms("A", "2026-12-09", "2026-12-01")}, []ManifestMilestone{ms("A", "2026-12-09", "")},
			[]MilestoneChange{{Name: "A", Change: "undone"}}},
		{"renamed is removed and added", []ManifestMilestone{ms("A", "2026-12-09", "")}, []ManifestMilestone{ms("B", "2026-12-09", "")},
			[]MilestoneChange{{Name: "B", Change: "added", To: "2026-12-09"}, {Name: "A", Change: "removed"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := milestoneChanges(tt.was, tt.now); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestInitiativeChanges(t *testing.T) {
	prev := &Manifest{Initiatives: []ManifestInitiative{
		{ID: "map", Title: "MAP", Status: "active", Milestones: []ManifestMilestone{{Name: "Mapped", Due: "2026-12-09"}}},
		{ID: "sense", Title: "SENSE", Status: "active"},
	}}
	cur := &Manifest{Initiatives: []ManifestInitiative{
		{ID: "map", Title: "MAP", Path: "initiatives/map/", Status: "at risk", Reason: "No sponsor.", Milestones: []ManifestMilestone{{Name: "Mapped", Due: "2026-12-09"}}},
		{ID: "sense", Title: "SENSE", Status: "active"},
		{ID: "new", Title: "NEW", Status: "proposed"},
	}}
	c := &ChangesData{}
	if n := initiativeChanges(prev, cur, c); n != 1 {
		t.Fatalf("%d changes: %+v", n, c.Initiatives)
	}
	want := InitiativeChange{Title: "MAP", URL: "initiatives/map/", OldStatus: "Active", NewStatus: "At risk", Reason: "No sponsor."}
	if !reflect.DeepEqual(c.Initiatives[0], want) {
		t.Errorf("got %+v, want %+v", c.Initiatives[0], want)
	}
	// An older manifest keeps no initiatives: nothing is said of them.
	c = &ChangesData{}
	if n := initiativeChanges(&Manifest{}, cur, c); n != 0 {
		t.Errorf("against a manifest without initiatives: %d changes", n)
	}
}
