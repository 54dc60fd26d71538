package render

// A metric's breakdown by the segments of its data file: a table on the
// metric's page, and small multiples there and under
// {{< chart "id" segments=true >}}.

import (
	"html/template"
	"strconv"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/render/chart"
	"github.com/shiftbook/shiftbook/generator/series"
)

// SegmentData is one segment of a metric's data, a row of its breakdown.
// Its fields are named as MetricData's so the status and change partials
// show both.
type SegmentData struct {
	Name                                      string
	HasData                                   bool   // a value may be shown; else Latest says why not
	Latest                                    string // "41.2 points", or "too few responses (n = 12)"
	AsOf, AsOfISO                             string
	Change, ChangeDir, ChangeMood, ChangeWord string
	Status, StatusText                        string
	Stale                                     bool
	StaleText                                 string
	Sparkline                                 template.HTML // the segment's trend in its table row
	N                                         string        // responses behind Latest ("412"), "" when the file does not say
	AlertText                                 string        // its latest value moved sharply; "" when not
	Small                                     template.HTML // the segment's small multiple; "" when its values are held back
}

// segmentsOf makes the breakdown of a metric by its data file's segments.
// A segment whose values all come from too few responses gets a row that
// says so, without a number, status or chart.
func (r *run) segmentsOf(m *link.Metric) []SegmentData {
	unit, dir := m.Page.Meta.Metric.Unit, m.Page.Meta.Metric.Direction
	var out []SegmentData
	for _, seg := range m.Segments {
		d := SegmentData{Name: seg.Name, Status: "no-data", StatusText: r.text.T("status.not_shown")}
		s := seg.Summary
		if s.Latest == nil {
			d.Latest = r.held(seg.Newest.N)
			d.N = nOf(seg.Newest.N)
			d.AsOf, d.AsOfISO = r.formatDate(seg.Newest.Date)
			out = append(out, d)
			continue
		}
		d.HasData = true
		d.Latest = withUnit(r.formatNumber(s.Latest.Value), unit)
		d.N = nOf(s.Latest.N)
		d.AlertText = r.alertText(s.Alert, m.Page.Meta.Metric.AlertChange, unit)
		d.AsOf, d.AsOfISO = r.formatDate(s.Latest.Date)
		d.Status, d.StatusText = string(s.Status), r.word("status", statusText[s.Status])
		if s.Previous != nil {
			d.Change, d.ChangeDir, d.ChangeMood, d.ChangeWord = r.changeOf(s.Change, dir)
		}
		d.Stale, d.StaleText = r.staleOf(s)
		d.Sparkline = template.HTML(r.svg(chart.Sparkline(r.text, m.Page.Title()+", "+seg.Name, shownSegment(m, seg.Name))))
		out = append(out, d)
	}
	r.smallMultiples(m, "small-"+m.ID+"-", out)
	return out
}

// shownSegment is the points of the named segment that may be shown.
func shownSegment(m *link.Metric, name string) []chart.Point {
	var pts []chart.Point
	for _, pt := range (&series.File{Points: segmentPoints(m, name)}).Shown(m.MinN).Points {
		pts = append(pts, chart.Point{Date: pt.Date, Value: pt.Value})
	}
	return pts
}

// smallMultiples sets the Small chart of each segment of segs (m's, in its
// order) that may be shown, all on one scale: the values and dates of
// every segment, and the target. prefix makes their ids unique on the page.
func (r *run) smallMultiples(m *link.Metric, prefix string, segs []SegmentData) {
	var all [][]chart.Point
	for _, s := range segs {
		if s.HasData {
			all = append(all, shownSegment(m, s.Name))
		} else {
			all = append(all, nil)
		}
	}
	frame := chart.FrameOf(m.Page.Meta.Metric.Target, all...)
	for i := range segs {
		if !segs[i].HasData {
			continue
		}
		c := chart.LineChart{ID: prefix + strconv.Itoa(i+1), Title: m.Page.Title() + ", " + segs[i].Name,
			Unit: m.Page.Meta.Metric.Unit, Points: all[i], Target: m.Page.Meta.Metric.Target, Direction: m.Page.Meta.Metric.Direction, Text: r.text}
		segs[i].Small = template.HTML(r.svg(chart.Small(c, frame)))
	}
}

// withSmallMultiples is d with its segments' small multiples drawn again
// with ids from prefix, for a page that shows them beside others.
func (r *run) withSmallMultiples(m *link.Metric, d *MetricData, prefix string) *MetricData {
	md := *d
	md.Segments = append([]SegmentData(nil), d.Segments...)
	r.smallMultiples(m, prefix, md.Segments)
	return &md
}

// segmentMetric is d as the value of one of its segments, for
// {{< metric "id" segment="business" >}}: named "NPS (business)", with the
// segment's latest value, status and date; link has checked the segment
// exists. A segment whose values all come from too few responses reads as
// a metric without data, its value "too few responses (n = 12)".
func (r *run) segmentMetric(d *MetricData, name string) *MetricData {
	for _, s := range d.Segments {
		if s.Name != name {
			continue
		}
		md := *d
		md.Name = d.Name + " (" + s.Name + ")"
		md.HasData, md.Latest, md.AsOf, md.AsOfISO = s.HasData, s.Latest, s.AsOf, s.AsOfISO
		md.Status, md.StatusText, md.Stale, md.StaleText = s.Status, s.StatusText, s.Stale, s.StaleText
		md.Change, md.ChangeDir, md.ChangeMood, md.ChangeWord = s.Change, s.ChangeDir, s.ChangeMood, s.ChangeWord
		md.Said = r.said(&md)
		if !s.HasData {
			md.Held = s.Latest
			md.Said = md.Name + ": " + s.Latest + ", " + r.text.T("metric.as_of") + " " + s.AsOf
		}
		return &md
	}
	return d
}

// segmentPoints is the series of the named segment of m's data file.
func segmentPoints(m *link.Metric, name string) []series.Point {
	for _, seg := range m.Series.Segments {
		if seg.Name == name {
			return seg.Points
		}
	}
	return nil
}
