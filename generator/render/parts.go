package render

import (
	"html/template"
	"strings"
)

// The parts of a page that every page has and that are lists (its table
// of contents, breadcrumbs, previous and next, the language switcher and
// the hreflang links) are written here in Go, as the navigation is: in
// html/template each value of a list costs a reflective call per escaper,
// and these lists were a third of the time a page's template took. The
// default theme's partials print them ({{.TOCList}} …); a theme of its
// own may still make them from .TOC, .Breadcrumbs, .Prev, .Next and
// .Alternates. Each writes what its partial in the default theme wrote,
// in the form a minifier leaves it (TestPartsMatchTemplates), its values
// escaped as html/template escapes them (escape.go).

// TOCList is the table of contents: p.toc-title, then ul.toc > li > a
// (and a ul of the second level).
func (d *PageData) TOCList() template.HTML {
	var b strings.Builder
	b.WriteString(`<p class="toc-title" aria-hidden="true">`)
	writeText(&b, d.text.T("nav.on_this_page"))
	b.WriteString(`</p><ul class="toc"`)
	Mark{Lang: d.ContentLang, Dir: d.ContentDir}.write(&b)
	b.WriteString(">")
	for _, item := range d.TOC {
		b.WriteString("<li>")
		writeTOCLink(&b, item)
		if len(item.Children) > 0 {
			b.WriteString("<ul>")
			for _, child := range item.Children {
				b.WriteString("<li>")
				writeTOCLink(&b, child)
				b.WriteString("</li>")
			}
			b.WriteString("</ul>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
	return template.HTML(b.String())
}

func writeTOCLink(b *strings.Builder, item TOCItem) {
	b.WriteString(`<a href="#`)
	writeFragment(b, item.ID)
	b.WriteString(`">`)
	writeText(b, item.Title)
	b.WriteString("</a>")
}

// BreadcrumbTrail is nav.breadcrumbs: the way from the home page to this
// one, this page last; "" for a page without breadcrumbs.
func (d *PageData) BreadcrumbTrail() template.HTML {
	if len(d.Breadcrumbs) == 0 {
		return ""
	}
	var b strings.Builder
	d.writeNavOpen(&b, "breadcrumbs", "nav.breadcrumb", "<ol>")
	for _, c := range d.Breadcrumbs {
		writeLinkItem(&b, c.Href, c.Mark, c.Title)
	}
	b.WriteString(`<li><span aria-current="page">`)
	writeText(&b, d.Title)
	b.WriteString("</span></li></ol></nav>")
	return template.HTML(b.String())
}

// PagerLinks is nav.pager: the previous and next pages; "" when there
// is neither.
func (d *PageData) PagerLinks() template.HTML {
	if d.Prev == nil && d.Next == nil {
		return ""
	}
	var b strings.Builder
	d.writeNavOpen(&b, "pager", "nav.pager", "")
	if d.Prev != nil {
		d.writePagerLink(&b, "prev", "nav.previous", d.Prev)
	}
	b.WriteString("\n") // the white space the partial had between its two links
	if d.Next != nil {
		d.writePagerLink(&b, "next", "nav.next", d.Next)
	}
	b.WriteString("</nav>")
	return template.HTML(b.String())
}

func (d *PageData) writePagerLink(b *strings.Builder, rel, label string, l *LinkData) {
	b.WriteString(`<a class="pager-` + rel + `" rel="` + rel + `" href="`)
	writeURL(b, l.Href)
	b.WriteString(`"><span class="pager-label">`)
	writeText(b, d.text.T(label))
	b.WriteString(`</span> <span class="pager-title"`)
	l.Mark.write(b)
	b.WriteString(">")
	writeText(b, l.Title)
	b.WriteString("</span></a>")
}

// LanguageLinks is nav.language-switcher: the page in each language, the
// one shown marked aria-current, an untranslated one marked with a
// title; "" on a site of one language. Each entry's name is in its own
// language, so its lang (and dir) is on the name, not on the link: the
// link's title is a note in the language of the page shown.
func (d *PageData) LanguageLinks() template.HTML {
	if len(d.Alternates) == 0 {
		return ""
	}
	var b strings.Builder
	d.writeNavOpen(&b, "language-switcher", "translation.language", "<ul>")
	for _, a := range d.Alternates {
		b.WriteString(`<li><a href="`)
		writeURL(&b, a.Href)
		b.WriteString(`" hreflang="`)
		writeText(&b, a.Code)
		b.WriteString(`" data-root="`)
		writeText(&b, a.Root)
		b.WriteString(`"`)
		if a.Default {
			b.WriteString(" data-default")
		}
		if a.Current {
			b.WriteString(` aria-current="page"`)
		}
		switch {
		case a.Fallback:
			b.WriteString(` class="untranslated"`)
			a.NoteMark.write(&b)
			b.WriteString(` title="`)
			writeText(&b, d.text.T("translation.untranslated", "language", a.Name))
			b.WriteString(`"`)
		case a.Absent:
			b.WriteString(` class="untranslated absent"`)
			a.NoteMark.write(&b)
			b.WriteString(` title="`)
			writeText(&b, d.text.T("translation.absent", "language", a.Name))
			b.WriteString(`"`)
		}
		b.WriteString(`><span class="lang-name"`)
		Mark{Lang: a.Code, Dir: a.Dir}.write(&b) // each name is the language's in itself
		b.WriteString(`>`)
		writeText(&b, a.Name)
		b.WriteString(`</span><span class="lang-code" aria-hidden="true">`)
		writeText(&b, a.Code)
		b.WriteString("</span></a></li>")
	}
	b.WriteString("</ul></nav>")
	return template.HTML(b.String())
}

// AlternateLinks are the head's link rel=alternate, one per language
// (and x-default for the default one); "" on a site of one language.
func (d *PageData) AlternateLinks() template.HTML {
	if len(d.Alternates) == 0 {
		return ""
	}
	var b strings.Builder
	for _, a := range d.Alternates {
		if a.Fallback || a.Absent {
			continue // not this page in that language: no alternate
		}
		writeAlternate(&b, a.Code, a.Abs)
		if a.Default {
			writeAlternate(&b, "x-default", a.Abs)
		}
	}
	return template.HTML(b.String())
}

func writeAlternate(b *strings.Builder, code, href string) {
	b.WriteString(`<link rel="alternate" hreflang="`)
	writeText(b, code)
	b.WriteString(`" href="`)
	writeURL(b, href)
	b.WriteString(`">`)
}

// writeNavOpen opens a nav of class, named by the text of labelKey, and
// the list that follows ("<ol>", "<ul>" or none).
func (d *PageData) writeNavOpen(b *strings.Builder, class, labelKey, list string) {
	b.WriteString(`<nav class="` + class + `" aria-label="`)
	writeText(b, d.text.T(labelKey))
	b.WriteString(`">` + list)
}

// writeLinkItem writes an li holding a link, its title marked with its
// language.
func writeLinkItem(b *strings.Builder, href string, mark Mark, title string) {
	b.WriteString(`<li><a href="`)
	writeURL(b, href)
	b.WriteString(`"`)
	mark.write(b)
	b.WriteString(">")
	writeText(b, title)
	b.WriteString("</a></li>")
}

// PageFacts is dl.page-meta: the page's owner (a link to /owners/ when
// the site lists owners), focus areas, review and update dates and tags;
// "" when the page has none of them.
func (d *PageData) PageFacts() template.HTML {
	if d.Owner == "" && d.Reviewed == "" && d.Updated == "" && len(d.Tags) == 0 && len(d.Focus) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<dl class="page-meta">`)
	if d.Owner != "" {
		d.writeFact(&b, "meta.owner")
		if d.OwnerURL != "" {
			b.WriteString(`<a href="`)
			writeURL(&b, d.OwnerURL)
			b.WriteString(`">`)
			writeText(&b, d.Owner)
			b.WriteString("</a>")
		} else {
			writeText(&b, d.Owner)
		}
		b.WriteString("</dd></div>")
	}
	b.WriteString("\n") // the partial's white space between facts, kept by a minifier
	if len(d.Focus) > 0 {
		key := "meta.focus_areas"
		if len(d.Focus) == 1 {
			key = "meta.focus_area"
		}
		d.writeFact(&b, key)
		for i, f := range d.Focus {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<a href="`)
			writeURL(&b, f.Href)
			b.WriteString(`"`)
			f.Mark.write(&b)
			b.WriteString(`>`)
			writeText(&b, f.Title)
			b.WriteString("</a>")
		}
		b.WriteString("</dd></div>")
	}
	b.WriteString("\n")
	d.writeDateFact(&b, "meta.reviewed", d.Reviewed, d.ReviewedISO)
	b.WriteString("\n")
	d.writeDateFact(&b, "meta.updated", d.Updated, d.UpdatedISO)
	b.WriteString("\n")
	if len(d.Tags) > 0 {
		d.writeFact(&b, "meta.tags")
		b.WriteString(`<ul class="tag-list">`)
		for _, t := range d.Tags {
			b.WriteString(`<li><a class="tag" href="`)
			writeURL(&b, t.Href)
			b.WriteString(`">`)
			writeText(&b, t.Title)
			b.WriteString("</a></li>")
		}
		b.WriteString("</ul></dd></div>")
	}
	b.WriteString("</dl>")
	return template.HTML(b.String())
}

// writeFact opens a fact: its term, then its description, left open.
func (d *PageData) writeFact(b *strings.Builder, key string) {
	b.WriteString("<div><dt>")
	writeText(b, d.text.T(key))
	b.WriteString("</dt><dd>")
}

func (d *PageData) writeDateFact(b *strings.Builder, key, date, iso string) {
	if date == "" {
		return
	}
	d.writeFact(b, key)
	b.WriteString(`<time datetime="`)
	writeText(b, iso)
	b.WriteString(`">`)
	writeText(b, date)
	b.WriteString("</time></dd></div>")
}

// linkItems is the template function of the same name: an li with a
// link for each of links, from the page at root, each title marked with
// its language where that is not the page's (a definition's "used by",
// a tag's pages). It writes what
// {{range .}}<li><a href="{{$.Root}}{{.URL}}"{{with .Lang}} lang="{{.}}"{{end}}{{with .Dir}} dir="{{.}}"{{end}}>{{.Title}}</a></li>{{end}}
// wrote, one call instead of several escapers per link.
func linkItems(root string, links []LinkData) template.HTML {
	var b strings.Builder
	for _, l := range links {
		writeLinkItem(&b, root+l.URL, l.Mark, l.Title)
	}
	return template.HTML(b.String())
}
