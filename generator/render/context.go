package render

import (
	"bytes"
	"html"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// ShortcodeData is what a shortcode template sees.
type ShortcodeData struct {
	Root    string
	Alone   bool
	Named   bool // {{< metric "id" name=true >}}: the metric's name before its value
	InBook  bool // shown in /book/, which reads as a document: a value is a sentence
	Metric  *MetricData
	Journey *JourneyData
	// Param is {{< param "name" >}}'s value as text (see parse.ParamText).
	Param string
	// Segments is {{< chart "id" segments=true >}}: small multiples of
	// the metric's segments under its chart, their heading's id SegmentsID.
	Segments   bool
	SegmentsID string
}

// bodyBufs hold the bodies read back from the spill file while they are
// filled in.
var bodyBufs = sync.Pool{New: func() any { return new([]byte) }}

// renderContent fills in the placeholders of a page's body (see link.Body)
// for the body shown at URL from, its ids prefixed with idPrefix.
func (r *run) renderContent(p *link.Page, from, idPrefix string) template.HTML {
	if p.Body == nil || r.ctx != nil && r.ctx.Err() != nil {
		return "" // none, or a cancelled build: the book, all bodies, stops early
	}
	buf := bodyBufs.Get().(*[]byte)
	defer bodyBufs.Put(buf)
	src := p.Body.ReadInto(buf)
	// Filled straight into the string the template receives.
	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	r.fill(&b, p, src, from, idPrefix)
	s := b.String()
	if r.labels != nil && !p.Fallback {
		// The markdown's own accessible names, in the page's language.
		s = r.labels.replace(s)
	}
	if r.mini != nil && !r.minifyPages && !p.Body.Minified {
		// Minified straight into the string the template receives.
		var out strings.Builder
		out.Grow(len(s))
		if err := r.mini.m.Minify("text/html", &out, strings.NewReader(s)); err == nil {
			return template.HTML(out.String())
		}
	}
	return template.HTML(s)
}

// fill writes src with its placeholders filled in. A call with inner
// content gets that content filled in first, as its .Inner.
func (r *run) fill(b *strings.Builder, p *link.Page, src []byte, from, idPrefix string) {
	for {
		before, ph, rest, ok := link.NextPlaceholder(src)
		b.Write(before)
		if !ok {
			return
		}
		src = rest
		n := ph.N
		switch ph.Kind {
		case link.PlaceIDPrefix:
			b.WriteString(idPrefix)
		case link.PlaceLink:
			if n < len(p.Targets) {
				r.writeTarget(b, p.Targets[n], from, idPrefix)
			}
		case link.PlaceTerm, link.PlaceTermEnd:
			r.term(b, p, ph, from, idPrefix)
		case link.PlaceShortcode:
			if n >= len(p.Body.Shortcodes) {
				continue
			}
			sc := p.Body.Shortcodes[n]
			var inner template.HTML
			if sc.Paired {
				end := []byte(link.ShortcodeEnd(n))
				k := bytes.Index(src, end)
				if k < 0 {
					k = len(src)
				}
				var ib strings.Builder
				r.fill(&ib, p, src[:k], from, idPrefix)
				inner = template.HTML(ib.String())
				src = src[min(k+len(end), len(src)):]
			}
			r.shortcode(b, p, sc, inner, from, idPrefix+"sc"+strconv.Itoa(n)+"-")
		}
	}
}

// writeTarget writes the address of a link to target (site-absolute) as
// the value of a double-quoted href or src, for a body shown at from.
func (r *run) writeTarget(b *strings.Builder, target, from, idPrefix string) {
	if idPrefix != "" {
		// In the book, a link to a page the book holds stays in the book.
		if anchor, ok := r.bookAnchor(target); ok {
			b.WriteString(html.EscapeString(markdown.EscapeURL(anchor)))
			return
		}
	}
	b.WriteString(html.EscapeString(markdown.EscapeURL(r.relTarget(from, target))))
	if abs := r.printURL(target); abs != "" {
		// Close the attribute, add the address paper shows, and let the
		// caller's closing quote end this one.
		b.WriteString(`" data-print-url="`)
		b.WriteString(html.EscapeString(markdown.EscapeURL(abs)))
	}
}

// shortcode writes a shortcode's HTML; uid makes its element ids unique on
// the page, where the same chart or map may be shown more than once.
func (r *run) shortcode(b *strings.Builder, p *link.Page, sc *markdown.Shortcode, inner template.HTML, from, uid string) {
	spec, builtin := link.BuiltinShortcode(sc.Name)
	if !builtin {
		r.siteShortcode(b, p, sc, inner, from)
		return
	}
	if len(sc.Args) != 1 {
		return
	}
	data := ShortcodeData{Root: rootFrom(from), Alone: sc.Alone, Named: sc.Named["name"] == "true", InBook: from == bookURL}
	switch spec.Shows {
	case link.ShowsMetric:
		m := r.site.MetricByID(sc.Args[0])
		if m == nil {
			return
		}
		data.Metric = r.metricData(m)
		if seg, ok := sc.Named["segment"]; ok {
			data.Metric = r.segmentMetric(data.Metric, seg)
		}
		if spec.Chart && data.Metric.HasData {
			md := *data.Metric
			md.ChartID = "chart-" + uid + m.ID
			md.Chart = r.lineChart(m, md.ChartID, md.Notes)
			data.Metric = &md
		}
		if spec.Chart && sc.Named["segments"] == "true" {
			data.Segments, data.SegmentsID = true, "chart-"+uid+m.ID+"-segments"
			data.Metric = r.withSmallMultiples(m, data.Metric, data.SegmentsID+"-")
		}
	case link.ShowsParam:
		v, ok := r.site.ParamOf(p, sc.Args[0])
		if !ok {
			return
		}
		data.Param = parse.ParamText(v)
	case link.ShowsJourney:
		p := r.site.JourneyByID(sc.Args[0])
		if p == nil {
			return
		}
		data.Journey = r.journeyData(p, uid)
	default:
		return
	}
	name := spec.Template
	if err := r.tmpl.partial(b, name, data); err != nil {
		r.fail(r.templateError(err, func(t *Templates, b *bytes.Buffer) error { return t.partial(b, name, data) }))
	}
}

// SiteShortcodeData is what a site's own shortcode template
// (layouts/shortcodes/NAME.html) sees, as in Hugo: {{.Get 0}} and
// {{.Get "name"}} for its arguments, {{.Inner}} for its inner content
// (markdown, rendered), {{.Page.Title}} for the page that calls it.
type SiteShortcodeData struct {
	Name   string
	Args   []string
	Named  map[string]string
	Inner  template.HTML
	Page   ShortcodePage
	Site   *SiteData
	Root   string // the way back to the site root, for links
	Alone  bool   // alone in its paragraph, or holding blocks
	Paired bool   // written with a closing tag
}

// ShortcodePage is the calling page, for a shortcode template.
type ShortcodePage struct {
	Title, Description string
	URL                string // from the site root
	Params             map[string]any
	Site               *SiteData
}

// Get returns a positional argument by number or a named one by name, or
// "" when there is none (Hugo's .Get).
func (d SiteShortcodeData) Get(key any) string {
	switch k := key.(type) {
	case int:
		if k >= 0 && k < len(d.Args) {
			return d.Args[k]
		}
	case string:
		if n, err := strconv.Atoi(k); err == nil {
			return d.Get(n)
		}
		return d.Named[k]
	}
	return ""
}

// IsNamedParams reports a call written with name="value" arguments.
func (d SiteShortcodeData) IsNamedParams() bool { return len(d.Named) > 0 }

// Params are the named arguments, or the positional ones (Hugo's .Params).
func (d SiteShortcodeData) Params() any {
	if len(d.Named) > 0 {
		return d.Named
	}
	return d.Args
}

func (r *run) siteShortcode(b *strings.Builder, p *link.Page, sc *markdown.Shortcode, inner template.HTML, from string) {
	data := SiteShortcodeData{
		Name: sc.Name, Args: sc.Args, Named: sc.Named, Inner: inner, Site: r.siteData,
		Root: rootFrom(p.URL), Alone: sc.Alone || !sc.InParagraph, Paired: sc.Paired,
		Page: ShortcodePage{Title: p.Title(), Description: p.Meta.Description, URL: rootRel(p.URL), Params: p.Meta.Params, Site: r.siteData},
	}
	name := "shortcodes/" + sc.Name + ".html"
	var out bytes.Buffer
	if err := r.tmpl.partial(&out, name, data); err != nil {
		r.fail(r.templateError(err, func(t *Templates, b *bytes.Buffer) error { return t.partial(b, name, data) }))
		return
	}
	// The file's last line break is not part of what it writes: a call in
	// a sentence stays in the sentence.
	b.Write(r.rebaseLinks(bytes.TrimRight(out.Bytes(), "\r\n"), p.URL, from))
}

// bookURL is the address of the book, the page that shows every chapter.
const bookURL = "/book/"
