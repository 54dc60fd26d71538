package parse

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Surveys: "customers don't want to be bombarded by survey after survey",
// so a journey says which surveys it asks at which stage, and a metric
// measured by a survey says what it asks. Two keys are read here:
//
//	[[stages]]                       # a journey's stage (journey.go)
//	surveys = [{ metric = "nps", when = "day 30", channel = "email" }]
//
//	survey = { question = "How likely…", scale = "0–10",     # a metric (metric.go)
//	           instrument = "Relationship NPS (Qualtrics)", frequency = "quarterly" }
//
// The link stage (link/surveys.go) joins them: a stage that writes no
// surveys key asks the surveys of the metrics it lists that have a survey.

// StageSurvey is one survey asked at a stage of a journey.
type StageSurvey struct {
	Metric    string // the id of the metric the survey measures
	When      string // the moment it is sent: "day 30", "after the call"
	Channel   string // how it reaches the persona: "email", "SMS", "in-app"; "": the metric's channel
	Frequency string // how often: "once", "after every contact"; "": the metric's frequency
	Line      int    // the line it is written on
}

// SurveyMeta is a metric's survey key: what the survey that measures the
// metric asks, and how.
type SurveyMeta struct {
	Question   string // the wording, as the persona reads it
	Scale      string // the answers: "0–10", "1 (very easy) to 7 (very hard)"
	Instrument string // the survey and tool: "Relationship NPS (Qualtrics)"
	Frequency  string // how often one person is asked: "quarterly", "after every contact"
	Channel    string // how it is usually sent: "email", "SMS", "in-app"
	Line       int    // the line of the survey key
}

// StageSurveyKeys are the keys of one survey of a stage.
var StageSurveyKeys = []string{"metric", "when", "channel", "frequency"}

// MetricSurveyKeys are the keys of a metric's survey table.
var MetricSurveyKeys = []string{"question", "scale", "instrument", "frequency", "channel"}

const stageSurveyShape = `surveys must be a list of metric ids or tables, like surveys = [{ metric = "nps", when = "day 30", channel = "email" }]`

// stageSurveys reads a stage's surveys key (key is its path, such as
// stages.2.surveys). Each item is a table with metric, when, channel and
// frequency, or a metric id alone. Written, even empty, the result is not
// nil: the stage asks exactly these.
func (d *fieldDecoder) stageSurveys(v any, key []string) []StageSurvey {
	stage := stageNumber(key)
	var items []any
	switch v := v.(type) {
	case []map[string]any: // [[stages.surveys]] tables
		for _, m := range v {
			items = append(items, m)
		}
	case []any:
		items = v
	default:
		d.errorCol(key, key[len(key)-1], true, "%s, not %s", stageSurveyShape, describe(v))
		return []StageSurvey{}
	}
	out := make([]StageSurvey, 0, len(items))
	for i, item := range items {
		at := append(slices.Clip(key), strconv.Itoa(i))
		where := fmt.Sprintf("survey %d of stage %s", i+1, stage)
		sv := StageSurvey{Line: d.lineOf(at)}
		switch item := item.(type) {
		case string:
			sv.Metric = strings.TrimSpace(item)
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(item)) {
				kp := append(slices.Clip(at), k)
				text := d.surveyText(item[k], kp, k+" of "+where)
				switch k {
				case "metric":
					sv.Metric = strings.TrimSpace(text)
				case "when":
					sv.When = text
				case "channel":
					sv.Channel = text
				case "frequency":
					sv.Frequency = text
				default:
					d.errorCol(kp, k, true, "%s", fmt.Sprintf("unknown survey key %q in %s", k, where)+
						diag.DidYouMean(k, StageSurveyKeys, "; a survey of a stage has metric, when, channel and frequency"))
				}
			}
		default:
			d.errorCol(at, "", false, "%s must be a metric id in quotes or a table like { metric = \"nps\", when = \"day 30\" }, not %s", where, describe(item))
			continue
		}
		if sv.Metric == "" {
			d.errorCol(at, "", false, "%s names no metric; add metric = \"...\", the id of the metric the survey measures", where)
			d.setAside()
			continue
		}
		out = append(out, sv)
	}
	return out
}

// metricSurvey reads a metric's survey table.
func (d *fieldDecoder) metricSurvey(v any) *SurveyMeta {
	m, ok := v.(map[string]any)
	if !ok {
		d.errorCol([]string{"survey"}, "survey", true,
			`survey must be a table, like survey = { question = "How likely are you to recommend us?", scale = "0–10" }, not %s`, describe(v))
		return nil
	}
	s := &SurveyMeta{Line: d.lineOf([]string{"survey"})}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kp := []string{"survey", k}
		text := d.surveyText(m[k], kp, "survey."+k)
		switch k {
		case "question":
			s.Question = text
		case "scale":
			s.Scale = text
		case "instrument":
			s.Instrument = text
		case "frequency":
			s.Frequency = text
		case "channel":
			s.Channel = text
		default:
			d.errorCol(kp, k, true, "%s", fmt.Sprintf("unknown survey key %q", k)+
				diag.DidYouMean(k, MetricSurveyKeys, "; a metric's survey has question, scale, instrument, frequency and channel"))
		}
	}
	if s.Question == "" {
		d.errorCol([]string{"survey"}, "survey", true, `the survey has no question; add question = "..." with its wording, as the customer reads it`)
		d.setAside()
	}
	return s
}

// surveyText reads a text value of a survey, named for an error as name.
func (d *fieldDecoder) surveyText(v any, key []string, name string) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(strings.ReplaceAll(v, "\x00", "\uFFFD"))
	case nil:
		return ""
	}
	d.errorCol(key, key[len(key)-1], true, "%s must be text in quotes, not %s", name, describe(v))
	return ""
}

// lineOf is the line a key path is written on, 1 when it is not known.
func (d *fieldDecoder) lineOf(key []string) int {
	if d.line != nil {
		if l := d.line(key...); l > 0 {
			return l
		}
	}
	return 1
}

// errorCol reports an error at key's line, at the column where word is
// written on it (as a key when asKey: followed by = or :), else column 1.
func (d *fieldDecoder) errorCol(key []string, word string, asKey bool, format string, args ...any) {
	line := d.lineOf(key)
	d.diags.Add(diag.AtLine(d.path, d.src, line, ColumnOf(d.src, line, word, asKey), format, args...))
}

// stageNumber is the stage of a key path stages.N...., counted from 1.
func stageNumber(key []string) string {
	if len(key) > 1 {
		if n, err := strconv.Atoi(key[1]); err == nil {
			return strconv.Itoa(n + 1)
		}
	}
	return "?"
}

// ColumnOf is the column (in characters, from 1) where word is first
// written on a line of src: as a key (followed by spaces and = or :) when
// asKey, else as a value, quoted or standing alone. The decoders give lines
// only; this finds the place on it. 1 when word is not found.
func ColumnOf(src []byte, line int, word string, asKey bool) int {
	if word == "" || line < 1 {
		return 1
	}
	start := diag.OffsetOf(src, line, 1)
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	text := src[start : start+end]
	for from := 0; from < len(text); {
		i := bytes.Index(text[from:], []byte(word))
		if i < 0 {
			break
		}
		i += from
		j := i + len(word)
		if fits(text, i, j, asKey) {
			return utf8.RuneCount(text[:i]) + 1
		}
		from = i + 1
	}
	return 1
}

// fits reports whether text[i:j] stands as a whole key or value.
func fits(text []byte, i, j int, asKey bool) bool {
	wordByte := func(b byte) bool {
		return b == '-' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	if i > 0 && wordByte(text[i-1]) || j < len(text) && wordByte(text[j]) {
		return false
	}
	if !asKey {
		return true
	}
	if i > 0 && (text[i-1] == '"' || text[i-1] == '\'') {
		// A quoted key, or a value that happens to be the key's name.
		if j >= len(text) || text[j] != text[i-1] {
			return false
		}
		j++
	}
	rest := bytes.TrimLeft(text[j:], " \t")
	return len(rest) > 0 && (rest[0] == '=' || rest[0] == ':')
}

// DefaultMaxSurveys is [surveys] maxPerJourney when site.toml leaves it out.
const DefaultMaxSurveys = 3
