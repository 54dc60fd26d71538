package render

import (
	"testing"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// TestAlertText: a sharp move in words, by the kind of limit and unit.
func TestAlertText(t *testing.T) {
	tests := []struct {
		name  string
		alert *link.Alert
		limit *parse.AlertChange
		unit  string
		want  string
	}{
		{"points, a fall", &link.Alert{Mean: 31.1, Moved: -6.2}, &parse.AlertChange{Amount: 5}, "points",
			"Sharp fall: 6.2 points below the mean of the three points before (31.1 points); flagged beyond 5 points"},
		{"a share in percentage points", &link.Alert{Mean: 86, Moved: -4}, &parse.AlertChange{Amount: 2}, "%",
			"Sharp fall: 4 percentage points below the mean of the three points before (86%); flagged beyond 2 percentage points"},
		{"a share of the mean", &link.Alert{Mean: 1.25, Moved: 0.25}, &parse.AlertChange{Amount: 10, Percent: true}, "%",
			"Sharp rise: 20% above the mean of the three points before (1.25%); flagged beyond 10%"},
		{"no unit", &link.Alert{Mean: 2, Moved: 1}, &parse.AlertChange{Amount: 0.5}, "",
			"Sharp rise: 1 above the mean of the three points before (2); flagged beyond 0.5"},
		{"no alert", nil, &parse.AlertChange{Amount: 5}, "points", ""},
	}
	for _, tt := range tests {
		if got := textRun(t, "").alertText(tt.alert, tt.limit, tt.unit); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
