package render

// The data a page's template is given: the site's, the page's own, and
// the cards and contents lists made from the resolved pages.

import (
	"encoding/json"
	"html"
	"html/template"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/markdown"
)

func (r *run) buildSiteData() *SiteData {
	cfg := r.site.Config
	d := &SiteData{Title: cfg.Title, Language: cfg.Language, Version: cfg.Version, LiveReload: r.opts.LiveReload, Published: r.opts.Published}
	if cfg.HasSitemap() {
		d.Feed = FeedFile
	}
	d.Params = cfg.Params
	if len(cfg.Languages) > 0 {
		d.Direction = cfg.DefaultLanguage().Direction
	}
	if l := r.opts.Lang; l != nil {
		d.Language, d.Direction, d.LangPrefix = l.Code, l.Direction, l.Prefix
	}
	d.BuiltOn, d.BuiltISO = r.formatDate(r.site.Now)
	if r.scriptText != nil {
		if js, err := json.Marshal(r.scriptText); err == nil {
			d.ScriptText = template.JS(js)
		}
	}
	for _, c := range r.site.Home.Children {
		d.Nav = append(d.Nav, r.navItem(c))
		d.Sections = append(d.Sections, LinkData{Title: c.Title(), URL: rootRel(c.URL)})
	}
	return d
}

func (r *run) navItem(p *link.Page) *NavItem {
	item := &NavItem{Title: p.Meta.NavTitle(), URL: rootRel(p.URL)}
	item.href, item.text = html.EscapeString(item.URL), html.EscapeString(item.Title)
	item.mark = r.listedMark(p).attrs() // the title of a page not translated yet is the original's
	for _, c := range p.Children {
		item.Children = append(item.Children, r.navItem(c))
	}
	return item
}

func (r *run) pageData(p *link.Page) *PageData {
	d := r.baseData(p.URL, p.Title())
	d.Kind = string(p.Kind)
	d.Description = p.Meta.Description
	d.Content = r.renderContent(p, p.URL, "")
	d.Owner = p.Meta.Owner
	d.Focus = r.focusLinks(d, p)
	d.Reviewed, d.ReviewedISO = r.formatDate(p.Meta.Reviewed)
	d.Review = r.reviewData(d, p)
	if o := r.site.OwnerOf(p); o != nil {
		d.OwnerURL = ownerHref(d, o)
	}
	updated := p.Meta.Lastmod
	if updated.IsZero() {
		updated = p.Meta.Date
	}
	d.Updated, d.UpdatedISO = r.formatDate(updated)
	d.Draft = p.Meta.Draft
	if changed, behind := link.TranslationBehind(p.Original, p.Page); behind && r.opts.Lang != nil {
		d.Behind = r.text.T("translation.behind", "date", dateOnly(r.formatDate(changed)))
	}
	if p.Fallback && r.opts.Lang != nil {
		d.Untranslated = r.text.T("translation.missing", "language", r.opts.Lang.Name)
		content := r.mark(r.textLang(p), r.treeLang())
		d.ContentLang, d.ContentDir = content.Lang, content.Dir
		d.UntranslatedLang = r.text.LangOf("translation.missing")
		d.UntranslatedDir = r.dirAgainst(d.UntranslatedLang, content.Lang)
	}
	if p.Meta.TOC {
		d.TOC = toc(p.Body.Headings)
	}
	for a := p.Parent; a != nil; a = a.Parent {
		crumb := d.link(a.Title(), rootRel(a.URL))
		crumb.Mark = r.titleMark(a, p)
		d.Breadcrumbs = append([]LinkData{crumb}, d.Breadcrumbs...)
	}
	d.HideNavigation = p.Meta.Hides("navigation") // MkDocs Material's hide: [navigation]
	if p.Prev != nil && !p.Meta.Hides("footer") {
		prev := d.link(p.Prev.Title(), rootRel(p.Prev.URL))
		prev.Mark = r.titleMark(p.Prev, p)
		d.Prev = &prev
	}
	if p.Next != nil && !p.Meta.Hides("footer") {
		next := d.link(p.Next.Title(), rootRel(p.Next.URL))
		next.Mark = r.titleMark(p.Next, p)
		d.Next = &next
	}
	seen := map[string]bool{}
	for _, t := range p.Meta.AllTags() {
		slug := link.TagSlug(t)
		if slug == "" || seen[slug] {
			continue
		}
		seen[slug] = true
		d.Tags = append(d.Tags, d.link(t, "tags/"+slug+"/"))
	}
	for _, c := range p.Children {
		d.Children = append(d.Children, r.card(c, p))
	}
	if h := renderKinds[p.Kind]; h.page != nil {
		h.page(r, p, d)
	}
	if h, ok := listedKind(p); ok && h.list != nil {
		h.list(r, p, d)
	}
	r.surveysOnPage(p, d)
	return d
}

func (r *run) baseData(u, title string) *PageData {
	d := &PageData{Site: r.siteData, Title: title, URL: rootRel(u), Root: rootFrom(u), text: r.text}
	d.Nav = r.navHTML(d.URL, d.Root)
	d.Alternates = r.altLinks(u, d.Root)
	return d
}

// card is page p as listing, the page that lists it, shows it: its title
// and summary are marked with their language where it is not that of
// listing's text, as the navigation marks them. In a translated section
// that is the original's, for a page not translated yet; in a section
// page shown untranslated (in the default language's text) it is the
// tree's, for a page that is translated.
func (r *run) card(p, listing *link.Page) CardData {
	c := CardData{Title: p.Title(), URL: rootRel(p.URL), Description: p.Meta.Description, Kind: string(p.Kind)}
	c.Mark = r.titleMark(p, listing)
	if h := renderKinds[p.Kind]; h.card != nil {
		h.card(r, p, &c)
	}
	return c
}

// toc nests the h2 and h3 headings of a page.
func toc(headings []markdown.Heading) []TOCItem {
	var items []TOCItem
	for _, h := range headings {
		switch {
		case h.Level == 2:
			items = append(items, TOCItem{ID: h.ID, Title: h.Text})
		case h.Level == 3 && len(items) > 0:
			last := &items[len(items)-1]
			last.Children = append(last.Children, TOCItem{ID: h.ID, Title: h.Text})
		case h.Level == 3:
			items = append(items, TOCItem{ID: h.ID, Title: h.Text})
		}
	}
	return items
}
