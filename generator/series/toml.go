package series

// The TOML reader of metric data files, and the scanner that finds where
// each row and key stands in the file (see series.go for what they share).

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/shiftbook/shiftbook/generator/diag"
)

var tomlKeys = []string{"date", "value", "segment", "note"}

func readTOML(c *collector) {
	var doc map[string]any
	md, err := decodeTOML(c.src, &doc)
	if err != nil {
		c.add(tomlError(c, err))
		return
	}
	lay := scanTOML(c.src)
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
				c.add(c.at(lay.top["points"], "points must hold tables, not %s; write each point as a [[points]] table with date and value", tomlKind(p)))
				return
			}
			rows = append(rows, m)
		}
	case map[string]any:
		c.add(c.at(lay.top["points"], "[points] is a single table; write [[points]] with double brackets above each point"))
		return
	default:
		c.add(c.at(lay.top["points"], "points is %s; write each point as a [[points]] table with date and value", tomlKind(pts)))
		return
	}
	if len(lay.rows) != len(rows) {
		lay.rows = nil // the scan did not understand the layout: report without positions
	}
	for i, row := range rows {
		tomlPoint(c, i, row, lay)
	}
}

func tomlPoint(c *collector, i int, row map[string]any, lay *tomlLayout) {
	var pos tomlRow
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
			d, msg := tomlDate(v)
			if msg != "" {
				report(off, known, "%s", msg)
				bad = true
			}
			p.Date = d
		case "value":
			off, known := keyAt(k, true)
			f, msg := tomlValue(v)
			if msg != "" {
				report(off, known, "%s", msg)
				bad = true
			}
			p.Value = f
		case "segment", "note":
			s, ok := v.(string)
			if !ok {
				off, known := keyAt(k, true)
				report(off, known, "%s must be text in quotes, not %s; write it like %s = \"SMB\"", k, tomlKind(v), k)
				bad = true
				continue
			}
			if p.Extra == nil {
				p.Extra = map[string]string{}
			}
			p.Extra[k] = s
		default:
			off, known := keyAt(k, false)
			if s := diag.Suggest(k, tomlKeys); s != "" {
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

func tomlDate(v any) (time.Time, string) {
	switch d := v.(type) {
	case string:
		return parseDate(d)
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
	return time.Time{}, fmt.Sprintf("date must be a date, not %s; write it like date = 2025-11-30", tomlKind(v))
}

func tomlValue(v any) (float64, string) {
	switch n := v.(type) {
	case int64:
		return float64(n), ""
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return 0, fmt.Sprintf("value %s is not a finite number; write a plain number such as 41.2, or remove the point", strings.ToLower(fmt.Sprint(n)))
		}
		return n, ""
	case string:
		return 0, quotedValue(n, "value = ")
	}
	return 0, fmt.Sprintf("value must be a number, not %s; write it like value = 41.2", tomlKind(v))
}

func tomlKind(v any) string {
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

// decodeTOML decodes src; a panic in the TOML library becomes an error.
func decodeTOML(src []byte, doc *map[string]any) (md toml.MetaData, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the TOML reader failed: %v", r)
		}
	}()
	return toml.NewDecoder(bytes.NewReader(src)).Decode(doc)
}

func tomlError(c *collector, err error) diag.Diagnostic {
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
		lines := lineStarts(c.src)
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

// tomlLayout is where things are in a TOML data file. BurntSushi/toml
// v1.6 keeps key positions private (MetaData offers only Keys, Type,
// IsDefined and Undecoded), so the file is scanned here, after it decoded
// without error: table headers [[points]] (also written [[ points ]] or
// [["points"]], with a comment after), inline tables in points = [{...}],
// and the keys of each point, skipping strings and multi-line strings.
type tomlLayout struct {
	rows   []tomlRow
	top    map[string]int  // top-level key or table name -> byte offset of its first mention
	tables map[string]bool // top-level names first seen in a table header
}

type tomlRow struct {
	off  int // the [[points]] header, or the { of an inline table
	keys map[string]tomlKey
}

type tomlKey struct{ key, val int }

type tomlScanner struct {
	lay     *tomlLayout
	multi   string // the delimiter of an open multi-line string, "" when none
	open    []byte // the brackets open inside points = [ ... ], empty outside
	wantKey bool   // an inline point table expects a key, on the next line
	inRow   bool   // the current table is a [[points]] table
	table   bool   // a table header has been seen: keys are no longer top-level
}

func scanTOML(src []byte) *tomlLayout {
	s := &tomlScanner{lay: &tomlLayout{top: map[string]int{}, tables: map[string]bool{}}}
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

func (s *tomlScanner) line(line []byte, base int) {
	i := 0
	if s.multi != "" {
		j, closed := closeMulti(line, 0, s.multi)
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
	i = skipBlank(line, i)
	if i >= len(line) || line[i] == '#' || line[i] == '\r' {
		return
	}
	if line[i] == '[' {
		dbl := i+1 < len(line) && line[i+1] == '['
		at := i + 1
		if dbl {
			at++
		}
		parts, j, ok := tomlKeyAt(line, at)
		s.inRow = false
		s.table = true
		if ok && dbl && len(parts) == 1 && parts[0] == "points" {
			s.inRow = true
			s.lay.rows = append(s.lay.rows, tomlRow{off: base + i, keys: map[string]tomlKey{}})
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
	parts, j, ok := tomlKeyAt(line, i)
	if !ok {
		s.rest(line, i, base)
		return
	}
	j = skipBlank(line, j)
	if j >= len(line) || line[j] != '=' {
		s.rest(line, i, base)
		return
	}
	val := skipBlank(line, j+1)
	switch {
	case s.inRow:
		row := &s.lay.rows[len(s.lay.rows)-1]
		if _, seen := row.keys[parts[0]]; !seen {
			row.keys[parts[0]] = tomlKey{key: base + i, val: base + val}
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
func (s *tomlScanner) rest(line []byte, i, base int) {
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
				j, closed := closeMulti(line, i+3, delim)
				if !closed {
					s.multi = delim
					return
				}
				i = j
				continue
			}
			i = endString(line, i)
			continue
		case len(s.open) > 0 && (ch == '[' || ch == '{'):
			s.open = append(s.open, ch)
			if ch == '{' && len(s.open) == 2 {
				s.lay.rows = append(s.lay.rows, tomlRow{off: base + i, keys: map[string]tomlKey{}})
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
func (s *tomlScanner) inlineKey(line []byte, i, base int) int {
	k := skipBlank(line, i)
	s.wantKey = k >= len(line) || line[k] == '\r' || line[k] == '#'
	parts, j, ok := tomlKeyAt(line, k)
	if !ok || len(s.lay.rows) == 0 {
		return k
	}
	j = skipBlank(line, j)
	if j >= len(line) || line[j] != '=' {
		return k
	}
	val := skipBlank(line, j+1)
	row := &s.lay.rows[len(s.lay.rows)-1]
	if _, seen := row.keys[parts[0]]; !seen {
		row.keys[parts[0]] = tomlKey{key: base + k, val: base + val}
	}
	return val
}

// tomlKeyAt reads a dotted key (bare or quoted parts) at i; it
// returns the parts and the index after the key.
func tomlKeyAt(line []byte, i int) ([]string, int, bool) {
	var parts []string
	for {
		i = skipBlank(line, i)
		if i >= len(line) {
			return nil, i, false
		}
		switch ch := line[i]; {
		case ch == '"' || ch == '\'':
			end := endString(line, i)
			raw := string(line[i:end])
			part := strings.Trim(raw, `"'`)
			if ch == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				}
			}
			parts = append(parts, part)
			i = end
		case bareKeyChar(ch):
			j := i
			for j < len(line) && bareKeyChar(line[j]) {
				j++
			}
			parts = append(parts, string(line[i:j]))
			i = j
		default:
			return nil, i, false
		}
		j := skipBlank(line, i)
		if j < len(line) && line[j] == '.' {
			i = j + 1
			continue
		}
		return parts, i, true
	}
}

func bareKeyChar(ch byte) bool {
	return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '-'
}

func skipBlank(line []byte, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

// endString returns the index after the one-line string starting at
// line[i] (a quote), or len(line) when it does not end on this line.
func endString(line []byte, i int) int {
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

// closeMulti looks for the end of a multi-line string from line[i];
// it returns the index after the closing delimiter (and up to two quotes
// before it that belong to the string) and whether it was found.
func closeMulti(line []byte, i int, delim string) (int, bool) {
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
