package parse

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
)

// TOMLKeys maps key paths of a TOML document to the lines they are written
// on. BurntSushi/toml reports positions only for syntax errors, not for keys,
// so this locator scans the text (already validated by the real decoder) for
// table headers and "key =" lines. Array-of-table entries get their index as
// a path element: "stages", "2", "feeling".
type TOMLKeys map[string]int

// LocateTOMLKeys scans src. Lines are 1-based lines of src.
func LocateTOMLKeys(src []byte) TOMLKeys {
	keys := TOMLKeys{}
	counts := map[string]int{}
	prefix := ""
	inMultiline := ""
	sc := bufio.NewScanner(bytes.NewReader(stripBOM(src))) // a BOM would hide the first key
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if inMultiline != "" {
			if strings.Count(text, inMultiline)%2 == 1 {
				inMultiline = ""
			}
			continue
		}
		switch {
		case text == "" || text[0] == '#':
		case strings.HasPrefix(text, "[["):
			name := tomlKeyPath(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(cutComment(text), "[[")), "]]"))
			n := counts[name]
			counts[name]++
			prefix = name + "." + strconv.Itoa(n)
			keys.set(name, line)
			keys.set(prefix, line)
		case text[0] == '[':
			prefix = tomlKeyPath(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(cutComment(text), "[")), "]"))
			keys.set(prefix, line)
		default:
			eq := strings.IndexByte(text, '=')
			if eq <= 0 {
				continue
			}
			key := tomlKeyPath(text[:eq])
			if prefix != "" {
				key = prefix + "." + key
			}
			keys.set(key, line)
			for _, q := range []string{`"""`, `'''`} {
				if strings.Count(text[eq:], q)%2 == 1 {
					inMultiline = q
				}
			}
		}
	}
	return keys
}

func (k TOMLKeys) set(key string, line int) {
	if _, ok := k[key]; !ok {
		k[key] = line
	}
}

// Line returns the line of the longest known prefix of the key path, so an
// error about a value inside an inline table still lands near it; 0 if none.
func (k TOMLKeys) Line(path ...string) int {
	for n := len(path); n > 0; n-- {
		if line, ok := k[strings.Join(path[:n], ".")]; ok {
			return line
		}
	}
	return 0
}

// tomlKeyPath normalises a written key ("a . \"b\"") to its path ("a.b").
func tomlKeyPath(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') {
			p = p[1 : len(p)-1]
		}
		parts[i] = p
	}
	return strings.Join(parts, ".")
}

func cutComment(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}
