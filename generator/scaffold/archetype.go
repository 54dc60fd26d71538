package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/themes"
)

// archetypeData is what an archetype's template sees.
type archetypeData struct {
	Kind  string // definition, journey, metric, page or site
	Title string // the page's title, from NAME
	Slug  string // the file name without .md
	ID    string // the metric or journey id: the slug
	Date  string // today by the build clock, as 2026-01-15
	Year  int    // the year of Date
	Data  string // metric: the data file, relative to the data folder
	Path  string // the file written, from the site folder: content/metrics/nps.md
	// site: the address the site is published at (new site --base-url);
	// "" leaves baseURL for the author to set, site.toml says how.
	BaseURL string
}

func newData(kind, title, slug string, now time.Time) archetypeData {
	return archetypeData{Kind: kind, Title: title, Slug: slug, ID: slug,
		Date: now.Format(time.DateOnly), Year: now.Year()}
}

// findArchetype returns an archetype file and the name to show in messages:
// the site's themes/THEME/archetypes/NAME, else the built-in theme's, else
// the built-in default theme's.
func findArchetype(site fs.FS, theme, name string) ([]byte, string, error) {
	own := path.Join("themes", theme, "archetypes", name)
	if b, err := fs.ReadFile(site, own); err == nil {
		return b, own, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, own, fmt.Errorf("cannot read %s: %v", own, err)
	}
	for _, t := range []string{theme, "default"} {
		p := path.Join(t, "archetypes", name)
		if b, err := fs.ReadFile(themes.FS, p); err == nil {
			return b, load.BuiltinPrefix + p, nil
		}
	}
	return nil, own, fmt.Errorf("no archetype for %s: add %s", strings.TrimSuffix(name, path.Ext(name)), own)
}

func execArchetype(site fs.FS, theme, name string, data archetypeData) ([]byte, error) {
	src, shown, err := findArchetype(site, theme, name)
	if err != nil {
		return nil, err
	}
	return execTemplate(shown, src, data)
}

// execTemplate runs an archetype, a Go text/template. A shortcode "{{<" is
// never a template action, so archetypes may show shortcodes as they are.
func execTemplate(name string, src []byte, data archetypeData) ([]byte, error) {
	now, _ := time.Parse(time.DateOnly, data.Date)
	funcs := template.FuncMap{
		"quote": Quote,
		"monthsAgo": func(n int) string {
			return now.AddDate(0, -n, 0).Format(time.DateOnly)
		},
	}
	t, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(escapeShortcodes(string(src)))
	if err == nil {
		var b bytes.Buffer
		if err = t.Execute(&b, data); err == nil {
			return b.Bytes(), nil
		}
	}
	return nil, fmt.Errorf("%s; fix the archetype", strings.TrimPrefix(err.Error(), "template: "))
}

// escapedShortcode matches text that ends inside an action that already
// prints a shortcode opening: {{"{{<"}} or {{ `{{<` }}.
var escapedShortcode = regexp.MustCompile("\\{\\{-?\\s*[\"`]$")

// escapeShortcodes turns each "{{<" into a template action that prints it,
// leaving one already written as {{"{{<"}} alone.
func escapeShortcodes(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "{{<")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if escapedShortcode.MatchString(s[:i]) {
			b.WriteString("{{<")
		} else {
			b.WriteString(`{{"{{<"}}`)
		}
		s = s[i+3:]
	}
}

// Quote writes s as a TOML basic string (an archetype's quote function).
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
