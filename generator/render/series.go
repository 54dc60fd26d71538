package render

import (
	"bytes"
	"encoding/csv"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/series"
)

// A metric's series is shown three ways, each made in one pass over the
// points: the chart (every point, see chart.Line), the table of its newest
// rows, and the whole series as a CSV file beside the metric's page, which
// the table links to.

// tableRows is how many of the newest rows a metric's table shows: a table
// of 200,000 rows is megabytes no reader scrolls through; the CSV holds them all.
const tableRows = 100

// maxNotes is how many notes (the newest) a chart numbers: more markers
// would cover the line.
const maxNotes = 30

// tableOf makes the table rows (the newest tableRows, newest first) and the
// numbered notes (the newest maxNotes, oldest first) of points, sorted by date.
func tableOf(points []series.Point, unit string) ([]PointData, []NoteData) {
	var notes []NoteData
	for i := len(points) - 1; i >= 0 && len(notes) < maxNotes; i-- {
		pt := points[i]
		if text := strings.TrimSpace(pt.Extra["note"]); text != "" {
			date, iso := formatDate(pt.Date)
			notes = append(notes, NoteData{Date: date, DateISO: iso, Value: withUnit(formatNumber(pt.Value), unit),
				Text: text, InTable: len(points)-i <= tableRows, date: pt.Date, value: pt.Value, idx: i})
		}
	}
	slices.Reverse(notes)
	num := map[int]int{} // index of the point → its note number
	for k := range notes {
		notes[k].Num = k + 1
		num[notes[k].idx] = k + 1
	}
	rows := make([]PointData, 0, min(len(points), tableRows))
	for i := len(points) - 1; i >= 0 && len(rows) < tableRows; i-- {
		pt := points[i]
		date, iso := formatDate(pt.Date)
		var parts []string
		for _, k := range []string{"segment", "note"} {
			if v := strings.TrimSpace(pt.Extra[k]); v != "" {
				parts = append(parts, v)
			}
		}
		rows = append(rows, PointData{Date: date, DateISO: iso, Value: withUnit(formatNumber(pt.Value), unit),
			Note: strings.Join(parts, " · "), NoteNum: num[i]})
	}
	return rows, notes
}

// csvURL is where a metric's series is written: beside its page, named by
// its id ("metrics/nps/nps.csv").
func csvURL(m *link.Metric) string {
	return path.Join(rootRel(m.Page.URL), m.ID+".csv")
}

// writeSeriesCSV writes every metric's whole series as CSV beside its page.
func (r *run) writeSeriesCSV() {
	for _, m := range r.site.Metrics {
		d := r.metrics[m.ID]
		if d == nil || d.CSV == "" {
			continue
		}
		if err := r.sink.Write(d.CSV, seriesCSV(m.Series.Points)); err != nil {
			r.fail(diag.File(d.CSV, "cannot write: %v", err))
		}
	}
}

// seriesCSV is points as CSV: date, value (as exact as the data file
// wrote it), then the other columns in name order. encoding/csv quotes what
// needs quoting; a text cell that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) gets a leading
// apostrophe, as OWASP advises against CSV injection.
func seriesCSV(points []series.Point) []byte {
	cols := map[string]bool{}
	for _, pt := range points {
		for k := range pt.Extra {
			cols[k] = true
		}
	}
	delete(cols, "date")
	delete(cols, "value")
	extra := slices.Sorted(maps.Keys(cols))
	var b bytes.Buffer
	b.Grow(len(points) * 24)
	w := csv.NewWriter(&b)
	row := make([]string, 0, 2+len(extra))
	_ = w.Write(append(append(row, "date", "value"), extra...)) // a bytes.Buffer never fails
	for _, pt := range points {
		row = append(row[:0], pt.Date.Format("2006-01-02"), strconv.FormatFloat(pt.Value, 'g', -1, 64))
		for _, k := range extra {
			row = append(row, defuseFormula(pt.Extra[k]))
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
