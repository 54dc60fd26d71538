package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/i18n"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
)

// Language is one language tree of a site with [languages]: the default
// language at the root of the output, each other one under its code
// ("nl/"), with the same pages at the same addresses below it (but for a
// translated slug).
type Language struct {
	Code      string // "nl"
	Name      string // "Nederlands"
	Direction string // "ltr" or "rtl"
	// Prefix is where the tree lies in the output: "" for the default
	// language, "nl/" for the others.
	Prefix string
}

// AltLink is the same page in one of the site's languages: the language
// switcher's entries and the page's hreflang alternates.
type AltLink struct {
	Code, Name string
	Href       string // from the page shown
	Root       string // the language's tree, from the page shown
	Abs        string // the absolute address, baseURL and all, for hreflang
	Current    bool   // the language of the page shown
	Default    bool   // the default language (x-default)
	Fallback   bool   // that language shows the page untranslated
	// Absent is true when that language has no such page (it is in the
	// language shown only): Href is then the nearest page above it that
	// the language has. Neither it nor a Fallback is an hreflang
	// alternate: that page is not this one in that language.
	Absent bool
	// Dir is the language's direction where it is not that of the page
	// shown: the switcher's entry, its name in itself, is marked with it.
	Dir string
	// NoteMark is the language of the note an untranslated or absent
	// entry has as its title, in the interface text of the page shown,
	// where it is not the page's (English, for a language the theme has
	// no table of): the entry's name is in its own language, its title
	// is not.
	NoteMark Mark
}

// PrepareLanguages renders a site in several languages: sites[i] is the
// site of langs[i], the default language first. Each language is prepared
// as a site of its own, its output placed under its prefix; the theme's
// assets, the 404 page and the sitemap (which lists every language's
// addresses with their alternates) are written once, at the root.
func PrepareLanguages(ctx context.Context, sites []*link.Site, langs []Language, theme load.Theme, md *markdown.Engine, opts Options) (*Renderer, diag.List) {
	var runs []*Renderer
	var diags diag.List
	for i, site := range sites {
		o := opts
		o.Lang = &langs[i]
		if i > 0 {
			o.Previous = nil // an earlier edition's manifest is of its default language
			o.assets = runs[0].r.assets
			o.treeOnly = true
		}
		x, d := Prepare(ctx, site, theme, md, o)
		diags.Add(d...)
		if x == nil {
			return nil, diags
		}
		runs = append(runs, x)
	}
	main := runs[0]
	setAlternates(runs, langs)
	for i, x := range runs[1:] {
		prefix := langs[i+1].Prefix
		for out, j := range x.jobs {
			if out == "404.html" {
				continue
			}
			j.out = prefix + out
			j.r = x.r
			main.jobs[j.out] = j
			main.paths = append(main.paths, j.out)
		}
		for p, b := range x.eager.files {
			main.eager.files[prefix+p] = b
			main.paths = append(main.paths, prefix+p)
		}
		for p, l := range x.lazy {
			if p == "sitemap.xml" {
				continue
			}
			main.lazy[prefix+p] = l
			main.paths = append(main.paths, prefix+p)
		}
		main.others = append(main.others, x.r)
	}
	if main.r.site.Config.HasSitemap() {
		main.lazy["sitemap.xml"] = &lazyFile{make: func() []byte { return languageSitemap(runs, langs) }}
	}
	setTranslationChanges(runs, langs, opts.Previous)
	slices.Sort(main.paths)
	return main, diags
}

// pageKey names a page the same in every language: its original's path,
// or the address of a generated page.
func pageKey(p *link.Page) string { return p.Path }

// setAlternates gives each run the addresses of its pages in every
// language, by the page's key.
func setAlternates(runs []*Renderer, langs []Language) {
	byKey := map[string][]string{} // key → the page's URL in each language, "" where it is not
	fallback := map[string][]bool{}
	generated := map[string][]string{}
	for i, x := range runs {
		for _, p := range x.r.site.Pages {
			k := pageKey(p)
			if byKey[k] == nil {
				byKey[k] = make([]string, len(runs))
				fallback[k] = make([]bool, len(runs))
			}
			byKey[k][i] = p.URL
			fallback[k][i] = p.Fallback
		}
		for u := range x.r.site.Generated {
			k := "generated " + u
			if generated[k] == nil {
				generated[k] = make([]string, len(runs))
			}
			generated[k][i] = u
		}
	}
	for _, k := range slices.Sorted(maps.Keys(generated)) {
		byKey[k] = generated[k]
		fallback[k] = make([]bool, len(runs))
	}
	for i, x := range runs {
		x.r.langs = langs
		x.r.alternates = map[string][]altTarget{}
		for k, urls := range byKey {
			own := urls[i]
			if own == "" {
				continue
			}
			var list []altTarget
			for j, u := range urls {
				switch {
				case u != "":
					list = append(list, altTarget{lang: j, url: u, fallback: fallback[k][j]})
				case !strings.HasPrefix(k, "generated "):
					// A page in some languages only: the switcher goes to
					// the nearest section above it that language has.
					if near := nearestIn(x.r.site, own, byKey, j); near != "" {
						list = append(list, altTarget{lang: j, url: near, absent: true})
					}
				}
			}
			x.r.alternates[own] = list
		}
	}
}

// nearestIn is the address in language j of the nearest page above the
// page at u of site that language has ("" when none, which cannot be: the
// home page is in every language).
func nearestIn(site *link.Site, u string, byKey map[string][]string, j int) string {
	for parent := link.ParentURL(u); parent != ""; parent = link.ParentURL(parent) {
		if p := site.ByURL[parent]; p != nil {
			if there := byKey[pageKey(p)]; there != nil && there[j] != "" {
				return there[j]
			}
		}
	}
	return ""
}

// altTarget is a page's address in language lang.
type altTarget struct {
	lang     int
	url      string
	fallback bool
	absent   bool // not this page: the nearest one language lang has
}

// altLinks are the alternates of the page at u, as seen from that page
// (root is its way back to its language's root).
func (r *run) altLinks(u, root string) []AltLink {
	if r.opts.Lang == nil || r.alternates == nil {
		return nil
	}
	base := strings.TrimSuffix(r.site.Config.BaseURL, "/") + "/"
	up := root
	switch {
	case r.opts.Lang.Prefix != "" && root == "./":
		up = "../"
	case r.opts.Lang.Prefix != "":
		up += "../"
	}
	var out []AltLink
	for _, a := range r.alternates[u] {
		l := r.langs[a.lang]
		href := up + l.Prefix + rootRel(a.url)
		if href == "" {
			href = "./"
		}
		langRoot := up + l.Prefix
		if langRoot == "" {
			langRoot = "./"
		}
		abs := base + escapePath(l.Prefix+rootRel(a.url))
		if r.site.Config.BaseURL == "" {
			abs = href // no baseURL: the address from the page
		}
		alt := AltLink{Code: l.Code, Name: l.Name, Href: href, Root: langRoot, Abs: abs,
			Current: l.Code == r.opts.Lang.Code, Default: a.lang == 0, Fallback: a.fallback, Absent: a.absent,
			Dir: r.dirAgainst(l.Code, r.treeLang())}
		switch {
		case a.fallback:
			alt.NoteMark = r.mark(r.text.LangOf("translation.untranslated"), r.treeLang())
		case a.absent:
			alt.NoteMark = r.mark(r.text.LangOf("translation.absent"), r.treeLang())
		}
		out = append(out, alt)
	}
	return out
}

// languageSitemap lists every language's pages, each with its alternates
// (xhtml:link, as search engines read them).
func languageSitemap(runs []*Renderer, langs []Language) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	base := strings.TrimSuffix(runs[0].r.site.Config.BaseURL, "/")
	for i, x := range runs {
		urls, lastmod := sitemapURLs(x.r.site)
		for _, u := range urls {
			b.WriteString("  <url><loc>")
			template.HTMLEscape(&b, []byte(base+"/"+strings.TrimPrefix(escapePath(langs[i].Prefix+rootRel(u)), "/")))
			b.WriteString("</loc>")
			if t := lastmod[u]; !t.IsZero() {
				b.WriteString("<lastmod>" + t.Format("2006-01-02") + "</lastmod>")
			}
			for _, a := range x.r.alternates[u] {
				if a.absent || a.fallback {
					continue // not this page in that language
				}
				l := langs[a.lang]
				abs := base + "/" + strings.TrimPrefix(escapePath(l.Prefix+rootRel(a.url)), "/")
				b.WriteString(`<xhtml:link rel="alternate" hreflang="`)
				template.HTMLEscape(&b, []byte(l.Code))
				b.WriteString(`" href="`)
				template.HTMLEscape(&b, []byte(abs))
				b.WriteString(`"/>`)
				if a.lang == 0 {
					b.WriteString(`<xhtml:link rel="alternate" hreflang="x-default" href="`)
					template.HTMLEscape(&b, []byte(abs))
					b.WriteString(`"/>`)
				}
			}
			b.WriteString("</url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// sitemapURLs are the addresses a site's sitemap lists, sorted, with the
// date each page last changed.
func sitemapURLs(site *link.Site) ([]string, map[string]time.Time) {
	var urls []string
	lastmod := map[string]time.Time{}
	for _, p := range site.Pages {
		if p.Meta.Draft {
			continue
		}
		urls = append(urls, p.URL)
		t := p.Meta.Lastmod
		if t.IsZero() {
			t = p.Meta.Date
		}
		lastmod[p.URL] = t
	}
	for u := range site.Generated {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	return urls, lastmod
}

// interfaceText reads the theme's translation tables for lang: i18n/en.toml,
// the fallback, and the language's own. A site of one language (lang nil)
// has the English text, as before it could have others.
func interfaceText(theme load.Theme, themeName string, lang *Language) (*i18n.Text, diag.List) {
	var diags diag.List
	read := func(code string, known []string) (i18n.Table, bool) {
		f, ok := theme.Files["i18n/"+code+".toml"]
		if !ok {
			return nil, false
		}
		t, d := i18n.Read(f.Path, f.Data, known)
		diags.Add(d...)
		return t, true
	}
	fallback, ok := read(i18n.Fallback, nil)
	if !ok {
		diags.Add(diag.File("themes/i18n/"+i18n.Fallback+".toml", "the theme has no i18n/%s.toml, the interface text every language falls back to; add it", i18n.Fallback))
		return nil, diags
	}
	if lang == nil || lang.Code == i18n.Fallback {
		return i18n.New(i18n.Fallback, fallback, fallback), diags
	}
	name := "i18n/" + lang.Code + ".toml"
	table, ok := read(lang.Code, fallback.Keys())
	if !ok {
		name = "i18n/" + strings.SplitN(lang.Code, "-", 2)[0] + ".toml"
		table, ok = read(strings.SplitN(lang.Code, "-", 2)[0], fallback.Keys())
	}
	if !ok {
		diags.Add(diag.Warning(diag.File("themes/"+themeName+"/"+name,
			"the theme has no interface text in %s (%s): its pages show navigation, labels, statuses, dates and numbers in English; add themes/%s/%s with the keys of the theme's i18n/%s.toml",
			lang.Name, lang.Code, themeName, name, i18n.Fallback)))
		return i18n.Untranslated(lang.Code, fallback), diags
	}
	x := i18n.New(lang.Code, table, fallback)
	if missing := x.Missing(); len(missing) > 0 {
		f := theme.Files[name]
		shown := missing
		if len(shown) > 6 {
			shown = append(slices.Clip(missing[:5]), fmt.Sprintf("%d more", len(missing)-5))
		}
		diags.Add(diag.Warning(diag.File(f.Path,
			"%d of the interface strings are not translated into %s and are shown in English: %s; add them to this table (the keys are those of the theme's i18n/%s.toml)",
			len(missing), lang.Name, diag.Words(shown), i18n.Fallback)))
	}
	return x, diags
}

// relTarget is relURL, for a link of a page's body: in another language's
// tree a file written once at the root (a picture, a PDF, the sitemap) is
// one folder further up.
func (r *run) relTarget(from, target string) string {
	if r.opts.Lang != nil && r.opts.Lang.Prefix != "" {
		pathPart, _, _ := strings.Cut(target, "#")
		if r.atRoot(pathPart) {
			return rootFrom(from) + "../" + rootRel(target)
		}
	}
	return relURL(from, target)
}

// atRoot reports a target that is written once, at the root of the
// output, for every language: a file of the site, the sitemap, the 404
// page.
func (r *run) atRoot(pathPart string) bool {
	if _, ok := r.site.Static[pathPart]; ok {
		return true
	}
	return pathPart == "/sitemap.xml" || pathPart == "/404.html"
}

// langPrefix is where the tree holding target lies: the language's prefix
// for a page, "" for the default language and for a file of the site.
func (r *run) langPrefix(target string) string {
	if r.opts.Lang == nil || r.opts.Lang.Prefix == "" {
		return ""
	}
	pathPart, _, _ := strings.Cut(target, "#")
	if r.atRoot(pathPart) {
		return ""
	}
	return r.opts.Lang.Prefix
}

// formatDate is formatDate in the run's language: the date as its table
// writes one ("2 Jan 2026", "2 jan. 2026"), and the ISO date.
func (r *run) formatDate(t time.Time) (string, string) {
	if r.opts.Lang == nil || r.text == nil || r.text.Lang == i18n.Fallback || t.IsZero() {
		return formatDate(t)
	}
	_, iso := formatDate(t)
	return r.text.Date(t), iso
}

// formatNumber is formatNumber in the run's language: the same digits,
// with the language's decimal separator (12,5 in Dutch).
func (r *run) formatNumber(v float64) string { return r.localNumber(formatNumber(v)) }

// localNumber is a number written in English ("12.5") in the run's
// language ("12,5"); s unchanged in English or when it is not a number.
func (r *run) localNumber(s string) string {
	if r.opts.Lang == nil || r.text == nil {
		return s
	}
	return r.text.Localize(s)
}

// word is an English word of the interface in the run's language: the
// table's key group.snake_case ("On track" → status.on_track), the word
// itself where the table has none.
func (r *run) word(group, english string) string {
	if r.opts.Lang == nil || r.text == nil || english == "" {
		return english
	}
	key := group + "." + strings.ToLower(strings.NewReplacer(" ", "_", "-", "_").Replace(english))
	if t := r.text.T(key); t != key {
		return t
	}
	return english
}

// glossaryTerms are the site's terms in the language's A–Z order
// (golang.org/x/text/collate): in Dutch "IJ" where Dutch puts it, accented
// letters beside their base letter.
func (r *run) glossaryTerms() []*link.Page {
	list := r.site.Terms.List
	if r.opts.Lang == nil {
		return list
	}
	list = slices.Clone(list)
	slices.SortStableFunc(list, func(a, b *link.Page) int { return r.text.Compare(a.Title(), b.Title()) })
	return list
}

// letter is the glossary letter of a term in the run's language.
func (r *run) letter(title string) string {
	if r.opts.Lang == nil {
		return link.Letter(title)
	}
	return r.text.Letter(title)
}

func dateOnly(s, _ string) string { return s }

// setTranslationChanges records the translations in the default language's
// manifest, and gives each run what its /changes/ says of them: the
// translations added since prev (when prev records translations) and
// those behind their original, of its own language (every language, for
// the default's).
func setTranslationChanges(runs []*Renderer, langs []Language, prev *Manifest) {
	type entry struct {
		lang int
		page *link.Page
		m    ManifestTranslation
	}
	var all []entry
	for i, x := range runs[1:] {
		for _, p := range x.r.site.Pages {
			if p.Fallback || p.Original == nil {
				continue
			}
			_, behind := link.TranslationBehind(p.Original, p.Page)
			all = append(all, entry{lang: i + 1, page: p, m: ManifestTranslation{Lang: langs[i+1].Code, Path: p.Path, Behind: behind}})
		}
	}
	var list []ManifestTranslation
	for _, e := range all {
		list = append(list, e.m)
	}
	manifest := runs[0].r.manifest
	runs[0].r.manifest = sync.OnceValue(func() *Manifest {
		m := manifest()
		m.Translations = list
		return m
	})
	known := map[ManifestTranslation]bool{}
	if prev != nil {
		for _, t := range prev.Translations {
			t.Behind = false
			known[t] = true
		}
	}
	for i, x := range runs {
		r := x.r
		r.translationChanges = func(root string) *TranslationChanges {
			c := &TranslationChanges{}
			for _, e := range all {
				if i != 0 && e.lang != i {
					continue
				}
				href := root + rootRel(e.page.URL)
				if i == 0 {
					href = root + langs[e.lang].Prefix + rootRel(e.page.URL)
				}
				tc := TranslationChange{Language: langs[e.lang].Name, Title: e.page.Title(), Href: href, Mark: r.mark(langs[e.lang].Code, r.treeLang())}
				key := e.m
				key.Behind = false
				if prev != nil && len(prev.Translations) > 0 && !known[key] {
					c.Added = append(c.Added, tc)
				}
				if e.m.Behind {
					c.Behind = append(c.Behind, tc)
				}
			}
			return c
		}
	}
}

// unknownKey is the error of a template asking for a string no
// translation table has, with the key it most likely means.
func (r *run) unknownKey(key string) error {
	return fmt.Errorf("no interface string %q in the theme's i18n/%s.toml%s", key, i18n.Fallback,
		diag.DidYouMean(key, r.text.Keys(), "; add it there (and to the other languages' tables) or fix the key"))
}

// textEscaper escapes interface text between elements: the characters
// that could start markup, quotes and apostrophes left as they are.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// textHTML is the table's text s, escaped, with each {name} of pairs
// replaced by its value: HTML as it is, anything else escaped as
// html/template escapes a value.
func textHTML(s string, pairs []any) (template.HTML, error) {
	if len(pairs)%2 != 0 {
		return "", fmt.Errorf("TH needs pairs of name and value")
	}
	out := textEscaper.Replace(s)
	for i := 0; i < len(pairs); i += 2 {
		name, ok := pairs[i].(string)
		if !ok {
			return "", fmt.Errorf("TH names must be text")
		}
		var v string
		switch x := pairs[i+1].(type) {
		case template.HTML:
			v = string(x)
		case string:
			v = template.HTMLEscapeString(x)
		default:
			v = template.HTMLEscapeString(fmt.Sprint(x))
		}
		out = strings.ReplaceAll(out, "{"+name+"}", v)
	}
	return template.HTML(out), nil
}

// listedLink is a link to page p listed on d, a page the site makes.
func (r *run) listedLink(d *PageData, p *link.Page) LinkData {
	l := d.link(p.Title(), rootRel(p.URL))
	l.Mark = r.listedMark(p)
	return l
}

// listedMark marks a page's title listed on a page the site makes (tags,
// owners, the book), whose text is in the language of its tree: the
// default language's for a page not translated yet; none else.
func (r *run) listedMark(target *link.Page) Mark {
	return r.textMark(target, r.treeLang())
}

// titleMark marks target's title as shown on page, when it is not in the
// language of page's text around it (see LinkData.Mark): in a language's
// tree a page not translated yet has the default language's title, and so
// has the text of a page shown untranslated.
func (r *run) titleMark(target, page *link.Page) Mark {
	return r.textMark(target, r.textLang(page))
}

// textMark marks target's title, or any text of its own another page
// shows (a milestone's name, a stage's, a metric's row), inside text in
// around: the language of the page that shows it (textLang), or of its
// tree on a page the site makes (treeLang). The parts that show another
// page's text take around from the page they are made for, as
// titleMark and listedMark do.
func (r *run) textMark(target *link.Page, around string) Mark {
	return r.mark(r.textLang(target), around)
}

// textLang is the language of a page's text in the run's tree: the
// default language's for a page not translated yet, the tree's else; ""
// on a site of one language.
func (r *run) textLang(p *link.Page) string {
	if r.opts.Lang == nil {
		return ""
	}
	if p.Fallback {
		return r.site.Config.DefaultLanguage().Code
	}
	return r.opts.Lang.Code
}
