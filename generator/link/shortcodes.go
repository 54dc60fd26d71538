package link

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Shortcodes: shiftbook's own (one table, Builtins) and the site's
// (layouts/shortcodes/NAME.html), and the checks of every call.

// Builtin is one of shiftbook's own shortcodes: what link checks of a call
// and what render shows for it come from here, so that a shortcode is
// named once. Each takes one argument, the id of what it shows.
type Builtin struct {
	Name     string
	Arg      string  // what its argument is, in messages: "a metric id"
	Shows    Showing // what the argument names
	Block    bool    // it writes a block (a figure, a journey map): in a paragraph among other text it would make invalid HTML
	Chart    bool    // it draws the metric's chart, not only its latest value
	NameFlag bool    // it takes name=true or name=false: show the metric's name before its value
	Template string  // the theme's template that writes it
}

// Showing is what a built-in shortcode's argument names.
type Showing int

const (
	ShowsMetric Showing = iota + 1
	ShowsJourney
)

// Builtins are shiftbook's own shortcodes, sorted by name.
var Builtins = []Builtin{
	{Name: "chart", Arg: "a metric id", Shows: ShowsMetric, Block: true, Chart: true, Template: "shortcodes/chart.html"},
	{Name: "journey", Arg: "a journey id", Shows: ShowsJourney, Block: true, Template: "shortcodes/journey.html"},
	{Name: "metric", Arg: "a metric id", Shows: ShowsMetric, NameFlag: true, Template: "shortcodes/metric.html"},
}

// BuiltinShortcode returns shiftbook's own shortcode of that name.
func BuiltinShortcode(name string) (Builtin, bool) {
	for _, b := range Builtins {
		if b.Name == name {
			return b, true
		}
	}
	return Builtin{}, false
}

func (s *Site) shortcodeNames() []string {
	var names []string
	for _, b := range Builtins {
		names = append(names, b.Name)
	}
	for _, n := range s.Config.Shortcodes {
		if _, builtin := BuiltinShortcode(n); !builtin {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

func (s *Site) resolveShortcodes(p *Page) diag.List {
	var diags diag.List
	for _, sc := range p.Body.Shortcodes {
		at := p.BodyOffset + sc.Offset
		if sc.Err != "" {
			diags.Add(diag.At(p.Path, p.Source, p.BodyOffset+sc.ErrAt, "%s", sc.Err))
			continue
		}
		known := slices.Contains(s.Config.Shortcodes, sc.Name)
		spec, builtin := BuiltinShortcode(sc.Name)
		if sc.Closing {
			msg := fmt.Sprintf("closing tag {{< /%s >}} has no {{< %s >}} before it to close", sc.Name, sc.Name)
			switch sug := diag.Suggest(sc.Name, s.shortcodeNames()); {
			case builtin || known:
				msg += fmt.Sprintf("; open it with {{< %s >}} on the same line, or put both tags on lines of their own", sc.Name)
			case sug != "":
				msg += fmt.Sprintf(": %q is not a shortcode", sc.Name) + diag.DidYouMeanAs("{{< /"+sug+" >}}")
			default:
				msg += fmt.Sprintf(": %q is not a shortcode; remove the tag", sc.Name)
			}
			diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			continue
		}
		if !builtin && known {
			continue // the site's own: its template takes what it takes
		}
		if !builtin && (sc.Name == "ref" || sc.Name == "relref") {
			diags.Add(diag.At(p.Path, p.Source, at, "{{< %s >}} works only as a link's address; write [the text]({{< %s \"page.md\" >}})", sc.Name, sc.Name))
			continue
		}
		if !builtin {
			msg := fmt.Sprintf("unknown shortcode %q", sc.Name) + diag.DidYouMean(sc.Name, s.shortcodeNames(),
				"; the shortcodes are "+strings.Join(s.shortcodeNames(), ", ")+", and a site adds its own as layouts/shortcodes/NAME.html")
			diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			continue
		}
		if len(sc.Args) != 1 || (len(sc.Named) > 0 && !spec.NameFlag) {
			diags.Add(diag.At(p.Path, p.Source, at,
				"%s takes exactly one argument, %s: write {{< %s \"id\" >}}", sc.Name, spec.Arg, sc.Name))
			continue
		}
		if msg := metricOptions(sc.Named); msg != "" {
			diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			continue
		}
		if spec.Block && sc.InParagraph {
			diags.Add(diag.At(p.Path, p.Source, at,
				"{{< %s >}} makes a block, which cannot stand inside a paragraph's text; put it on a line of its own, with a blank line before and after", sc.Name))
			continue
		}
		id := sc.Args[0]
		switch spec.Shows {
		case ShowsMetric:
			m := s.metricBy[id]
			if m == nil {
				diags.Add(diag.At(p.Path, p.Source, at, "%s", s.unknownMetric(id)))
			} else if seg, ok := sc.Named["segment"]; ok {
				if msg := unknownSegment(m, seg); msg != "" {
					diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
				}
			}
		case ShowsJourney:
			if s.journeyBy[id] == nil {
				var ids []string
				for k := range s.journeyBy {
					ids = append(ids, k)
				}
				sort.Strings(ids)
				msg := fmt.Sprintf("unknown journey %q", id)
				msg += diag.DidYouMean(id, ids, "; a journey's id is its file name in content/journeys/ without .md")
				diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			}
		}
	}
	return diags
}

// metricOptions checks the named options of {{< metric "id" ... >}}:
// name=true or name=false (show the metric's name before its value), and
// segment="business" (the value of one segment of its data file, checked
// against the file by unknownSegment).
func metricOptions(named map[string]string) string {
	for _, k := range slices.Sorted(maps.Keys(named)) {
		v := named[k]
		switch k {
		case "name":
			if v != "true" && v != "false" {
				return fmt.Sprintf("name=%q is not true or false; write name=true to show the metric's name", v)
			}
		case "segment":
			if strings.TrimSpace(v) == "" {
				return "segment is empty; name a segment of the metric's data file, such as segment=\"business\", or leave the option out for everyone"
			}
		default:
			return fmt.Sprintf("metric has no option %q", k) + diag.DidYouMean(k, []string{"name", "segment"},
				"; its options are name=true (show the metric's name) and segment=\"business\" (one segment's value): write {{< metric \"id\" name=true >}}")
		}
	}
	return ""
}

// unknownSegment says what is wrong when the metric's data file has no
// segment of that name, or "" when it has.
func unknownSegment(m *Metric, name string) string {
	var names []string
	for _, seg := range m.Segments {
		if seg.Name == name {
			return ""
		}
		names = append(names, seg.Name)
	}
	if len(names) == 0 {
		return fmt.Sprintf("metric %q has no segments: its data file has no segment column, or only rows for everyone; remove segment=%q", m.ID, name)
	}
	return fmt.Sprintf("metric %q has no segment %q", m.ID, name) + diag.DidYouMean(name, names,
		"; its data file's segments are "+strings.Join(names, ", "))
}
