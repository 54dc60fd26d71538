package link

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// Metric is a metric page joined with its data series and computed summary.
type Metric struct {
	ID         string
	Page       *Page
	Series     *series.File // nil when the metric has no data file yet
	Summary    MetricSummary
	Definition *Page // the definition that explains it, if any
	// MinN is the fewest responses a value of the metric is shown from
	// (its minN, else [data] minN); 0: every value is shown.
	MinN int
}

// Title is the metric's name.
func (m *Metric) Title() string { return m.Page.Title() }

// Journey is a journey page's map.
type Journey struct {
	ID     string
	Stages []JourneyStage
}

// JourneyStage is a stage with its metrics resolved.
type JourneyStage struct {
	parse.Stage
	Metrics []*Metric
}

// dataExtensions are the data formats, in the order a metric without a
// data key looks for a file named after its id.
var dataExtensions = []string{".csv", ".json", ".toml"}

func (s *Site) indexMetrics(data map[string]*series.File) diag.List {
	var diags diag.List
	var dataPaths []string
	for p := range data {
		dataPaths = append(dataPaths, strings.TrimPrefix(p, s.Config.Data.Dir+"/"))
	}
	sort.Strings(dataPaths)
	for _, p := range s.Pages {
		if p.Kind != KindMetric {
			continue
		}
		id := p.Meta.Metric
		if other, ok := s.metricBy[id]; ok {
			diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("metric"), 1,
				"metric id %q is already used by %s; give each metric its own id", id, other.Page.Path))
			continue
		}
		m := &Metric{ID: id, Page: p}
		p.Metric = m
		s.metricBy[id] = m
		s.Metrics = append(s.Metrics, m)
		if p.Meta.Direction == "" {
			diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("metric"), 1,
				"metric %q has no direction; add direction = \"up\" (higher is better) or \"down\"", id))
		}
		if p.Meta.Data != "" {
			file := path.Join(s.Config.Data.Dir, p.Meta.Data)
			m.Series = data[file]
			if m.Series == nil && !s.dataFileFailed(file, data) {
				msg := fmt.Sprintf("data file %s not found", file)
				msg += diag.DidYouMean(p.Meta.Data, dataPaths, fmt.Sprintf("; put the file in %s/ or fix the name", s.Config.Data.Dir))
				diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("data"), 1, "%s", msg))
			}
		} else {
			for _, ext := range dataExtensions {
				if ser := data[path.Join(s.Config.Data.Dir, id+ext)]; ser != nil {
					m.Series = ser
					break
				}
			}
		}
		m.MinN = p.Meta.MinN
		if m.MinN == 0 {
			m.MinN = s.Config.Data.MinN
		}
		if m.Series != nil {
			diags.Add(m.Series.CheckScale(series.Scale{Min: p.Meta.Min, Max: p.Meta.Max, Metric: id, Page: p.Path})...)
		}
		if m.Series != nil && len(m.Series.Points) > 0 {
			// The summary is of the values that may be shown: a latest
			// value from too few responses must not show through its
			// status or change either.
			m.Summary = Summarize(m.Series.Shown(m.MinN), Rule{Target: p.Meta.Target, Direction: Direction(p.Meta.Direction),
				StaleAfter: s.Config.StaleAfterDuration, Cadence: p.Meta.Cadence}, s.Now)
		}
		if d := p.Meta.Definition; d != "" {
			def := s.ByURL["/"+DefinitionsSection+"/"+slug.URLPart(d)+"/"]
			if def == nil {
				def = s.Terms.Lookup(d)
			}
			if def == nil || def.Kind != KindDefinition {
				msg := fmt.Sprintf("definition %q not found", d)
				var slugs []string
				for _, t := range s.Terms.List {
					slugs = append(slugs, path.Base(strings.TrimSuffix(t.URL, "/")))
				}
				msg += diag.DidYouMean(d, slugs, "; name a page of content/definitions/ by its file name without .md")
				diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("definition"), 1, "%s", msg))
			} else {
				m.Definition = def
			}
		}
	}
	sort.Slice(s.Metrics, func(i, j int) bool {
		a, b := strings.ToLower(s.Metrics[i].Title()), strings.ToLower(s.Metrics[j].Title())
		if a != b {
			return a < b
		}
		return s.Metrics[i].ID < s.Metrics[j].ID // the metric's own name, not its page's
	})
	return diags
}

// dataFileFailed reports a data file that exists but did not parse: its own
// errors are already reported, so the metric page says nothing more.
func (s *Site) dataFileFailed(file string, data map[string]*series.File) bool {
	v, ok := data[file]
	return ok && v == nil
}

func (s *Site) metricIDs() []string {
	ids := slices.Sorted(maps.Keys(s.metricBy))
	return ids
}

func (s *Site) unknownMetric(id string) string {
	msg := fmt.Sprintf("unknown metric %q", id)
	return msg + diag.DidYouMean(id, s.metricIDs(), "; metric ids are the metric = \"...\" keys of content/metrics/ pages")
}

// JourneyID is a journey's id for {{< journey >}}: its slug, else its file name.
func JourneyID(p *Page) string {
	if p.Meta.Slug != "" {
		return slug.URLPart(p.Meta.Slug)
	}
	return slug.URLPart(strings.TrimSuffix(path.Base(p.Path), path.Ext(p.Path)))
}

func (s *Site) indexJourneys() diag.List {
	var diags diag.List
	for _, p := range s.Pages {
		if p.Kind != KindJourney {
			continue
		}
		id := JourneyID(p)
		if other, ok := s.journeyBy[id]; ok {
			diags.Add(diag.AtLine(p.Path, p.Source, 1, 1,
				"journey id %q is already used by %s; rename one of the files", id, other.Path))
			continue
		}
		j := &Journey{ID: id}
		for i, st := range p.Meta.Stages {
			js := JourneyStage{Stage: st}
			for k, mid := range st.Metrics {
				m := s.metricBy[mid]
				if m == nil {
					line := p.Meta.Line("stages", fmt.Sprint(i), "metrics", fmt.Sprint(k))
					diags.Add(diag.AtLine(p.Path, p.Source, line, 1, "%s", s.unknownMetric(mid)))
					continue
				}
				js.Metrics = append(js.Metrics, m)
			}
			j.Stages = append(j.Stages, js)
		}
		if len(j.Stages) == 0 && !p.Broken { // a broken stages list is reported already
			diags.Add(diag.AtLine(p.Path, p.Source, 1, 1,
				"journey has no stages; add [[stages]] tables with name and feeling (see README)"))
		}
		p.Journey = j
		s.journeyBy[id] = p
		s.Journeys = append(s.Journeys, p)
	}
	sort.Slice(s.Journeys, func(i, j int) bool {
		return byTitle(s.Journeys[i], s.Journeys[j])
	})
	return diags
}

// Shortcodes lists the shortcodes shiftbook knows and the argument each takes.
var Shortcodes = map[string]string{
	"metric":  "a metric id",
	"chart":   "a metric id",
	"journey": "a journey id",
}

// blockShortcodes write a block (a figure, a journey map): in a paragraph
// among other text they would make invalid HTML.
var blockShortcodes = map[string]bool{"chart": true, "journey": true}

// shortcodeNames are the shortcodes a page may call: shiftbook's own and
// the templates of the site's theme (layouts/shortcodes/NAME.html).
func (s *Site) shortcodeNames() []string {
	names := slices.Sorted(maps.Keys(Shortcodes))
	for _, n := range s.Config.Shortcodes {
		if _, builtin := Shortcodes[n]; !builtin {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

func (s *Site) resolveShortcodes(p *Page) diag.List {
	var diags diag.List
	for _, sc := range p.Body.Shortcodes {
		at := p.BodyOffset + sc.Offset
		if sc.Err != "" {
			diags.Add(diag.At(p.Path, p.Source, p.BodyOffset+sc.ErrAt, "%s", sc.Err))
			continue
		}
		known := slices.Contains(s.Config.Shortcodes, sc.Name)
		want, builtin := Shortcodes[sc.Name]
		if sc.Closing {
			msg := fmt.Sprintf("closing tag {{< /%s >}} has no {{< %s >}} before it to close", sc.Name, sc.Name)
			switch sug := diag.Suggest(sc.Name, s.shortcodeNames()); {
			case builtin || known:
				msg += fmt.Sprintf("; open it with {{< %s >}} on the same line, or put both tags on lines of their own", sc.Name)
			case sug != "":
				msg += fmt.Sprintf(": %q is not a shortcode; did you mean {{< /%s >}}?", sc.Name, sug)
			default:
				msg += fmt.Sprintf(": %q is not a shortcode; remove the tag", sc.Name)
			}
			diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			continue
		}
		if !builtin && known {
			continue // the site's own: its template takes what it takes
		}
		if !builtin && (sc.Name == "ref" || sc.Name == "relref") {
			diags.Add(diag.At(p.Path, p.Source, at, "{{< %s >}} works only as a link's address; write [the text]({{< %s \"page.md\" >}})", sc.Name, sc.Name))
			continue
		}
		if !builtin {
			msg := fmt.Sprintf("unknown shortcode %q", sc.Name) + diag.DidYouMean(sc.Name, s.shortcodeNames(),
				"; the shortcodes are "+strings.Join(s.shortcodeNames(), ", ")+", and a site adds its own as layouts/shortcodes/NAME.html")
			diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			continue
		}
		if len(sc.Args) != 1 || (len(sc.Named) > 0 && sc.Name != "metric") {
			diags.Add(diag.At(p.Path, p.Source, at,
				"%s takes exactly one argument, %s: write {{< %s \"id\" >}}", sc.Name, want, sc.Name))
			continue
		}
		if msg := metricOptions(sc.Named); msg != "" {
			diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			continue
		}
		if blockShortcodes[sc.Name] && sc.InParagraph {
			diags.Add(diag.At(p.Path, p.Source, at,
				"{{< %s >}} makes a block, which cannot stand inside a paragraph's text; put it on a line of its own, with a blank line before and after", sc.Name))
			continue
		}
		id := sc.Args[0]
		switch sc.Name {
		case "metric", "chart":
			if s.metricBy[id] == nil {
				diags.Add(diag.At(p.Path, p.Source, at, "%s", s.unknownMetric(id)))
			}
		case "journey":
			if s.journeyBy[id] == nil {
				var ids []string
				for k := range s.journeyBy {
					ids = append(ids, k)
				}
				sort.Strings(ids)
				msg := fmt.Sprintf("unknown journey %q", id)
				msg += diag.DidYouMean(id, ids, "; a journey's id is its file name in content/journeys/ without .md")
				diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			}
		}
	}
	return diags
}

// metricOptions checks the named options of {{< metric "id" ... >}}: only
// name=true or name=false (show the metric's name before its value).
func metricOptions(named map[string]string) string {
	for _, k := range slices.Sorted(maps.Keys(named)) {
		v := named[k]
		if k != "name" {
			return fmt.Sprintf("metric has no option %q; its one option is name=true (show the metric's name): write {{< metric \"id\" name=true >}}", k)
		}
		if v != "true" && v != "false" {
			return fmt.Sprintf("name=%q is not true or false; write name=true to show the metric's name", v)
		}
	}
	return ""
}
