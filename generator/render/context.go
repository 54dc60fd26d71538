package render

import (
	"bytes"
	"html"
	"strconv"

	"github.com/yuin/goldmark/util"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/markdown"
)

// pageContext renders the site-dependent parts of one page's markdown.
type pageContext struct {
	r        *run
	page     *link.Page
	from     string // the URL the HTML will be served at (the book renders many pages at /book/)
	idPrefix string
	tips     *int // tooltip counter, shared by every page rendered into one HTML page
}

func (c *pageContext) IDPrefix() string { return c.idPrefix }

func (c *pageContext) LinkURL(dest string) string {
	target, ok := c.page.Links[dest]
	if !ok {
		return dest // external, or reported already
	}
	if c.idPrefix != "" {
		// In the book, a link to a chapter page that the book holds stays in the book.
		if anchor, ok := c.r.bookAnchor(target); ok {
			return anchor
		}
	}
	return relURL(c.from, target)
}

// termLink writes a link to a definition with its summary as a tooltip that
// shows on hover and on keyboard focus, without JavaScript, and is announced
// by screen readers through aria-describedby.
func (c *pageContext) termLink(w util.BufWriter, def *link.Page, label []byte, escape func(util.BufWriter, []byte)) {
	summary := link.Summary(def)
	href := relURL(c.from, def.URL)
	if summary == "" {
		w.WriteString(`<a class="term" href="`)
		w.WriteString(html.EscapeString(href))
		w.WriteString(`">`)
		escape(w, label)
		w.WriteString(`</a>`)
		return
	}
	*c.tips++
	id := c.idPrefix + "tip-" + strconv.Itoa(*c.tips)
	w.WriteString(`<span class="term-wrap"><a class="term" href="`)
	w.WriteString(html.EscapeString(href))
	w.WriteString(`" aria-describedby="`)
	w.WriteString(id)
	w.WriteString(`">`)
	escape(w, label)
	w.WriteString(`</a><span class="term-tip" role="tooltip" id="`)
	w.WriteString(id)
	w.WriteString(`"><strong>`)
	w.WriteString(html.EscapeString(def.Title()))
	w.WriteString(`</strong> `)
	w.WriteString(html.EscapeString(summary))
	w.WriteString(`</span></span>`)
}

func escapeText(w util.BufWriter, b []byte) { w.WriteString(html.EscapeString(string(b))) }

func (c *pageContext) TermLink(w util.BufWriter, t *markdown.TermLink) {
	def := c.r.site.Terms.Lookup(t.Target)
	if def == nil {
		escapeText(w, []byte(t.Label))
		return
	}
	c.termLink(w, def, []byte(t.Label), escapeText)
}

func (c *pageContext) Autolink(w util.BufWriter, text []byte, offset int, write func(util.BufWriter, []byte)) {
	matches := c.page.Autolinks[offset]
	last := 0
	for _, m := range matches {
		if m.Start < last || m.End > len(text) {
			continue
		}
		write(w, text[last:m.Start])
		c.termLink(w, m.Def, text[m.Start:m.End], write)
		last = m.End
	}
	write(w, text[last:])
}

// ShortcodeData is what a shortcode template sees.
type ShortcodeData struct {
	Root    string
	Alone   bool
	Metric  *MetricData
	Journey *JourneyData
}

func (c *pageContext) Shortcode(w util.BufWriter, sc *markdown.Shortcode) {
	if len(sc.Args) != 1 {
		return
	}
	data := ShortcodeData{Root: rootFrom(c.from), Alone: sc.Alone}
	switch sc.Name {
	case "metric", "chart":
		m := c.r.site.MetricByID(sc.Args[0])
		if m == nil {
			return
		}
		data.Metric = c.r.metricData(m)
	case "journey":
		p := c.r.site.JourneyByID(sc.Args[0])
		if p == nil {
			return
		}
		data.Journey = c.r.journeyData(p)
	default:
		return
	}
	var buf bytes.Buffer
	if err := c.r.tmpl.partial(&buf, "shortcodes/"+sc.Name+".html", data); err != nil {
		c.r.fail(c.r.tmpl.execError(err))
		return
	}
	w.Write(buf.Bytes())
}
