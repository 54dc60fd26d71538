package render

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/render/chart"
)

// The types below are what templates see. Every URL in them is relative to
// the site root without a leading slash ("vision/promise/", "" for home);
// templates put {{$.Root}} before it, so a built site works under any path prefix.

// SiteData is the same for every page.
type SiteData struct {
	Title      string
	Language   string
	Version    string
	BuiltOn    string // "23 Nov 2026"
	BuiltISO   string
	Nav        []*NavItem
	Sections   []LinkData // top-level sections, for the home page
	LiveReload bool       // only in `shiftbook serve`
	Published  bool       // built by `shiftbook publish`: versions.json is beside the edition
}

// PageData is one page as its layout sees it.
type PageData struct {
	Site        *SiteData
	Kind        string
	Title       string
	Description string
	URL         string        // root-relative
	Root        string        // from this page to the site root: "../../", "./" for home
	Nav         template.HTML // the navigation, open on the way to this page
	// HideNavigation leaves the navigation out of the page (hide: [navigation]).
	HideNavigation bool
	Content        template.HTML
	TOC            []TOCItem
	Breadcrumbs    []LinkData
	Prev, Next     *LinkData
	Owner          string
	Reviewed       string
	ReviewedISO    string
	Updated        string
	UpdatedISO     string
	Tags           []LinkData
	Draft          bool
	Children       []CardData

	Definition *DefinitionData
	Metric     *MetricData
	Journey    *JourneyData

	Glossary     []LetterGroup
	Dashboard    []*MetricData // every metric, by weight then title
	Board        *DashboardData
	Customer     []CardData // journeys index
	Employee     []CardData
	TagList      []TagData
	Book         []BookPart
	BookContents []BookContents
	BookTerms    []TermData
	Scorecard    []*MetricData // the book's metrics scorecard; nil when the site turns it off
	Changes      *ChangesData  // the /changes/ page
}

// LinkData is a titled link.
type LinkData struct {
	Title string
	URL   string // from the site root: "vision/always/"
	// Href is URL from the page shown ({{.Root}} and URL in one), for the
	// links of every page: breadcrumbs, tags, previous and next. One value
	// to escape instead of two, on every page.
	Href string
}

// NavItem is an entry of the site navigation; Children are shown when the
// reader is inside it.
type NavItem struct {
	Title    string
	URL      string
	Children []*NavItem

	href, text string // URL and Title escaped once: the navigation is on every page
}

// TOCItem is a heading of the page, with the headings below it.
type TOCItem struct {
	ID, Title string
	Children  []TOCItem
}

// CardData summarises a page in a listing.
type CardData struct {
	Title, URL, Description, Kind string
	Summary                       string
	Owner                         string
	Metric                        *MetricData
	Journey                       *JourneyData // on /journeys/: the journey in brief
}

// DefinitionData is a term's own data.
type DefinitionData struct {
	Abbr     string
	Synonyms []string
	Summary  string
	UsedBy   []LinkData
	Metrics  []LinkData
}

// TermData is a term in the glossary.
type TermData struct {
	ID, Title, Abbr, Summary, URL string
	Synonyms                      []string
}

// LetterGroup is a letter of the glossary.
type LetterGroup struct {
	Letter, ID string
	Terms      []TermData
}

// PointData is a row of a metric's data table.
type PointData struct {
	Date, DateISO, Value, Note string
	NoteNum                    int        // the number of its marker on the chart, 0 when none
	Cells                      []CellData // the other columns, as MetricData.Columns names them
	Few                        bool       // Value says "too few responses": the number is kept back (minN)
}

// CellData is a cell of a table: its text, and whether it is a number
// (aligned to the right, as numbers are).
type CellData struct {
	Text string
	Num  bool
}

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
	ChartID                        string      // prefix of the chart's element ids on the page
	Points                         []PointData // the newest tableRows rows, newest first
	Rows                           int         // every row of the data file
	HasNotes                       bool        // a row of Points has a note
	Columns                        []CellData  // headers of the data file's other columns shown in the table, in file order
	Notes                          []NoteData  // the numbered notes, oldest first
	CSV                            string      // root-relative URL of the whole series as CSV
}

// More reports whether the table shows fewer rows than the data has.
func (d *MetricData) More() bool { return d.Rows > len(d.Points) }

// JourneyData is a journey map.
type JourneyData struct {
	ID, Title, URL, Persona, Kind string
	Stages                        []StageData
	Curve                         template.HTML
}

// Lowest is the stage where the persona feels worst (the first of equals),
// the one a journey list names as its low point.
func (d *JourneyData) Lowest() *StageData {
	var low *StageData
	for i := range d.Stages {
		if low == nil || d.Stages[i].Feeling < low.Feeling {
			low = &d.Stages[i]
		}
	}
	return low
}

// StageData is a stage of a journey map.
type StageData struct {
	Name, FeelingText string
	Feeling           int
	Touchpoints       []string
	Pains             []string
	Metrics           []*MetricData
}

// TagData is a tag with its pages.
type TagData struct {
	Name, URL string
	Pages     []LinkData
}

// BookEntry is a page of the book.
type BookEntry struct {
	ID, Title string
	Level     int // 1 for a chapter, 2 and deeper for its pages
	Chapter   bool
	Journey   *JourneyData // the map of a journey page, shown above its text
	content   func() template.HTML
}

// BookPart is a chapter of the book with the pages below it, printed under
// the chapter's running head.
type BookPart struct {
	ID      string
	Entries []BookEntry
}

// Content is the page's body as the book shows it, made when the template
// asks for it: made all at once, the bodies of every chapter would double
// the memory the book takes.
func (e BookEntry) Content() template.HTML { return e.content() }

// link is a link of the page, its Href made from the page.
func (d *PageData) link(title, url string) LinkData {
	return LinkData{Title: title, URL: url, Href: d.Root + url}
}

// rootRel is a page URL relative to the site root: "/a/b/" → "a/b/".
func rootRel(u string) string { return strings.TrimPrefix(u, "/") }

// rootFrom is the way from a page URL back to the site root.
func rootFrom(u string) string {
	depth := strings.Count(strings.Trim(u, "/"), "/") + 1
	if strings.Trim(u, "/") == "" {
		return "./"
	}
	return strings.Repeat("../", depth)
}

// relURL is target (site-absolute, may hold #fragment) relative to page URL from.
func relURL(from, target string) string {
	if strings.HasPrefix(target, "#") {
		return target
	}
	pathPart, frag, hasFrag := strings.Cut(target, "#")
	out := rootFrom(from) + rootRel(pathPart)
	if pathPart == from {
		out = "./"
	}
	if hasFrag {
		if pathPart == from {
			return "#" + frag
		}
		out += "#" + frag
	}
	return out
}

func formatDate(t time.Time) (string, string) {
	if t.IsZero() {
		return "", ""
	}
	return t.Format("2 Jan 2006"), t.Format("2006-01-02")
}

// formatNumber shows a value as a reader expects: at most two decimals,
// no trailing zeros, thousands unseparated (the intranet is multilingual).
func formatNumber(v float64) string {
	r := math.Round(v*100) / 100
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func withUnit(v, unit string) string {
	switch unit {
	case "":
		return v
	case "%":
		return v + "%"
	}
	return v + " " + unit
}

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
		d.Target = withUnit(formatNumber(*p.Meta.Metric.Target), p.Meta.Metric.Unit)
		d.TargetShort = formatNumber(*p.Meta.Metric.Target)
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
		d.LatestRaw = formatNumber(s.Latest.Value)
		d.Latest = withUnit(d.LatestRaw, p.Meta.Metric.Unit)
		d.AsOf, d.AsOfISO = formatDate(s.Latest.Date)
		d.Status = string(s.Status)
		d.StatusText = statusText[s.Status]
		if s.Previous != nil {
			switch {
			case s.Change > 0:
				d.Change, d.ChangeDir = "+"+formatNumber(s.Change), "up"
			case s.Change < 0:
				d.Change, d.ChangeDir = "−"+formatNumber(-s.Change), "down"
			default:
				d.Change, d.ChangeDir = "±0", "flat"
			}
			d.ChangeMood, d.ChangeWord = changeMood(s.Change, p.Meta.Metric.Direction)
		}
		if s.Stale {
			d.Stale = true
			d.StaleText = fmt.Sprintf("Stale: newest data is %d days old", int(s.Age.Hours()/24))
			if !s.Due.IsZero() { // the metric has a cadence: say when the next point was due
				due, _ := formatDate(s.Due)
				d.StaleText = fmt.Sprintf("Stale: the next point was due on %s", due)
			}
		}
		d.Columns = tableColumns(m.Series)
		d.Points, d.Notes = tableOf(m.Series, p.Meta.Metric.Unit, m.MinN)
		d.Rows = rowCount(m.Series)
		for _, pt := range d.Points {
			d.HasNotes = d.HasNotes || pt.Note != ""
		}
		d.CSV = csvURL(m)
		d.ChartID = "chart-" + m.ID
		d.Chart = r.lineChart(m, d.ChartID, d.Notes)
		d.Sparkline = template.HTML(r.svg(chart.Sparkline(p.Title(), chartPoints(m))))
	}
	d.Said = said(d)
	r.metrics[m.ID] = d
	return d
}

// said is a metric's value as a sentence, for the chip's tooltip and the
// printed page, with the unit written once: "NPS 34.2 points, off track (target 40), as of 31 Oct 2026".
func said(d *MetricData) string {
	if !d.HasData {
		return d.Name + ": no data yet"
	}
	s := d.Name + " " + d.Latest + ", " + strings.ToLower(d.StatusText)
	if d.TargetShort != "" {
		s += " (target " + d.TargetShort + ")"
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
		Target: p.Meta.Metric.Target, Direction: p.Meta.Metric.Direction,
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

// svg minifies a chart when the site is minified.
func (r *run) svg(s string) string {
	if r.mini == nil {
		return s
	}
	return r.mini.svg(s)
}

// journeyData is a journey map; uid makes its element ids unique on a page
// that embeds it ("" on the journey's own page).
func (r *run) journeyData(p *link.Page, uid string) *JourneyData {
	j := p.Journey
	d := &JourneyData{ID: uid + j.ID, Title: p.Title(), URL: rootRel(p.URL), Persona: p.Meta.Journey.Persona, Kind: p.Meta.Journey.Kind}
	if d.Kind == "" {
		d.Kind = "customer"
	}
	var stages []chart.Stage
	for _, st := range j.Stages {
		sd := StageData{Name: st.Name, Feeling: st.Feeling, FeelingText: chart.FeelingWord(st.Feeling),
			Touchpoints: st.Touchpoints, Pains: st.Pains}
		for _, m := range st.Metrics {
			sd.Metrics = append(sd.Metrics, r.metricData(m))
		}
		d.Stages = append(d.Stages, sd)
		stages = append(stages, chart.Stage{Name: st.Name, Feeling: st.Feeling})
	}
	d.Curve = template.HTML(r.svg(chart.Feeling("feeling-"+d.ID, p.Title()+": how the persona feels at each stage", stages)))
	return d
}
