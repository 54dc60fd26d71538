package series

// The CSV reader of metric data files (see series.go for what they share).

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

func readCSV(c *collector) {
	r := csv.NewReader(bytes.NewReader(c.src))
	r.FieldsPerRecord = -1 // field counts are checked below, with a message per row
	r.TrimLeadingSpace = true
	c.lines = lineStarts(c.src)
	lines := c.lines
	c.points = make([]Point, 0, len(lines)) // a row a line, mostly: no regrowing on large files
	// fieldOff turns a csv position (1-based line, 1-based byte column) into a byte offset.
	fieldOff := func(line, col int) int {
		if line < 1 || line > len(lines) {
			return len(c.src)
		}
		return min(lines[line-1]+max(col-1, 0), len(c.src))
	}
	var names []string
	var kinds []columnKind
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
			c.add(csvError(c, pe, fieldOff))
			if names == nil {
				return // without a header the rows cannot be understood
			}
			continue
		}
		if blankRecord(rec) {
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
			if dateCol, valueCol, ok = csvHeader(c, rec, names, pos); !ok {
				return
			}
			kinds = make([]columnKind, len(rec))
			for i, f := range rec {
				var msg string
				if kinds[i], msg = c.cols.kind(f); msg != "" {
					c.add(c.at(pos(i), "%s", msg))
				}
				c.cols.note(f)
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
				len(rec), plural(len(rec), "field", "fields"), len(names), strings.Join(names, ","),
				map[bool]string{true: "date", false: "value"}[dateCol >= len(rec)]))
			continue
		}
		var diags []diag.Diagnostic
		date, dmsg := parseDate(rec[dateCol])
		if dmsg != "" {
			diags = append(diags, c.at(pos(dateCol), "%s", dmsg))
		}
		value, vmsg := parseValue(rec[valueCol])
		if vmsg != "" {
			diags = append(diags, c.at(pos(valueCol), "%s", vmsg))
		}
		p := Point{Date: date, Value: value, Line: line, valueAt: pos(valueCol)}
		for i, f := range rec {
			if i == dateCol || i == valueCol || kinds[i] == kindTypo {
				continue // a misspelt column is reported once, at the header
			}
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			if names[i] == "" {
				diags = append(diags, c.at(pos(i), "this field is in column %d, which has no name in the header; name the column (such as segment) or remove the field", i+1))
				continue
			}
			if msg := set(&p, kinds[i], names[i], f); msg != "" {
				diags = append(diags, c.at(pos(i), "%s", msg))
			}
		}
		if len(diags) > 0 {
			c.addRow(diags)
			continue
		}
		c.point(p, pos(dateCol))
	}
}

// csvHeader checks the header row and finds the date and value columns.
func csvHeader(c *collector, rec, names []string, pos func(int) int) (dateCol, valueCol int, ok bool) {
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
	case dateCol < 0 && valueCol < 0 && looksLikeData(rec):
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

func looksLikeData(rec []string) bool {
	for _, f := range rec {
		f = strings.TrimSpace(f)
		if _, msg := parseDate(f); msg == "" {
			return true
		}
		if plainNumber(f) {
			return true
		}
	}
	return false
}

func csvError(c *collector, pe *csv.ParseError, fieldOff func(line, col int) int) diag.Diagnostic {
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

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// lineStarts returns the byte offset at which each line of src starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
