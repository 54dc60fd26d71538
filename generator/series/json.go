package series

// The JSON reader of metric data files (see series.go for what they share).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

const jsonPoint = `{"date": "2025-11-30", "value": 41.2}`

func readJSON(c *collector) {
	// A whole-document check first: the streaming decoder's syntax error
	// offsets are not reliable, those of Unmarshal are.
	var whole json.RawMessage
	if err := json.Unmarshal(c.src, &whole); err != nil {
		c.add(jsonError(c, err, 0))
		return
	}
	dec := json.NewDecoder(bytes.NewReader(c.src))
	dec.UseNumber()
	start := skip(c.src, 0)
	tok, err := dec.Token()
	if err != nil {
		c.add(jsonError(c, err, start))
		return
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		c.add(c.at(start, "the file holds %s; it must be a JSON array of points, such as [%s]",
			jsonKind(c.src[start:]), jsonPoint))
		return
	}
	for dec.More() {
		if !jsonPointAt(c, dec) {
			return
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		c.add(jsonError(c, err, int(dec.InputOffset())))
	}
}

// jsonPointAt reads one element of the array; false when reading must stop.
func jsonPointAt(c *collector, dec *json.Decoder) bool {
	start := skip(c.src, int(dec.InputOffset()))
	if start >= len(c.src) || c.src[start] != '{' {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			c.add(jsonError(c, err, start))
			return false
		}
		c.add(c.at(start, "this item is %s, not a point; write each point as %s", jsonKind(raw), jsonPoint))
		return true
	}
	if _, err := dec.Token(); err != nil { // {
		c.add(jsonError(c, err, start))
		return false
	}
	line := c.lineOf(start)
	var diags []diag.Diagnostic
	rowDiag := func(d diag.Diagnostic) { diags = append(diags, d) }
	p := Point{Line: line}
	dateOff, haveDate, haveValue, bad := start, false, false, false
	seen := map[string]bool{}
	for dec.More() {
		keyOff := skip(c.src, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			c.addRow(append(diags, jsonError(c, err, keyOff)))
			return false
		}
		key, _ := tok.(string)
		valOff := skip(c.src, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			c.addRow(append(diags, jsonError(c, err, valOff)))
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
				rowDiag(c.at(valOff, "date must be text in quotes, not %s; write it like \"date\": \"2025-11-30\"", jsonKind(raw)))
				bad = true
				continue
			}
			d, msg := parseDate(s)
			if msg != "" {
				rowDiag(c.at(valOff, "%s", msg))
				bad = true
				continue
			}
			p.Date = d
		case "value":
			haveValue = true
			p.valueAt = valOff
			v, msg := jsonValue(raw)
			if msg != "" {
				rowDiag(c.at(valOff, "%s", msg))
				bad = true
				continue
			}
			p.Value = v
		default:
			kind, typo := c.cols.kind(key)
			if typo != "" {
				if c.cols.firstTypo(name) {
					rowDiag(c.at(keyOff, "%s", typo))
				}
				bad = true
				continue
			}
			c.cols.note(key)
			text, msg := jsonText(raw, key, kind)
			if msg != "" {
				rowDiag(c.at(valOff, "%s", msg))
				bad = true
				continue
			}
			if text == "" && raw[0] == 'n' {
				continue // null: the field is absent
			}
			if msg := set(&p, kind, name, text); msg != "" {
				rowDiag(c.at(valOff, "%s", msg))
				bad = true
			}
		}
	}
	if _, err := dec.Token(); err != nil { // }
		c.addRow(append(diags, jsonError(c, err, int(dec.InputOffset()))))
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

// jsonText is the text of a field besides date and value, or what is
// wrong with it: segment and note are text, n a whole number, any other
// column text, a number or true or false (kept as written, like a CSV
// field). null is no value: "" without a message.
func jsonText(raw json.RawMessage, key string, kind columnKind) (string, string) {
	switch raw[0] {
	case 'n':
		return "", ""
	case '"':
		var text string
		if json.Unmarshal(raw, &text) != nil {
			text = string(raw)
		}
		if kind == kindN {
			if plainNumber(strings.TrimSpace(text)) {
				return "", fmt.Sprintf("n %q is text in quotes, not a number; remove the quotes: \"n\": %s", text, strings.TrimSpace(text))
			}
			return "", "n must be a whole number of responses, not text; write it like \"n\": 412"
		}
		return text, ""
	case '{', '[':
		return "", fmt.Sprintf("field %q holds %s; besides date and value a point may only hold plain fields such as \"segment\": \"business\"; remove it or make it text",
			key, jsonKind(raw))
	}
	if kind == kindSegment || kind == kindNote {
		return "", fmt.Sprintf("%s must be text in quotes, not %s; write it like \"%s\": \"%s\"", kind.name(), jsonKind(raw), kind.name(), kind.example())
	}
	if kind == kindN && (raw[0] == 't' || raw[0] == 'f') {
		return "", "n must be a whole number of responses, not true or false; write it like \"n\": 412"
	}
	return string(raw), ""
}

// quotedValue says what is wrong with a value written as text in
// quotes; assign is how the format writes the key (`"value": `, `value = `).
func quotedValue(s, assign string) string {
	t := strings.TrimSpace(s)
	if plainNumber(t) {
		return fmt.Sprintf("value %q is text in quotes, not a number; remove the quotes: %s%s", s, assign, t)
	}
	if t == "" {
		return "value is empty text; write a number such as " + assign + "41.2, or remove the point"
	}
	return notNumber(t)
}

func jsonValue(raw json.RawMessage) (float64, string) {
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, "value must be a number; write it like \"value\": 41.2"
		}
		return 0, quotedValue(s, `"value": `)
	case 'n':
		return 0, "value is null; write a number such as \"value\": 41.2, or remove the point"
	case 't', 'f', '{', '[':
		return 0, fmt.Sprintf("value must be a number, not %s; write it like \"value\": 41.2", jsonKind(raw))
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Sprintf("value %s is too large to store; write an ordinary number such as 41.2", raw)
	}
	return f, ""
}

// jsonKind names the kind of the JSON value that raw starts with.
func jsonKind(raw []byte) string {
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

func jsonError(c *collector, err error, offset int) diag.Diagnostic {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se) && se.Error() == "unexpected end of JSON input",
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return c.at(len(c.src), "the file ends before the JSON is complete; close every open [, { and \" (the whole file must be one array such as [%s])", jsonPoint)
	case errors.As(err, &se):
		msg := se.Error()
		return c.at(int(se.Offset)-1, "this is not valid JSON (%s); fix the punctuation here, each point is written like %s", msg, jsonPoint)
	case errors.As(err, &te):
		return c.at(int(te.Offset), "this is %s where %s was expected; write each point like %s", te.Value, te.Type, jsonPoint)
	}
	return c.at(offset, "cannot read this JSON (%v); each point is written like %s", err, jsonPoint)
}

// skip skips white space and the separators , and : from offset.
func skip(src []byte, offset int) int {
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
