package link

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
)

// Shortcodes: shiftbook's own (one table, Builtins) and the site's
// (layouts/shortcodes/NAME.html), and the checks of every call.

// Builtin is one of shiftbook's own shortcodes: what link checks of a call
// and what render shows for it come from here, so that a shortcode is
// named once. Each takes one argument, the id of what it shows, and the
// named options of its Options.
type Builtin struct {
	Name     string
	Arg      string   // what its argument is, in messages: "a metric id"
	Shows    Showing  // what the argument names
	Block    bool     // it writes a block (a figure, a journey map): in a paragraph among other text it would make invalid HTML
	Chart    bool     // it draws the metric's chart, not only its latest value
	Options  []Option // its named options, such as name=true; none: it takes none
	Template string   // the theme's template that writes it
}

// Option is a named option of a built-in shortcode.
type Option struct {
	Name string
	Bool bool   // it is true or false; else text that may not be empty
	Eg   string // the option as written in an example: name=true, segment="business"
	Does string // what it does, in messages: "show the metric's name"
	// Segment: its value (text) or its being true asks for the metric's
	// segments, which link checks against the data file.
	Segment bool
}

// Showing is what a built-in shortcode's argument names.
type Showing int

const (
	ShowsMetric Showing = iota + 1
	ShowsJourney
	// ShowsParam: a value of the page's [params], else of site.toml's
	// (Hugo's param shortcode), shown as text.
	ShowsParam
)

// Builtins are shiftbook's own shortcodes, sorted by name.
var Builtins = []Builtin{
	{Name: "chart", Arg: "a metric id", Shows: ShowsMetric, Block: true, Chart: true, Template: "shortcodes/chart.html",
		Options: []Option{{Name: "segments", Bool: true, Segment: true, Eg: "segments=true", Does: "draw a small chart per segment under it"}}},
	{Name: "journey", Arg: "a journey id", Shows: ShowsJourney, Block: true, Template: "shortcodes/journey.html"},
	{Name: "metric", Arg: "a metric id", Shows: ShowsMetric, Template: "shortcodes/metric.html",
		Options: []Option{
			{Name: "name", Bool: true, Eg: "name=true", Does: "show the metric's name"},
			{Name: "segment", Segment: true, Eg: `segment="business"`, Does: "one segment's value"},
		}},
	{Name: "param", Arg: "the name of a parameter", Shows: ShowsParam, Template: "shortcodes/param.html"},
}

// Option returns the shortcode's option of that name.
func (b Builtin) Option(name string) (Option, bool) {
	for _, o := range b.Options {
		if o.Name == name {
			return o, true
		}
	}
	return Option{}, false
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

// unknownShortcode is the error for a call of a name that is neither one
// of shiftbook's shortcodes, nor the site's, nor Hugo's ref and relref
// (which have their own); "" for those, and for a call with no name.
func (s *Site) unknownShortcode(sc *markdown.Shortcode) string {
	name := sc.Name
	if _, builtin := BuiltinShortcode(name); builtin || name == "" || name == "ref" || name == "relref" || slices.Contains(s.Config.Shortcodes, name) {
		return ""
	}
	if msg := markdown.HugoShortcodeProblem(sc); msg != "" {
		return msg // Hugo's own, which package markdown did not read here
	}
	return fmt.Sprintf("unknown shortcode %q", name) + diag.DidYouMean(name, s.shortcodeNames(),
		"; the shortcodes are "+strings.Join(s.shortcodeNames(), ", ")+", and a site adds its own as layouts/shortcodes/NAME.html")
}

func (s *Site) resolveShortcodes(p *Page) diag.List {
	var diags diag.List
	for _, sc := range p.Body.Shortcodes {
		at := p.BodyOffset + sc.Offset
		if sc.Name != "ref" && sc.Name != "relref" && !sc.Closing && sc.InAddress {
			diags.Add(diag.At(p.Path, p.Source, at, "%s", callInAddress(sc.Name)))
			continue
		}
		if sc.Err != "" {
			diags.Add(diag.At(p.Path, p.Source, p.BodyOffset+sc.ErrAt, "%s", sc.Err))
			// Its name is read before its arguments: a name that is no
			// shortcode is a second mistake, reported in the same run.
			if msg := s.unknownShortcode(sc); msg != "" && !sc.Closing {
				diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			}
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
			if extra := markdown.RefExtra(sc); extra != "" {
				diags.Add(diag.At(p.Path, p.Source, at, "{{< %s >}} takes the page's file alone here, as in [the text]({{< %s \"page.md\" >}}); %s is Hugo's (a language, an output format) and not read: remove it (a link leads to the page in the language of the page it is on)", sc.Name, sc.Name, extra))
				continue
			}
			diags.Add(diag.At(p.Path, p.Source, at, "{{< %s >}} works only as a link's address; write [the text]({{< %s \"page.md\" >}})", sc.Name, sc.Name))
			continue
		}
		if !builtin {
			diags.Add(diag.At(p.Path, p.Source, at, "%s", s.unknownShortcode(sc)))
			continue
		}
		if len(sc.Args) != 1 || (len(sc.Named) > 0 && len(spec.Options) == 0) {
			diags.Add(diag.At(p.Path, p.Source, at,
				"%s takes exactly one argument, %s: write {{< %s \"id\" >}}", sc.Name, spec.Arg, sc.Name))
			continue
		}
		if msg := options(spec, sc.Named); msg != "" {
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
			} else if msg := segmentOptions(spec, m, sc.Named); msg != "" {
				diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
			}
		case ShowsParam:
			if msg := s.paramProblem(p, id); msg != "" {
				diags.Add(diag.At(p.Path, p.Source, at, "%s", msg))
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

// callInAddress is the error of a shortcode call written in a link's
// address. Hugo runs {{% param version %}} before it reads the link;
// here shortcodes are read in the text, so the call would stay in the
// address, or the link would be shown as text.
func callInAddress(name string) string {
	return fmt.Sprintf("shortcode %q is inside a link's address, where shortcodes are not run (only ref and relref work there, as [the FAQ]({{< ref \"faq.md\" >}})); write the address out in full instead", name)
}

// options checks the named options of a built-in shortcode against its
// Options: {{< metric "id" name=true segment="business" >}},
// {{< chart "id" segments=true >}}. Segments are checked against the data
// file by segmentOptions.
func options(spec Builtin, named map[string]string) string {
	for _, k := range slices.Sorted(maps.Keys(named)) {
		v := named[k]
		o, ok := spec.Option(k)
		switch {
		case !ok:
			var names, said []string
			for _, o := range spec.Options {
				names = append(names, o.Name)
				said = append(said, o.Eg+" ("+o.Does+")")
			}
			its := "its options are "
			if len(said) == 1 {
				its = "its option is "
			}
			return fmt.Sprintf("%s has no option %q", spec.Name, k) + diag.DidYouMean(k, names,
				fmt.Sprintf("; %s%s: write {{< %s \"id\" %s >}}", its, joinAnd(said), spec.Name, spec.Options[0].Eg))
		case o.Bool && v != "true" && v != "false":
			return fmt.Sprintf("%s=%q is not true or false; write %s to %s", k, v, o.Eg, o.Does)
		case !o.Bool && strings.TrimSpace(v) == "":
			return fmt.Sprintf("%s is empty; name a segment of the metric's data file, such as %s, or leave the option out for everyone", k, o.Eg)
		}
	}
	return ""
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// segmentOptions checks the options that name segments of m's data file:
// a segment="..." it does not have, or segments=true when it has none.
func segmentOptions(spec Builtin, m *Metric, named map[string]string) string {
	if m.Series == nil && m.Page.Meta.Metric.Data != "" {
		return "" // its data file is missing or did not read, which is reported
	}
	for _, k := range slices.Sorted(maps.Keys(named)) {
		o, _ := spec.Option(k)
		switch v := named[k]; {
		case !o.Segment:
		case o.Bool && v == "true" && len(m.Segments) == 0:
			if one := m.onlySegment(); one != "" {
				return fmt.Sprintf("metric %q has one segment only, %q, whose rows are its whole series, so there is nothing to break down; remove %s=true, or add the rows of the other segments to %s",
					m.ID, one, k, m.dataName())
			}
			return fmt.Sprintf("metric %q has no segments: its data file has no segment column, or only rows for everyone; remove %s=true, or add a segment column to %s",
				m.ID, k, m.dataName())
		case !o.Bool:
			if msg := unknownSegment(m, v); msg != "" {
				return msg
			}
		}
	}
	return ""
}

// dataName is the metric's data file in messages.
func (m *Metric) dataName() string {
	if m.Series == nil {
		return "its data file"
	}
	return m.Series.Path
}

// onlySegment is the name of the one segment a data file names when all
// its rows are for it (they are then the headline series); "" otherwise.
func (m *Metric) onlySegment() string {
	if m.Series == nil || len(m.Series.Segments) > 0 || len(m.Series.Points) == 0 {
		return ""
	}
	if name := m.Series.Points[0].Segment; !strings.EqualFold(name, series.Whole) {
		return name
	}
	return ""
}

// unknownSegment says what is wrong when the metric's data file has no
// segment of that name, or "" when it has. The one segment of a file that
// names only one is its headline series, and may be named.
func unknownSegment(m *Metric, name string) string {
	if one := m.onlySegment(); one != "" {
		if name == one {
			return ""
		}
		return fmt.Sprintf("metric %q has no segment %q", m.ID, name) + diag.DidYouMean(name, []string{one},
			fmt.Sprintf("; its data file names one segment only, %q", one))
	}
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

// ParamOf is the value {{< param "name" >}} shows on page p: the page's
// own [params] first, then site.toml's, as in Hugo.
func (s *Site) ParamOf(p *Page, name string) (any, bool) {
	if v, ok := parse.Param(p.Meta.Params, name); ok {
		return v, true
	}
	return parse.Param(s.Config.Params, name)
}

// paramProblem is what is wrong with {{< param "name" >}} on page p, or "".
func (s *Site) paramProblem(p *Page, name string) string {
	v, ok := s.ParamOf(p, name)
	switch _, table := v.(map[string]any); {
	case !ok:
		names := append(parse.ParamNames(p.Meta.Params), parse.ParamNames(s.Config.Params)...)
		return fmt.Sprintf("no parameter %q: the page's front matter has none under [params], nor has site.toml", name) +
			diag.DidYouMean(name, names, "; add it to one of them, such as [params] "+name+" = \"…\" in site.toml")
	case table:
		return fmt.Sprintf("parameter %q is a table of values; name one of them, such as %q", name, name+"."+firstKey(v.(map[string]any)))
	}
	return ""
}

func firstKey(m map[string]any) string {
	keys := slices.Sorted(maps.Keys(m))
	if len(keys) == 0 {
		return "name"
	}
	return keys[0]
}
