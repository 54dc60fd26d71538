package series

// The TOML reader of metric data files (see series.go for what the formats
// share). Where each point and key is written is found by tomlpos, the one
// TOML locator, after the decoder has accepted the file.

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/tomlpos"
)

func readTOML(c *collector) {
	var doc map[string]any
	md, err := decodeTOML(c.src, &doc)
	if err != nil {
		c.add(tomlError(c, err))
		return
	}
	lay := tomlpos.Scan(c.src)
	top, _ := lay.At("points")
	reported := map[string]bool{}
	for _, k := range md.Keys() {
		name := k[0]
		if name == "points" || reported[name] {
			continue
		}
		reported[name] = true
		at, found := lay.At(name)
		off := at.Key
		var d diag.Diagnostic
		switch {
		case name == "date" || name == "value" || name == "segment" || name == "note":
			d = c.at(off, "%s is outside any [[points]] table; put a [[points]] line above each point's date and value", name)
		case diag.Suggest(name, []string{"points"}) != "":
			d = c.at(off, "unknown name %q%s", name, diag.DidYouMeanAs("[[points]]"))
		case at.Header:
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
				c.add(c.at(top.Key, "points must hold tables, not %s; write each point as a [[points]] table with date and value", tomlKind(p)))
				return
			}
			rows = append(rows, m)
		}
	case map[string]any:
		c.add(c.at(top.Key, "[points] is a single table; write [[points]] with double brackets above each point"))
		return
	default:
		c.add(c.at(top.Key, "points is %s; write each point as a [[points]] table with date and value", tomlKind(pts)))
		return
	}
	// When the scan did not see as many points as the decoder (it cannot
	// be misled by valid TOML, but the check costs nothing), the points are
	// reported without positions rather than at the wrong ones.
	located := lay.Len("points") == len(rows)
	for i, row := range rows {
		tomlPoint(c, i, row, lay, located)
	}
}

func tomlPoint(c *collector, i int, row map[string]any, lay *tomlpos.Map, located bool) {
	idx := strconv.Itoa(i)
	head, _ := lay.At("points", idx) // the [[points]] header, or the { of an inline table
	var diags []diag.Diagnostic
	report := func(off int, known bool, format string, args ...any) {
		if known {
			diags = append(diags, c.at(off, format, args...))
		} else {
			diags = append(diags, diag.File(c.path, "point %d: %s", i+1, fmt.Sprintf(format, args...)))
		}
	}
	// keyAt is where key (or its value) is written, falling back to the
	// point's [[points]] line.
	keyAt := func(key string, val bool) (int, bool) {
		if k, ok := lay.At("points", idx, key); ok && located {
			if val {
				return k.Value, true
			}
			return k.Key, true
		}
		return head.Key, located
	}
	line := 0
	if located {
		line = c.lineOf(head.Key)
	}
	p := Point{Line: line}
	bad := false
	names := slices.Sorted(maps.Keys(row))
	if located { // in the order written, for File.Columns
		sort.SliceStable(names, func(a, b int) bool {
			pa, _ := lay.At("points", idx, names[a])
			pb, _ := lay.At("points", idx, names[b])
			return pa.Key < pb.Key
		})
	}
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
			p.valueAt = -1
			if known {
				p.valueAt = off
			}
			f, msg := tomlValue(v)
			if msg != "" {
				report(off, known, "%s", msg)
				bad = true
			}
			p.Value = f
		default:
			kind, typo := c.cols.kind(k)
			if lower := strings.ToLower(k); typo == "" && lower != k && kind != kindOther {
				typo = fmt.Sprintf("key %q must be written in lower case: %s", k, lower)
			}
			if typo != "" {
				if c.cols.firstTypo(k) {
					off, known := keyAt(k, false)
					report(off, known, "%s", typo)
				}
				bad = true
				continue
			}
			c.cols.note(k)
			text, msg := tomlText(v, k, kind)
			if msg == "" {
				msg = set(&p, kind, strings.ToLower(k), text)
			}
			if msg != "" {
				off, known := keyAt(k, true)
				report(off, known, "%s", msg)
				bad = true
			}
		}
	}
	off, known := head.Key, located
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

// tomlText is the text of a key besides date and value, or what is wrong
// with it: segment and note are text, n a whole number, any other column
// text, a number, true or false or a date (kept as written).
func tomlText(v any, key string, kind columnKind) (string, string) {
	switch kind {
	case kindSegment, kindNote:
		if s, ok := v.(string); ok {
			return s, ""
		}
		return "", fmt.Sprintf("%s must be text in quotes, not %s; write it like %s = \"%s\"", key, tomlKind(v), key, kind.example())
	case kindN:
		switch n := v.(type) {
		case int64:
			return strconv.FormatInt(n, 10), "" // checked by parseN, as the other formats are
		case float64:
			if n == math.Trunc(n) && math.Abs(n) < 1e15 {
				return "", fmt.Sprintf("n %s must be a whole number of responses; write it without the decimals: n = %d", strconv.FormatFloat(n, 'f', -1, 64)+".0", int64(n))
			}
			return "", fmt.Sprintf("n %s must be a whole number of responses, such as n = 412; a share or an average belongs in value", strconv.FormatFloat(n, 'f', -1, 64))
		case string:
			if plainNumber(strings.TrimSpace(n)) {
				return "", fmt.Sprintf("n %q is text in quotes, not a number; remove the quotes: n = %s", n, strings.TrimSpace(n))
			}
		}
		return "", fmt.Sprintf("n must be a whole number of responses, not %s; write it like n = 412", tomlKind(v))
	}
	switch x := v.(type) {
	case string:
		return x, ""
	case int64, float64, bool:
		return fmt.Sprint(x), ""
	case time.Time:
		if x.Location().String() == "date-local" {
			return x.Format(time.DateOnly), ""
		}
		return x.Format(time.RFC3339), ""
	}
	return "", fmt.Sprintf("%s holds %s; besides date and value a point may only hold plain values such as segment = \"business\"; remove it or make it text", key, tomlKind(v))
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
