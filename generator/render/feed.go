package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"sort"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/link"
)

// FeedFile is the news feed of a language's tree: RSS 2.0, where Hugo
// writes its own (a page of a site moved from Hugo may link to it), so a
// reader's feed reader shows what was added or revised. A feed's links are
// absolute, so it is written only when site.toml sets baseURL.
const FeedFile = "index.xml"

// feedLimit is how many pages the feed lists, the latest first: feed
// readers poll it, and at 5,000 pages a feed of every page would be
// megabytes fetched again and again for the few at its top.
const feedLimit = 50

// feed writes the feed of r's tree: its dated pages (a date or lastmod in
// front matter), newest first, a page shown untranslated included (its
// text is the default language's, its address this tree's), but not a
// draft nor an unlisted page, which the lists leave out too.
func (r *run) feed() []byte {
	type item struct {
		p    *link.Page
		date time.Time
	}
	var items []item
	for _, p := range r.site.Pages {
		if p.Virtual || p.Meta.Draft || p.Unlisted || p.Kind == link.KindHome {
			continue
		}
		d := p.Meta.Lastmod
		if d.IsZero() {
			d = p.Meta.Date
		}
		if !d.IsZero() {
			items = append(items, item{p, d})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].date.Equal(items[j].date) {
			return items[i].date.After(items[j].date)
		}
		return items[i].p.URL < items[j].p.URL
	})
	items = items[:min(len(items), feedLimit)]

	home := r.printURL("/") // the tree's address: baseURL, then the language's prefix
	lang := cmp.Or(r.treeLang(), r.site.Config.Language)
	var b bytes.Buffer
	text := func(tag, s string) {
		b.WriteString("<" + tag + ">")
		xml.EscapeText(&b, []byte(s))
		b.WriteString("</" + tag + ">")
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` + "\n")
	text("title", r.site.Config.Title)
	text("link", home)
	text("description", r.text.T("feed.description", "site", r.site.Config.Title))
	text("language", lang)
	if len(items) > 0 {
		// The newest page's date, not the clock's: the same input gives
		// the same feed.
		text("lastBuildDate", items[0].date.UTC().Format(time.RFC1123Z))
	}
	b.WriteString(`<atom:link href="`)
	xml.EscapeText(&b, []byte(home+FeedFile))
	b.WriteString(`" rel="self" type="application/rss+xml"/>` + "\n")
	for _, it := range items {
		u := home + escapePath(rootRel(it.p.URL))
		b.WriteString("<item>")
		text("title", it.p.Title())
		text("link", u)
		b.WriteString(`<guid isPermaLink="true">`)
		xml.EscapeText(&b, []byte(u))
		b.WriteString("</guid>")
		text("pubDate", it.date.UTC().Format(time.RFC1123Z))
		if d := strings.TrimSpace(it.p.Meta.Description); d != "" {
			text("description", d)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}
