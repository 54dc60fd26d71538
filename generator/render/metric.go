package render

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/render/chart"
)

// NoteData is a note of a metric's data file, a numbered marker on its chart.
type NoteData struct {
	Num           int
	Date, DateISO string
	Value, Text   string
	InTable       bool // its row is among the rows the table shows

	date  time.Time
	value float64
	idx   int // of the point in the series
}

// MetricData is a metric with its live values, formatted.
type MetricData struct {
	ID, Title, URL, Description    string
	Unit, Direction, DirectionText string
	Owner                          string
	Target                         string
	TargetShort                    string // the target without a unit word ("40", "85%"), beside a value that has it
	Weight                         int
	Tags                           []string
	Headline                       bool   // headline = true: a tile on top of the dashboard
	ChangeMood                     string // "good", "bad" or "" (no direction, or no change): the change in the metric's direction
	ChangeWord                     string // "better", "worse" or "no change"
	HasData                        bool
	Latest, LatestRaw              string
	AsOf, AsOfISO                  string
	Change, ChangeDir              string
	Status, StatusText             string
	Name                           string // what prose calls it: its definition's abbreviation ("NPS"), else its title
	Said                           string // the chip as a sentence: "NPS 34.2 points, off track (target 40), as of 31 Oct 2026"
	Stale                          bool
	StaleText                      string
	Definition                     *LinkData
	DataFile                       string
	Chart, Sparkline               template.HTML
	ChartID                        string        // prefix of the chart's element ids on the page
	Points                         []PointData   // the newest tableRows rows, newest first
	Rows                           int           // every row of the data file, every segment's too: the CSV's
	TableRows                      int           // the rows of the headline series, which the table shows the newest of
	HasNotes                       bool          // a row of Points has a note
	Columns                        []CellData    // headers of the data file's other columns shown in the table, in file order
	Notes                          []NoteData    // the numbered notes, oldest first
	CSV                            string        // root-relative URL of the whole series as CSV
	Held                           string        // without HasData: why no value is shown ("too few responses (n = 12)"), "" for no data yet
	Segments                       []SegmentData // the breakdown by the data file's segments, in file order
	N                              string        // responses behind Latest ("1902"); "" when the file does not say
	AlertText                      string        // the latest value moved sharply (see alertText); "" when not
	TargetFacts
}

// More reports whether the table shows fewer rows than the data has.
func (d *MetricData) More() bool { return d.TableRows > len(d.Points) }

var statusText = map[link.Status]string{
	link.OnTrack:  "On track",
	link.OffTrack: "Off track",
	link.NoTarget: "No target",
}

func (r *run) metricData(m *link.Metric) *MetricData {
	if d, ok := r.metrics[m.ID]; ok {
		return d
	}
	p := m.Page
	d := &MetricData{
		ID: m.ID, Title: p.Title(), URL: rootRel(p.URL), Description: p.Meta.Description,
		Unit: p.Meta.Metric.Unit, Direction: p.Meta.Metric.Direction, Owner: p.Meta.Owner,
		Status: "no-data", StatusText: "No data yet",
	}
	switch p.Meta.Metric.Direction {
	case "up":
		d.DirectionText = "Higher is better"
	case "down":
		d.DirectionText = "Lower is better"
	}
	if p.Meta.Metric.Target != nil {
		d.Target = withUnit(r.formatNumber(*p.Meta.Metric.Target), p.Meta.Metric.Unit)
		d.TargetShort = r.formatNumber(*p.Meta.Metric.Target)
		if p.Meta.Metric.Unit == "%" {
			d.TargetShort += "%"
		}
	}
	d.Weight, d.Tags, d.Headline = p.Meta.Weight, p.Meta.Tags, p.Meta.Metric.Headline
	if m.Definition != nil {
		d.Definition = &LinkData{Title: m.Definition.Title(), URL: rootRel(m.Definition.URL)}
	}
	d.Name = d.Title
	if m.Definition != nil && strings.TrimSpace(m.Definition.Meta.Definition.Abbr) != "" {
		d.Name = strings.TrimSpace(m.Definition.Meta.Definition.Abbr)
	}
	if m.Series != nil {
		d.DataFile = m.Series.Path
	}
	if m.Series != nil && len(m.Series.Points) > 0 && m.Summary.Latest != nil {
		s := m.Summary
		d.HasData = true
		d.LatestRaw = r.formatNumber(s.Latest.Value)
		d.Latest = withUnit(d.LatestRaw, p.Meta.Metric.Unit)
		d.AsOf, d.AsOfISO = r.formatDate(s.Latest.Date)
		d.Status = string(s.Status)
		d.StatusText = r.word("status", statusText[s.Status])
		if s.Previous != nil {
			d.Change, d.ChangeDir, d.ChangeMood, d.ChangeWord = changeOf(s.Change, p.Meta.Metric.Direction)
		}
		d.Stale, d.StaleText = staleOf(s)
		d.Columns = tableColumns(m.Series)
		d.Points, d.Notes = tableOf(m.Series, p.Meta.Metric.Unit, m.MinN)
		d.Rows, d.TableRows = rowCount(m.Series), len(m.Series.Points)
		for _, pt := range d.Points {
			d.HasNotes = d.HasNotes || pt.Note != ""
		}
		d.CSV = csvURL(m)
		d.ChartID = "chart-" + m.ID
		d.Chart = r.lineChart(m, d.ChartID, d.Notes)
		d.Sparkline = template.HTML(r.svg(chart.Sparkline(p.Title(), chartPoints(m))))
		d.Segments = r.segmentsOf(m)
		d.N = nOf(s.Latest.N)
	} else if m.Series != nil && len(m.Series.Points) > 0 {
		// Every value for everyone is from too few responses: say so,
		// and how fresh the held-back data is, without a number.
		newest := m.Series.Points[len(m.Series.Points)-1]
		d.Held = fmt.Sprintf("too few responses (n = %d)", newest.N)
		d.StatusText = "Not shown"
		d.AsOf, d.AsOfISO = formatDate(newest.Date)
		d.Stale, d.StaleText = staleOf(m.Summary)
		d.Segments = r.segmentsOf(m)
	}
	r.targetFacts(m, d)
	d.Said = said(d)
	r.metrics[m.ID] = d
	return d
}

// changeOf is a change since the previous point, signed, with its
// direction and whether it is good in the metric's direction.
func changeOf(change float64, direction string) (text, dir, mood, word string) {
	switch {
	case change > 0:
		text, dir = "+"+formatNumber(change), "up"
	case change < 0:
		text, dir = "−"+formatNumber(-change), "down"
	default:
		text, dir = "±0", "flat"
	}
	mood, word = changeMood(change, direction)
	return text, dir, mood, word
}

// staleOf says whether a summary is stale and, if so, in words: when the
// next point was due with a cadence, else how old the newest is.
func staleOf(s link.MetricSummary) (bool, string) {
	if !s.Stale {
		return false, ""
	}
	if !s.Due.IsZero() {
		due, _ := formatDate(s.Due)
		return true, fmt.Sprintf("Stale: the next point was due on %s", due)
	}
	return true, fmt.Sprintf("Stale: newest data is %d days old", int(s.Age.Hours()/24))
}

// said is a metric's value as a sentence, for the chip's tooltip and the
// printed page, with the unit written once: "NPS 34.2 points, off track (target 40), as of 31 Oct 2026".
func said(d *MetricData) string {
	if !d.HasData {
		if d.Held != "" {
			return d.Name + ": " + d.Held + ", as of " + d.AsOf
		}
		return d.Name + ": no data yet"
	}
	s := d.Name + " " + d.Latest + ", " + strings.ToLower(d.StatusText)
	if d.TargetShort != "" {
		s += " (target " + d.TargetShort
		if d.TargetBy != "" {
			s += " by " + d.TargetBy
		}
		s += ")"
	}
	if d.Stale {
		s += ", stale"
	}
	return s + ", as of " + d.AsOf
}

// changeMood says whether a change is good in the metric's direction.
func changeMood(change float64, direction string) (mood, word string) {
	switch {
	case change == 0 || math.Round(change*100) == 0:
		return "", "no change"
	case direction == "up" && change > 0, direction == "down" && change < 0:
		return "good", "better"
	case direction == "up", direction == "down":
		return "bad", "worse"
	}
	return "", ""
}

func chartPoints(m *link.Metric) []chart.Point {
	shown := m.Series.Shown(m.MinN).Points // a value from too few responses is not drawn either
	pts := make([]chart.Point, len(shown))
	for i, pt := range shown {
		pts[i] = chart.Point{Date: pt.Date, Value: pt.Value}
	}
	return pts
}

// lineChart draws a metric's chart with its numbered notes laid over it,
// each a link to its row of the table (or of the list of earlier notes);
// id must be unique on the page that shows it (its title, description and
// rows are referenced by id).
func (r *run) lineChart(m *link.Metric, id string, notes []NoteData) template.HTML {
	p := m.Page
	c := chart.LineChart{
		ID: id, Title: p.Title(), Unit: p.Meta.Metric.Unit, Points: chartPoints(m),
		Target: p.Meta.Metric.Target, Direction: p.Meta.Metric.Direction, Path: chartPath(m),
	}
	for _, n := range notes {
		c.Marks = append(c.Marks, chart.Mark{Date: n.date, Value: n.value})
	}
	var b strings.Builder
	b.WriteString(`<div class="chart-canvas">`)
	b.WriteString(r.svg(chart.Line(c)))
	for i, pos := range chart.MarkPositions(c) {
		n := notes[i]
		fmt.Fprintf(&b, `<a class="chart-note-mark" href="#%s-note-%d" style="left:%.2f%%;top:%.2f%%" title="%s"><span class="visually-hidden">Note </span>%d</a>`,
			html.EscapeString(id), n.Num, pos[0], pos[1], html.EscapeString(n.Date+": "+n.Text), n.Num)
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

func init() {
	registerKind(kind.Metric, kindPages{
		manifest: metricManifest,
		changes:  metricChanges,
		page:     func(r *run, p *link.Page, d *PageData) { d.Metric = r.metricData(p.Metric) },
		list: func(r *run, _ *link.Page, d *PageData) {
			d.Board = r.dashboardData()
			d.Dashboard = d.Board.All
		},
		card: func(r *run, p *link.Page, c *CardData) {
			if p.Metric != nil { // nil when its id is another metric's (reported)
				c.Metric = r.metricData(p.Metric)
			}
		},
		keywords: func(p *link.Page, w *entryWords) {
			// The id is kept even when it spells the title ("churn" for
			// "Churn"): it is what data files and shortcodes call the metric.
			if id := strings.TrimSpace(p.Meta.Metric.ID); id != "" {
				w.keepKeyword(id)
			}
		},
	})
}

// ManifestMetric is a metric with what it is held to.
type ManifestMetric struct {
	ID     string   `json:"id"`
	Path   string   `json:"path"`
	Title  string   `json:"title"`
	Target *float64 `json:"target,omitempty"`
	Unit   string   `json:"unit,omitempty"`
	Owner  string   `json:"owner,omitempty"`
	ManifestTarget
}

// MetricChange is a metric whose target or owner changed.
type MetricChange struct {
	Title, URL           string
	TargetChanged        bool
	OldTarget, NewTarget string // "" when none is set
	OwnerChanged         bool
	OldOwner, NewOwner   string
	Settings             []SettingChange // what else it is held to: target date, baseline, scale, cadence, alertChange
}

// metricManifest adds the kind's part of the manifest.
func metricManifest(site *link.Site, m *Manifest) {
	for _, mt := range site.Metrics {
		p := mt.Page
		m.Metrics = append(m.Metrics, ManifestMetric{ID: mt.ID, Path: rootRel(p.URL), Title: p.Title(),
			Target: p.Meta.Metric.Target, Unit: p.Meta.Metric.Unit, Owner: p.Meta.Owner, ManifestTarget: manifestTarget(mt)})
	}
	sort.Slice(m.Metrics, func(i, j int) bool { return m.Metrics[i].ID < m.Metrics[j].ID })
}

// metricChanges lists what changed in the kind's part of the manifest, and
// says how many.
func metricChanges(prev, cur *Manifest, c *ChangesData) int {
	oldMetrics := map[string]ManifestMetric{}
	for _, m := range prev.Metrics {
		oldMetrics[m.ID] = m
	}
	for _, m := range cur.Metrics {
		old, ok := oldMetrics[m.ID]
		if !ok {
			continue
		}
		mc := MetricChange{Title: m.Title, URL: m.Path,
			OldTarget: targetText(old), NewTarget: targetText(m), OldOwner: old.Owner, NewOwner: m.Owner}
		mc.TargetChanged = mc.OldTarget != mc.NewTarget
		mc.OwnerChanged = old.Owner != m.Owner
		mc.Settings = settingChanges(old, m)
		if mc.TargetChanged || mc.OwnerChanged || len(mc.Settings) > 0 {
			c.Metrics = append(c.Metrics, mc)
		}
	}

	return len(c.Metrics)
}

func targetText(m ManifestMetric) string {
	if m.Target == nil {
		return ""
	}
	return withUnit(formatNumber(*m.Target), m.Unit)
}
