package parse

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Param is the value of a parameter, as Hugo's param shortcode finds one:
// a key of params, a dotted key naming one inside a table ("contact.email"),
// its letters in any case (Hugo lowers every key).
func Param(params map[string]any, key string) (any, bool) {
	var v any = params
	for _, part := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[part]; ok {
			continue
		}
		found := false
		for k, x := range m {
			if strings.EqualFold(k, part) {
				v, found = x, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return v, true
}

// ParamNames are the keys of params, dotted for those inside tables,
// sorted: for did-you-mean.
func ParamNames(params map[string]any) []string {
	var names []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			names = append(names, prefix+k)
			if sub, ok := v.(map[string]any); ok {
				walk(prefix+k+".", sub)
			}
		}
	}
	walk("", params)
	sort.Strings(names)
	return names
}

// ParamText is a parameter's value as a page shows it: text as written, a
// date as 2026-01-15, a list as its items with commas.
func ParamText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			return v.Format(time.DateOnly)
		}
		return v.Format(time.RFC3339)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = ParamText(x)
		}
		return strings.Join(parts, ", ")
	default:
		return fmt.Sprint(v)
	}
}
