// Package link builds the site model from parsed pages and data series: URLs,
// sections and navigation, the term, metric and journey indexes. It resolves
// every reference an author wrote (links, anchors, [[terms]], shortcodes,
// metric ids) or reports it with a did-you-mean.
package link

import (
	"cmp"
	"context"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
	"github.com/shiftbook/shiftbook/generator/slug"
	"github.com/shiftbook/shiftbook/generator/work"
)

// Kind says what a page is: a row of the kind table (generator/kind).
type Kind = kind.Name

// The shapes of the site; the other kinds are named by the kind package.
const (
	KindHome    = kind.Home
	KindSection = kind.Section
	KindPage    = kind.Page
)

// Page is a content page placed in the site.
type Page struct {
	*parse.Page
	Body     *Body  // rendered with placeholders; see Body
	URL      string // site-absolute, with a trailing slash: "/vision/promise/"
	Kind     Kind
	Section  string // the top-level section, "" for the home page
	Parent   *Page  // the section page it belongs to; nil for the home page
	Children []*Page
	Prev     *Page // reading order through the navigation
	Next     *Page
	// Unlisted is true for a page left out of its section's Children, and
	// so of the navigation, the section's list, the reading order and the
	// book: its unlisted key, or a folder without a page of its own whose
	// pages are all unlisted (see markUnlisted).
	Unlisted bool
	Virtual  bool // a section page made for a folder that has no _index.md
	// TitleFromBody is true when the front matter has no title and the page
	// took it from its first heading (or its file name).
	TitleFromBody bool
	sectionPage   bool // its file is its folder's page (_index.md, index.md or README.md)
	Broken        bool // its file has errors (reported already); links to it are not errors too
	Unread        bool // its file did not parse: its body and headings are unknown

	Anchors map[string]bool
	Targets []string // Targets[n]: site-absolute URL of Body.Links[n]
	Uses    []*Page  // definitions this page links to, in first-use order

	Metric     *Metric // for metric pages
	Journey    *Journey
	Initiative *Initiative
	FocusArea  *FocusArea // for focus area pages
	Focus      []*Page    // the focus areas its focus key names
	Review     *Review    // what the site asks of its review; nil when no reviewEvery applies

	// File is the translation file the page was read from, in a language
	// other than the default ("content/vision/promise.nl.md"); Path stays
	// the original's, the page's name in every language. "" for a page in
	// the default language.
	File string
	// Fallback is true for a page of a language other than the default
	// that has no translation into it: the default language's text is
	// shown, with a banner saying so.
	Fallback bool
	// Original is the default language's page this translation
	// translates; nil for a page in the default language or shown
	// untranslated.
	Original *parse.Page
}

// Title is the page's title.
func (p *Page) Title() string { return p.Meta.Title }

// IsSection reports whether the page lists other pages.
func (p *Page) IsSection() bool { return p.Kind == KindHome || p.Kind == KindSection }

// Site is the whole resolved site.
type Site struct {
	Config parse.Config
	Now    time.Time
	Pages  []*Page // every page, sorted by URL
	Home   *Page
	ByURL  map[string]*Page
	byPath map[string]*Page
	// byFoldedPath is byPath by lowercased path, for links written in
	// another letter case.
	byFoldedPath map[string]*Page
	Static       map[string]string // site-absolute URL → source path, for files copied as they are
	Terms        *Terms
	Metrics      []*Metric // sorted by title
	metricBy     map[string]*Metric
	Journeys     []*Page     // sorted by title
	Initiatives  []*Page     // sorted by title
	FocusAreas   []*Page     // sorted by weight, then title
	Owners       []*Owner    // everyone who owns a page or a task, by name; see owners.go
	Surveys      *SurveyMap  // which surveys each journey asks; see surveys.go
	Tasks        []*PlanTask // every plan page's tasks, in page and then written order
	ownerByKey   map[string]*Owner
	journeyBy    map[string]*Page
	Tags         map[string][]*Page // tag → pages, sorted by title
	TagNames     []string
	UsedBy       map[*Page][]*Page          // definition → pages that use it, sorted by URL
	Book         []*Page                    // chapters in reading order
	Generated    map[string]map[string]bool // generated page URL → its anchors (nil: any anchor refused)
	Aliases      map[string]*Page           // an old address (see AliasURL) → the page it sends readers to
	drafts       map[string]*parse.Page     // path and URL of each page left out (draft, scheduled, expired) → it
	elsewhere    func(rel string) []string  // see Files.Elsewhere; nil: not known
}

// ByPath is the page of a content file ("content/vision/promise.md"),
// named by the original's path in every language; nil if none.
func (s *Site) ByPath(path string) *Page { return s.byPath[path] }

// MetricByID returns a metric by id.
func (s *Site) MetricByID(id string) *Metric { return s.metricBy[id] }

// Input is one parsed content page.
type Input struct {
	Page   *parse.Page
	Hash   uint64 // of the file's content, for the body cache
	Broken bool   // the file has errors (reported already): links to it are not errors too
	// Unread: the file did not parse at all; it is placed only so links to
	// it resolve, and its body (its headings) is unknown. A Broken page
	// that is not Unread has its body rendered and checked like any other,
	// so that one run reports everything.
	Unread bool
	Draft  bool // a draft left out of this build: not placed, but named when linked to
	// File and Fallback are Page.File and Page.Fallback: the translation
	// file a page of another language was read from, or that it has none.
	File     string
	Fallback bool
	// Original is the default language's page a translation translates;
	// nil for the others.
	Original *parse.Page
	// Body, when set, is the page's body already rendered: a page shown
	// untranslated has the default language's, not one made again. Its
	// links and tooltips are resolved within the language (see termLink).
	Body *Body
}

// Files are the site's files that are not pages, for links to them.
type Files struct {
	Paths []string // under content/ and static/, as load lists them
	// Elsewhere, when set, lists the files of the site folder that are not
	// published whose path ends with a link's ("img/logo.png"), for the
	// message of a link to a file the site does not have (load.Elsewhere).
	Elsewhere func(rel string) []string
}

// Stats count the work Resolve did.
type Stats struct {
	BodiesRendered int // page bodies rendered (not taken from the cache)
}

// Generated pages, reserved: a content page may not take their URLs.
var generatedURLs = []string{"/glossary/", "/search/", "/book/", "/changes/", "/tags/", OwnersURL, SurveysURL}

// Resolve builds the site. series maps data file paths to parsed series
// (files that failed to parse are absent; their errors are already reported).
func Resolve(cfg parse.Config, inputs []Input, data map[string]*series.File, files Files, now time.Time,
	md *markdown.Engine, bodies *Bodies) (*Site, Stats, diag.List) {
	return ResolveContext(context.Background(), cfg, inputs, data, files, now, md, bodies, 0)
}

// ErrCancelled is the one diagnostic of a Resolve stopped by its context:
// the site is incomplete and must be thrown away.
var ErrCancelled = diag.File(".", "build cancelled")

// ResolveContext is Resolve, stopping early (with ErrCancelled) once ctx is
// done: the page loops check it before each page. The loops run on
// work.Workers(workers) goroutines.
func ResolveContext(ctx context.Context, cfg parse.Config, inputs []Input, data map[string]*series.File, files Files, now time.Time,
	md *markdown.Engine, bodies *Bodies, workers int) (*Site, Stats, diag.List) {
	s := &Site{
		Config:       cfg,
		Now:          now,
		ByURL:        make(map[string]*Page, len(inputs)),
		byPath:       make(map[string]*Page, len(inputs)),
		byFoldedPath: make(map[string]*Page, len(inputs)),
		Static:       map[string]string{},
		Tags:         map[string][]*Page{},
		UsedBy:       map[*Page][]*Page{},
		metricBy:     map[string]*Metric{},
		journeyBy:    map[string]*Page{},
		Generated:    map[string]map[string]bool{},
		drafts:       map[string]*parse.Page{},
	}
	var diags diag.List
	for _, u := range generatedURLs {
		s.Generated[u] = nil
	}
	hashes := make(map[string]uint64, len(inputs))
	sections, d := sectionFiles(inputs)
	diags.Add(d...)
	for _, in := range inputs {
		if in.Draft {
			s.drafts[in.Page.Path] = in.Page
			s.drafts[slug.PageURL(in.Page.Path, in.Page.Meta.Slug, sections[in.Page.Path])] = in.Page
			continue
		}
		hashes[in.Page.Path] = in.Hash
		p := &Page{Page: in.Page, Body: in.Body, Broken: in.Broken, Unread: in.Unread, sectionPage: sections[in.Page.Path], File: in.File, Fallback: in.Fallback, Original: in.Original}
		if p.Meta.Title == "" && !p.Unread {
			// Written for GitHub or MkDocs: the title is in the body.
			titled := *in.Page
			titled.Meta.Title, _ = pageTitle(md, in.Page, p.sectionPage)
			p.Page, p.TitleFromBody = &titled, true
		}
		p.URL = slug.PageURL(p.Path, p.Meta.Slug, p.sectionPage)
		p.Section = topSection(p.Path)
		p.Kind = pageKind(p)
		if other, ok := s.ByURL[p.URL]; ok {
			diags.Add(diag.AtLine(p.Path, p.Source, 1, 1,
				"this page and %s would both be written to %s; rename one of the files or give one a different slug", other.Path, s.shownURL(p.URL)))
			// Not placed, but links to it are no errors too: one mistake.
			p.Broken = true
			if _, taken := s.byPath[p.Path]; !taken {
				s.byPath[p.Path] = p
			}
			continue
		}
		if _, ok := s.Generated[p.URL]; ok {
			diags.Add(diag.AtLine(p.Path, p.Source, 1, 1,
				"%s is a page shiftbook generates; rename this file or give it a different slug", p.URL))
			continue
		}
		s.ByURL[p.URL] = p
		s.byPath[p.Path] = p
		if _, taken := s.byFoldedPath[strings.ToLower(p.Path)]; !taken {
			s.byFoldedPath[strings.ToLower(p.Path)] = p
		}
	}
	for _, f := range files.Paths {
		s.Static[load.StaticURL(f)] = f
	}
	s.elsewhere = files.Elsewhere
	s.addVirtualSections()
	s.Pages = make([]*Page, 0, len(s.ByURL))
	for _, p := range s.ByURL {
		s.Pages = append(s.Pages, p)
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int { return strings.Compare(a.URL, b.URL) })
	diags.Add(s.sectionSlugs()...)
	s.Home = s.ByURL["/"]
	// The tree, the tags and the vocabulary read the pages and each write
	// a part of the site of their own: made side by side.
	var wg sync.WaitGroup
	wg.Go(s.buildTree)
	wg.Go(s.buildTags)
	early := s.indexEarly()
	wg.Wait()
	diags.Add(early...)
	var stats Stats
	stats.BodiesRendered = s.renderBodies(ctx, md, bodies, hashes, workers)
	if ctx.Err() != nil {
		return nil, stats, diag.List{ErrCancelled} // some bodies were not rendered
	}
	for _, p := range s.Pages {
		p.Anchors = p.Body.IDs
		diags.Add(p.Body.Diags...)
		for _, path := range p.Body.Uses {
			def := s.byPath[path]
			if def == nil {
				continue // a body of another language's, using a term left out of this one
			}
			p.Uses = append(p.Uses, def)
			if def != p {
				s.UsedBy[def] = append(s.UsedBy[def], p)
			}
		}
	}
	diags.Add(s.indexKinds(data)...)
	diags.Add(s.resolveSurveys()...)
	diags.Add(s.resolveOwnership()...)
	diags.Add(s.resolveBook()...)
	diags.Add(s.unlistedHome()...)
	diags.Add(s.resolveAliases()...)
	diags.Add(s.resolveLayouts()...)
	// Every page's references, on every CPU: a large site has many. A body
	// whose references were resolved against the same set of targets keeps
	// its results.
	keep := bodies == nil || !bodies.Release // a build that is not rebuilt keeps nothing
	var fp uint64
	if keep {
		fp = s.targetsFingerprint()
	}
	perPage := make([]diag.List, len(s.Pages))
	work.Each(ctx, workers, len(s.Pages), func(i int) {
		p := s.Pages[i]
		if r := p.Body.resolvedWith(fp); r != nil {
			p.Targets, perPage[i] = r.links, r.diags
			return
		}
		perPage[i] = append(s.resolveLinks(p), s.resolveShortcodes(p)...)
		if keep && !p.Virtual && !p.Broken {
			p.Body.keepResolution(&resolution{targets: fp, links: p.Targets, diags: perPage[i]})
		}
	})
	if ctx.Err() != nil {
		return nil, stats, diag.List{ErrCancelled}
	}
	for _, d := range perPage {
		diags.Add(d...)
	}
	return s, stats, diags
}

// shownURL is a page's address as a reader sees it: under its language's
// folder in the tree of a language other than the default.
func (s *Site) shownURL(u string) string {
	if l := s.Config.Languages; len(l) > 1 && s.Config.Language != l[0].Code {
		return "/" + strings.TrimSuffix(slug.LanguagePrefix(s.Config.Language), "/") + u
	}
	return u
}

func topSection(file string) string {
	rel := strings.TrimPrefix(file, load.ContentDir+"/")
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		return slug.URLPart(rel[:i])
	}
	return ""
}

func pageKind(p *Page) Kind {
	switch {
	case p.sectionPage && path.Dir(p.Path) == load.ContentDir:
		return KindHome
	case p.sectionPage:
		return KindSection
	}
	return kind.Recognise(p.Section, &p.Meta)
}

// addVirtualSections gives every folder with pages a section page, and the
// site a home page, when the author wrote none: navigation needs a parent
// for every page.
func (s *Site) addVirtualSections() {
	// The pages written; the sections made for them are added to ByURL as
	// the walk goes, and a section once made has had its parents made.
	urls := make([]string, 0, len(s.ByURL))
	for u := range s.ByURL {
		urls = append(urls, u)
	}
	for _, u := range urls {
		for parent := ParentURL(u); parent != ""; parent = ParentURL(parent) {
			if _, ok := s.ByURL[parent]; ok {
				break // a page written (its parents are walked from it) or a section made
			}
			title := "Home"
			if parent != "/" {
				title = titleFromSlug(path.Base(strings.TrimSuffix(parent, "/")))
			}
			file := load.ContentDir + strings.TrimSuffix(parent, "/") + "/_index.md"
			pp := &parse.Page{Path: file, Meta: parse.FrontMatter{Title: title, TOC: true}}
			p := &Page{Page: pp, URL: parent, Virtual: true,
				Section: topSection(file), Anchors: map[string]bool{}}
			p.Kind = KindSection
			if parent == "/" {
				p.Kind = KindHome
				p.Section = ""
			}
			s.ByURL[parent] = p
		}
	}
	if _, ok := s.ByURL["/"]; !ok {
		pp := &parse.Page{Path: load.ContentDir + "/_index.md", Meta: parse.FrontMatter{Title: s.Config.Title, TOC: true}}
		s.ByURL["/"] = &Page{Page: pp, URL: "/", Kind: KindHome, Virtual: true, Anchors: map[string]bool{}}
	}
}

// ParentURL is the URL of the section a page's URL is in ("/a/b/" →
// "/a/"); "" for the home page. For a clean URL, as slug.PageURL makes
// them, that is a prefix of it: no copy is made.
func ParentURL(u string) string {
	if u == "/" {
		return ""
	}
	if strings.Contains(u, "//") || strings.Contains(u, "/.") {
		d := path.Dir(strings.TrimSuffix(u, "/"))
		if d == "/" {
			return "/"
		}
		return d + "/"
	}
	return u[:strings.LastIndexByte(strings.TrimSuffix(u, "/"), '/')+1]
}

func titleFromSlug(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// buildTree links pages to their sections, lists each section's pages
// but the unlisted ones as its Children, ordered by weight then title, and
// threads prev/next through the navigation in reading order.
func (s *Site) buildTree() {
	for _, p := range s.Pages {
		if p.URL != "/" {
			p.Parent = s.ByURL[ParentURL(p.URL)]
		}
	}
	s.markUnlisted()
	for _, p := range s.Pages {
		if p.Parent != nil && !p.Unlisted {
			p.Parent.Children = append(p.Parent.Children, p)
		}
	}
	for _, p := range s.Pages {
		SortPages(p.Children)
	}
	var order []*Page
	var walk func(p *Page)
	walk = func(p *Page) {
		if !p.Virtual {
			order = append(order, p)
		}
		for _, c := range p.Children {
			walk(c)
		}
	}
	walk(s.Home)
	for i, p := range order {
		if i > 0 {
			p.Prev = order[i-1]
		}
		if i+1 < len(order) {
			p.Next = order[i+1]
		}
	}
}

// SortPages orders pages as navigation shows them: by weight (pages without
// a weight last), then title, then URL.
func SortPages(pages []*Page) {
	if len(pages) < 2 {
		return
	}
	// Each page's name is lowered once, not at every comparison.
	keyed := make([]keyedPage, len(pages))
	for i, p := range pages {
		keyed[i] = keyedPage{key: sortName(p), page: p}
	}
	slices.SortStableFunc(keyed, func(x, y keyedPage) int {
		a, b := x.page, y.page
		wa, wb := a.Meta.Weight, b.Meta.Weight
		if (wa == 0) != (wb == 0) {
			if wa != 0 {
				return -1
			}
			return 1
		}
		if wa != wb {
			return cmp.Compare(wa, wb)
		}
		if c := strings.Compare(x.key, y.key); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	for i := range keyed {
		pages[i] = keyed[i].page
	}
}

// keyedPage is a page with what it is sorted by.
type keyedPage struct {
	key  string
	page *Page
}

// sortName is what pages without a weight are ordered by: the title, or
// the file name for a page written for MkDocs or GitHub (no title in its
// front matter) and for a numbered file ("01-welcome.md"), as those tools
// list them.
func sortName(p *Page) string {
	base := strings.ToLower(path.Base(p.Path))
	if p.sectionPage {
		base = strings.ToLower(path.Base(path.Dir(p.Path)))
	}
	if p.TitleFromBody || base != "" && base[0] >= '0' && base[0] <= '9' {
		return base
	}
	return strings.ToLower(p.Title())
}

// byTitle orders pages by title, ignoring case, then by URL: the order of
// every alphabetical list (the glossary, metrics, journeys).
func byTitle(a, b *Page) bool {
	ta, tb := strings.ToLower(a.Title()), strings.ToLower(b.Title())
	if ta != tb {
		return ta < tb
	}
	return a.URL < b.URL
}

// sortByTitle sorts items in byTitle's order of their pages, stably,
// lowering each title once: for the long lists (every definition).
func sortByTitle[T any](items []T, page func(T) *Page) {
	keyed := make([]keyedPage, len(items))
	for i, it := range items {
		p := page(it)
		keyed[i] = keyedPage{key: strings.ToLower(p.Title()), page: p}
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		if c := strings.Compare(keyed[i].key, keyed[j].key); c != 0 {
			return c
		}
		return strings.Compare(keyed[i].page.URL, keyed[j].page.URL)
	})
	sorted := make([]T, len(items))
	for k, i := range order {
		sorted[k] = items[i]
	}
	copy(items, sorted)
}

func (s *Site) buildTags() {
	slugs := map[string]string{} // a site has few tags, on many pages
	var seen []string
	for _, p := range s.Pages {
		seen = seen[:0]
		for _, t := range p.Meta.AllTags() {
			key, ok := slugs[t]
			if !ok {
				key = TagSlug(t)
				slugs[t] = key
			}
			if key == "" || slices.Contains(seen, key) {
				continue
			}
			seen = append(seen, key)
			s.Tags[key] = append(s.Tags[key], p)
		}
	}
	for k, pages := range s.Tags {
		slices.SortFunc(pages, func(a, b *Page) int {
			if c := strings.Compare(a.Title(), b.Title()); c != 0 {
				return c
			}
			return strings.Compare(a.URL, b.URL)
		})
		s.TagNames = append(s.TagNames, k)
		s.Generated["/tags/"+k+"/"] = nil
	}
	sort.Strings(s.TagNames)
}

// TagSlug is a tag's URL segment.
func TagSlug(tag string) string { return slug.ID(tag) }

// resolution is a body's references resolved against one set of targets.
type resolution struct {
	targets uint64 // targetsFingerprint when resolved
	links   []string
	diags   diag.List
}

// partsHash is FNV-1a of parts with a zero byte after each, inline: it
// runs for every page and anchor on every rebuild.
func partsHash(parts ...string) uint64 {
	h := uint64(14695981039346656037)
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h = (h ^ uint64(p[i])) * 1099511628211
		}
		h *= 1099511628211
	}
	return h
}

// pageTargets is the part of targetsFingerprint of page p at URL u: its
// address and its anchors. Where the anchors are the body's own (no kind
// added any, as a journey adds its stages'), it is kept with the body for
// the next build.
func pageTargets(u string, p *Page) uint64 {
	b := p.Body
	own := b != nil && reflect.ValueOf(p.Anchors).UnsafePointer() == reflect.ValueOf(b.IDs).UnsafePointer()
	if own && b.targetsSum != 0 && b.targetsURL == u && b.targetsPath == p.Path {
		return b.targetsSum
	}
	sum := partsHash("page", u, p.Path)
	for a := range p.Anchors {
		sum += partsHash("anchor", u, a)
	}
	if own {
		b.targetsURL, b.targetsPath, b.targetsSum = u, p.Path, sum
	}
	return sum
}

// resolvedWith is the body's resolution against the targets of
// fingerprint fp, if it was resolved against them before.
func (b *Body) resolvedWith(fp uint64) *resolution {
	for _, r := range b.resolved {
		if r.targets == fp {
			return r
		}
	}
	return nil
}

// keepResolution keeps r for the next build. A body shown in several
// languages is resolved against each one's targets: one resolution is
// kept for each, up to maxResolutions.
func (b *Body) keepResolution(r *resolution) {
	if len(b.resolved) == maxResolutions {
		b.resolved = b.resolved[1:]
	}
	b.resolved = append(b.resolved, r)
}

// maxResolutions bounds the resolutions a body keeps: one per language
// of a site of that many, and older ones give way.
const maxResolutions = 8

// targetsFingerprint identifies everything a reference can resolve to:
// page URLs, files, anchors, generated pages, metric and journey ids. Its
// parts are combined by sum, so map order does not matter.
func (s *Site) targetsFingerprint() uint64 {
	var sum uint64
	add := func(parts ...string) { sum += partsHash(parts...) }
	for u, p := range s.ByURL {
		sum += pageTargets(u, p)
	}
	for u := range s.Static {
		add("file", u)
	}
	for u, anchors := range s.Generated {
		add("generated", u)
		for a := range anchors {
			add("generated anchor", u, a)
		}
	}
	eachKind(func(h kindLinks) {
		if h.targets != nil {
			h.targets(s, add)
		}
	})
	for _, name := range s.Config.Shortcodes {
		add("shortcode", name)
	}
	return sum
}

// TranslationBehind reports whether a translation may be out of date: its
// original changed (lastmod, else date) after the translation's day (see
// TranslationBasis). changed is that day of the original's; a translation
// or original that names no day at all is never behind.
func TranslationBehind(original, translation *parse.Page) (changed time.Time, behind bool) {
	if original == nil || translation == nil {
		return time.Time{}, false
	}
	changed = original.Meta.Lastmod
	if changed.IsZero() {
		changed = original.Meta.Date
	}
	_, basis := TranslationBasis(translation)
	if changed.IsZero() || basis.IsZero() {
		return changed, false
	}
	return changed, changed.After(basis)
}

// TranslationBasis is the day a translation is compared with its
// original by, and the front matter key it is written in: translated (the
// day it was made or brought up to date), else reviewed, else its own
// lastmod, else its date. The last two are there because a translation
// started by new --lang, or written by hand, often carries only the dates
// its original had; it is still compared, not taken as never behind.
func TranslationBasis(translation *parse.Page) (key string, day time.Time) {
	m := &translation.Meta
	for _, b := range []struct {
		key string
		day time.Time
	}{{"translated", m.Translated}, {"reviewed", m.Reviewed}, {"lastmod", m.Lastmod}, {"date", m.Date}} {
		if !b.day.IsZero() {
			return b.key, b.day
		}
	}
	return "", time.Time{}
}
