package render

// The functions the theme's templates call: assets, interface text (T, TN,
// TH, THN and the words they need), dict and the helpers of shortcodes.

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
)

func (r *run) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) (string, error) {
			u, ok := r.assets[name]
			if !ok {
				return "", fmt.Errorf("no asset %q in the theme's assets/ folder", name)
			}
			return u, nil
		},
		"hasPrefix": strings.HasPrefix,
		"linkItems": linkItems,
		// T is the interface text of key in the page's language (see
		// generator/i18n), its {name}s replaced by the pairs that follow.
		// A key no table has is an error at the template that asks for it.
		"T": func(key string, pairs ...string) (string, error) {
			if !r.text.Has(key) {
				return "", r.unknownKey(key)
			}
			return r.text.T(key, pairs...), nil
		},
		// TH is T for a sentence with markup in it: the table's text is
		// escaped, and each {name} is replaced by its value, escaped unless
		// it is HTML already (the markup the template made, <strong>…).
		// For text between elements only, never an attribute.
		"TH": func(key string, pairs ...any) (template.HTML, error) {
			if !r.text.Has(key) {
				return "", r.unknownKey(key)
			}
			return textHTML(r.text.T(key), pairs)
		},
		// THN is TH for a count, as TN.
		"THN": func(key string, n int, pairs ...any) (template.HTML, error) {
			if !r.text.Has(key + ".other") {
				return "", r.unknownKey(key + ".other")
			}
			return textHTML(r.text.T(r.text.Form(key, n)), append([]any{"n", strconv.Itoa(n)}, pairs...))
		},
		// code is a value of TH in <code>.
		"code": func(v any) template.HTML {
			return template.HTML("<code>" + template.HTMLEscapeString(fmt.Sprint(v)) + "</code>")
		},
		// feeling is a feeling's name ("happy", as a stage's FeelingText
		// and class has it) in the page's language.
		"feeling": func(word string) (string, error) {
			if !r.text.Has("feeling." + word) {
				return "", r.unknownKey("feeling." + word)
			}
			return r.text.T("feeling." + word), nil
		},
		// kindLabel is a kind of page ("metric", "focus-area") in the
		// page's language; label, its English name, for a kind the tables
		// do not name (one another shiftbook wrote).
		"kindLabel": func(name, label string) string {
			if key := "kind." + strings.ReplaceAll(name, "-", "_"); r.text.Has(key) {
				return r.text.T(key)
			}
			return label
		},
		// isoDate is a manifest's year-month-day ("2026-12-09") as the
		// page's language writes a day.
		"isoDate": func(iso string) string {
			t, err := time.Parse("2006-01-02", iso)
			if err != nil {
				return r.text.T("changes.no_date")
			}
			s, _ := r.formatDate(t)
			return s
		},
		// statusWord is a status the manifest keeps in English ("At
		// risk") in the page's language.
		"statusWord": func(english string) string { return r.word("status", english) },
		// laneLabel is a lane of /changes/ (its English label, as
		// manifestLanes names it) in the page's language.
		"laneLabel": r.laneLabel,
		// laneItem is an item of a lane as the manifest keeps it, its
		// English words ("yes", "(fail point)", a feeling) in the page's.
		"laneItem": r.laneItem,
		// strong is a value of TH in <strong>.
		"strong": func(v any) template.HTML {
			return template.HTML("<strong>" + template.HTMLEscapeString(fmt.Sprint(v)) + "</strong>")
		},
		// TN is the text of a count (key.one, key.other, …) in the page's
		// language, {n} the count.
		"TN": func(key string, n int, pairs ...string) (string, error) {
			if !r.text.Has(key + ".other") {
				return "", r.unknownKey(key + ".other")
			}
			return r.text.N(key, n, pairs...), nil
		},
		"add": func(a, b int) int { return a + b },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict needs pairs of name and value")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict names must be text")
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"hasNotes": func(points []PointData) bool {
			for _, p := range points {
				if p.Note != "" {
					return true
				}
			}
			return false
		},
		"year": func() int { return r.site.Now.Year() },
		// markdownify, as in Hugo's shortcode templates ({{.Inner |
		// markdownify}}): .Inner is markdown rendered already and is kept
		// as it is; text is rendered as markdown (raw HTML dropped unless
		// the site allows it).
		"markdownify": func(v any) (template.HTML, error) {
			switch v := v.(type) {
			case template.HTML:
				return v, nil
			case string:
				var b bytes.Buffer
				err := r.md.Render(&b, r.md.Parse([]byte(v)), nil)
				return template.HTML(b.String()), err
			}
			return "", fmt.Errorf("markdownify takes text, not %T", v)
		},
	}
}
