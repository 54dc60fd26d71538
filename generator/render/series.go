package render

import (
	"bytes"
	"encoding/csv"
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

// tableColumns are the headers of the columns of f that the table shows
// besides date, value and note, as the file names them. The segment is
// left out: the table is of the headline series, whose segment is the
// same in every row.
func tableColumns(f *series.File) []CellData {
	var out []CellData
	for _, c := range tableKeys(f) {
		out = append(out, CellData{Text: c.Name, Num: c.Key == "n"})
	}
	return out
}

func tableKeys(f *series.File) []series.Column {
	var out []series.Column
	for _, c := range f.Columns {
		if c.Key != "segment" && c.Key != "note" {
			out = append(out, c)
		}
	}
	return out
}

// rowCount is every row of the data file: the headline series and the segments.
func rowCount(f *series.File) int {
	n := len(f.Points)
	for _, seg := range f.Segments {
		n += len(seg.Points)
	}
	return n
}

// tableOf makes the table rows (the newest tableRows, newest first) and the
// numbered notes (the newest maxNotes, oldest first) of the headline series
// of f, sorted by date.
//
// A value from fewer than minN responses is written "too few responses
// (n = 12)" instead, and its note, kept in the table, gets no marker on the
// chart, which would show where the value is.
func (r *run) tableOf(f *series.File, unit string, minN int) ([]PointData, []NoteData) {
	points := f.Points
	cols := tableKeys(f)
	var notes []NoteData
	for i := len(points) - 1; i >= 0 && len(notes) < maxNotes; i-- {
		pt := points[i]
		if text := strings.TrimSpace(pt.Note); text != "" && !pt.Few(minN) {
			date, iso := r.formatDate(pt.Date)
			notes = append(notes, NoteData{Date: date, DateISO: iso, Value: withUnit(r.formatNumber(pt.Value), unit),
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
		date, iso := r.formatDate(pt.Date)
		var cells []CellData
		for _, c := range cols {
			cells = append(cells, CellData{Text: pt.Text(c.Key), Num: c.Key == "n"})
		}
		value := withUnit(r.formatNumber(pt.Value), unit)
		if pt.Few(minN) {
			value = r.held(pt.N)
		}
		rows = append(rows, PointData{Date: date, DateISO: iso, Value: value,
			Note: strings.TrimSpace(pt.Note), NoteNum: num[i], Cells: cells, Few: pt.Few(minN)})
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
		if err := r.sink.Write(d.CSV, seriesCSV(m.Series, m.MinN)); err != nil {
			r.fail(diag.File(d.CSV, "cannot write: %v", err))
		}
	}
}

// seriesCSV is every row of f as CSV: date, value (as exact as the data
// file wrote it; empty when from fewer than minN responses, as on the
// page), then the other columns in the file's order, headline rows first,
// then each segment's. encoding/csv quotes what needs quoting;
// a text cell that a spreadsheet would run as a formula (starting with = +
// - @, a tab or a carriage return) gets a leading apostrophe, as OWASP
// advises against CSV injection.
func seriesCSV(f *series.File, minN int) []byte {
	var b bytes.Buffer
	b.Grow(rowCount(f) * 24)
	w := csv.NewWriter(&b)
	row := make([]string, 0, 2+len(f.Columns))
	row = append(row, "date", "value")
	for _, c := range f.Columns {
		row = append(row, c.Key)
	}
	_ = w.Write(row) // a bytes.Buffer never fails
	write := func(points []series.Point) {
		for _, pt := range points {
			value := strconv.FormatFloat(pt.Value, 'g', -1, 64)
			if pt.Few(minN) {
				value = ""
			}
			row = append(row[:0], pt.Date.Format("2006-01-02"), value)
			for _, c := range f.Columns {
				row = append(row, defuseFormula(pt.Text(c.Key)))
			}
			_ = w.Write(row)
		}
	}
	write(f.Points)
	for _, seg := range f.Segments {
		write(seg.Points)
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
