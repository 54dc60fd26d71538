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
)

// ShortcodeData is what a shortcode template sees.
type ShortcodeData struct {
	Root    string
	Alone   bool
	Named   bool // {{< metric "id" name=true >}}: the metric's name before its value
	Metric  *MetricData
	Journey *JourneyData
}

// scratch holds the buffers bodies are filled in: only the finished string
// is kept.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderContent fills in the placeholders of a page's body (see link.Body)
// for the body shown at URL from, its ids prefixed with idPrefix.
func (r *run) renderContent(p *link.Page, from, idPrefix string) template.HTML {
	if p.Body == nil {
		return ""
	}
	src := p.Body.HTML
	b := scratch.Get().(*bytes.Buffer)
	defer scratch.Put(b)
	b.Reset()
	b.Grow(len(src) + len(src)/8)
	for {
		i := bytes.IndexByte(src, link.Mark)
		if i < 0 {
			b.Write(src)
			break
		}
		b.Write(src[:i])
		j := bytes.IndexByte(src[i+1:], link.Mark)
		if j < 0 {
			break // cannot happen: placeholders are written whole
		}
		token := src[i+1 : i+1+j]
		src = src[i+2+j:]
		if len(token) == 0 {
			continue
		}
		n, _ := strconv.Atoi(string(token[1:]))
		switch token[0] {
		case 'I':
			b.WriteString(idPrefix)
		case 'L':
			if n >= len(p.Targets) {
				continue
			}
			target := p.Targets[n]
			if idPrefix != "" {
				// In the book, a link to a page the book holds stays in the book.
				if anchor, ok := r.bookAnchor(target); ok {
					b.WriteString(html.EscapeString(markdown.EscapeURL(anchor)))
					continue
				}
			}
			b.WriteString(html.EscapeString(markdown.EscapeURL(relURL(from, target))))
			if abs := r.printURL(target); abs != "" {
				// Placeholders sit inside a double-quoted href (or src): close
				// it, add the address paper shows, and let the page's own
				// closing quote end this attribute.
				b.WriteString(`" data-print-url="`)
				b.WriteString(html.EscapeString(markdown.EscapeURL(abs)))
			}
		case 'S':
			if n < len(p.Body.Shortcodes) {
				r.shortcode(b, p.Body.Shortcodes[n], from, idPrefix+"sc"+strconv.Itoa(n)+"-")
			}
		}
	}
	if r.mini != nil && !r.minifyPages && !p.Body.Minified {
		// Minified straight into the string the template receives: one
		// copy of the body, not three.
		var out strings.Builder
		out.Grow(b.Len())
		if err := r.mini.m.Minify("text/html", &out, b); err == nil {
			return template.HTML(out.String())
		}
	}
	return template.HTML(b.String())
}

// shortcode writes a shortcode's HTML; uid makes its element ids unique on
// the page, where the same chart or map may be shown more than once.
func (r *run) shortcode(b *bytes.Buffer, sc *markdown.Shortcode, from, uid string) {
	if len(sc.Args) != 1 {
		return
	}
	data := ShortcodeData{Root: rootFrom(from), Alone: sc.Alone, Named: sc.Named["name"] == "true"}
	switch sc.Name {
	case "metric", "chart":
		m := r.site.MetricByID(sc.Args[0])
		if m == nil {
			return
		}
		data.Metric = r.metricData(m)
		if sc.Name == "chart" && data.Metric.HasData {
			md := *data.Metric
			md.ChartID = "chart-" + uid + m.ID
			md.Chart = r.lineChart(m, md.ChartID, md.Notes)
			data.Metric = &md
		}
	case "journey":
		p := r.site.JourneyByID(sc.Args[0])
		if p == nil {
			return
		}
		data.Journey = r.journeyData(p, uid)
	default:
		return
	}
	name := "shortcodes/" + sc.Name + ".html"
	if err := r.tmpl.partial(b, name, data); err != nil {
		r.fail(r.templateError(err, func(t *Templates, b *bytes.Buffer) error { return t.partial(b, name, data) }))
	}
}
