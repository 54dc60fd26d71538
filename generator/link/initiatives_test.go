package link

import (
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/parse"
)

func TestOverdue(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	now := time.Date(2026, 12, 2, 13, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		m    parse.Milestone
		want bool
	}{
		{"due yesterday, not done", parse.Milestone{Due: day(2026, 12, 1)}, true},
		{"due today is not late yet", parse.Milestone{Due: day(2026, 12, 2)}, false},
		{"due tomorrow", parse.Milestone{Due: day(2026, 12, 3)}, false},
		{"late but done", parse.Milestone{Due: day(2026, 11, 15), Done: day(2026, 11, 20)}, false},
		{"no due date (an error already)", parse.Milestone{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Overdue(tt.m, now); got != tt.want {
				t.Errorf("Overdue = %v, want %v", got, tt.want)
			}
		})
	}
}
