// Package series reads the data files of live metrics: CSV in csv.go, JSON
// in json.go, TOML in toml.go, and here what they share. What the site makes
// of a metric's points (latest value, status, freshness) is decided where
// metrics are resolved, in package link.
//
// Every problem is a diagnostic at the row (and, where it can be found, the
// field) that causes it; bad rows are reported, never silently dropped.
package series

import (
	"bytes"
	"fmt"
	"math"
	pathpkg "path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Point is one observation of a metric.
type Point struct {
	Date    time.Time // UTC midnight
	Value   float64
	Segment string            // who the value is for, as written; "" (or "all") for everyone
	N       int               // responses behind the value; 0 when the file does not say
	Note    string            // a remark on the point, shown numbered on the chart
	Extra   map[string]string // the other columns, by lower-case name; nil when none
	Line    int               // 1-based line in the data file, for diagnostics
	valueAt int               // byte offset of the value in the file; -1 when not known
}

// File is the parsed content of one data file.
type File struct {
	Path string
	// Points is the headline series, sorted by date: the rows for
	// everyone (no segment, or segment "all"), or the rows of the only
	// segment the file names.
	Points []Point
	// Segments are the other rows, by segment in the order first written,
	// each sorted by date.
	Segments []Segment
	// Columns are the columns besides date and value, in the order written.
	Columns []Column
	src     []byte // the text, without its byte order mark, for diagnostics about values
}

// Segment is the series of one segment of a data file.
type Segment struct {
	Name   string
	Points []Point
}

// HasColumn reports whether the file has the column (a lower-case name).
func (f *File) HasColumn(key string) bool {
	for _, c := range f.Columns {
		if c.Key == key {
			return true
		}
	}
	return false
}

// maxDiags is the most diagnostics Read reports for one file;
// the last one then carries a note saying how many more were found.
const maxDiags = 50

// Read parses a data file. path is the slash path relative to the site
// root used in diagnostics (e.g. "content/data/nps.csv"); the format is
// chosen by extension (.csv, .json, .toml, in any case; anything else is an
// error).
//
// The returned File is never nil. When there are diagnostics it holds the
// rows that were read without problems (the first of two rows with the same
// date and segment); callers should treat any diagnostic as a failed file.
// A UTF-8 byte order mark at the start of the file is ignored in every
// format, and columns in diagnostics are counted after it.
func Read(path string, src []byte, opt Options) (*File, []diag.Diagnostic) {
	s := &File{Path: path}
	ext := strings.ToLower(pathpkg.Ext(path))
	switch ext {
	case ".csv", ".json", ".toml":
	default:
		what := fmt.Sprintf("%q files", ext)
		if ext == "" {
			what = "files without an extension"
		}
		return s, []diag.Diagnostic{diag.File(path,
			"cannot read %s as metric data; save the data as .csv, .json or .toml", what)}
	}
	body := bytes.TrimPrefix(src, []byte("\uFEFF"))
	s.src = body
	c := &collector{path: path, src: body, first: map[rowKey]int{}, cols: columns{opt: opt}}
	if i := invalidUTF8(body); i >= 0 {
		c.add(diag.At(path, body, i,
			"the file is not valid UTF-8 text (byte 0x%02X); save it with UTF-8 encoding", body[i]))
		return s, c.finish()
	}
	if len(bytes.TrimSpace(body)) > 0 {
		switch ext {
		case ".csv":
			readCSV(c)
		case ".json":
			readJSON(c)
		case ".toml":
			readTOML(c)
		}
	}
	if len(c.points) == 0 && c.total == 0 {
		c.add(diag.File(path, "has no data points; add at least one %s", example[ext]))
	}
	s.Columns = c.cols.list
	s.Points, s.Segments = c.split()
	if len(s.Points) == 0 && len(s.Segments) > 1 && c.total == 0 {
		names := make([]string, len(s.Segments))
		for i, seg := range s.Segments {
			names[i] = fmt.Sprintf("%q", seg.Name)
		}
		c.add(diag.File(path, "every row names a segment (%s), so there is no value for everyone to lead the page with; add rows with segment %q (or no segment) for the overall value of each date",
			strings.Join(names, ", "), Whole))
	}
	return s, c.finish()
}

// split sorts the points into the headline series and the segments.
func (c *collector) split() ([]Point, []Segment) {
	byDate := func(ps []Point) {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Date.Before(ps[j].Date) })
	}
	var whole []Point
	var segs []Segment
	if !slices.ContainsFunc(c.points, func(p Point) bool { return !forWhole(p.Segment) }) {
		whole = c.points // the common case: no segments, nothing to copy
		byDate(whole)
		return whole, nil
	}
	at := map[string]int{}
	for _, p := range c.points {
		if forWhole(p.Segment) {
			whole = append(whole, p)
			continue
		}
		i, ok := at[p.Segment]
		if !ok {
			i = len(segs)
			at[p.Segment] = i
			segs = append(segs, Segment{Name: p.Segment})
		}
		segs[i].Points = append(segs[i].Points, p)
	}
	if len(whole) == 0 && len(segs) == 1 {
		// One segment only: the file is that group's series.
		whole, segs = segs[0].Points, nil
	}
	byDate(whole)
	for i := range segs {
		byDate(segs[i].Points)
	}
	return whole, segs
}

var example = map[string]string{
	".csv":  `row below a header row, such as "date,value" then "2025-11-30,41.2"`,
	".json": `point, such as [{"date": "2025-11-30", "value": 41.2}]`,
	".toml": `point, such as a [[points]] table with date = 2025-11-30 and value = 41.2`,
}

// collector gathers the points and diagnostics of one file, in file order.
type collector struct {
	path   string
	src    []byte // the file without its byte order mark
	diags  []diag.Diagnostic
	total  int // diagnostics found, kept or not
	points []Point
	first  map[rowKey]int // date and segment -> line of the first row with them
	lines  []int          // start offsets of the lines, made when first needed
	cols   columns
}

// rowKey is what two rows of a file may not share.
type rowKey struct {
	day     int64  // days since 1970-01-01
	segment string // "" for everyone
}

func (c *collector) add(d diag.Diagnostic) {
	c.total++
	if len(c.diags) < maxDiags {
		c.diags = append(c.diags, d)
	}
}

// addRow adds the diagnostics of one row, ordered by position.
func (c *collector) addRow(ds []diag.Diagnostic) {
	sort.SliceStable(ds, func(a, b int) bool {
		if ds[a].Line != ds[b].Line {
			return ds[a].Line < ds[b].Line
		}
		return ds[a].Col < ds[b].Col
	})
	for _, d := range ds {
		c.add(d)
	}
}

// at makes a diagnostic at a byte offset of the file. Once the cap is
// reached it makes an empty one, which add only counts: locating costs a
// pass over the file, and a file may have a bad row on every line.
func (c *collector) at(offset int, format string, args ...any) diag.Diagnostic {
	if len(c.diags) >= maxDiags {
		return diag.Diagnostic{}
	}
	return diag.At(c.path, c.src, offset, format, args...)
}

// lineOf is the 1-based line of a byte offset, in logarithmic time.
func (c *collector) lineOf(offset int) int {
	if c.lines == nil {
		c.lines = lineStarts(c.src)
	}
	return sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > offset })
}

// point keeps a good point, or reports its date as a repeat at dateOffset.
func (c *collector) point(p Point, dateOffset int) {
	key := rowKey{day: p.Date.Unix() / 86400}
	if !forWhole(p.Segment) {
		key.segment = p.Segment
	}
	if line, dup := c.first[key]; dup {
		var d diag.Diagnostic
		if key.segment == "" {
			d = c.at(dateOffset, "date %s appears twice; keep one row per date and delete or fix the other",
				p.Date.Format(time.DateOnly))
		} else {
			d = c.at(dateOffset, "date %s appears twice for segment %q; keep one row per date and segment and delete or fix the other",
				p.Date.Format(time.DateOnly), p.Segment)
		}
		d.Notes = append(d.Notes, fmt.Sprintf("%s:%d: the first row with this date", c.path, line))
		c.add(d)
		return
	}
	c.first[key] = p.Line
	c.points = append(c.points, p)
}

func (c *collector) finish() []diag.Diagnostic {
	if c.total > len(c.diags) && len(c.diags) > 0 {
		last := &c.diags[len(c.diags)-1]
		n := c.total - len(c.diags)
		last.Notes = append(last.Notes, fmt.Sprintf("%d more %s in this file %s not shown; fix these and check again",
			n, plural(n, "problem", "problems"), plural(n, "is", "are")))
	}
	if len(c.diags) == 0 {
		return nil
	}
	return c.diags
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// ---- dates and values, shared by the three formats ----

// parseDate reads an ISO date (YYYY-MM-DD) or an RFC 3339 timestamp,
// whose date part (as written, in its own offset) is kept. It returns UTC
// midnight of the date, or a message saying what is wrong and what to do.
func parseDate(s string) (time.Time, string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return time.Time{}, "date is empty; write the date as YYYY-MM-DD, such as 2025-11-30"
	}
	if dateShape(t) {
		d, err := time.Parse(time.DateOnly, t)
		if err != nil {
			return time.Time{}, fmt.Sprintf("date %q is not a real calendar date; check the month (01-12) and the day", t)
		}
		return d, ""
	}
	if len(t) > 10 && dateShape(t[:10]) && (t[10] == 'T' || t[10] == 't' || t[10] == ' ') {
		if ts, err := time.Parse(time.RFC3339Nano, strings.ToUpper(t[:10])+"T"+strings.ToUpper(t[11:])); err == nil {
			return time.Date(ts.Year(), ts.Month(), ts.Day(), 0, 0, 0, 0, time.UTC), ""
		}
		if _, err := time.Parse(time.DateOnly, t[:10]); err != nil {
			return time.Time{}, fmt.Sprintf("date %q is not a real calendar date; check the month (01-12) and the day", t)
		}
		return time.Time{}, fmt.Sprintf("date %q has a time but no UTC offset; write just the date, such as %s", t, t[:10])
	}
	return time.Time{}, fmt.Sprintf("date %q is not in YYYY-MM-DD form; write it like 2025-11-30", t)
}

func dateShape(t string) bool {
	if len(t) != 10 {
		return false
	}
	for i := 0; i < 10; i++ {
		switch i {
		case 4, 7:
			if t[i] != '-' {
				return false
			}
		default:
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
	}
	return true
}

// plainNumber reports whether s is a decimal number: an optional sign,
// digits with an optional decimal point, and an optional exponent.
func plainNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// parseValue reads a value written as text (a CSV field, or a JSON or
// TOML string checked by the caller) and says what to do when it is not a
// finite plain number.
func parseValue(s string) (float64, string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, "value is empty; write a number such as 41.2, or remove the row"
	}
	if plainNumber(t) {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, fmt.Sprintf("value %q is too large to store; write an ordinary number such as 41.2", t)
		}
		return f, ""
	}
	return 0, notNumber(t)
}

// notNumber explains why t, which is not a plain number, is refused.
func notNumber(t string) string {
	switch strings.ToLower(strings.TrimLeft(t, "+-")) {
	case "nan", "inf", "infinity", "∞":
		return fmt.Sprintf("value %q is not a finite number; write a plain number such as 41.2, or remove the row", t)
	}
	if n := strings.TrimSpace(strings.TrimSuffix(t, "%")); n != t && plainNumber(n) {
		return fmt.Sprintf("value %q is not a number; write it without the %% sign, such as %s", t, n)
	}
	if strings.Contains(t, ",") {
		if n := strings.ReplaceAll(t, ",", ""); thousands(t) && plainNumber(n) {
			return fmt.Sprintf("value %q is not a number; write it without thousands separators, such as %s", t, n)
		}
		if n := strings.Replace(t, ",", ".", 1); strings.Count(t, ",") == 1 && !strings.Contains(t, ".") && plainNumber(n) {
			return fmt.Sprintf("value %q is not a number; use a point as the decimal mark, such as %s", t, n)
		}
	}
	return fmt.Sprintf("value %q is not a number; write a plain number such as 41.2", t)
}

// thousands reports whether t groups its integer digits by three with commas.
func thousands(t string) bool {
	t = strings.TrimLeft(t, "+-")
	if i := strings.IndexByte(t, '.'); i >= 0 {
		t = t[:i]
	}
	groups := strings.Split(t, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}
