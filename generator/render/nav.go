package render

import (
	"html"
	"html/template"
	"strings"
)

// navHTML renders the site navigation for the page at URL u: top-level
// sections, and the children of every section on the way to the page.
//
// It is written in Go rather than as a recursive template because it is on
// every page and grows with the site: on a 5,000-page site the template
// version took more than half of the build.
// navOpen starts the navigation: the output link check finds it by this.
const navOpen = `<ul class="nav-list">`

func (r *run) navHTML(u, root string) template.HTML {
	var b strings.Builder
	b.Grow(int(r.navSize.Load()) + 512) // written once, not grown by doubling
	b.WriteString(navOpen)
	navLink(&b, root, "", r.text.T("nav.home"), u == "", "")
	for _, item := range r.siteData.Nav {
		writeNavItem(&b, item, u, root, r.navMore)
	}
	navLink(&b, root, "glossary/", r.text.T("nav.glossary"), u == "glossary/", "nav-extra")
	navLink(&b, root, "book/", r.text.T("nav.book"), u == "book/", "nav-extra")
	b.WriteString(`</ul>`)
	if n := int64(b.Len()); n > r.navSize.Load() {
		r.navSize.Store(n) // a race only costs a smaller guess
	}
	return template.HTML(b.String())
}

func navLink(b *strings.Builder, root, target, title string, current bool, class string) {
	b.WriteString("<li")
	if class != "" {
		b.WriteString(` class="` + class + `"`)
	}
	b.WriteString(`><a href="`)
	b.WriteString(html.EscapeString(root + target))
	b.WriteByte('"')
	if current {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteByte('>')
	b.WriteString(html.EscapeString(title))
	b.WriteString("</a></li>")
}

// navMore is the link to a large section's page in the navigation, in
// HTML: "All 120 pages of Guides"; section is escaped already.
func (r *run) navMore(n int, section string) string {
	return strings.ReplaceAll(html.EscapeString(r.text.N("nav.more", n)), "{section}", section)
}

func writeNavItem(b *strings.Builder, item *NavItem, u, root string, more func(n int, section string) string) {
	open := strings.HasPrefix(u, item.URL)
	b.WriteString("<li")
	if open {
		b.WriteString(` class="open"`)
	}
	b.WriteString(`><a href="`)
	// root is "./" or "../.." on most pages, but the 404 page's comes from
	// baseURL, which an author writes: escaped like every other value.
	b.WriteString(html.EscapeString(root))
	b.WriteString(item.href)
	b.WriteByte('"')
	if u == item.URL {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteString(item.mark)
	b.WriteByte('>')
	b.WriteString(item.text)
	b.WriteString("</a>")
	if open && len(item.Children) > 0 {
		b.WriteString("<ul>")
		from, to := navWindow(item.Children, u)
		for _, c := range item.Children[from:to] {
			writeNavItem(b, c, u, root, more)
		}
		if to-from < len(item.Children) {
			// The rest is on the section's own page, which lists every
			// page of it: a link, not hundreds written into every page.
			b.WriteString(`<li class="nav-more"><a href="`)
			b.WriteString(html.EscapeString(root))
			b.WriteString(item.href)
			b.WriteString(`">`)
			b.WriteString(more(len(item.Children), item.text))
			b.WriteString("</a></li>")
		}
		b.WriteString("</ul>")
	}
	b.WriteString("</li>")
}

// A section with more than navMax pages shows, in the navigation of each
// of its pages, navSpan of them around the page on the way to u (the
// first ones on the section's own page) and a link to the section, which
// lists them all. A large section's navigation was written whole into
// every page of it: a hundred links and a third of each page's bytes.
const (
	navMax  = 30
	navSpan = 11
)

// navWindow is the part [from, to) of children the navigation of u shows.
func navWindow(children []*NavItem, u string) (from, to int) {
	if len(children) <= navMax {
		return 0, len(children)
	}
	at := 0
	for i, c := range children {
		if strings.HasPrefix(u, c.URL) {
			at = i
			break
		}
	}
	from = max(0, min(at-navSpan/2, len(children)-navSpan))
	return from, from + navSpan
}
