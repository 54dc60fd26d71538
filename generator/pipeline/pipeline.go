// Package pipeline runs the stages in order (load → parse → link → render →
// write) and owns the per-file cache that makes rebuilds fast: parsed pages
// and data series are kept by path and content hash, and everything after
// parsing is recomputed from them on every build, so a rebuild is correct by
// construction.
package pipeline

import (
	"context"
	"hash/maphash"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/publish"
	"github.com/shiftbook/shiftbook/generator/render"
	"github.com/shiftbook/shiftbook/generator/series"
	"github.com/shiftbook/shiftbook/generator/work"
	"github.com/shiftbook/shiftbook/themes"
)

// Options configure a build.
type Options struct {
	Site       fs.FS            // the site folder
	Drafts     bool             // include pages with draft = true
	Now        time.Time        // the build clock (cmd/ honours SOURCE_DATE_EPOCH); zero: now
	LiveReload bool             // inject the dev server's reload script
	Published  bool             // an edition of a published tree: the switcher reads versions.json
	NoMinify   bool             // skip minification whatever site.toml says (dev server)
	DevServer  bool             // the dev server's build: a missing baseURL, normal on this computer, is no warning
	Workers    int              // 0: one per CPU
	Version    string           // the edition, instead of site.toml's version (publish --version)
	Previous   *render.Manifest // the earlier edition /changes/ compares with; nil: none
	Strict     bool             // warnings fail the build too (--strict)
	// OneShot drops each page's source once the site is resolved, for a
	// build that will not be rebuilt: sources are only needed for
	// diagnostics, and on a large site they are a quarter of the memory.
	OneShot bool
	// MemoryLimit, when set, is offered the soft memory limit a one-shot
	// build would like (see limitMemory) and returns a function that undoes
	// it. The library never sets the process-wide limit itself: that is
	// the program's to decide (cmd/ honours GOMEMLIMIT).
	MemoryLimit func(bytes int64) (restore func())
	// NoSpill keeps a one-shot build's rendered bodies in memory instead
	// of a temporary file (os.TempDir()) until their pages are written.
	NoSpill bool
	// Changed, for a rebuild, names the site-relative paths that changed
	// since the last build as a watcher saw them: the content folder is
	// not walked again (see load.Files.Hint). nil: not known, walk.
	Changed []string
	// ModelOnError keeps the link stage's model of a build with errors in
	// content, for Builder.Model.
	ModelOnError bool
}

// Stats say how much work a build did.
type Stats struct {
	FilesParsed    int // content and data files parsed (not taken from the cache)
	FilesCached    int
	BodiesRendered int // markdown bodies rendered (not taken from the cache)
	PagesRendered  int
	Duration       time.Duration
}

// Result is a finished build.
type Result struct {
	Site *link.Site
	// Languages are the sites of the languages other than the default, in
	// the order of site.toml; nil for a site of one language.
	Languages []*link.Site
	// Translations are the site's translation files as check
	// --translations lists them: language code → original's path → what
	// is known of its translation (see TranslationState); nil for a site
	// of one language.
	Translations map[string]map[string]TranslationState
	// Renamed maps a page's path to the file it was read from where they
	// differ (content/pay.en.md is the page content/pay.md; see
	// load.Site.Renamed), for what names files.
	Renamed map[string]string
	Stats   Stats
	start   time.Time
}

// Builder builds a site again and again, keeping parsed files between builds.
// It is not safe for concurrent use.
type Builder struct {
	seed   maphash.Seed
	md     *markdown.Engine
	mdHTML string
	minify bool // the bodies in the cache are minified
	// ownShortcodes are the site's own shortcodes the markdown engine was
	// made for (one of Hugo's of the same name is not read then).
	ownShortcodes string
	allow         string // the [frontmatter] allow list and the languages the cached pages were read with
	columns       string // the [data] columns the cached data files were read with
	pages         map[string]pageEntry
	data          map[string]dataEntry
	bodies        *link.Bodies
	// langBodies are the body caches of the languages other than the
	// default, by code.
	langBodies map[string]*link.Bodies
	files      *load.Files
	// unlimit restores the memory limit a one-shot build set; nil: none set.
	unlimit  func()
	headroom *headroom
	// templates keeps the theme parsed between rebuilds.
	templates render.TemplateCache
	// renamed is the last read's load.Site.Renamed: the messages of the
	// build name those pages' files.
	renamed map[string]string
	// model is what the link stage made of a build that failed, kept when
	// Options.ModelOnError asks for it (see Model).
	model *Result
}

// Model is the site as the last build's link stage made it, when that
// build had errors and was asked to keep it (Options.ModelOnError): enough
// for a report about the pages (check --translations), whose pages were
// never rendered. nil when the build did not get that far, or succeeded
// (its Result is the model).
func (b *Builder) Model() *Result { return b.model }

type pageEntry struct {
	hash  uint64
	src   []byte // the bytes parsed: the loader hands back the same slice while the file is unchanged
	page  *parse.Page
	diags diag.List
}

// sameBytes reports whether two slices are the very same bytes in memory.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

type dataEntry struct {
	hash   uint64
	series *series.File
	diags  diag.List
}

// New makes a Builder with an empty cache.
func New() *Builder {
	return &Builder{seed: maphash.MakeSeed(), pages: map[string]pageEntry{}, data: map[string]dataEntry{}, bodies: link.NewBodies(), files: load.NewFiles()}
}

// Prepared is a site that has passed every stage but rendering the pages:
// the dev server renders those on demand, a build renders them all.
type Prepared struct {
	Result
	Renderer *render.Renderer
	Static   map[string][]byte // output path → content files copied as they are
}

// File returns one output file, rendering it if it is a page.
func (p *Prepared) File(path string) ([]byte, bool) {
	if b, ok := p.Static[path]; ok {
		return b, true
	}
	return p.Renderer.File(path)
}

// Paths lists every output file, sorted.
func (p *Prepared) Paths() []string {
	paths := append([]string(nil), p.Renderer.Paths()...)
	for s := range p.Static {
		paths = append(paths, s)
	}
	sort.Strings(paths)
	return paths
}

// Build runs every stage and writes the output into sink. On any error it
// returns a nil Result and the diagnostics, and the output must be thrown
// away. A build that succeeds returns its warnings, if any, beside the Result.
func (b *Builder) Build(ctx context.Context, opts Options, sink render.Sink) (*Result, diag.List) {
	p, diags := b.prepare(ctx, opts)
	if sp := b.bodies.Spill; sp != nil {
		defer func() {
			sp.Close()
			b.bodies.Spill = nil
		}()
	}
	if p == nil {
		return nil, finish(place(renameFiles(diags, b.renamed), opts), opts.Strict)
	}
	for path, data := range p.Static {
		if ctx.Err() != nil {
			return nil, diag.List{link.ErrCancelled}
		}
		if err := sink.Write(path, data); err != nil {
			diags.Add(diag.File(path, "cannot write: %v", err))
		}
	}
	for path := range p.Static {
		p.Renderer.Extra = append(p.Renderer.Extra, path)
	}
	rstats, d := p.Renderer.All(ctx, sink)
	diags.Add(d.WithKind(kindOutput)...)
	if sp := b.bodies.Spill; sp != nil && sp.Err() != nil {
		diags.Add(diag.File(os.TempDir(), "cannot keep rendered pages in a temporary file: %v; free space there, or set TMPDIR to a folder with room", sp.Err()))
	}
	diags = finish(place(renameFiles(diags, b.renamed), opts), opts.Strict)
	if diags.HasErrors() {
		return nil, diags
	}
	p.Stats.PagesRendered = rstats.Pages
	p.Stats.Duration = time.Since(p.start)
	return &p.Result, diags
}

// The kinds of problem each stage finds, for the count by kind that ends a
// long list. A diagnostic that names its own kind keeps it.
const (
	kindConfig  = "configuration"
	kindFiles   = "files"
	kindPage    = "front matter"
	kindData    = "data"
	kindContent = "content"
	kindTheme   = "theme"
	kindOutput  = "output"
)

// place gives the diagnostics of a one-shot build, made after the pages'
// sources were dropped, their lines and source text, read again from the
// files they name: the few files with a problem, not every page kept in
// memory for them.
func place(diags diag.List, opts Options) diag.List {
	if !opts.OneShot || len(diags) == 0 {
		return diags
	}
	return diags.Place(func(path string) []byte {
		if !fs.ValidPath(path) {
			return nil
		}
		b, err := fs.ReadFile(opts.Site, path)
		if err != nil {
			return nil
		}
		return b
	})
}

// finish sorts the diagnostics of a build and, under --strict, makes every
// warning an error.
func finish(diags diag.List, strict bool) diag.List {
	if strict {
		diags = diags.Strict()
	}
	return diags.Sort()
}

// Prepare runs load, parse and link, checks the theme and makes the files
// every page shares. Pages are rendered later, by Build or on demand. It
// returns nil and the diagnostics when the site has errors (or, under
// --strict, warnings); else the prepared site and its warnings.
func (b *Builder) Prepare(ctx context.Context, opts Options) (*Prepared, diag.List) {
	p, diags := b.prepare(ctx, opts)
	diags = finish(renameFiles(diags, b.renamed), opts.Strict)
	if diags.HasErrors() {
		return nil, diags
	}
	return p, diags
}

// prepare is Prepare without --strict: warnings never stop it, so that a
// strict Build still renders every page and reports everything in one run.
// Each stage runs as far as the errors before it allow, so that one run
// shows every error an author can fix.
func (b *Builder) prepare(ctx context.Context, opts Options) (*Prepared, diag.List) {
	start := time.Now()
	now := opts.Now
	if now.IsZero() {
		now = time.Now().UTC()
	}
	if b.files != nil {
		b.files.Hint(opts.Changed)
	}
	site, diags := load.ReadWith(opts.Site, themes.FS, b.files)
	diags = diags.WithKind(kindFiles)
	b.renamed = nil
	if site != nil {
		b.renamed = site.Renamed
	}
	if site == nil || configBroken(diags) {
		// Without a sound site.toml every later stage would guess, and
		// report the guesses as errors of their own.
		return nil, diags.WithKind(kindConfig)
	}
	if opts.Version != "" {
		site.Config.Version = opts.Version
	}
	if !opts.DevServer {
		diags.Add(parse.MissingBaseURL(&site.Config).WithKind(kindConfig)...)
	}
	minify := site.Config.Build.Minify && !opts.NoMinify
	own := strings.Join(site.Config.Shortcodes, "\x00")
	if b.md == nil || b.mdHTML != site.Config.RawHTML() || b.minify != minify || b.ownShortcodes != own {
		// A new markdown dialect, or minifying turned on or off, invalidates
		// every rendered body.
		// A one-shot build of one language renders each code block once,
		// where a cache only holds memory; translations mostly repeat
		// their original's code, which the cache then highlights once.
		noCache := opts.OneShot && len(site.Config.Languages) < 2
		b.md = markdown.New(markdown.Options{HTML: site.Config.RawHTML(), NoCache: noCache, SiteShortcodes: site.Config.Shortcodes})
		b.mdHTML, b.minify, b.ownShortcodes = site.Config.RawHTML(), minify, own
		b.bodies = b.newBodies()
		b.langBodies = nil
	}
	if allow := strings.Join(site.Config.FrontMatter.Allow, "\x00") + "\x01" + strings.Join(pageLanguages(site.Config), "\x00"); allow != b.allow {
		// The pages were read with other keys allowed, or other languages
		// (a lang key is checked against them).
		b.pages, b.allow = map[string]pageEntry{}, allow
	}
	if cols := strings.Join(site.Config.Data.Columns, "\x00"); cols != b.columns {
		// The data files were read with other columns named.
		b.data, b.columns = map[string]dataEntry{}, cols
	}
	var stats Stats
	all := *site
	if len(site.Translations) > 0 {
		// A copy, so that site.Pages is not written through.
		all.Pages = make([]load.File, 0, len(site.Pages)+len(site.Translations))
		all.Pages = append(all.Pages, site.Pages...)
		for _, t := range site.Translations {
			all.Pages = append(all.Pages, t.File)
		}
	}
	inputs, data, d := b.parseAll(ctx, &all, &stats, opts.Workers)
	diags.Add(d...)
	if ctx.Err() != nil {
		return nil, diag.List{link.ErrCancelled}
	}
	drafts := opts.Drafts || site.Config.Build.Drafts
	kept := inputs[:0]
	for _, in := range inputs {
		if !drafts && (in.Page.Meta.Draft || !link.Published(&in.Page.Meta, now)) {
			in.Draft = true // left out, but a link to it gets the right message
		}
		kept = append(kept, in)
	}
	var translated map[string]map[string]link.Input
	var states map[string]map[string]TranslationState
	if len(site.Translations) > 0 && len(kept) == len(site.Pages)+len(site.Translations) {
		var d diag.List
		translated, d = translationInputs(site, kept[:len(site.Pages)], kept[len(site.Pages):])
		diags.Add(d.WithKind(kindPage)...)
		states = translationStates(translated, now)
		diags.Add(behindTranslations(site.Config, translated)...)
		diags.Add(emptyTranslations(site.Config, translated)...)
		kept = kept[:len(site.Pages)]
	}
	var langInputs [][]link.Input
	for _, l := range site.Config.Languages[min(1, len(site.Config.Languages)):] {
		langInputs = append(langInputs, languageInputs(kept, translated[l.Code]))
	}
	static := link.Files{Paths: make([]string, len(site.Static)), Elsewhere: load.Elsewhere(opts.Site, site.Config.Data.Dir)}
	staticFiles := make(map[string][]byte, len(site.Static))
	for i, f := range site.Static {
		static.Paths[i] = f.Path
		staticFiles[load.StaticOutput(f.Path)] = f.Data
	}
	if opts.OneShot {
		b.limitMemory(site, opts.MemoryLimit)
		// Nothing is rebuilt: keep no cache, and let the link stage drop
		// each source once its body is rendered.
		b.pages = map[string]pageEntry{}
		b.files = nil
		b.bodies = b.newBodies()
		b.bodies.Release = true
		if !opts.NoSpill {
			// Rendered bodies wait for their pages in a file, not in memory.
			if sp, err := link.NewSpill(""); err == nil {
				b.bodies.Spill = sp
			}
		}
		site.Pages, site.Translations = nil, nil
		b.langBodies = nil
	}
	resolved, lstats, d := link.ResolveContext(ctx, site.Config, kept, data, static, now, b.md, b.bodies, opts.Workers)
	diags.Add(d.WithKind(kindContent)...)
	stats.BodiesRendered = lstats.BodiesRendered
	sites := []*link.Site{resolved}
	diags.Add(languageAddressClashes(site.Config, resolved).WithKind(kindContent)...)
	if len(langInputs) > 0 {
		seen, said := map[string]bool{}, map[string]bool{}
		for _, d := range diags {
			seen[d.String()] = true
			said[saidKey(d)] = true
		}
		for i, l := range site.Config.Languages[1:] {
			cfg := site.Config
			cfg.Language = l.Code
			bodies := b.languageBodies(l.Code, opts.OneShot)
			shareBodies(langInputs[i], resolved)
			s, _, d := link.ResolveContext(ctx, cfg, langInputs[i], data, static, now, b.md, bodies, opts.Workers)
			diags.Add(languageRemap(d, translated[l.Code], seen, said).WithKind(kindContent)...)
			sites = append(sites, s)
		}
	}
	b.headroom.bodiesMade()
	b.model = nil
	if diags.HasErrors() {
		// No page is rendered, but a broken template is still news.
		diags.Add(render.CheckTemplates(site.Theme).WithKind(kindTheme)...)
		if opts.ModelOnError {
			b.model = &Result{Site: resolved, Languages: sites[1:], Translations: states, Renamed: site.Renamed, Stats: stats, start: start}
		}
		return nil, diags
	}
	ropts := render.Options{
		Minify:     minify,
		LiveReload: opts.LiveReload,
		Published:  opts.Published,
		Workers:    opts.Workers,
		Previous:   opts.Previous,
		Release:    opts.OneShot,
	}
	if !opts.OneShot {
		ropts.Templates = &b.templates
	}
	var renderer *render.Renderer
	if len(sites) > 1 {
		renderer, d = render.PrepareLanguages(ctx, sites, renderLanguages(site.Config), site.Theme, b.md, ropts)
	} else {
		renderer, d = render.Prepare(ctx, resolved, site.Theme, b.md, ropts)
	}
	diags.Add(d.WithKind(kindTheme)...)
	if renderer == nil || diags.HasErrors() {
		return nil, diags
	}
	diags.Add(overwrites(site.Static, renderer).WithKind(kindFiles)...)
	if diags.HasErrors() {
		return nil, diags
	}
	if ctx.Err() != nil {
		return nil, diag.List{link.ErrCancelled}
	}
	stats.Duration = time.Since(start)
	return &Prepared{Result: Result{Site: resolved, Languages: sites[1:], Translations: states, Renamed: site.Renamed, Stats: stats, start: start}, Renderer: renderer, Static: staticFiles}, diags
}

// configBroken reports whether the errors of the load stage include one in
// site.toml or the theme it names.
func configBroken(diags diag.List) bool {
	for _, d := range diags {
		if d.Severity == diag.SeverityError && (d.Path == parse.ConfigFile || strings.HasPrefix(d.Path, "themes/")) {
			return true
		}
	}
	return false
}

// limitMemory sets a soft memory limit for a one-shot build, from the size
// of the site: a build's live memory peaks at about three times the bytes
// it reads, and each further language keeps a model of every page (its
// addresses, links, search text) while the pages are made, about two times
// more. Under the limit the collector runs only as often as it must,
// which costs less time than collecting at a fixed growth of the heap for
// the same peak. The limit is offered to the caller's setLimit, which may
// decline it (a limit the user set with GOMEMLIMIT stays).
func (b *Builder) limitMemory(site *load.Site, setLimit func(int64) func()) {
	if setLimit == nil || b.unlimit != nil {
		return
	}
	var size int64
	for _, files := range [][]load.File{site.Pages, site.Data, site.Static} {
		for _, f := range files {
			size += int64(len(f.Data))
		}
	}
	for _, t := range site.Translations {
		size += int64(len(t.File.Data))
	}
	perSize := 3 + 2*int64(max(len(site.Config.Languages), 1)-1)
	b.headroom = newHeadroom(setLimit, 64<<20+perSize*size)
	b.unlimit = b.headroom.stop
}

// languageBodies is the body cache of a language other than the default.
func (b *Builder) languageBodies(code string, oneShot bool) *link.Bodies {
	if oneShot {
		bodies := b.newBodies()
		bodies.Release = true
		return bodies
	}
	if b.langBodies == nil {
		b.langBodies = map[string]*link.Bodies{}
	}
	if b.langBodies[code] == nil {
		b.langBodies[code] = b.newBodies()
	}
	return b.langBodies[code]
}

// newBodies makes an empty body cache, minifying when the site is.
func (b *Builder) newBodies() *link.Bodies {
	bodies := link.NewBodies()
	if b.minify {
		bodies.Minify = render.BodyMinifier()
	}
	return bodies
}

// overwrites reports the files of the site (under content/ or static/)
// published at the path of a file shiftbook writes: a page, a generated
// page or file, the theme's assets. Copied as they are, they would be
// overwritten, or overwrite it.
func overwrites(files []load.File, renderer *render.Renderer) diag.List {
	var diags diag.List
	for _, f := range files {
		out := load.StaticOutput(f.Path)
		if what, ok := renderer.Maker(out); ok {
			diags.Add(diag.File(f.Path, "this file would be published at /%s, where shiftbook writes %s; rename or move this file, or delete it",
				out, what))
			continue
		}
		// A file named as a folder of pages (static/guide, no extension,
		// beside the page /guide/): the one cannot be written beside the other.
		paths := renderer.Paths()
		if i, _ := slices.BinarySearch(paths, out+"/"); i < len(paths) && strings.HasPrefix(paths[i], out+"/") {
			what, _ := renderer.Maker(paths[i])
			diags.Add(diag.File(f.Path, "this file would be published at /%s, a folder where shiftbook writes %s (/%s); rename or move this file, or delete it",
				out, what, paths[i]))
		}
	}
	return diags
}

// pageLanguages are what a page's language is read from: the site's
// default language, then its [languages].
func pageLanguages(cfg parse.Config) []string {
	return append([]string{cfg.DefaultLanguage().Code}, cfg.LanguageCodes()...)
}

// parseAll parses every content and data file not already in the cache, in
// parallel, and drops cache entries of files that are gone.
func (b *Builder) parseAll(ctx context.Context, site *load.Site, stats *Stats, workers int) ([]link.Input, map[string]*series.File, diag.List) {
	var diags diag.List
	type task struct {
		i    int
		file load.File
		hash uint64
	}
	inputs := make([]link.Input, len(site.Pages))
	entries := make([]pageEntry, len(site.Pages))
	var todo []task
	for i, f := range site.Pages {
		if e, ok := b.pages[f.Path]; ok && f.Same && sameBytes(e.src, f.Data) {
			entries[i] = e // unchanged on disk: not even hashed again
			stats.FilesCached++
			continue
		}
		h := maphash.Bytes(b.seed, f.Data)
		if e, ok := b.pages[f.Path]; ok && e.hash == h {
			e.src = f.Data
			entries[i] = e
			stats.FilesCached++
			continue
		}
		todo = append(todo, task{i: i, file: f, hash: h})
	}
	stats.FilesParsed += len(todo)
	langOf := map[string]string{}
	for _, t := range site.Translations {
		langOf[t.Path] = t.Lang
	}
	work.Each(ctx, workers, len(todo), func(k int) {
		t := todo[k]
		e := pageEntry{hash: t.hash, src: t.file.Data}
		opts := parse.PageOptions{Allow: site.Config.FrontMatter.Allow, Language: site.Config.DefaultLanguage().Code, Languages: site.Config.LanguageCodes()}
		if l, ok := langOf[t.file.Path]; ok {
			opts.Language = l
		}
		e.page, e.diags = parse.ReadPageWith(t.file.Path, t.file.Data, opts)
		entries[t.i] = e
	})
	if ctx.Err() != nil {
		// Some files were not parsed: keep the cache as it was.
		return nil, nil, diag.List{link.ErrCancelled}
	}
	live := make(map[string]pageEntry, len(site.Pages))
	n := 0
	for i, f := range site.Pages {
		e := entries[i]
		live[f.Path] = e
		diags.Add(e.diags.WithKind(kindPage)...)
		switch {
		case e.page != nil && !e.diags.HasErrors():
			inputs[n] = link.Input{Page: e.page, Hash: e.hash}
		case e.page != nil:
			// Its front matter has errors, but its body is known: it is
			// checked like any other, its headings are targets, and what
			// its front matter did say (a journey's stages) still counts,
			// so that one mistake is one error.
			page := e.page
			if page.Meta.Title == "" {
				// Not rendered, so no title is needed: taking one from the
				// first heading would take that heading out of the targets.
				cp := *page
				cp.Meta.Title = f.Path
				page = &cp
			}
			inputs[n] = link.Input{Page: page, Hash: e.hash, Broken: true}
		default:
			// Placed anyway, so that links to it are not reported as well.
			inputs[n] = link.Input{Page: &parse.Page{Path: f.Path, Source: f.Data, Meta: parse.FrontMatter{Title: f.Path}}, Hash: e.hash, Broken: true, Unread: true}
		}
		n++
	}
	b.pages = live

	data := map[string]*series.File{}
	liveData := make(map[string]dataEntry, len(site.Data))
	for _, f := range site.Data {
		if ctx.Err() != nil {
			return nil, nil, diag.List{link.ErrCancelled}
		}
		h := maphash.Bytes(b.seed, f.Data)
		e, ok := b.data[f.Path]
		if !ok || e.hash != h {
			e = dataEntry{hash: h}
			var ds []diag.Diagnostic
			e.series, ds = series.Read(f.Path, f.Data, series.Options{Columns: site.Config.Data.Columns})
			e.diags = ds
			stats.FilesParsed++
		} else {
			stats.FilesCached++
		}
		liveData[f.Path] = e
		diags.Add(e.diags.WithKind(kindData)...)
		if !e.diags.HasErrors() {
			data[f.Path] = e.series
		} else {
			data[f.Path] = nil // exists, but broken: reported already
		}
	}
	b.data = liveData
	return inputs[:n], data, diags
}

// ToDir builds the site into dir, replacing it only when the build succeeds.
func ToDir(ctx context.Context, opts Options, dir string) (*Result, diag.List) {
	var res *Result
	var diags diag.List
	err := publish.ReplaceDir(dir, func(stage string) error {
		opts.OneShot = true
		b := New()
		res, diags = b.Build(ctx, opts, publish.NewDirSink(stage))
		if b.unlimit != nil {
			b.unlimit()
		}
		return diags.Err()
	})
	if diags.HasErrors() {
		return nil, diags
	}
	if err != nil {
		return nil, diag.List{diag.File(dir, "cannot write the output: %v", err)}
	}
	return res, diags
}
