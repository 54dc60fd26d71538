// Package render turns the resolved site into output files: pages through
// the theme's html/template layouts, the generated pages (glossary, metrics
// dashboard, journeys, tags, book, search, sitemap, 404), and fingerprinted,
// minified assets.
package render

import (
	"bytes"
	"context"
	"html"
	"html/template"
	"io"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/i18n"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/render/search"
	"github.com/shiftbook/shiftbook/generator/work"
)

// Sink receives output files. path is slash-separated, relative to the
// output root ("vision/promise/index.html"). Write is called from several
// goroutines at once; data is only valid during the call (a sink that keeps
// it copies it), so renderers can reuse their buffers.
type Sink interface {
	Write(path string, data []byte) error
}

// Options control a render.
type Options struct {
	Minify     bool
	LiveReload bool      // add the dev server's reload script (serve only)
	Published  bool      // an edition of a published tree (publish only)
	Workers    int       // parallel page renders; 0 means one per CPU
	Previous   *Manifest // the earlier edition /changes/ compares with; nil: none
	// Release lets All drop what it no longer needs as it goes (a body once
	// every page that shows it is written, the search index once written),
	// for a build that renders once: it keeps a large site's memory small.
	Release bool
	// Lang is the language the site is rendered in, for a site with
	// [languages] (see PrepareLanguages); nil for a site of one language.
	Lang *Language
	// Templates, when set, keeps the theme's templates parsed from one
	// build to the next (the dev server); nil: parsed for this build.
	Templates *TemplateCache
	// assets are the default language's assets, for the tree of another
	// language, which links them instead of writing its own.
	assets map[string]string
	// treeOnly is set for the tree of a language other than the default,
	// which writes no manifest of its own: publish and --compare read the
	// one at the root.
	treeOnly bool
}

// Stats counts the work a render did.
type Stats struct {
	Pages  int // HTML pages written
	Assets int
}

// run is the state of one render.
type run struct {
	ctx     context.Context // the build's: done when it is cancelled
	navSize atomic.Int64    // the longest navigation written yet
	site    *link.Site
	md      *markdown.Engine
	tmpl    *Templates // what pages are made with (minified when the site is)
	plain   *Templates // the templates as written: errors are reported from these
	// minifyPages minifies whole pages, when the templates could not be
	// minified ahead.
	minifyPages bool
	opts        Options
	sink        Sink
	siteData    *SiteData
	assets      map[string]string // theme asset path → root-relative fingerprinted URL
	metrics     map[string]*MetricData
	bookIDs     map[string]string // URL of a page the book holds → its id in the book
	manifest    func() *Manifest  // this edition's manifest
	mini        *minifier

	// langs are the site's languages and alternates each page's address
	// in them, by its own address (see setAlternates); nil for a site of
	// one language.
	langs      []Language
	alternates map[string][]altTarget

	text *i18n.Text // the interface text of its language
	// langLayouts are the theme's layouts made for the run's language
	// (home.nl.html in the nl tree), by the layout they stand for ("home"
	// → "home.nl"); nil without any (see pickLayout).
	langLayouts map[string]string

	absoluteOnce sync.Once // absoluteBase, read once
	absolute     bool

	// labels puts the accessible names markdown writes in English into
	// the language's words; nil in English.
	labels markdownLabels
	// scriptText is the interface text of the scripts, written into each
	// page as JSON; nil in English.
	scriptText map[string]string
	// translationChanges lists, for /changes/, the translations of its
	// language (of every language, for the default's) added since the
	// earlier edition and those behind; nil for a site of one language.
	translationChanges func(root string) *TranslationChanges

	tips sync.Map // tipKey → the inside of a term's tooltip (see termTip)

	mu     sync.Mutex
	diags  diag.List
	failed map[string]int // template errors already reported → index in diags
}

// failOnce records a template error once, with one page it broke (the
// first by path, whatever order the pages were made in): a broken layout
// breaks every page that uses it.
func (r *run) failOnce(d diag.Diagnostic, note string) {
	key := d.String()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failed == nil {
		r.failed = map[string]int{}
	}
	if i, ok := r.failed[key]; ok {
		if note < r.diags[i].Notes[len(r.diags[i].Notes)-1] {
			r.diags[i].Notes[len(r.diags[i].Notes)-1] = note
		}
		return
	}
	r.failed[key] = len(r.diags)
	d.Notes = append(d.Notes, note)
	r.diags.Add(d)
}

func (r *run) fail(d diag.Diagnostic) {
	r.mu.Lock()
	r.diags.Add(d)
	r.mu.Unlock()
}

// Renderer renders a prepared site: the files every page shares (assets,
// search index, sitemap) are made up front, pages when asked, so that the dev
// server can serve a page before the rest of the site is rendered.
type Renderer struct {
	r     *run
	jobs  map[string]job
	paths []string // every output path, sorted
	eager *memSink
	lazy  map[string]*lazyFile
	// Extra are output files written beside the rendered ones (content
	// files copied as they are), for the output link check.
	Extra []string
	// others are the runs of the site's other languages, whose jobs are
	// among jobs (see PrepareLanguages).
	others []*run
}

// lazyFile is a shared file made once, when first asked for.
type lazyFile struct {
	once sync.Once
	make func() []byte
	data []byte
	// stream, when set, writes the same bytes as make, for a build that
	// writes the file once and need not hold it whole.
	stream func(io.Writer) error
}

// writeLazy writes a shared file into sink: as a stream when it can be
// and the build will not ask for it again.
func (x *Renderer) writeLazy(sink Sink, p string) error {
	l := x.lazy[p]
	ss, ok := sink.(streamSink)
	if l.stream == nil || !ok || !x.r.opts.Release {
		return sink.Write(p, l.get())
	}
	f, err := ss.Create(p)
	if err != nil {
		return err
	}
	if err := l.stream(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (l *lazyFile) get() []byte {
	l.once.Do(func() { l.data = l.make() })
	return l.data
}

// Prepare checks the theme and makes the shared files.
// Once ctx is done it stops between metrics with link.ErrCancelled.
func Prepare(ctx context.Context, site *link.Site, theme load.Theme, md *markdown.Engine, opts Options) (*Renderer, diag.List) {
	eager := &memSink{files: map[string][]byte{}}
	r := &run{ctx: ctx, site: site, md: md, opts: opts, sink: eager, metrics: map[string]*MetricData{}}
	if opts.Minify {
		r.mini = newMinifier()
	}
	text, diags := interfaceText(theme, site.Config.Theme, opts.Lang)
	if diags.HasErrors() {
		return nil, diags
	}
	r.text = text
	if text != nil && text.Lang != i18n.Fallback {
		// The scripts' text (site.js, editions.js), which have it in
		// English themselves: written only on pages in another language.
		r.scriptText = text.Group("js.")
		for _, k := range []string{"definition", "metric", "journey", "page"} {
			r.scriptText["kind."+k] = text.T("kind." + k)
		}
	}
	if text != nil && text.Lang != i18n.Fallback {
		r.labels = markdownLabels{
			markdown.AnchorLabel: html.EscapeString(text.T("content.anchor")),
			markdown.DoneLabel:   html.EscapeString(text.T("content.done")),
			markdown.ToDoLabel:   html.EscapeString(text.T("content.to_do")),
		}
	}
	r.diags.Add(diags...) // warnings: shown beside the pages' problems
	r.assignBookIDs()     // before the assets: the book's print stylesheet names its chapters
	if opts.assets != nil {
		// Another language's tree links the default language's assets.
		r.assets = map[string]string{}
		for name, u := range opts.assets {
			r.assets[name] = "../" + u
		}
	} else if _, diags := r.writeAssets(theme); len(diags) > 0 {
		return nil, diags
	}
	unbound := (&run{}).funcs()
	tmpl, diags := opts.Templates.templates(theme, "plain", r.funcs(), unbound, nil)
	if len(diags) > 0 {
		return nil, diags
	}
	r.tmpl, r.plain = tmpl, tmpl
	if r.mini != nil {
		// Minify the templates once instead of every page they make; the
		// unminified set stays for error positions.
		if small, d := opts.Templates.templates(theme, "minified", r.funcs(), unbound, r.mini.template); len(d) == 0 {
			r.tmpl = small
		} else {
			r.minifyPages = true
		}
	}
	r.setLanguageLayouts()
	for _, need := range []string{"page", "section", "home"} {
		if !tmpl.has(need) {
			return nil, diag.List{diag.File("themes/"+site.Config.Theme+"/layouts/"+need+".html",
				"the theme has no %s layout; add layouts/%s.html", need, need)}
		}
	}
	// The manifest hashes each page's sections from its body: made when
	// first asked for, or now for a one-shot build, which releases bodies as
	// their pages are written.
	r.manifest = sync.OnceValue(func() *Manifest { return manifestOf(site, opts.Workers) })
	if opts.treeOnly {
		// The edition's manifest is the default language's, which records
		// the translations (setTranslationChanges): this tree's /changes/
		// needs only the version.
		r.manifest = func() *Manifest { return &Manifest{Format: manifestFormat, Version: site.Config.Version} }
	}
	if opts.Release {
		r.manifest()
	}
	r.siteData = r.buildSiteData()
	for _, m := range site.Metrics {
		if ctx.Err() != nil {
			return nil, diag.List{link.ErrCancelled}
		}
		r.metricData(m)
	}
	r.writeSeriesCSV()
	if r.diags.HasErrors() {
		return nil, r.diags.Sort()
	}
	x := &Renderer{r: r, jobs: map[string]job{}, eager: eager, lazy: map[string]*lazyFile{}}
	// Made on first request: the dev server rarely needs them, and on a
	// large site they cost more than the rest of a rebuild.
	index := sync.OnceValue(func() map[string][]byte {
		files := r.searchFiles()
		if opts.Release && opts.Lang == nil {
			// In the index now. (In a site of languages a body may be
			// another language's too, whose index is not made yet.)
			for _, p := range site.Pages {
				if p.Body != nil {
					p.Body.Text = ""
				}
			}
		}
		return files
	})
	var indexMu sync.Mutex
	for _, path := range search.Paths(searchDocs(site.Pages)) {
		x.lazy[path] = &lazyFile{make: func() []byte {
			files := index()
			indexMu.Lock()
			defer indexMu.Unlock()
			b := files[path]
			if opts.Release {
				delete(files, path) // written once
			}
			return b
		}}
	}
	if !opts.treeOnly {
		x.lazy[ManifestFile] = &lazyFile{make: func() []byte { return r.manifest().Encode() }, stream: func(w io.Writer) error { return r.manifest().EncodeTo(w) }}
	}
	if site.Config.HasSitemap() {
		x.lazy["sitemap.xml"] = &lazyFile{make: r.sitemap}
		x.lazy[FeedFile] = &lazyFile{make: r.feed}
	}
	for _, j := range r.jobs() {
		x.jobs[j.out] = j
		x.paths = append(x.paths, j.out)
	}
	for p := range eager.files {
		x.paths = append(x.paths, p)
	}
	for p := range x.lazy {
		x.paths = append(x.paths, p)
	}
	taken := make(map[string]bool, len(x.paths))
	for _, p := range x.paths {
		taken[p] = true
	}
	aliases, diags := r.aliasPages(taken)
	if len(diags) > 0 {
		return nil, diags.Sort()
	}
	for p, b := range aliases {
		eager.files[p] = b
		x.paths = append(x.paths, p)
	}
	sort.Strings(x.paths)
	return x, nil
}

// Paths lists every output file.
func (x *Renderer) Paths() []string { return x.paths }

// Pages counts the HTML pages of the site, generated ones included: the
// number build reports as written and serve as served, so both say the same.
func (x *Renderer) Pages() int { return len(x.jobs) }

// File renders one output file. ok is false when there is no such file or
// it failed; Diags says why.
func (x *Renderer) File(path string) (data []byte, ok bool) {
	if b, found := x.eager.get(path); found {
		return b, true
	}
	if l, found := x.lazy[path]; found {
		return l.get(), true
	}
	j, found := x.jobs[path]
	if !found {
		return nil, false
	}
	var buf bytes.Buffer
	out, ok := j.run(x.r).renderJob(&buf, j)
	return bytes.Clone(out), ok
}

// Diags are the errors met so far while rendering.
func (x *Renderer) Diags() diag.List {
	var out diag.List
	for _, r := range append([]*run{x.r}, x.others...) {
		r.mu.Lock()
		out = append(out, r.diags...)
		r.mu.Unlock()
	}
	return out.Sort()
}

// All renders every file into sink, pages in parallel. Once ctx is done it
// starts no more pages and returns link.ErrCancelled alone: what is in sink
// is incomplete.
func (x *Renderer) All(ctx context.Context, sink Sink) (Stats, diag.List) {
	r := x.r
	var stats Stats
	for p, b := range x.eager.files {
		if err := sink.Write(p, b); err != nil {
			r.fail(diag.File(p, "cannot write: %v", err))
		}
		stats.Assets++
	}
	// The shared files (search index, manifest, sitemap) are made while
	// pages render, from halfway: by then the book, the largest page, is
	// made and half the bodies are released, so the index's memory does
	// not add to theirs.
	var lazyDone sync.WaitGroup
	makeLazy := sync.OnceFunc(func() {
		lazyDone.Add(1)
		go func() {
			defer lazyDone.Done()
			lazyPaths := slices.Sorted(maps.Keys(x.lazy))
			for _, p := range lazyPaths {
				if ctx.Err() != nil {
					return
				}
				if err := x.writeLazy(sink, p); err != nil {
					r.fail(diag.File(p, "cannot write: %v", err))
				}
				if r.opts.Release {
					x.lazy[p].data = nil
					x.eager.drop(p)
				}
			}
		}()
	})
	workers := r.opts.Workers
	var check *linkCheck
	if !r.opts.LiveReload {
		// Files, and the folders that have an index.html (clean URLs).
		known := map[string]bool{}
		for _, list := range [][]string{x.paths, x.Extra} {
			for _, p := range list {
				known[p] = true
				if dir, ok := strings.CutSuffix(p, "index.html"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
					known[dir] = true
				}
			}
		}
		check = newLinkCheck(func(p string) bool { return known[p] })
		check.stopped = func() bool { return ctx.Err() != nil }
	}
	// The generated pages first: the book holds every chapter and is by far
	// the longest page to make; started last, it would keep one CPU busy
	// alone at the end.
	var order []job
	for _, p := range x.paths {
		if j, ok := x.jobs[p]; ok {
			order = append(order, j)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].generated && !order[b].generated })
	// users counts the pages yet to be written that show a body (in
	// every language: a page shown untranslated shows the default's).
	users := map[*link.Body]*atomic.Int32{}
	if r.opts.Release {
		for _, j := range order {
			for _, p := range j.shows {
				if p.Body == nil {
					continue
				}
				if users[p.Body] == nil {
					users[p.Body] = new(atomic.Int32)
				}
				users[p.Body].Add(1)
			}
		}
	}
	bufs := make([]bytes.Buffer, work.Workers(workers))
	var pages atomic.Int64
	work.EachOn(ctx, workers, len(order), func(worker, i int) {
		if i >= len(order)/2 {
			makeLazy()
		}
		pages.Add(1)
		j, buf := order[i], &bufs[worker]
		buf.Reset()
		// A page made after the build was cancelled may be cut short:
		// neither checked nor written.
		jr := j.run(r)
		if ss, ok := sink.(streamSink); ok && len(j.shows) > 1 && jr.opts.Release && !jr.opts.LiveReload && !jr.minifyPages {
			// The book: written as it is made, never held whole.
			jr.streamPage(ss, check, j)
		} else if out, nav, ok := jr.renderPage(buf, j); ok && ctx.Err() == nil {
			if check != nil {
				check.add(j.out, out, string(nav))
			}
			if err := sink.Write(j.out, out); err != nil {
				r.fail(diag.File(j.out, "cannot write: %v", err))
			}
		}
		for _, p := range j.shows {
			if p.Body == nil {
				continue
			}
			if n := users[p.Body]; n != nil && n.Add(-1) == 0 {
				p.Body.Drop()
			}
		}
		if buf.Cap() > 1<<20 {
			*buf = bytes.Buffer{} // one huge page (the book) need not stay resident
		}
	})
	stats.Pages = int(pages.Load())
	makeLazy()
	lazyDone.Wait()
	if ctx.Err() != nil {
		return stats, diag.List{link.ErrCancelled}
	}
	if check != nil {
		for _, d := range check.verify() {
			r.fail(d)
		}
	}
	return stats, x.Diags()
}

// memSink keeps files in memory.
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memSink) get(path string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[path]
	return b, ok
}

func (m *memSink) drop(path string) {
	m.mu.Lock()
	delete(m.files, path)
	m.mu.Unlock()
}

func (m *memSink) Write(path string, data []byte) error {
	data = bytes.Clone(data)
	m.mu.Lock()
	m.files[path] = data
	m.mu.Unlock()
	return nil
}

// job is one HTML page to write.
type job struct {
	out       string // output path
	generated bool   // a page no author writes (book, glossary, ...)
	layout    string
	data      func() *PageData
	shows     []*link.Page // the pages whose bodies it shows
	r         *run         // the run of its language; nil: the Renderer's own
}

// run is the run that makes the job: its language's.
func (j job) run(own *run) *run {
	if j.r != nil {
		return j.r
	}
	return own
}

func outPath(u string) string {
	return strings.TrimPrefix(u, "/") + "index.html"
}

// renderJob renders one page; on failure it records why and returns false.
func (r *run) renderJob(buf *bytes.Buffer, j job) ([]byte, bool) {
	out, _, ok := r.renderPage(buf, j)
	return out, ok
}

// renderPage is renderJob, also returning the page's navigation: made in
// Go from the site's own pages, its links need no checking.
func (r *run) renderPage(buf *bytes.Buffer, j job) ([]byte, template.HTML, bool) {
	data := j.data()
	if data == nil {
		return nil, "", false
	}
	if len(j.shows) > 1 {
		// The book: room for every body at once, not grown by doubling
		// (which, for a large site, held twice the book in memory).
		n := 0
		for _, p := range j.shows {
			if p.Body != nil {
				n += p.Body.Len() + 256
			}
		}
		buf.Grow(n)
	}
	if err := r.tmpl.execute(buf, j.layout, data); err != nil {
		d := r.templateError(err, func(t *Templates, b *bytes.Buffer) error { return t.execute(b, j.layout, data) })
		r.failOnce(d, "while making "+j.out)
		return nil, "", false
	}
	out := buf.Bytes()
	if r.opts.LiveReload {
		out = injectLiveReload(out)
	}
	if r.minifyPages {
		min, err := r.mini.html(out)
		if err != nil {
			r.fail(diag.File(j.out, "cannot minify the page: %v", err))
			return nil, "", false
		}
		out = min
	}
	return out, data.Nav, true
}

// jobs lists every page of the site in a fixed order.
func (r *run) jobs() []job {
	var jobs []job
	for _, p := range r.site.Pages {
		p := p
		jobs = append(jobs, job{out: outPath(p.URL), layout: r.layoutOf(p), data: func() *PageData { return r.pageData(p) }, shows: []*link.Page{p}})
	}
	jobs = append(jobs, r.generatedJobs()...)
	return jobs
}

func (r *run) sitemap() []byte {
	base := strings.TrimSuffix(r.site.Config.BaseURL, "/")
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	urls, lastmod := sitemapURLs(r.site)
	for _, u := range urls {
		b.WriteString("  <url><loc>")
		template.HTMLEscape(&b, []byte(base+escapePath(u)))
		b.WriteString("</loc>")
		if t := lastmod[u]; !t.IsZero() {
			b.WriteString("<lastmod>" + t.Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// templateError reports an error of a minified template at its place in
// the template as written, by running the same template unminified.
func (r *run) templateError(err error, again func(*Templates, *bytes.Buffer) error) diag.Diagnostic {
	if r.plain != r.tmpl {
		var scratch bytes.Buffer
		if err2 := again(r.plain, &scratch); err2 != nil {
			return r.plain.execError(err2)
		}
	}
	return r.tmpl.execError(err)
}

// escapePath percent-encodes each segment of a URL path, as a sitemap's
// <loc> must be ("/über uns/" → "/%C3%BCber%20uns/").
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = url.PathEscape(part)
	}
	return strings.Join(parts, "/")
}
