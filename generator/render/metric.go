package render

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strconv"
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
	// Mark (Lang, Dir) is the language of Title (and Name) where it is
	// not that of the text around it, on the page that lists the metric
	// (see metricOn); "" on the metric's own page and in a body.
	Mark
}

// metricOn is metric m as a page whose text is in around lists it (the
// dashboard, an initiative's or focus area's list, a journey's stage):
// its data, its title marked with its language where that is not
// around (textMark). The data is made once per metric and shared; a
// marked one is a copy.
func (r *run) metricOn(m *link.Metric, around string) *MetricData {
	d := r.metricData(m)
	mark := r.textMark(m.Page, around)
	if mark == (Mark{}) {
		return d
	}
	c := *d
	c.Mark = mark
	return &c
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
		Status: "no-data", StatusText: r.text.T("metric.no_data"),
	}
	switch p.Meta.Metric.Direction {
	case "up":
		d.DirectionText = r.text.T("metric.higher_better")
	case "down":
		d.DirectionText = r.text.T("metric.lower_better")
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
		d.Definition = &LinkData{Title: m.Definition.Title(), URL: rootRel(m.Definition.URL), Mark: r.titleMark(m.Definition, m.Page)}
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
			d.Change, d.ChangeDir, d.ChangeMood, d.ChangeWord = r.changeOf(s.Change, p.Meta.Metric.Direction)
		}
		d.Stale, d.StaleText = r.staleOf(s)
		d.Columns = tableColumns(m.Series)
		d.Points, d.Notes = r.tableOf(m.Series, p.Meta.Metric.Unit, m.MinN)
		d.Rows, d.TableRows = rowCount(m.Series), len(m.Series.Points)
		for _, pt := range d.Points {
			d.HasNotes = d.HasNotes || pt.Note != ""
		}
		d.CSV = csvURL(m)
		d.ChartID = "chart-" + m.ID
		d.Chart = r.lineChart(m, d.ChartID, d.Notes)
		d.Sparkline = template.HTML(r.svg(chart.Sparkline(r.text, p.Title(), chartPoints(m))))
		d.Segments = r.segmentsOf(m)
		d.N = nOf(s.Latest.N)
	} else if m.Series != nil && len(m.Series.Points) > 0 {
		// Every value for everyone is from too few responses: say so,
		// and how fresh the held-back data is, without a number.
		newest := m.Series.Points[len(m.Series.Points)-1]
		d.Held = r.held(newest.N)
		d.StatusText = r.text.T("status.not_shown")
		d.AsOf, d.AsOfISO = r.formatDate(newest.Date)
		d.Stale, d.StaleText = r.staleOf(m.Summary)
		d.Segments = r.segmentsOf(m)
	}
	r.targetFacts(m, d)
	d.Said = r.said(d)
	r.metrics[m.ID] = d
	return d
}

// changeOf is a change since the previous point, signed, with its
// direction and whether it is good in the metric's direction.
func (r *run) changeOf(change float64, direction string) (text, dir, mood, word string) {
	switch {
	case change > 0:
		text, dir = "+"+r.formatNumber(change), "up"
	case change < 0:
		text, dir = "−"+r.formatNumber(-change), "down"
	default:
		text, dir = "±0", "flat"
	}
	mood, word = changeMood(change, direction)
	if word != "" {
		word = r.text.T("change." + strings.ReplaceAll(word, " ", "_"))
	}
	return text, dir, mood, word
}

// held is the text of a value held back for too few responses.
func (r *run) held(n int) string { return r.text.T("metric.held", "n", strconv.Itoa(n)) }

// staleOf says whether a summary is stale and, if so, in words: when the
// next point was due with a cadence, else how old the newest is.
func (r *run) staleOf(s link.MetricSummary) (bool, string) {
	if !s.Stale {
		return false, ""
	}
	if !s.Due.IsZero() {
		due, _ := r.formatDate(s.Due)
		return true, r.text.T("metric.stale_due", "date", due)
	}
	return true, r.text.N("metric.stale_age", int(s.Age.Hours()/24))
}

// said is a metric's value as a sentence, for the chip's tooltip and the
// printed page, with the unit written once: "NPS 34.2 points, off track (target 40), as of 31 Oct 2026".
func (r *run) said(d *MetricData) string {
	asOf := ", " + r.text.T("metric.as_of") + " "
	if !d.HasData {
		if d.Held != "" {
			return d.Name + ": " + d.Held + asOf + d.AsOf
		}
		return d.Name + ": " + r.text.T("metric.no_data_lower")
	}
	s := d.Name + " " + d.Latest + ", " + lowerFirst(d.StatusText)
	if d.TargetShort != "" {
		s += " (" + r.text.T("metric.target_lower") + " " + d.TargetShort
		if d.TargetBy != "" {
			s += " " + r.text.T("metric.by") + " " + d.TargetBy
		}
		s += ")"
	}
	if d.Stale {
		s += ", " + lowerFirst(r.text.T("status.stale"))
	}
	return s + asOf + d.AsOf
}

// lowerFirst is a status in the middle of a sentence: its first letter in
// lower case ("On track" → "on track", German "Auf Kurs" → "auf Kurs").
func lowerFirst(s string) string {
	for i, c := range s {
		return strings.ToLower(string(c)) + s[i+len(string(c)):]
	}
	return s
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
		Target: p.Meta.Metric.Target, Direction: p.Meta.Metric.Direction, Path: chartPath(m), Text: r.text,
	}
	for _, n := range notes {
		c.Marks = append(c.Marks, chart.Mark{Date: n.date, Value: n.value})
	}
	var b strings.Builder
	b.WriteString(`<div class="chart-canvas">`)
	b.WriteString(r.svg(chart.Line(c)))
	for i, pos := range chart.MarkPositions(c) {
		n := notes[i]
		fmt.Fprintf(&b, `<a class="chart-note-mark" href="#%s-note-%d" style="left:%.2f%%;top:%.2f%%" title="%s"><span class="visually-hidden">%s </span>%d</a>`,
			html.EscapeString(id), n.Num, pos[0], pos[1], html.EscapeString(n.Date+": "+n.Text), html.EscapeString(r.text.T("chart.note")), n.Num)
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

func init() {
	registerKind(kind.Metric, kindPages{
		manifest: metricManifest,
		changes:  metricChanges,
		page:     func(r *run, p *link.Page, d *PageData) { d.Metric = r.metricData(p.Metric) },
		list: func(r *run, p *link.Page, d *PageData) {
			d.Board = r.dashboardData(r.textLang(p))
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
