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
	navLink(&b, root, "", "Home", u == "", "")
	for _, item := range r.siteData.Nav {
		writeNavItem(&b, item, u, root)
	}
	navLink(&b, root, "glossary/", "Glossary", u == "glossary/", "nav-extra")
	navLink(&b, root, "book/", "The whole book", u == "book/", "nav-extra")
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

func writeNavItem(b *strings.Builder, item *NavItem, u, root string) {
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
	b.WriteByte('>')
	b.WriteString(item.text)
	b.WriteString("</a>")
	if open && len(item.Children) > 0 {
		b.WriteString("<ul>")
		for _, c := range item.Children {
			writeNavItem(b, c, u, root)
		}
		b.WriteString("</ul>")
	}
	b.WriteString("</li>")
}
