package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
)

// generatedJobs are the pages no author writes: the glossary, tags, the
// book, search and 404.
func (r *run) generatedJobs() []job {
	jobs := []job{
		{out: "glossary/index.html", layout: "glossary", data: r.glossaryData},
		{out: "book/index.html", layout: "book", data: r.bookData, shows: r.bookPages()},
		{out: "search/index.html", layout: "search", data: r.searchData},
		{out: "tags/index.html", layout: "tags", data: r.tagsData},
		{out: "changes/index.html", layout: "changes", data: r.changesData},
		{out: "owners/index.html", layout: "owners", data: r.ownersData},
		{out: "404.html", layout: "404", data: r.notFoundData},
	}
	jobs = append(jobs, r.surveyJobs()...)
	for _, name := range r.site.TagNames {
		name := name
		jobs = append(jobs, job{out: "tags/" + name + "/index.html", layout: "tag", data: func() *PageData { return r.tagData(name) }})
	}
	// A theme may leave out a generated page; fall back to the plain
	// layout. Either is the language's own where the theme has one.
	for i := range jobs {
		jobs[i].generated = true
		jobs[i].layout = r.pickLayout(jobs[i].layout, "page")
	}
	return jobs
}

// bookPages lists the pages the book shows.
func (r *run) bookPages() []*link.Page {
	var pages []*link.Page
	for u := range r.bookIDs {
		if p := r.site.ByURL[u]; p != nil {
			pages = append(pages, p)
		}
	}
	return pages
}

func (r *run) generatedBase(u, title, kind string) *PageData {
	d := r.baseData(u, title)
	d.Kind = kind
	d.Breadcrumbs = []LinkData{d.link(r.site.Home.Title(), "")}
	return d
}

func (r *run) glossaryData() *PageData {
	d := r.generatedBase("/glossary/", r.text.T("nav.glossary"), "glossary")
	d.Description = r.text.T("glossary.description")
	var current *LetterGroup
	for _, def := range r.glossaryTerms() {
		letter := r.letter(def.Title())
		if current == nil || current.Letter != letter {
			id := "letter-" + strings.ToLower(letter)
			if letter == "#" {
				id = "letter-#"
			}
			d.Glossary = append(d.Glossary, LetterGroup{Letter: letter, ID: id})
			current = &d.Glossary[len(d.Glossary)-1]
		}
		current.Terms = append(current.Terms, TermData{
			ID: link.TermID(def), Title: def.Title(), Abbr: def.Meta.Definition.Abbr, Synonyms: def.Meta.Definition.Synonyms,
			Summary: link.Summary(def), URL: rootRel(def.URL),
		})
		if def.Fallback && r.opts.Lang != nil {
			t := &current.Terms[len(current.Terms)-1]
			t.Mark = r.listedMark(def)
			// The note is in the glossary's language (or English, where
			// the theme has no text in it), inside the entry in the
			// original's.
			t.Untranslated, t.PageLang = r.text.T("glossary.untranslated"), r.text.LangOf("glossary.untranslated")
			t.PageDir = r.dirAgainst(t.PageLang, r.textLang(def))
		}
		if o := def.Original; o != nil && o.Meta.Title != def.Title() && r.opts.Lang != nil {
			t := &current.Terms[len(current.Terms)-1]
			t.Original, t.OriginalLang = o.Meta.Title, r.langs[0].Code
			t.OriginalDir = r.dirAgainst(t.OriginalLang, r.textLang(def))
		}
	}
	return d
}

func (r *run) tagsData() *PageData {
	d := r.generatedBase("/tags/", r.text.T("nav.tags"), "tags")
	for _, name := range r.site.TagNames {
		d.TagList = append(d.TagList, r.tagEntry(name))
	}
	return d
}

func (r *run) tagEntry(slug string) TagData {
	pages := r.site.Tags[slug]
	name := slug
	for _, t := range pages[0].Meta.AllTags() {
		if link.TagSlug(t) == slug {
			name = t
			break
		}
	}
	td := TagData{Name: name, URL: "tags/" + slug + "/"}
	for _, p := range pages {
		td.Pages = append(td.Pages, LinkData{Title: p.Title(), URL: rootRel(p.URL), Mark: r.listedMark(p)})
	}
	return td
}

func (r *run) tagData(slug string) *PageData {
	td := r.tagEntry(slug)
	d := r.generatedBase("/tags/"+slug+"/", r.text.T("tags.title", "tag", td.Name), "tag")
	d.Breadcrumbs = append(d.Breadcrumbs, d.link(r.text.T("nav.tags"), "tags/"))
	d.TagList = []TagData{td}
	return d
}

func (r *run) notFoundData() *PageData {
	d := r.generatedBase("/404.html", r.text.T("notfound.title"), "404")
	// The 404 page is served at whatever URL was missing, so its links start
	// from the site's base path rather than from its own place.
	d.Root = basePath(r.site.Config.BaseURL)
	d.Nav = r.navHTML(d.URL, d.Root)
	return d
}

// basePath is the path part of baseURL, with slashes at both ends and
// percent-encoded as a link needs it. site.toml's check makes baseURL an
// absolute http(s) address; anything else gives "/".
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || baseURL == "" {
		return "/"
	}
	s := "/" + strings.Trim(u.EscapedPath(), "/") + "/"
	if s == "//" {
		return "/"
	}
	return s
}

func (r *run) searchData() *PageData {
	d := r.generatedBase("/search/", r.text.T("nav.search"), "search")
	return d
}

// bookAnchor is where a page's content sits inside the book, if it does.
func (r *run) bookAnchor(target string) (string, bool) {
	pagePart, frag, _ := strings.Cut(target, "#")
	id, ok := r.bookIDs[pagePart]
	if !ok {
		return "", false
	}
	if frag != "" {
		return "#" + id + "-" + frag, true
	}
	return "#" + id, true
}

func (r *run) bookData() *PageData {
	d := r.generatedBase(bookURL, r.bookTitle(), "book")
	d.Description = r.text.T("book.description")
	used := map[*link.Page]bool{}
	var add func(part *BookPart, p *link.Page, level int, chapter bool)
	add = func(part *BookPart, p *link.Page, level int, chapter bool) {
		id := r.bookIDs[p.URL]
		e := BookEntry{
			ID: id, Title: p.Title(), Level: level, Chapter: chapter,
			content: func() template.HTML { return r.renderContent(p, bookURL, id+"-") },
		}
		if p.Journey != nil {
			e.Journey = r.journeyData(p, id+"-")
		}
		e.Mark = r.listedMark(p)
		part.Entries = append(part.Entries, e)
		for _, def := range p.Uses {
			used[def] = true
		}
		for _, c := range p.Children {
			add(part, c, level+1, false)
		}
	}
	for _, p := range r.site.Book {
		part := BookPart{ID: r.bookIDs[p.URL]}
		add(&part, p, 1, true)
		d.Book = append(d.Book, part)
	}
	d.BookContents = r.bookContents(r.site.Book)
	if r.bookScorecard() {
		d.Scorecard = r.scorecard()
	}
	for _, def := range r.site.Terms.List {
		if used[def] {
			d.BookTerms = append(d.BookTerms, TermData{ID: link.TermID(def), Title: def.Title(), Abbr: def.Meta.Definition.Abbr,
				Summary: link.Summary(def), URL: rootRel(def.URL), Mark: r.listedMark(def)})
		}
	}
	return d
}

// assignBookIDs numbers every page the book holds, chapters and their pages.
func (r *run) assignBookIDs() {
	r.bookIDs = map[string]string{}
	n := 0
	var walk func(p *link.Page)
	walk = func(p *link.Page) {
		n++
		r.bookIDs[p.URL] = fmt.Sprintf("b%d", n)
		for _, c := range p.Children {
			walk(c)
		}
	}
	for _, p := range r.site.Book {
		walk(p)
	}
}
