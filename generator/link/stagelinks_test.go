package link

import (
	"testing"

	"github.com/shiftbook/shiftbook/generator/parse"
)

func TestStageLabel(t *testing.T) {
	stages := func(names ...string) *Page {
		j := &Journey{}
		for _, n := range names {
			j.Stages = append(j.Stages, JourneyStage{Stage: parse.Stage{Name: n}})
		}
		return &Page{Journey: j}
	}
	tests := []struct {
		name  string
		page  *Page
		index int
		want  string
	}{
		{"a name of its own", stages("Order", "Pay"), 1, "Pay"},
		{"two of one name: the first", stages("Same", "Pay", "Same"), 0, "Same (stage 1)"},
		{"two of one name: the second", stages("Same", "Pay", "Same"), 2, "Same (stage 3)"},
		{"beside two of another name", stages("Same", "Pay", "Same"), 1, "Pay"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (StageRef{Page: tt.page, Index: tt.index}).Label(); got != tt.want {
				t.Errorf("Label() = %q, want %q", got, tt.want)
			}
		})
	}
}
