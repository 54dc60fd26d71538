package parse

// Readers for the data files of live metrics (CSV, JSON and TOML), and the
// summary the site shows for a metric: latest value, change, status against
// target and freshness.
//
// Every problem is a diagnostic at the row (and, where it can be found, the
// field) that causes it; bad rows are reported, never silently dropped.
// Unexported names in this file start with "series" so that they cannot
// collide with the other readers of package parse.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	pathpkg "path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Point is one observation of a metric.
type Point struct {
	Date  time.Time // UTC midnight
	Value float64
	Line  int               // 1-based line in the data file, for diagnostics
	Extra map[string]string // further CSV columns / JSON or TOML string fields (segment, note), nil when none
}

// Series is the parsed content of one data file, points sorted by date ascending.
type Series struct {
	Path   string
	Points []Point
}

// seriesMaxDiags is the most diagnostics ReadSeries reports for one file;
// the last one then carries a note saying how many more were found.
const seriesMaxDiags = 50

// ReadSeries parses a data file. path is the slash path relative to the site
// root used in diagnostics (e.g. "content/data/nps.csv"); the format is
// chosen by extension (.csv, .json, .toml, in any case; anything else is an
// error).
//
// The returned Series is never nil. When there are diagnostics it holds the
// rows that were read without problems (the first of two rows with the same
// date); callers should treat any diagnostic as a failed file. A UTF-8 byte
// order mark at the start of the file is ignored in every format, and
// columns in diagnostics are counted after it.
func ReadSeries(path string, src []byte) (*Series, []diag.Diagnostic) {
	s := &Series{Path: path}
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
	c := &seriesCollector{path: path, src: body, first: map[time.Time]int{}}
	if i := seriesInvalidUTF8(body); i >= 0 {
		c.add(diag.At(path, body, i,
			"the file is not valid UTF-8 text (byte 0x%02X); save it with UTF-8 encoding", body[i]))
		return s, c.finish()
	}
	if len(bytes.TrimSpace(body)) > 0 {
		switch ext {
		case ".csv":
			seriesReadCSV(c)
		case ".json":
			seriesReadJSON(c)
		case ".toml":
			seriesReadTOML(c)
		}
	}
	if len(c.points) == 0 && c.total == 0 {
		c.add(diag.File(path, "has no data points; add at least one %s", seriesExample[ext]))
	}
	sort.SliceStable(c.points, func(i, j int) bool { return c.points[i].Date.Before(c.points[j].Date) })
	s.Points = c.points
	return s, c.finish()
}

var seriesExample = map[string]string{
	".csv":  `row below a header row, such as "date,value" then "2025-11-30,41.2"`,
	".json": `point, such as [{"date": "2025-11-30", "value": 41.2}]`,
	".toml": `point, such as a [[points]] table with date = 2025-11-30 and value = 41.2`,
}

// seriesCollector gathers the points and diagnostics of one file, in file order.
type seriesCollector struct {
	path   string
	src    []byte // the file without its byte order mark
	diags  []diag.Diagnostic
	total  int // diagnostics found, kept or not
	points []Point
	first  map[time.Time]int // date -> line of the first row with it
	lines  []int             // start offsets of the lines, made when first needed
}

func (c *seriesCollector) add(d diag.Diagnostic) {
	c.total++
	if len(c.diags) < seriesMaxDiags {
		c.diags = append(c.diags, d)
	}
}

// addRow adds the diagnostics of one row, ordered by position.
func (c *seriesCollector) addRow(ds []diag.Diagnostic) {
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
func (c *seriesCollector) at(offset int, format string, args ...any) diag.Diagnostic {
	if len(c.diags) >= seriesMaxDiags {
		return diag.Diagnostic{}
	}
	return diag.At(c.path, c.src, offset, format, args...)
}

// lineOf is the 1-based line of a byte offset, in logarithmic time.
func (c *seriesCollector) lineOf(offset int) int {
	if c.lines == nil {
		c.lines = seriesLineStarts(c.src)
	}
	return sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > offset })
}

// point keeps a good point, or reports its date as a repeat at dateOffset.
func (c *seriesCollector) point(p Point, dateOffset int) {
	if line, dup := c.first[p.Date]; dup {
		d := c.at(dateOffset, "date %s appears twice; keep one row per date and delete or fix the other",
			p.Date.Format(time.DateOnly))
		d.Notes = append(d.Notes, fmt.Sprintf("%s:%d: the first row with this date", c.path, line))
		c.add(d)
		return
	}
	c.first[p.Date] = p.Line
	c.points = append(c.points, p)
}

func (c *seriesCollector) finish() []diag.Diagnostic {
	if c.total > len(c.diags) && len(c.diags) > 0 {
		last := &c.diags[len(c.diags)-1]
		n := c.total - len(c.diags)
		last.Notes = append(last.Notes, fmt.Sprintf("%d more %s in this file %s not shown; fix these and check again",
			n, seriesPlural(n, "problem", "problems"), seriesPlural(n, "is", "are")))
	}
	if len(c.diags) == 0 {
		return nil
	}
	return c.diags
}

func seriesInvalidUTF8(b []byte) int {
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

// seriesParseDate reads an ISO date (YYYY-MM-DD) or an RFC 3339 timestamp,
// whose date part (as written, in its own offset) is kept. It returns UTC
// midnight of the date, or a message saying what is wrong and what to do.
func seriesParseDate(s string) (time.Time, string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return time.Time{}, "date is empty; write the date as YYYY-MM-DD, such as 2025-11-30"
	}
	if seriesDateShape(t) {
		d, err := time.Parse(time.DateOnly, t)
		if err != nil {
			return time.Time{}, fmt.Sprintf("date %q is not a real calendar date; check the month (01-12) and the day", t)
		}
		return d, ""
	}
	if len(t) > 10 && seriesDateShape(t[:10]) && (t[10] == 'T' || t[10] == 't' || t[10] == ' ') {
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

func seriesDateShape(t string) bool {
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

// seriesPlainNumber reports whether s is a decimal number: an optional sign,
// digits with an optional decimal point, and an optional exponent.
func seriesPlainNumber(s string) bool {
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

// seriesParseValue reads a value written as text (a CSV field, or a JSON or
// TOML string checked by the caller) and says what to do when it is not a
// finite plain number.
func seriesParseValue(s string) (float64, string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, "value is empty; write a number such as 41.2, or remove the row"
	}
	if seriesPlainNumber(t) {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, fmt.Sprintf("value %q is too large to store; write an ordinary number such as 41.2", t)
		}
		return f, ""
	}
	return 0, seriesNotNumber(t)
}

// seriesNotNumber explains why t, which is not a plain number, is refused.
func seriesNotNumber(t string) string {
	switch strings.ToLower(strings.TrimLeft(t, "+-")) {
	case "nan", "inf", "infinity", "∞":
		return fmt.Sprintf("value %q is not a finite number; write a plain number such as 41.2, or remove the row", t)
	}
	if n := strings.TrimSpace(strings.TrimSuffix(t, "%")); n != t && seriesPlainNumber(n) {
		return fmt.Sprintf("value %q is not a number; write it without the %% sign, such as %s", t, n)
	}
	if strings.Contains(t, ",") {
		if n := strings.ReplaceAll(t, ",", ""); seriesThousands(t) && seriesPlainNumber(n) {
			return fmt.Sprintf("value %q is not a number; write it without thousands separators, such as %s", t, n)
		}
		if n := strings.Replace(t, ",", ".", 1); strings.Count(t, ",") == 1 && !strings.Contains(t, ".") && seriesPlainNumber(n) {
			return fmt.Sprintf("value %q is not a number; use a point as the decimal mark, such as %s", t, n)
		}
	}
	return fmt.Sprintf("value %q is not a number; write a plain number such as 41.2", t)
}

// seriesThousands reports whether t groups its integer digits by three with commas.
func seriesThousands(t string) bool {
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

// ---- CSV ----

func seriesReadCSV(c *seriesCollector) {
	r := csv.NewReader(bytes.NewReader(c.src))
	r.FieldsPerRecord = -1 // field counts are checked below, with a message per row
	r.TrimLeadingSpace = true
	c.lines = seriesLineStarts(c.src)
	lines := c.lines
	// fieldOff turns a csv position (1-based line, 1-based byte column) into a byte offset.
	fieldOff := func(line, col int) int {
		if line < 1 || line > len(lines) {
			return len(c.src)
		}
		return min(lines[line-1]+max(col-1, 0), len(c.src))
	}
	var names []string
	dateCol, valueCol := -1, -1
	for guard := 0; guard <= len(c.src)+1; guard++ {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				c.add(diag.File(c.path, "cannot read the file as CSV (%v); check that it is plain comma-separated text", err))
				return
			}
			c.add(seriesCSVError(c, pe, fieldOff))
			if names == nil {
				return // without a header the rows cannot be understood
			}
			continue
		}
		if seriesBlankRecord(rec) {
			continue
		}
		pos := func(i int) int {
			line, col := r.FieldPos(i)
			return fieldOff(line, col)
		}
		if names == nil {
			names = make([]string, len(rec))
			for i, f := range rec {
				names[i] = strings.ToLower(strings.TrimSpace(f))
			}
			var ok bool
			if dateCol, valueCol, ok = seriesCSVHeader(c, rec, names, pos); !ok {
				return
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) > len(names) {
			c.add(c.at(pos(len(names)), "this row has %d fields but the header names %d columns; remove the extra fields, or name the column in the header (a comma inside a value needs quotes around the value)",
				len(rec), len(names)))
			continue
		}
		// A short row may leave out trailing optional columns, not date or value.
		if missing := max(dateCol, valueCol); missing >= len(rec) {
			c.add(c.at(pos(len(rec)-1), "this row has %d %s but the header names %d columns (%s); add the missing %s",
				len(rec), seriesPlural(len(rec), "field", "fields"), len(names), strings.Join(names, ","),
				map[bool]string{true: "date", false: "value"}[dateCol >= len(rec)]))
			continue
		}
		var diags []diag.Diagnostic
		date, dmsg := seriesParseDate(rec[dateCol])
		if dmsg != "" {
			diags = append(diags, c.at(pos(dateCol), "%s", dmsg))
		}
		value, vmsg := seriesParseValue(rec[valueCol])
		if vmsg != "" {
			diags = append(diags, c.at(pos(valueCol), "%s", vmsg))
		}
		p := Point{Date: date, Value: value, Line: line}
		for i, f := range rec {
			if i == dateCol || i == valueCol {
				continue
			}
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			if names[i] == "" {
				diags = append(diags, c.at(pos(i), "this field is in column %d, which has no name in the header; name the column (such as segment) or remove the field", i+1))
				continue
			}
			if p.Extra == nil {
				p.Extra = map[string]string{}
			}
			p.Extra[names[i]] = f
		}
		if len(diags) > 0 {
			c.addRow(diags)
			continue
		}
		c.point(p, pos(dateCol))
	}
}

// seriesCSVHeader checks the header row and finds the date and value columns.
func seriesCSVHeader(c *seriesCollector, rec, names []string, pos func(int) int) (dateCol, valueCol int, ok bool) {
	dateCol, valueCol = -1, -1
	seen := map[string]int{}
	ok = true
	for i, n := range names {
		if n == "" {
			continue // an unnamed column must stay empty; see the rows
		}
		if j, dup := seen[n]; dup {
			c.add(c.at(pos(i), "the header names column %q twice (columns %d and %d); give each column its own name", n, j+1, i+1))
			ok = false
			continue
		}
		seen[n] = i
		switch n {
		case "date":
			dateCol = i
		case "value":
			valueCol = i
		}
	}
	if dateCol >= 0 && valueCol >= 0 {
		return dateCol, valueCol, ok
	}
	switch {
	case len(rec) == 1 && strings.ContainsAny(rec[0], ";\t|"):
		sep := map[bool]string{true: "semicolons", false: "tabs or bars"}[strings.Contains(rec[0], ";")]
		c.add(c.at(pos(0), "the header separates its columns with %s; separate them with commas, such as date,value", sep))
	case dateCol < 0 && valueCol < 0 && seriesLooksLikeData(rec):
		c.add(c.at(pos(0), "the first row looks like data, not a header; add a header row such as date,value above it"))
	default:
		for _, want := range []string{"date", "value"} {
			if _, found := seen[want]; found {
				continue
			}
			var others []string
			for _, n := range names {
				if n != "date" && n != "value" && n != "" {
					others = append(others, n)
				}
			}
			if s := diag.Suggest(want, others); s != "" {
				c.add(c.at(pos(seen[s]), "the header has no %q column; rename column %q to %q", want, s, want))
			} else {
				c.add(c.at(pos(0), "the header has no %q column; the first row must name the columns, such as date,value", want))
			}
		}
	}
	return -1, -1, false
}

func seriesLooksLikeData(rec []string) bool {
	for _, f := range rec {
		f = strings.TrimSpace(f)
		if _, msg := seriesParseDate(f); msg == "" {
			return true
		}
		if seriesPlainNumber(f) {
			return true
		}
	}
	return false
}

func seriesCSVError(c *seriesCollector, pe *csv.ParseError, fieldOff func(line, col int) int) diag.Diagnostic {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return c.at(fieldOff(pe.Line, pe.Column),
			`a double quote (") appears inside a field that does not start with one; put the whole field in double quotes and write the inner quote twice (""), or remove it`)
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		return c.at(fieldOff(pe.StartLine, 1),
			`a quoted field in this row is not closed, so the lines after it were read as part of it; end the field with a double quote (")`)
	case errors.Is(pe.Err, csv.ErrQuote):
		return c.at(fieldOff(pe.Line, pe.Column),
			`a quoted field is not closed properly; end it with a double quote (") right before the next comma, and write any quote inside it twice ("")`)
	}
	return c.at(fieldOff(pe.Line, pe.Column), "this row is not valid CSV (%v); check its quotes and commas", pe.Err)
}

func seriesBlankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// seriesLineStarts returns the byte offset at which each line of src starts.
func seriesLineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func seriesPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ---- JSON ----

const seriesJSONPoint = `{"date": "2025-11-30", "value": 41.2}`

func seriesReadJSON(c *seriesCollector) {
	// A whole-document check first: the streaming decoder's syntax error
	// offsets are not reliable, those of Unmarshal are.
	var whole json.RawMessage
	if err := json.Unmarshal(c.src, &whole); err != nil {
		c.add(seriesJSONError(c, err, 0))
		return
	}
	dec := json.NewDecoder(bytes.NewReader(c.src))
	dec.UseNumber()
	start := seriesSkip(c.src, 0)
	tok, err := dec.Token()
	if err != nil {
		c.add(seriesJSONError(c, err, start))
		return
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		c.add(c.at(start, "the file holds %s; it must be a JSON array of points, such as [%s]",
			seriesJSONKind(c.src[start:]), seriesJSONPoint))
		return
	}
	for dec.More() {
		if !seriesJSONPointAt(c, dec) {
			return
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		c.add(seriesJSONError(c, err, int(dec.InputOffset())))
	}
}

// seriesJSONPointAt reads one element of the array; false when reading must stop.
func seriesJSONPointAt(c *seriesCollector, dec *json.Decoder) bool {
	start := seriesSkip(c.src, int(dec.InputOffset()))
	if start >= len(c.src) || c.src[start] != '{' {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			c.add(seriesJSONError(c, err, start))
			return false
		}
		c.add(c.at(start, "this item is %s, not a point; write each point as %s", seriesJSONKind(raw), seriesJSONPoint))
		return true
	}
	if _, err := dec.Token(); err != nil { // {
		c.add(seriesJSONError(c, err, start))
		return false
	}
	line := c.lineOf(start)
	var diags []diag.Diagnostic
	rowDiag := func(d diag.Diagnostic) { diags = append(diags, d) }
	p := Point{Line: line}
	dateOff, haveDate, haveValue, bad := start, false, false, false
	seen := map[string]bool{}
	for dec.More() {
		keyOff := seriesSkip(c.src, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			c.addRow(append(diags, seriesJSONError(c, err, keyOff)))
			return false
		}
		key, _ := tok.(string)
		valOff := seriesSkip(c.src, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			c.addRow(append(diags, seriesJSONError(c, err, valOff)))
			return false
		}
		name := strings.ToLower(key)
		if seen[name] {
			rowDiag(c.at(keyOff, "this point has %q twice; keep only one", key))
			bad = true
			continue
		}
		seen[name] = true
		switch name {
		case "date":
			haveDate, dateOff = true, valOff
			var s string
			if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
				rowDiag(c.at(valOff, "date must be text in quotes, not %s; write it like \"date\": \"2025-11-30\"", seriesJSONKind(raw)))
				bad = true
				continue
			}
			d, msg := seriesParseDate(s)
			if msg != "" {
				rowDiag(c.at(valOff, "%s", msg))
				bad = true
				continue
			}
			p.Date = d
		case "value":
			haveValue = true
			v, msg := seriesJSONValue(raw)
			if msg != "" {
				rowDiag(c.at(valOff, "%s", msg))
				bad = true
				continue
			}
			p.Value = v
		default:
			var text string
			switch raw[0] {
			case '"':
				if json.Unmarshal(raw, &text) != nil {
					text = string(raw)
				}
			case 'n': // null: the field is absent
				continue
			case '{', '[':
				rowDiag(c.at(valOff, "field %q holds %s; besides date and value a point may only hold plain fields such as \"segment\": \"SMB\"; remove it or make it text",
					key, seriesJSONKind(raw)))
				bad = true
				continue
			default: // numbers and booleans are kept as written, like a CSV column
				text = string(raw)
			}
			if p.Extra == nil {
				p.Extra = map[string]string{}
			}
			p.Extra[name] = text
		}
	}
	if _, err := dec.Token(); err != nil { // }
		c.addRow(append(diags, seriesJSONError(c, err, int(dec.InputOffset()))))
		return false
	}
	if !haveDate {
		rowDiag(c.at(start, "this point has no date; add one, such as \"date\": \"2025-11-30\""))
		bad = true
	}
	if !haveValue {
		rowDiag(c.at(start, "this point has no value; add one, such as \"value\": 41.2"))
		bad = true
	}
	c.addRow(diags)
	if !bad {
		c.point(p, dateOff)
	}
	return true
}

// seriesQuotedValue says what is wrong with a value written as text in
// quotes; assign is how the format writes the key (`"value": `, `value = `).
func seriesQuotedValue(s, assign string) string {
	t := strings.TrimSpace(s)
	if seriesPlainNumber(t) {
		return fmt.Sprintf("value %q is text in quotes, not a number; remove the quotes: %s%s", s, assign, t)
	}
	if t == "" {
		return "value is empty text; write a number such as " + assign + "41.2, or remove the point"
	}
	return seriesNotNumber(t)
}

func seriesJSONValue(raw json.RawMessage) (float64, string) {
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, "value must be a number; write it like \"value\": 41.2"
		}
		return 0, seriesQuotedValue(s, `"value": `)
	case 'n':
		return 0, "value is null; write a number such as \"value\": 41.2, or remove the point"
	case 't', 'f', '{', '[':
		return 0, fmt.Sprintf("value must be a number, not %s; write it like \"value\": 41.2", seriesJSONKind(raw))
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Sprintf("value %s is too large to store; write an ordinary number such as 41.2", raw)
	}
	return f, ""
}

// seriesJSONKind names the kind of the JSON value that raw starts with.
func seriesJSONKind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "text"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

func seriesJSONError(c *seriesCollector, err error, offset int) diag.Diagnostic {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se) && se.Error() == "unexpected end of JSON input",
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return c.at(len(c.src), "the file ends before the JSON is complete; close every open [, { and \" (the whole file must be one array such as [%s])", seriesJSONPoint)
	case errors.As(err, &se):
		msg := se.Error()
		return c.at(int(se.Offset)-1, "this is not valid JSON (%s); fix the punctuation here, each point is written like %s", msg, seriesJSONPoint)
	case errors.As(err, &te):
		return c.at(int(te.Offset), "this is %s where %s was expected; write each point like %s", te.Value, te.Type, seriesJSONPoint)
	}
	return c.at(offset, "cannot read this JSON (%v); each point is written like %s", err, seriesJSONPoint)
}

// seriesSkip skips white space and the separators , and : from offset.
func seriesSkip(src []byte, offset int) int {
	for offset < len(src) {
		switch src[offset] {
		case ' ', '\t', '\r', '\n', ',', ':':
			offset++
		default:
			return offset
		}
	}
	return offset
}

// ---- TOML ----

var seriesTOMLKeys = []string{"date", "value", "segment", "note"}

func seriesReadTOML(c *seriesCollector) {
	var doc map[string]any
	md, err := seriesDecodeTOML(c.src, &doc)
	if err != nil {
		c.add(seriesTOMLError(c, err))
		return
	}
	lay := seriesScanTOML(c.src)
	reported := map[string]bool{}
	for _, k := range md.Keys() {
		name := k[0]
		if name == "points" || reported[name] {
			continue
		}
		reported[name] = true
		off, found := lay.top[name]
		var d diag.Diagnostic
		switch {
		case name == "date" || name == "value" || name == "segment" || name == "note":
			d = c.at(off, "%s is outside any [[points]] table; put a [[points]] line above each point's date and value", name)
		case diag.Suggest(name, []string{"points"}) != "":
			d = c.at(off, "unknown name %q; did you mean [[points]]?", name)
		case lay.tables[name]:
			d = c.at(off, "unknown table [%s]; a TOML data file holds only [[points]] tables, each with date and value; remove it", name)
		default:
			d = c.at(off, "unknown key %q; a TOML data file holds only [[points]] tables, each with date and value; remove it", name)
		}
		if !found {
			d = diag.File(c.path, "%s", d.Message)
		}
		c.add(d)
	}
	var rows []map[string]any
	switch pts := doc["points"].(type) {
	case nil:
		return // no points: reported by the caller when nothing else is wrong
	case []map[string]any:
		rows = pts
	case []any:
		for _, p := range pts {
			m, ok := p.(map[string]any)
			if !ok {
				c.add(c.at(lay.top["points"], "points must hold tables, not %s; write each point as a [[points]] table with date and value", seriesTOMLKind(p)))
				return
			}
			rows = append(rows, m)
		}
	case map[string]any:
		c.add(c.at(lay.top["points"], "[points] is a single table; write [[points]] with double brackets above each point"))
		return
	default:
		c.add(c.at(lay.top["points"], "points is %s; write each point as a [[points]] table with date and value", seriesTOMLKind(pts)))
		return
	}
	if len(lay.rows) != len(rows) {
		lay.rows = nil // the scan did not understand the layout: report without positions
	}
	for i, row := range rows {
		seriesTOMLPoint(c, i, row, lay)
	}
}

func seriesTOMLPoint(c *seriesCollector, i int, row map[string]any, lay *seriesTOMLLayout) {
	var pos seriesTOMLRow
	if i < len(lay.rows) {
		pos = lay.rows[i]
	}
	var diags []diag.Diagnostic
	report := func(off int, known bool, format string, args ...any) {
		if known {
			diags = append(diags, c.at(off, format, args...))
		} else {
			diags = append(diags, diag.File(c.path, "point %d: %s", i+1, fmt.Sprintf(format, args...)))
		}
	}
	// keyAt is where the value of key is, falling back to the [[points]] line.
	keyAt := func(key string, val bool) (int, bool) {
		if k, ok := pos.keys[key]; ok {
			if val {
				return k.val, true
			}
			return k.key, true
		}
		return pos.off, pos.keys != nil
	}
	line := 0
	if pos.keys != nil {
		line = c.lineOf(pos.off)
	}
	p := Point{Line: line}
	bad := false
	names := slices.Sorted(maps.Keys(row))
	for _, k := range names {
		v := row[k]
		switch k {
		case "date":
			off, known := keyAt(k, true)
			d, msg := seriesTOMLDate(v)
			if msg != "" {
				report(off, known, "%s", msg)
				bad = true
			}
			p.Date = d
		case "value":
			off, known := keyAt(k, true)
			f, msg := seriesTOMLValue(v)
			if msg != "" {
				report(off, known, "%s", msg)
				bad = true
			}
			p.Value = f
		case "segment", "note":
			s, ok := v.(string)
			if !ok {
				off, known := keyAt(k, true)
				report(off, known, "%s must be text in quotes, not %s; write it like %s = \"SMB\"", k, seriesTOMLKind(v), k)
				bad = true
				continue
			}
			if p.Extra == nil {
				p.Extra = map[string]string{}
			}
			p.Extra[k] = s
		default:
			off, known := keyAt(k, false)
			if s := diag.Suggest(k, seriesTOMLKeys); s != "" {
				report(off, known, "unknown key %q in [[points]]; did you mean %q?", k, s)
			} else {
				report(off, known, "unknown key %q in [[points]]; a point takes only date, value, segment and note, so remove it", k)
			}
			bad = true
		}
	}
	off, known := pos.off, pos.keys != nil
	if _, ok := row["date"]; !ok {
		report(off, known, "this point has no date; add a line such as date = 2025-11-30 below [[points]]")
		bad = true
	}
	if _, ok := row["value"]; !ok {
		report(off, known, "this point has no value; add a line such as value = 41.2 below [[points]]")
		bad = true
	}
	c.addRow(diags)
	if !bad {
		dateOff, _ := keyAt("date", true)
		c.point(p, dateOff)
	}
}

func seriesTOMLDate(v any) (time.Time, string) {
	switch d := v.(type) {
	case string:
		return seriesParseDate(d)
	case time.Time:
		switch d.Location().String() {
		case "date-local":
			return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), ""
		case "datetime-local":
			return time.Time{}, fmt.Sprintf("date %s has a time but no UTC offset; write just the date, such as date = %s",
				d.Format("2006-01-02T15:04:05"), d.Format(time.DateOnly))
		case "time-local":
			return time.Time{}, fmt.Sprintf("date %s is a time of day, not a date; write it like date = 2025-11-30", d.Format("15:04:05"))
		}
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), ""
	}
	return time.Time{}, fmt.Sprintf("date must be a date, not %s; write it like date = 2025-11-30", seriesTOMLKind(v))
}

func seriesTOMLValue(v any) (float64, string) {
	switch n := v.(type) {
	case int64:
		return float64(n), ""
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return 0, fmt.Sprintf("value %s is not a finite number; write a plain number such as 41.2, or remove the point", strings.ToLower(fmt.Sprint(n)))
		}
		return n, ""
	case string:
		return 0, seriesQuotedValue(n, "value = ")
	}
	return 0, fmt.Sprintf("value must be a number, not %s; write it like value = 41.2", seriesTOMLKind(v))
}

func seriesTOMLKind(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case bool:
		return "true or false"
	case int64, float64:
		return "a number"
	case time.Time:
		return "a date or time"
	case map[string]any:
		return "a table"
	case []map[string]any, []any:
		return "a list"
	default:
		return "an unknown kind of value"
	}
}

// seriesDecodeTOML decodes src; a panic in the TOML library becomes an error.
func seriesDecodeTOML(src []byte, doc *map[string]any) (md toml.MetaData, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the TOML reader failed: %v", r)
		}
	}()
	return toml.NewDecoder(bytes.NewReader(src)).Decode(doc)
}

func seriesTOMLError(c *seriesCollector, err error) diag.Diagnostic {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return diag.File(c.path, "cannot read the file as TOML (%v); write each point as a [[points]] table with date and value", err)
	}
	msg := strings.TrimSuffix(strings.TrimSpace(pe.Message), ".")
	// Position.Start is a byte offset (after a byte order mark, which is
	// also how c.src is cut); Position.Col is counted in bytes and is off by
	// one at line starts, so prefer Start when it lands on Position.Line.
	off := -1
	if pe.Position.Start >= 0 && pe.Position.Start <= len(c.src) {
		if line, _, _ := diag.Locate(c.src, pe.Position.Start); line == pe.Position.Line || pe.Position.Line == 0 {
			off = pe.Position.Start
		}
	}
	if off < 0 && pe.Position.Line > 0 {
		lines := seriesLineStarts(c.src)
		if pe.Position.Line <= len(lines) {
			off = lines[pe.Position.Line-1]
			if pe.Position.Col > 0 {
				next := len(c.src)
				if pe.Position.Line < len(lines) {
					next = lines[pe.Position.Line] - 1
				}
				off = min(off+pe.Position.Col-1, next)
			}
		}
	}
	if off < 0 {
		return diag.File(c.path, "this is not valid TOML (%s); fix it so each point reads [[points]], date = 2025-11-30, value = 41.2", msg)
	}
	return c.at(off, "this is not valid TOML (%s); fix it so each point reads [[points]], date = 2025-11-30, value = 41.2", msg)
}

// seriesTOMLLayout is where things are in a TOML data file. BurntSushi/toml
// v1.6 keeps key positions private (MetaData offers only Keys, Type,
// IsDefined and Undecoded), so the file is scanned here, after it decoded
// without error: table headers [[points]] (also written [[ points ]] or
// [["points"]], with a comment after), inline tables in points = [{...}],
// and the keys of each point, skipping strings and multi-line strings.
type seriesTOMLLayout struct {
	rows   []seriesTOMLRow
	top    map[string]int  // top-level key or table name -> byte offset of its first mention
	tables map[string]bool // top-level names first seen in a table header
}

type seriesTOMLRow struct {
	off  int // the [[points]] header, or the { of an inline table
	keys map[string]seriesTOMLKey
}

type seriesTOMLKey struct{ key, val int }

type seriesTOMLScanner struct {
	lay     *seriesTOMLLayout
	multi   string // the delimiter of an open multi-line string, "" when none
	open    []byte // the brackets open inside points = [ ... ], empty outside
	wantKey bool   // an inline point table expects a key, on the next line
	inRow   bool   // the current table is a [[points]] table
	table   bool   // a table header has been seen: keys are no longer top-level
}

func seriesScanTOML(src []byte) *seriesTOMLLayout {
	s := &seriesTOMLScanner{lay: &seriesTOMLLayout{top: map[string]int{}, tables: map[string]bool{}}}
	for off := 0; off <= len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		s.line(src[off:end], off)
		off = end + 1
	}
	return s.lay
}

func (s *seriesTOMLScanner) line(line []byte, base int) {
	i := 0
	if s.multi != "" {
		j, closed := seriesCloseMulti(line, 0, s.multi)
		if !closed {
			return
		}
		s.multi = ""
		s.rest(line, j, base)
		return
	}
	if len(s.open) > 0 {
		s.rest(line, 0, base)
		return
	}
	i = seriesSkipBlank(line, i)
	if i >= len(line) || line[i] == '#' || line[i] == '\r' {
		return
	}
	if line[i] == '[' {
		dbl := i+1 < len(line) && line[i+1] == '['
		at := i + 1
		if dbl {
			at++
		}
		parts, j, ok := seriesTOMLKeyAt(line, at)
		s.inRow = false
		s.table = true
		if ok && dbl && len(parts) == 1 && parts[0] == "points" {
			s.inRow = true
			s.lay.rows = append(s.lay.rows, seriesTOMLRow{off: base + i, keys: map[string]seriesTOMLKey{}})
		} else if ok {
			if _, seen := s.lay.top[parts[0]]; !seen {
				s.lay.top[parts[0]] = base + i
				s.lay.tables[parts[0]] = true
			}
		}
		if ok {
			s.rest(line, j, base)
		}
		return
	}
	parts, j, ok := seriesTOMLKeyAt(line, i)
	if !ok {
		s.rest(line, i, base)
		return
	}
	j = seriesSkipBlank(line, j)
	if j >= len(line) || line[j] != '=' {
		s.rest(line, i, base)
		return
	}
	val := seriesSkipBlank(line, j+1)
	switch {
	case s.inRow:
		row := &s.lay.rows[len(s.lay.rows)-1]
		if _, seen := row.keys[parts[0]]; !seen {
			row.keys[parts[0]] = seriesTOMLKey{key: base + i, val: base + val}
		}
	case !s.table:
		if _, seen := s.lay.top[parts[0]]; !seen {
			s.lay.top[parts[0]] = base + i
		}
		if len(parts) == 1 && parts[0] == "points" && val < len(line) && line[val] == '[' {
			s.open = []byte{'['}
			s.rest(line, val+1, base)
			return
		}
	}
	s.rest(line, val, base)
}

// rest scans line from i for strings (to find multi-line ones that stay
// open) and, inside points = [ ... ], for inline tables and their keys.
func (s *seriesTOMLScanner) rest(line []byte, i, base int) {
	if s.wantKey {
		i = s.inlineKey(line, i, base)
	}
	for i < len(line) {
		ch := line[i]
		switch {
		case ch == '#':
			return
		case ch == '"' || ch == '\'':
			delim := strings.Repeat(string(ch), 3)
			if bytes.HasPrefix(line[i:], []byte(delim)) {
				j, closed := seriesCloseMulti(line, i+3, delim)
				if !closed {
					s.multi = delim
					return
				}
				i = j
				continue
			}
			i = seriesEndString(line, i)
			continue
		case len(s.open) > 0 && (ch == '[' || ch == '{'):
			s.open = append(s.open, ch)
			if ch == '{' && len(s.open) == 2 {
				s.lay.rows = append(s.lay.rows, seriesTOMLRow{off: base + i, keys: map[string]seriesTOMLKey{}})
				i = s.inlineKey(line, i+1, base)
				continue
			}
		case len(s.open) > 0 && (ch == ']' || ch == '}'):
			s.open = s.open[:len(s.open)-1]
			s.wantKey = false
		case ch == ',' && len(s.open) == 2 && s.open[1] == '{':
			i = s.inlineKey(line, i+1, base)
			continue
		}
		i++
	}
}

// inlineKey records the key of an inline point table that starts at i, if
// any; at the end of the line it waits for the key on the next line.
func (s *seriesTOMLScanner) inlineKey(line []byte, i, base int) int {
	k := seriesSkipBlank(line, i)
	s.wantKey = k >= len(line) || line[k] == '\r' || line[k] == '#'
	parts, j, ok := seriesTOMLKeyAt(line, k)
	if !ok || len(s.lay.rows) == 0 {
		return k
	}
	j = seriesSkipBlank(line, j)
	if j >= len(line) || line[j] != '=' {
		return k
	}
	val := seriesSkipBlank(line, j+1)
	row := &s.lay.rows[len(s.lay.rows)-1]
	if _, seen := row.keys[parts[0]]; !seen {
		row.keys[parts[0]] = seriesTOMLKey{key: base + k, val: base + val}
	}
	return val
}

// seriesTOMLKeyAt reads a dotted key (bare or quoted parts) at i; it
// returns the parts and the index after the key.
func seriesTOMLKeyAt(line []byte, i int) ([]string, int, bool) {
	var parts []string
	for {
		i = seriesSkipBlank(line, i)
		if i >= len(line) {
			return nil, i, false
		}
		switch ch := line[i]; {
		case ch == '"' || ch == '\'':
			end := seriesEndString(line, i)
			raw := string(line[i:end])
			part := strings.Trim(raw, `"'`)
			if ch == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				}
			}
			parts = append(parts, part)
			i = end
		case seriesBareKeyChar(ch):
			j := i
			for j < len(line) && seriesBareKeyChar(line[j]) {
				j++
			}
			parts = append(parts, string(line[i:j]))
			i = j
		default:
			return nil, i, false
		}
		j := seriesSkipBlank(line, i)
		if j < len(line) && line[j] == '.' {
			i = j + 1
			continue
		}
		return parts, i, true
	}
}

func seriesBareKeyChar(ch byte) bool {
	return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '-'
}

func seriesSkipBlank(line []byte, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

// seriesEndString returns the index after the one-line string starting at
// line[i] (a quote), or len(line) when it does not end on this line.
func seriesEndString(line []byte, i int) int {
	q := line[i]
	for j := i + 1; j < len(line); j++ {
		switch line[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j + 1
		}
	}
	return len(line)
}

// seriesCloseMulti looks for the end of a multi-line string from line[i];
// it returns the index after the closing delimiter (and up to two quotes
// before it that belong to the string) and whether it was found.
func seriesCloseMulti(line []byte, i int, delim string) (int, bool) {
	for j := i; j < len(line); j++ {
		if delim[0] == '"' && line[j] == '\\' {
			j++
			continue
		}
		if bytes.HasPrefix(line[j:], []byte(delim)) {
			k := j + 3
			for n := 0; n < 2 && k < len(line) && line[k] == delim[0]; n++ {
				k++
			}
			return k, true
		}
	}
	return len(line), false
}

// ---- summary ----

// Direction says which way a metric should move: "up" (higher is better)
// or "down" (lower is better).
type Direction string

// The directions.
const (
	Up   Direction = "up"
	Down Direction = "down"
)

// Status is how the latest value stands against the target.
type Status string

// The statuses.
const (
	OnTrack  Status = "on-track"
	OffTrack Status = "off-track"
	NoTarget Status = "no-target"
)

// Summary is what the site shows for a metric.
type Summary struct {
	Latest, Previous *Point        // Previous nil with one point; both nil with none
	Change           float64       // Latest.Value - Previous.Value (0 when no previous)
	Status           Status        // Latest vs target in the direction; on target counts as on track
	Stale            bool          // newest point older than staleAfter at now
	Age              time.Duration // now - Latest.Date
}

// Summarize computes the summary of s at now. A dir other than "down" is
// taken as "up". Without a target the status is "no-target". staleAfter
// <= 0 turns staleness off; a point exactly staleAfter old is not yet stale.
// A series without points (which ReadSeries never returns without a
// diagnostic) is off track when there is a target, and stale.
func Summarize(s *Series, target *float64, dir Direction, staleAfter time.Duration, now time.Time) Summary {
	var sum Summary
	var pts []Point
	if s != nil {
		pts = s.Points
	}
	if len(pts) == 0 {
		sum.Status = NoTarget
		if target != nil {
			sum.Status = OffTrack
		}
		sum.Stale = staleAfter > 0
		return sum
	}
	latest := pts[len(pts)-1]
	sum.Latest = &latest
	if len(pts) > 1 {
		prev := pts[len(pts)-2]
		sum.Previous = &prev
		sum.Change = latest.Value - prev.Value
	}
	switch {
	case target == nil:
		sum.Status = NoTarget
	case dir == Down && latest.Value <= *target, dir != Down && latest.Value >= *target:
		sum.Status = OnTrack
	default:
		sum.Status = OffTrack
	}
	sum.Age = now.Sub(latest.Date)
	sum.Stale = staleAfter > 0 && sum.Age > staleAfter
	return sum
}

// ParseDuration parses the staleAfter syntax of site.toml: a number with a
// unit, "45d" (days), "6w" (weeks), "36h" (hours), "90m" (minutes), and any
// Go duration such as "1h30m"; units may be combined ("1w3d"). Days are 24
// hours. The duration must be longer than zero.
func ParseDuration(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	bad := func() (time.Duration, error) {
		return 0, fmt.Errorf("%q is not a duration; write a whole number with a unit: d (days), w (weeks), h (hours) or m (minutes), such as \"45d\", \"6w\", \"36h\" or \"90m\"", s)
	}
	if t == "" {
		return bad()
	}
	if t[0] == '-' {
		return 0, fmt.Errorf("%q is negative; write a duration longer than zero, such as \"45d\"", s)
	}
	t = strings.TrimPrefix(t, "+")
	// Rewrite days and weeks as hours for time.ParseDuration.
	var b strings.Builder
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && (t[j] >= '0' && t[j] <= '9' || t[j] == '.') {
			j++
		}
		k := j
		for k < len(t) && !(t[k] >= '0' && t[k] <= '9' || t[k] == '.') {
			k++
		}
		num, unit := t[i:j], strings.TrimSpace(t[j:k])
		if num == "" || unit == "" {
			return bad()
		}
		switch unit {
		case "d", "w":
			f, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return bad()
			}
			hours := f * 24
			if unit == "w" {
				hours *= 7
			}
			if hours > float64(math.MaxInt64/int64(time.Hour)) {
				return 0, fmt.Errorf("%q is too long; write a duration of at most a few years, such as \"45d\"", s)
			}
			b.WriteString(strconv.FormatFloat(hours, 'f', -1, 64) + "h")
		case "ns", "us", "µs", "μs", "ms", "s", "m", "h":
			if _, err := strconv.ParseFloat(num, 64); err != nil {
				return bad()
			}
			b.WriteString(num + unit)
		default:
			return bad()
		}
		i = k
	}
	d, err := time.ParseDuration(b.String())
	if err != nil { // every part is well formed, so the sum is too large
		return 0, fmt.Errorf("%q is too long; write a duration of at most a few years, such as \"45d\"", s)
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q is zero; write a duration longer than zero, such as \"45d\"", s)
	}
	return d, nil
}
