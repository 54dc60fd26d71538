package parse

import (
	"fmt"
	"strconv"
	"strings"
)

// Lists of tables in front matter ([[stages]], [[milestones]], [[tasks]])
// are read and named the same way; this is their one home.

// tables reads the value of key as a list of tables, reporting shape (what
// to write instead) at key's line when it is not one.
func (d *fieldDecoder) tables(v any, key, shape string) []map[string]any {
	if list, ok := v.([]map[string]any); ok {
		return list
	}
	anyList, isList := v.([]any)
	if !isList {
		d.errorf([]string{key}, "%s", shape)
		return nil
	}
	list := make([]map[string]any, 0, len(anyList))
	for _, e := range anyList {
		m, isMap := e.(map[string]any)
		if !isMap {
			d.errorf([]string{key}, "%s", shape)
			return nil
		}
		list = append(list, m)
	}
	return list
}

// tableKeyName names a key inside the n-th table of a list as an author
// reads it: "due of task 2" for key ["tasks", "1", "due"] (paths count from
// 0, authors from 1).
func tableKeyName(list, item string) func(key []string) (string, bool) {
	return func(key []string) (string, bool) {
		if len(key) >= 2 && key[0] == list {
			if i, err := strconv.Atoi(key[1]); err == nil {
				one := fmt.Sprintf("%s %d", item, i+1)
				if len(key) == 2 {
					return one, true
				}
				return strings.Join(key[2:], ".") + " of " + one, true
			}
		}
		return "", false
	}
}
