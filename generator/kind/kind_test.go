package kind

import (
	"testing"

	"github.com/shiftbook/shiftbook/generator/parse"
)

func TestTableRows(t *testing.T) {
	names, folders := map[Name]bool{}, map[string]bool{}
	for _, k := range Table {
		if k.Name == "" || k.Layout == "" || k.Label == "" {
			t.Errorf("%+v: every kind needs a name, a label and a layout", k)
		}
		if names[k.Name] {
			t.Errorf("kind %q is in the table twice", k.Name)
		}
		names[k.Name] = true
		if k.Folder != "" && folders[k.Folder] {
			t.Errorf("folder %q belongs to two kinds", k.Folder)
		}
		folders[k.Folder] = true
	}
}

func TestRecognise(t *testing.T) {
	tests := []struct {
		name   string
		folder string
		fm     parse.FrontMatter
		want   Name
	}{
		{"a page outside the kinds' folders", "vision", parse.FrontMatter{}, Page},
		{"the home page's own files", "", parse.FrontMatter{}, Page},
		{"any page in definitions/", "definitions", parse.FrontMatter{}, Definition},
		{"a metric with an id", "metrics", parse.FrontMatter{Metric: parse.MetricMeta{ID: "nps"}}, Metric},
		{"a page in metrics/ without an id", "metrics", parse.FrontMatter{Metric: parse.MetricMeta{Unit: "points"}}, Page},
		{"a journey with stages", "journeys", parse.FrontMatter{Journey: parse.JourneyMeta{Stages: []parse.Stage{{Name: "Sign"}}}}, Journey},
		{"a journey with only a persona", "journeys", parse.FrontMatter{Journey: parse.JourneyMeta{Persona: "Sam"}}, Journey},
		{"a journey with only a kind", "journeys", parse.FrontMatter{Journey: parse.JourneyMeta{Kind: "employee"}}, Journey},
		{"a plain page in journeys/", "journeys", parse.FrontMatter{}, Page},
		{"a metric id outside metrics/", "vision", parse.FrontMatter{Metric: parse.MetricMeta{ID: "nps"}}, Page},
		{"any page in focus-areas/", "focus-areas", parse.FrontMatter{}, FocusArea},
		{"a focus area with a leader", "focus-areas", parse.FrontMatter{FocusArea: parse.FocusAreaMeta{Leader: "CCO"}}, FocusArea},
		{"a page naming a focus area is not one", "vision", parse.FrontMatter{Focus: []string{"feel"}}, Page},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Recognise(tt.folder, &tt.fm); got != tt.want {
				t.Errorf("Recognise(%q) = %q, want %q", tt.folder, got, tt.want)
			}
		})
	}
}
