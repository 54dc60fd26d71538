// Package tomlpos finds where the keys of a TOML document are written.
//
// BurntSushi/toml reports positions only for syntax errors: its MetaData
// keeps key positions private. So that an error about a value (a front
// matter key of the wrong type, an unknown key of site.toml, a bad value in
// a data file) can point at the line and column it is written on, this
// package scans the text, after the real decoder has accepted it, for table
// headers, keys, inline tables and array elements, skipping strings and
// comments. It is the one TOML locator: front matter, site.toml and metric
// data files all use it.
//
// A key path is the list of its parts as the decoder sees them, with the
// index of an array element as a part: "stages", "2", "feeling" is the
// feeling of the third [[stages]] table (or of the third inline table in
// stages = [...]).
package tomlpos

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
)

// Pos is where a key is written, as byte offsets into the scanned text.
type Pos struct {
	Key    int  // the key's first byte; the "[" of a table header; an array element's first byte
	Value  int  // the first byte of its value; Key for headers and array elements
	Header bool // the path was first written as a [table] or [[array]] header
}

// Map holds the positions of the keys of one document.
type Map struct {
	pos   map[string]Pos
	elems map[string]int // array path -> elements seen
	lines []int          // line start offsets
}

// maxDepth bounds the nesting of arrays and inline tables that is followed
// key by key; deeper values are skipped whole (their positions are those
// of the value that holds them), so no input can exhaust the stack.
const maxDepth = 64

// sep joins path parts in map keys; a quoted TOML key may hold a dot.
const sep = "\x00"

// Scan reads src. A UTF-8 byte order mark at its start is skipped; offsets
// are still offsets into src. Text that is not valid TOML is scanned as far
// as it can be understood, never with a panic.
func Scan(src []byte) *Map {
	m := &Map{pos: map[string]Pos{}, elems: map[string]int{}, lines: []int{0}}
	// The line table is made here, not when first asked for, so that a Map
	// (such as the one of site.toml) can be read by many goroutines.
	for i, b := range src {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	s := &scanner{m: m, src: src}
	s.document()
	return m
}

// At returns the position of the key path, and whether it is written.
func (m *Map) At(path ...string) (Pos, bool) {
	p, ok := m.pos[strings.Join(path, sep)]
	return p, ok
}

// Len is the number of elements written in the array at path: [[path]]
// headers, or the values of path = [...].
func (m *Map) Len(path ...string) int {
	return m.elems[strings.Join(path, sep)]
}

// Line returns the 1-based line of the longest written prefix of the key
// path, so an error about a value inside an inline table or an unwritten
// default still lands near it; 0 when not even the first part is written.
func (m *Map) Line(path ...string) int {
	if m == nil {
		return 0
	}
	for n := len(path); n > 0; n-- {
		if p, ok := m.At(path[:n]...); ok {
			return m.LineOf(p.Key)
		}
	}
	return 0
}

// LineOf is the 1-based line of a byte offset of the scanned text.
func (m *Map) LineOf(offset int) int {
	return sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset })
}

func (m *Map) set(path []string, p Pos) {
	k := strings.Join(path, sep)
	if _, ok := m.pos[k]; !ok {
		m.pos[k] = p
	}
}

type scanner struct {
	m      *Map
	src    []byte
	arrays map[string]bool // resolved paths of arrays of tables
}

func (s *scanner) document() {
	s.arrays = map[string]bool{}
	i := 0
	if bytes.HasPrefix(s.src, []byte("\uFEFF")) {
		i = 3
	}
	var table []string
	for i < len(s.src) {
		i = s.blank(i, true)
		if i >= len(s.src) {
			return
		}
		start := i
		if s.src[i] == '[' {
			table, i = s.header(i)
		} else {
			i = s.keyValue(i, table, 0)
		}
		i = s.endLine(max(i, start+1))
	}
}

// header reads a [table] or [[array]] header at i and returns the path
// that the keys below it extend.
func (s *scanner) header(i int) ([]string, int) {
	start := i
	array := i+1 < len(s.src) && s.src[i+1] == '['
	i++
	if array {
		i++
	}
	parts, j, ok := s.key(i)
	if !ok {
		return nil, j
	}
	// Resolve the header against the arrays of tables above it: in
	// [fruits.variety] after [[fruits]], fruits means its last element.
	var path []string
	for n, part := range parts {
		path = append(path, part)
		s.m.set(path, Pos{Key: start, Value: start, Header: true})
		last := n == len(parts)-1
		k := strings.Join(path, sep)
		if last && array {
			idx := s.m.elems[k]
			s.m.elems[k] = idx + 1
			s.arrays[k] = true
			path = append(path, strconv.Itoa(idx))
			s.m.set(path, Pos{Key: start, Value: start, Header: true})
		} else if s.arrays[k] {
			path = append(path, strconv.Itoa(s.m.elems[k]-1))
		}
	}
	return path, j
}

// keyValue reads key = value at i, under the path prefix.
func (s *scanner) keyValue(i int, prefix []string, depth int) int {
	parts, j, ok := s.key(i)
	if !ok {
		return j
	}
	j = s.blank(j, false)
	if j >= len(s.src) || s.src[j] != '=' {
		return j
	}
	val := s.blank(j+1, false)
	path := append(append([]string(nil), prefix...), parts...)
	for n := len(prefix) + 1; n < len(path); n++ {
		s.m.set(path[:n], Pos{Key: i, Value: i})
	}
	s.m.set(path, Pos{Key: i, Value: val})
	return s.value(val, path, depth)
}

// value skips the value at i, recording the keys and elements inside
// arrays and inline tables; it returns the index after the value.
func (s *scanner) value(i int, path []string, depth int) int {
	if i >= len(s.src) {
		return i
	}
	switch c := s.src[i]; c {
	case '"', '\'':
		return s.str(i)
	case '[', '{':
		if depth >= maxDepth {
			return s.skipNested(i)
		}
		if c == '[' {
			return s.array(i, path, depth+1)
		}
		return s.inlineTable(i, path, depth+1)
	}
	for i < len(s.src) {
		switch s.src[i] {
		case ',', ']', '}', '\n', '#':
			return i
		}
		i++
	}
	return i
}

func (s *scanner) array(i int, path []string, depth int) int {
	k := strings.Join(path, sep)
	i++ // [
	for i < len(s.src) {
		i = s.blank(i, true)
		if i >= len(s.src) || s.src[i] == ']' {
			return i + 1
		}
		if s.src[i] == ',' {
			i++
			continue
		}
		idx := s.m.elems[k]
		s.m.elems[k] = idx + 1
		elem := append(append([]string(nil), path...), strconv.Itoa(idx))
		s.m.set(elem, Pos{Key: i, Value: i})
		next := s.value(i, elem, depth)
		if next <= i {
			next = i + 1 // not understood: step on
		}
		i = next
	}
	return i
}

func (s *scanner) inlineTable(i int, path []string, depth int) int {
	i++ // {
	for i < len(s.src) {
		i = s.blank(i, true)
		if i >= len(s.src) || s.src[i] == '}' {
			return i + 1
		}
		if s.src[i] == ',' {
			i++
			continue
		}
		next := s.keyValue(i, path, depth)
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return i
}

// skipNested skips a too deeply nested array or inline table, minding
// strings, without recursion.
func (s *scanner) skipNested(i int) int {
	open := 0
	for i < len(s.src) {
		switch s.src[i] {
		case '"', '\'':
			i = s.str(i)
			continue
		case '#':
			i = s.lineEnd(i)
			continue
		case '[', '{':
			open++
		case ']', '}':
			open--
			if open == 0 {
				return i + 1
			}
		}
		i++
	}
	return i
}

// key reads a dotted key (bare, "basic" or 'literal' parts) at i; it
// returns the parts and the index after the key.
func (s *scanner) key(i int) ([]string, int, bool) {
	var parts []string
	for {
		i = s.blank(i, false)
		if i >= len(s.src) {
			return nil, i, false
		}
		switch c := s.src[i]; {
		case c == '"' || c == '\'':
			end := s.str(i)
			raw := string(s.src[i:end])
			part := strings.TrimSuffix(strings.TrimPrefix(raw, raw[:1]), raw[:1])
			if c == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				}
			}
			parts = append(parts, part)
			i = end
		case bareKeyChar(c):
			j := i
			for j < len(s.src) && bareKeyChar(s.src[j]) {
				j++
			}
			parts = append(parts, string(s.src[i:j]))
			i = j
		default:
			return nil, i, false
		}
		j := s.blank(i, false)
		if j < len(s.src) && s.src[j] == '.' {
			i = j + 1
			continue
		}
		return parts, i, true
	}
}

func bareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// str returns the index after the string starting at i (a quote): basic or
// literal, on one line or multi-line. A one-line string that is not closed
// ends at the end of its line.
func (s *scanner) str(i int) int {
	q := s.src[i]
	if i+2 < len(s.src) && s.src[i+1] == q && s.src[i+2] == q {
		for j := i + 3; j < len(s.src); j++ {
			if q == '"' && s.src[j] == '\\' {
				j++
				continue
			}
			if j+2 < len(s.src) && s.src[j] == q && s.src[j+1] == q && s.src[j+2] == q {
				k := j + 3
				// Up to two more quotes belong to the string: """a""""" is a"".
				for n := 0; n < 2 && k < len(s.src) && s.src[k] == q; n++ {
					k++
				}
				return k
			}
		}
		return len(s.src)
	}
	for j := i + 1; j < len(s.src); j++ {
		switch s.src[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case '\n':
			return j
		case q:
			return j + 1
		}
	}
	return len(s.src)
}

// blank skips spaces and tabs; with newlines also line ends and comments.
func (s *scanner) blank(i int, newlines bool) int {
	for i < len(s.src) {
		switch s.src[i] {
		case ' ', '\t':
		case '\r', '\n':
			if !newlines {
				return i
			}
		case '#':
			if !newlines {
				return i
			}
			i = s.lineEnd(i)
			continue
		default:
			return i
		}
		i++
	}
	return i
}

// endLine skips the rest of the line from i (a comment, or what could not
// be understood) and returns the start of the next line.
func (s *scanner) endLine(i int) int {
	return min(s.lineEnd(i)+1, len(s.src))
}

func (s *scanner) lineEnd(i int) int {
	for i < len(s.src) && s.src[i] != '\n' {
		i++
	}
	return i
}
