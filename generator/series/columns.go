package series

// The columns of a data file besides date and value, read by their names in
// every format: a CSV header, the keys of a JSON point, the keys of a TOML
// [[points]] table.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// The names of the columns shiftbook reads itself.
const (
	colDate    = "date"
	colValue   = "value"
	colSegment = "segment" // who the value is for: a customer group, a market; empty for everyone
	colN       = "n"       // responses behind the value, a whole number
	colNote    = "note"    // a remark, numbered on the chart
)

// known are the columns shiftbook reads itself, in the order documented.
var known = []string{colDate, colValue, colSegment, colN, colNote}

// Whole is the segment name that, like an empty segment, marks a row as the
// value for everyone: the series the metric's page leads with.
const Whole = "all"

// Reads reports whether shiftbook reads the column itself (a lower-case
// name): date, value, segment, n, note.
func Reads(key string) bool {
	for _, k := range known {
		if key == k {
			return true
		}
	}
	return false
}

// Options are what a site says about its data files.
type Options struct {
	// Columns are further columns the site names ([data] columns in
	// site.toml), lower case. They are kept like any unknown column; naming
	// them keeps a near spelling of another column (such as "notes") from
	// being taken for a typo.
	Columns []string
}

// Column is a column of a data file besides date and value.
type Column struct {
	Name string // as written in the file, for the table header
	Key  string // lower case: "segment", "n", "note", or the key of Point.Extra
}

// columnKind is how a column is read.
type columnKind int

const (
	kindDate columnKind = iota
	kindValue
	kindSegment
	kindN
	kindNote
	kindOther // kept as text in Point.Extra
	kindTypo  // refused: close to a column shiftbook knows
)

// name is the column's name in messages.
func (k columnKind) name() string {
	return map[columnKind]string{kindDate: colDate, kindValue: colValue, kindSegment: colSegment, kindN: colN, kindNote: colNote}[k]
}

// example is a value of the column for messages.
func (k columnKind) example() string {
	return map[columnKind]string{kindSegment: "business", kindN: "412", kindNote: "Survey moved to the app"}[k]
}

// columns decides how each column of one file is read; it remembers the
// columns in the order first met, for File.Columns.
type columns struct {
	opt   Options
	seen  map[string]bool
	list  []Column
	typos map[string]bool // misspelt keys of JSON and TOML points already reported
}

// firstTypo reports whether the misspelt key is met for the first time: a
// file that writes it in every point has one mistake, reported once.
func (cs *columns) firstTypo(key string) bool {
	if cs.typos[key] {
		return false
	}
	if cs.typos == nil {
		cs.typos = map[string]bool{}
	}
	cs.typos[key] = true
	return true
}

// kind says how the column named name is read, and for a typo the message
// that refuses it.
func (cs *columns) kind(name string) (columnKind, string) {
	if k := cs.kindOf(name); k != kindOther {
		return k, ""
	}
	key := strings.ToLower(strings.TrimSpace(name))
	for _, c := range cs.opt.Columns {
		if key == c {
			return kindOther, ""
		}
	}
	if sug := cs.typoOf(key); sug != "" {
		return kindTypo, fmt.Sprintf("column %q is not one shiftbook knows, nor one named in [data] columns of site.toml%s",
			strings.TrimSpace(name), diag.DidYouMean(key, cs.candidates(), ""))
	}
	return kindOther, ""
}

// kindOf is how a column is read, typos aside.
func (cs *columns) kindOf(name string) columnKind {
	key := strings.ToLower(strings.TrimSpace(name))
	switch key {
	case colDate:
		return kindDate
	case colValue:
		return kindValue
	case colSegment:
		return kindSegment
	case colN:
		return kindN
	case colNote:
		return kindNote
	}
	return kindOther
}

// typoOf is the known column that name is likely a misspelling of, or "".
// A likely misspelling is near a known name (diag.Suggest) and starts with
// the same letter: "segmnet", "valu", "notes" are refused, while "wave"
// (two edits from "date") is a column of its own. Names of one or two
// letters are never typos, and "n" is no candidate: "id" or "nps" are not
// misspellings of it.
func (cs *columns) typoOf(key string) string {
	if len([]rune(key)) < 3 {
		return ""
	}
	sug := diag.Suggest(key, cs.candidates())
	if sug == "" || sug[0] != key[0] {
		return ""
	}
	return sug
}

func (cs *columns) candidates() []string {
	var out []string
	for _, k := range known {
		if len(k) >= 3 {
			out = append(out, k)
		}
	}
	return append(out, cs.opt.Columns...)
}

// note records that the column name is in the file.
func (cs *columns) note(name string) {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == colDate || key == colValue || key == "" || cs.seen[key] {
		return
	}
	if cs.seen == nil {
		cs.seen = map[string]bool{}
	}
	cs.seen[key] = true
	cs.list = append(cs.list, Column{Name: strings.TrimSpace(name), Key: key})
}

// set stores the text of a column that is not date or value in p; it
// returns a message when the text is not a valid value for the column.
func set(p *Point, kind columnKind, key, text string) string {
	switch kind {
	case kindSegment:
		p.Segment = text
	case kindNote:
		p.Note = text
	case kindN:
		n, msg := parseN(text)
		if msg != "" {
			return msg
		}
		p.N = n
	default:
		if p.Extra == nil {
			p.Extra = map[string]string{}
		}
		p.Extra[key] = text
	}
	return ""
}

// parseN reads the number of responses behind a value, written as text.
func parseN(s string) (int, string) {
	t := strings.TrimSpace(s)
	if n, err := strconv.Atoi(strings.TrimPrefix(t, "+")); err == nil {
		return checkN(n, t)
	}
	if plainNumber(t) {
		if f, err := strconv.ParseFloat(t, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1e15 {
			if strings.ContainsAny(t, "eE") {
				return 0, fmt.Sprintf("n %q must be a whole number of responses written in digits, such as %d", t, int64(f))
			}
			return 0, fmt.Sprintf("n %q must be a whole number of responses; write it without the decimals, such as %d", t, int64(f))
		}
		return 0, fmt.Sprintf("n %q must be a whole number of responses, such as 412; a share or an average belongs in value", t)
	}
	if n := strings.ReplaceAll(t, ",", ""); strings.Contains(t, ",") && thousands(t) && plainNumber(n) {
		return 0, fmt.Sprintf("n %q is not a number; write it without thousands separators, such as %s", t, n)
	}
	return 0, fmt.Sprintf("n %q is not a number; write the number of responses, such as 412, or leave it empty", t)
}

// maxN is more responses than any survey has; larger counts are mistakes
// (a value, an id or a date pasted into the column).
const maxN = 1<<31 - 1

// checkN refuses counts no survey has.
func checkN(n int, written string) (int, string) {
	switch {
	case n < 0:
		return 0, fmt.Sprintf("n %s is negative; write the number of responses, such as 412", written)
	case n == 0:
		return 0, "n is 0, but a value needs at least one response; write the number of responses, or remove the row"
	case n > maxN:
		return 0, fmt.Sprintf("n %s is more responses than any survey has; write the number of responses, such as 412", written)
	}
	return n, ""
}

// Text is the text of a column of p as the table under a chart shows it.
func (p Point) Text(key string) string {
	switch key {
	case colSegment:
		return p.Segment
	case colNote:
		return p.Note
	case colN:
		if p.N == 0 {
			return ""
		}
		return strconv.Itoa(p.N)
	}
	return p.Extra[key]
}

// forWhole reports whether a segment name marks the value for everyone.
func forWhole(segment string) bool {
	return segment == "" || strings.EqualFold(segment, Whole)
}
