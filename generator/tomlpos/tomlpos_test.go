package tomlpos

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// where finds the 1-based line and column (in bytes) of an offset.
func where(src []byte, off int) string {
	line := bytes.Count(src[:off], []byte{'\n'}) + 1
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
	return fmt.Sprintf("%d:%d", line, col)
}

func TestAt(t *testing.T) {
	tests := []struct {
		name string
		src  string
		path string // dot-separated; a part in quotes may hold a dot
		key  string // line:col of the key, "" when it must not be found
		val  string // line:col of the value
	}{
		{"top-level key", "title = \"x\"\n", "title", "1:1", "1:9"},
		{"byte order mark", "\uFEFFtitle = 'x'\n", "title", "1:4", "1:12"},
		{"spaces around =", "  a\t=   1 # c\n", "a", "1:3", "1:9"},
		{"dotted key", "a . b = 1\n", "a.b", "1:1", "1:9"},
		{"dotted key: its table", "a.b = 1\n", "a", "1:1", "1:1"},
		{"quoted key with a dot", "\"x.y\" = 1\n", `"x.y"`, "1:1", "1:9"},
		{"literal quoted key", "'k' = 1\n", "k", "1:1", "1:7"},
		{"table header", "[params]\nx = 1\n", "params", "1:1", "1:1"},
		{"key in a table", "[params]\nx = 1\n", "params.x", "2:1", "2:5"},
		{"key in a dotted table", "[a.b]\nx = 1\n", "a.b.x", "2:1", "2:5"},
		{"table header's parent", "[a.b]\nx = 1\n", "a", "1:1", "1:1"},
		{"array of tables", "[[stages]]\nname = 'a'\n[[stages]]\nname = 'b'\n", "stages.1.name", "4:1", "4:8"},
		{"array of tables: the element", "[[stages]]\n[[ stages ]] # two\n", "stages.1", "2:1", "2:1"},
		{"array of tables: the array", "x = 1\n[[stages]]\n", "stages", "2:1", "2:1"},
		{"nested array of tables", "[[a]]\n[[a.b]]\n[[a]]\n[[a.b]]\nk = 1\n", "a.1.b.0.k", "5:1", "5:5"},
		{"table under an array of tables", "[[a]]\n[[a]]\n[a.sub]\nk = 1\n", "a.1.sub.k", "4:1", "4:5"},
		{"inline table", "p = { x = 1, y = 'z' }\n", "p.y", "1:14", "1:18"},
		{"inline tables in an array", "points = [\n  {date = 2025-11-30, value = 1},\n  { date = 2025-12-01,\n    value = 2 },\n]\n", "points.1.value", "4:5", "4:13"},
		{"array element", "aliases = [\n  '/a/',\n  \"/b/\",\n]\n", "aliases.1", "3:3", "3:3"},
		{"nested arrays", "m = [[1, 2], [3]]\n", "m.1.0", "1:15", "1:15"},
		{"multi-line string hides keys", "a = \"\"\"\n[[points]]\nb = 1\n\"\"\"\nc = 2\n", "c", "5:1", "5:5"},
		{"multi-line string hides keys: none found", "a = '''\nb = 1\n'''\n", "b", "", ""},
		{"multi-line string ending in quotes", "a = \"\"\"x\"\"\"\"\"\nb = 1\n", "b", "2:1", "2:5"},
		{"string with brackets and a hash", "a = \"[[x]] # ,{\"\nb = 1\n", "b", "2:1", "2:5"},
		{"escaped quote", "a = \"x\\\" = 1\"\nb = 1\n", "b", "2:1", "2:5"},
		{"comment with brackets", "# [[points]]\na = 1\n", "points", "", ""},
		{"CRLF line ends", "[t]\r\na = 1\r\nb = 2\r\n", "t.b", "3:1", "3:5"},
		{"first mention wins", "[a]\nx = 1\n[a.b]\n", "a", "1:1", "1:1"},
		{"datetime with a space", "d = 1979-05-27 07:32:00Z\ne = 1\n", "e", "2:1", "2:5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			m := Scan(src)
			p, ok := m.At(splitPath(tt.path)...)
			if tt.key == "" {
				if ok {
					t.Fatalf("At(%s) = %+v, want not found", tt.path, p)
				}
				return
			}
			if !ok {
				t.Fatalf("At(%s) not found", tt.path)
			}
			if got := where(src, p.Key); got != tt.key {
				t.Errorf("key at %s, want %s", got, tt.key)
			}
			if got := where(src, p.Value); got != tt.val {
				t.Errorf("value at %s, want %s", got, tt.val)
			}
		})
	}
}

// splitPath splits a.b."c.d" into its parts.
func splitPath(s string) []string {
	var parts []string
	for s != "" {
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"') + 1
			parts = append(parts, s[1:end])
			s = strings.TrimPrefix(s[end+1:], ".")
			continue
		}
		part, rest, _ := strings.Cut(s, ".")
		parts = append(parts, part)
		s = rest
	}
	return parts
}

func TestHeader(t *testing.T) {
	m := Scan([]byte("title = 1\n[meta]\n[[points]]\na.b = 1\n"))
	for path, want := range map[string]bool{"title": false, "meta": true, "points": true, "points.0": true, "points.0.a": false} {
		p, ok := m.At(splitPath(path)...)
		if !ok || p.Header != want {
			t.Errorf("At(%s) = %+v, %v; want Header %v", path, p, ok, want)
		}
	}
}

func TestLen(t *testing.T) {
	tests := []struct {
		src, path string
		want      int
	}{
		{"[[p]]\n[[p]]\n[[p]]\n", "p", 3},
		{"p = [{a = 1}, {a = 2}]\n", "p", 2},
		{"p = [\n  1,\n  2, # c\n  3,\n]\n", "p", 3},
		{"p = []\n", "p", 0},
		{"[[a]]\n[[a.b]]\n[[a.b]]\n[[a]]\n[[a.b]]\n", "a.0.b", 2},
		{"x = 1\n", "p", 0},
	}
	for _, tt := range tests {
		if got := Scan([]byte(tt.src)).Len(splitPath(tt.path)...); got != tt.want {
			t.Errorf("Len(%s) of %q = %d, want %d", tt.path, tt.src, got, tt.want)
		}
	}
}

func TestLine(t *testing.T) {
	src := "title = 'x'\n\n[[stages]]\nname = 'a'\n[[stages]]\nname = 'b'\nfeeling = { as = 1 }\n"
	m := Scan([]byte(src))
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"title"}, 1},
		{[]string{"stages"}, 3},
		{[]string{"stages", "1"}, 5},
		{[]string{"stages", "1", "feeling", "as"}, 7},
		{[]string{"stages", "1", "touchpoints"}, 5}, // not written: its stage
		{[]string{"stages", "9", "name"}, 3},        // no such stage: the first
		{[]string{"missing"}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := m.Line(tt.path...); got != tt.want {
			t.Errorf("Line(%v) = %d, want %d", tt.path, got, tt.want)
		}
	}
	var none *Map
	if none.Line("x") != 0 {
		t.Error("Line of a nil Map is not 0")
	}
}

func TestDeepNestingDoesNotRecurse(t *testing.T) {
	src := "a = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\nb = 1\n"
	m := Scan([]byte(src))
	if p, ok := m.At("b"); !ok || m.LineOf(p.Key) != 2 {
		t.Errorf("b after a deep array: %+v, %v", p, ok)
	}
}

// FuzzScan checks, for every document the decoder accepts, that every key
// path and array element it decodes is found, at a position inside the
// text; and that no input makes Scan panic.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"title = 'x'\n[params]\na.b = 1\n",
		"[[stages]]\nname = 'a'\nfeeling = 3\n[[stages]]\nmetrics = ['nps', \"csat\"]\n",
		"points = [\n  {date = 2025-11-30, value = 1},\n  {date = 2025-12-01, note = \"a \\\" [[points]] # ,{\", value = 2},\n]\n",
		"[[points]]\nnote = '''\n[[points]]\n'''\ndate = 2025-11-30\nvalue = 1\n[points.sub]\nx = 1\n",
		"[[a]]\n[[a.b]]\n[a.b.c]\nd = 1\n[[a]]\n",
		"\uFEFF\"q.k\" = { x = [ { y = 1 } ] }\n",
		"x = \"\"\"a\"\"\"\"\"\ny = 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m := Scan(src)
		var doc map[string]any
		if _, err := decode(src, &doc); err != nil {
			return
		}
		var walk func(path []string, v any)
		walk = func(path []string, v any) {
			if len(path) > 0 {
				p, ok := m.At(path...)
				if !ok {
					t.Fatalf("%q is decoded but not found in %q", path, src)
				}
				if p.Key < 0 || p.Key > len(src) || p.Value < p.Key || p.Value > len(src) {
					t.Fatalf("%q at %+v, outside the %d bytes of the text", path, p, len(src))
				}
			}
			switch v := v.(type) {
			case map[string]any:
				keys := make([]string, 0, len(v))
				for k := range v {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					walk(append(path[:len(path):len(path)], k), v[k])
				}
			case []map[string]any:
				for i, e := range v {
					walk(append(path[:len(path):len(path)], strconv.Itoa(i)), e)
				}
			case []any:
				if len(path) < maxDepth {
					for i, e := range v {
						walk(append(path[:len(path):len(path)], strconv.Itoa(i)), e)
					}
				}
			}
		}
		walk(nil, doc)
	})
}

// decode decodes src; a panic in the TOML library counts as an error.
func decode(src []byte, doc *map[string]any) (md toml.MetaData, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return toml.NewDecoder(bytes.NewReader(src)).Decode(doc)
}
