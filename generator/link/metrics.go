package link

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
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
	// Segments are the summaries of the data file's segments, in the
	// order the file first names them.
	Segments []SegmentSummary
	// Scale is the range its values can take: its own min and max, else
	// its definition's; Scale.Page says which page sets it.
	Scale series.Scale
}

// Title is the metric's name.
func (m *Metric) Title() string { return m.Page.Title() }

func init() {
	registerKind(kind.Metric, kindLinks{
		index: func(s *Site, data map[string]*series.File) diag.List { return s.indexMetrics(data) },
		targets: func(s *Site, add func(parts ...string)) {
			for id := range s.metricBy {
				add("metric", id)
			}
		},
	})
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
		if p.Kind != kind.Metric {
			continue
		}
		id := p.Meta.Metric.ID
		if other, ok := s.metricBy[id]; ok {
			diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("metric"), 1,
				"metric id %q is already used by %s; give each metric its own id", id, other.Page.Path))
			continue
		}
		m := &Metric{ID: id, Page: p}
		p.Metric = m
		s.metricBy[id] = m
		s.Metrics = append(s.Metrics, m)
		if p.Meta.Metric.Direction == "" {
			diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("metric"), 1,
				"metric %q has no direction; add direction = \"up\" (higher is better) or \"down\"", id))
		}
		if p.Meta.Metric.Data != "" {
			file := path.Join(s.Config.Data.Dir, p.Meta.Metric.Data)
			m.Series = data[file]
			if m.Series == nil && !s.dataFileFailed(file, data) {
				msg := fmt.Sprintf("data file %s not found", file)
				msg += diag.DidYouMean(p.Meta.Metric.Data, dataPaths, fmt.Sprintf("; put the file in %s/ or fix the name", s.Config.Data.Dir))
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
		if d := p.Meta.Metric.Definition; d != "" {
			def := s.ByURL["/"+folder(kind.Definition)+"/"+slug.URLPart(d)+"/"]
			if def == nil {
				def = s.Terms.Lookup(d)
			}
			if def == nil || def.Kind != kind.Definition {
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
		m.MinN = p.Meta.Metric.MinN
		if m.MinN == 0 {
			m.MinN = s.Config.Data.MinN
		}
		diags.Add(s.scaleOf(m)...)
		if m.Series != nil {
			diags.Add(m.Series.CheckScale(m.Scale)...)
		}
		if m.Series != nil && len(m.Series.Points) > 0 {
			// The summary is of the values that may be shown: a latest
			// value from too few responses must not show through its
			// status or change either.
			rule := Rule{Target: p.Meta.Metric.Target, Direction: Direction(p.Meta.Metric.Direction),
				StaleAfter: s.Config.StaleAfterDuration, Cadence: p.Meta.Metric.Cadence,
				Path: pathOf(p.Meta.Metric), Alert: p.Meta.Metric.AlertChange}
			m.Summary = SummarizeShown(m.Series.Points, m.MinN, rule, s.Now)
			m.Segments = summarizeSegments(m.Series, m.MinN, rule, s.Now)
		}
	}
	sort.Slice(s.Metrics, func(i, j int) bool {
		a, b := strings.ToLower(s.Metrics[i].Title()), strings.ToLower(s.Metrics[j].Title())
		if a != b {
			return a < b
		}
		return s.Metrics[i].ID < s.Metrics[j].ID // the metric's own name, not its page's
	})
	diags.Add(s.unusedData(data)...)
	return diags
}

// scaleOf sets m's scale: its own min and max, else its definition's. The
// metric's own are checked against its target and baseline where they are
// read; a definition's are checked here.
func (s *Site) scaleOf(m *Metric) diag.List {
	mm := m.Page.Meta.Metric
	m.Scale = series.Scale{Min: mm.Min, Max: mm.Max, Metric: m.ID, Page: m.Page.Path}
	def := m.Definition
	if mm.Min != nil || mm.Max != nil || def == nil {
		return nil
	}
	dm := def.Meta.Metric
	if dm.Min == nil && dm.Max == nil {
		return nil
	}
	m.Scale.Min, m.Scale.Max, m.Scale.Page = dm.Min, dm.Max, def.Path
	var diags diag.List
	p := m.Page
	outside := func(v float64) bool { return dm.Min != nil && v < *dm.Min || dm.Max != nil && v > *dm.Max }
	if t := mm.Target; t != nil && outside(*t) {
		diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("target"), 1,
			"target %s is outside the scale of the metric's definition (%s, set in %s); write a target the metric can reach",
			formatNum(*t), m.Scale.Text(), def.Path))
	}
	if b := mm.Baseline; b != nil && outside(b.Value) {
		diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("baseline", "value"), 1,
			"the baseline's value %s is outside the scale of the metric's definition (%s, set in %s); write the value the metric had on %s",
			formatNum(b.Value), m.Scale.Text(), def.Path, b.Date.Format("2006-01-02")))
	}
	return diags
}

// pathOf is the path a metric's dated target and baseline draw, or nil.
func pathOf(mm parse.MetricMeta) *Path {
	if mm.Baseline == nil || mm.Target == nil || mm.TargetDate.IsZero() {
		return nil
	}
	return &Path{From: mm.Baseline.Date, To: mm.TargetDate, FromValue: mm.Baseline.Value, ToValue: *mm.Target}
}

func formatNum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

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
