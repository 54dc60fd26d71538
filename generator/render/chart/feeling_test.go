package chart

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// TestFeelingTarget: the to-be curve is dashed with diamonds, the as-is
// curve solid with dots, the gap shaded and labelled, and the text
// alternative gives both feelings of every stage.
func TestFeelingTarget(t *testing.T) {
	stages := []Stage{{"Discover", 1}, {"Port the number", -2}, {"First bill", -1}, {"Settle in", 1}}
	target := []int{1, 1, 1, 2}
	s := FeelingTarget(english, "journey-switching", "Switching", stages, target)
	root := checkSVG(t, s)
	want := "Solid line and round dots: as is. Dashed line and diamonds: to be. Discover: happy (1), to be the same; " +
		"Port the number: angry (-2), to be happy (1); First bill: unhappy (-1), to be happy (1); Settle in: happy (1), to be delighted (2)."
	if got := descOf(root); got != want {
		t.Errorf("desc:\n got %q\nwant %q", got, want)
	}
	asIs, toBe := root.byClass("feeling-line"), root.byClass("feeling-line-target")
	if len(asIs) != 1 || len(toBe) != 1 {
		t.Fatalf("%d as-is and %d to-be curves, want one each", len(asIs), len(toBe))
	}
	if asIs[0].attr("stroke-dasharray") != "" || toBe[0].attr("stroke-dasharray") == "" {
		t.Error("the to-be curve is not dashed, or the as-is curve is")
	}
	if n := len(root.byClass("feeling-point")); n != 4 {
		t.Errorf("%d round dots, want 4", n)
	}
	if n := len(root.byClass("feeling-target-point")); n != 4 {
		t.Errorf("%d diamonds, want 4", n)
	}
	if n := len(root.byClass("feeling-gap")); n != 1 {
		t.Errorf("%d gap areas, want 1", n)
	}
	labels := texts(root.byClass("feeling-gaps"))
	if strings.Join(labels, " ") != "+3 +2 +1" {
		t.Errorf("gap labels %q, want +3 +2 +1", labels)
	}
	// Without targets (or with a list of the wrong length) the chart is the as-is curve alone.
	for _, tg := range [][]int{nil, {1}} {
		if FeelingTarget(english, "j", "J", stages, tg) != Feeling(english, "j", "J", stages) {
			t.Errorf("targets %v change the as-is chart", tg)
		}
	}
	testfiles.Golden(t, filepath.Join("testdata", "feeling_target.svg"), []byte(s+"\n"))
}
