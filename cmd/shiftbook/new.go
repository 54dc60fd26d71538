package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/slug"
	"github.com/shiftbook/shiftbook/themes"
)

const newArgs = "site DIR | KIND NAME [-s DIR]"

const newHelp = `Start a new site, or a new page from the theme's archetype (template) for its kind.

  shiftbook new site DIR                  a small working site in a new or empty folder
  shiftbook new definition NAME           content/definitions/NAME.md
  shiftbook new metric NAME               content/metrics/NAME.md and a data file for it
  shiftbook new journey NAME              content/journeys/NAME.md
  shiftbook new page NAME                 content/NAME.md; NAME may hold folders: vision/our-promise

NAME becomes the file name in lowercase with dashes, and the title: net-promoter-score
gives "Net Promoter Score"; a NAME with spaces or capitals is the title as typed. An
existing file is never overwritten. The archetype is themes/THEME/archetypes/KIND.md
of the site if it has one, else the built-in one.`

// newKinds maps each kind of page to the section it goes in ("" for page:
// anywhere under content/).
var newKinds = map[string]string{
	"definition": "definitions",
	"journey":    "journeys",
	"metric":     "metrics",
	"page":       "",
}

// siteArchetypes is the folder of the built-in theme that holds the files of
// a new site. go:embed skips names starting with "_" or ".", so they are
// stored without that first character and renamed on the way out.
const siteArchetypes = "default/archetypes/site"

var siteRenames = map[string]string{"index.md": "_index.md", "gitignore": ".gitignore"}

// archetypeData is what an archetype's template sees.
type archetypeData struct {
	Kind  string // definition, journey, metric, page or site
	Title string // the page's title, from NAME
	Slug  string // the file name without .md
	ID    string // the metric or journey id: the slug
	Date  string // today by the build clock, as 2026-01-15
	Year  int    // the year of Date
	Data  string // metric: the data file, relative to the data folder
	Path  string // the file written, from the site folder: content/metrics/nps.md
}

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", newArgs, newHelp, stderr)
	src := fs.String("s", ".", "the site `folder` (holding site.toml) to add the page to")
	pos, code := parseInterleaved(fs, args, stdout)
	if code >= 0 {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shiftbook new: "+format+"\n\n", a...)
		fs.Usage()
		return exitUsage
	}
	if len(pos) == 0 {
		return usageErr("say what to create: site DIR, or definition, journey, metric or page NAME")
	}
	kind := pos[0]
	if kind == "site" {
		sSet := false
		fs.Visit(func(f *flag.Flag) { sSet = sSet || f.Name == "s" })
		switch {
		case sSet:
			return usageErr("new site takes the new folder as its argument, not -s: shiftbook new site DIR")
		case len(pos) < 2:
			return usageErr("say which folder to create the site in: shiftbook new site DIR")
		case len(pos) > 2:
			return usageErr("new site takes one folder, not %d; put a name with spaces in quotes", len(pos)-1)
		}
		return newSite(pos[1], stdout, stderr)
	}
	section, ok := newKinds[kind]
	if !ok {
		return usageErr("unknown kind %q%s", kind,
			diag.DidYouMean(kind, []string{"site", "definition", "journey", "metric", "page"}, "; choose site, definition, journey, metric or page"))
	}
	switch {
	case len(pos) < 2:
		return usageErr("say the name of the new %s: shiftbook new %s NAME", kind, kind)
	case len(pos) > 2:
		return usageErr("new %s takes one name; put a name with spaces in quotes: shiftbook new %s %q",
			kind, kind, strings.Join(pos[1:], " "))
	}
	name, err := parseName(kind, section, pos[1])
	if err != nil {
		return usageErr("%v", err)
	}
	return newPage(*src, kind, name, stdout, stderr)
}

// parseInterleaved parses flags that come before, between or after the
// positional arguments (shiftbook new metric nps -s site). It returns the
// positional arguments, and the exit status to stop with or -1 to go on.
func parseInterleaved(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, int) {
	var pos []string
	rest := args
	for {
		if code := parseQuietly(fs, rest, stdout); code >= 0 {
			return nil, code
		}
		if fs.NArg() == 0 {
			return pos, -1
		}
		// After "--" every argument is positional.
		consumed := len(rest) - fs.NArg()
		if consumed > 0 && rest[consumed-1] == "--" {
			return append(pos, fs.Args()...), -1
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

// pageName is a NAME as typed, turned into where the page goes.
type pageName struct {
	dir   []string // folders under content/, slugified
	slug  string   // the file name without .md
	title string
}

func (n pageName) contentPath() string {
	return path.Join(append(append([]string{load.ContentDir}, n.dir...), n.slug+".md")...)
}

// parseName turns NAME into folders, a file name and a title.
func parseName(kind, section, name string) (pageName, error) {
	raw := strings.TrimSpace(strings.ReplaceAll(name, `\`, "/"))
	raw = strings.TrimPrefix(raw, "./")
	if ext := path.Ext(raw); strings.EqualFold(ext, ".md") {
		raw = raw[:len(raw)-len(ext)]
	}
	raw = strings.TrimPrefix(raw, load.ContentDir+"/")
	if section != "" {
		raw = strings.TrimPrefix(raw, section+"/")
	}
	if raw == "" {
		return pageName{}, fmt.Errorf("the name of the new %s is empty", kind)
	}
	if strings.HasPrefix(raw, "/") {
		return pageName{}, fmt.Errorf("%q is an absolute path; name the %s from the content folder, such as vision/our-promise", name, kind)
	}
	parts := strings.Split(raw, "/")
	var n pageName
	if section != "" {
		n.dir = []string{section}
	}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || p == "." || p == ".." {
			return pageName{}, fmt.Errorf("%q has an empty, . or .. part; write folders and name joined by single slashes, such as vision/our-promise", name)
		}
		last := i == len(parts)-1
		if last && p == "_index" {
			// A section's own page: its title is the folder's.
			n.slug = "_index"
			n.title = "Home"
			if len(parts) > 1 {
				n.title = titleFromName(parts[len(parts)-2])
			} else if section != "" {
				n.title = titleFromName(section)
			}
			break
		}
		s := slug.File(p)
		if s == "" {
			return pageName{}, fmt.Errorf("%q has no letters or digits to make a file name from", p)
		}
		if last {
			n.slug, n.title = s, titleFromName(p)
		} else {
			n.dir = append(n.dir, s)
		}
	}
	if kind != "page" && n.slug == "_index" {
		return pageName{}, fmt.Errorf("a %s cannot be a section page; use shiftbook new page %s/_index", kind, section)
	}
	return n, nil
}

// smallWords stay lowercase inside a title made from a file name.
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true,
	"for": true, "in": true, "of": true, "on": true, "or": true, "the": true, "to": true, "vs": true,
}

// titleFromName is the title for NAME: as typed when it has spaces or
// capitals ("Net Promoter Score", "CSAT"), else made from the dashed words
// ("net-promoter-score" → "Net Promoter Score").
func titleFromName(name string) string {
	name = strings.TrimSpace(name)
	if strings.ContainsAny(name, " \t") || strings.IndexFunc(name, unicode.IsUpper) >= 0 {
		return strings.Join(strings.Fields(name), " ")
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		if i > 0 && smallWords[w] {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// newConfig is what new needs from site.toml.
type newConfig struct {
	theme   string
	dataDir string // slash path from the site folder
}

func readNewConfig(dir, shownDir string) (newConfig, error) {
	src, err := os.ReadFile(filepath.Join(dir, parse.ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return newConfig{}, fmt.Errorf("no site.toml in %s; run shiftbook new in a site folder, pass -s DIR, or start a site with \"shiftbook new site DIR\"", shownDir)
	}
	if err != nil {
		return newConfig{}, fmt.Errorf("cannot read %s: %v", filepath.Join(shownDir, parse.ConfigFile), err)
	}
	// Only the theme and the data folder matter here: a site.toml with other
	// problems still gets its new page, and check reports them.
	cfg, diags := parse.ReadConfig(src)
	for _, d := range diags {
		if strings.Contains(d.Message, "invalid TOML") {
			return newConfig{}, errors.New(d.String())
		}
	}
	if cfg.Theme == "" || strings.ContainsAny(cfg.Theme, `/\`) || strings.HasPrefix(cfg.Theme, ".") {
		return newConfig{}, fmt.Errorf("%s: theme %q is not a folder name under themes/; use a plain name such as \"default\"", parse.ConfigFile, cfg.Theme)
	}
	dataDir := strings.Trim(path.Clean("/"+cfg.Data.Dir), "/")
	return newConfig{theme: cfg.Theme, dataDir: dataDir}, nil
}

// today is the date of the build clock, as new pages are dated.
func today() (time.Time, error) {
	return todayClock()
}

func newData(kind, title, slug string, now time.Time) archetypeData {
	return archetypeData{Kind: kind, Title: title, Slug: slug, ID: slug,
		Date: now.Format(time.DateOnly), Year: now.Year()}
}

func newPage(siteDir, kind string, name pageName, stdout, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shiftbook new: "+format+"\n", a...)
		return exitContent
	}
	dir, err := siteFS(siteDir)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook new: %v\n", err)
		return exitUsage
	}
	cfg, err := readNewConfig(dir, siteDir)
	if err != nil {
		return fail("%v", err)
	}
	now, err := today()
	if err != nil {
		return fail("%v", err)
	}
	rel := name.contentPath()
	if cfg.dataDir != "" && strings.HasPrefix(rel, cfg.dataDir+"/") {
		return fail("%s is in the data folder %s/, where pages are not read; choose another folder", rel, cfg.dataDir)
	}
	shown := func(rel string) string { return filepath.Join(siteDir, filepath.FromSlash(rel)) }
	if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
		return fail("%s already exists; edit it, or choose another name", shown(rel))
	}
	if other := sameAddress(dir, name); other != "" {
		return fail("%s already has the address that %s would have; edit it, or choose another name", shown(other), shown(rel))
	}
	data := newData(kind, name.title, name.slug, now)
	data.Path = rel
	site := os.DirFS(dir)

	// A new metric uses the data file the analysts made, if there is one.
	// Else it waits for real numbers: no data file and no target, so that
	// the site shows "No data yet" rather than an example row judged
	// against a target of 0 ("On track").
	if kind == "metric" {
		for _, ext := range []string{".csv", ".json", ".toml"} {
			p := path.Join(cfg.dataDir, data.ID+ext)
			if _, err := fs.Stat(site, p); err == nil {
				data.Data = data.ID + ext
				fmt.Fprintf(stdout, "using the existing data file %s\n", shown(p))
				break
			}
		}
	}
	if other, err := sameTitle(site, kind, data.Title); err != nil {
		return fail("%v", err)
	} else if other != "" {
		return fail("%s already has the title %q; edit it, or choose another name", shown(other), data.Title)
	}
	out, err := execArchetype(site, cfg.theme, kind+".md", data)
	if err != nil {
		return fail("%v", err)
	}
	// An archetype that writes a broken page is found now, not at the next build.
	if _, diags := parse.ReadPage(rel, out); diags.HasErrors() {
		fmt.Fprintf(stderr, "shiftbook new: the %s archetype makes a page with errors; fix the archetype:\n", kind)
		printDiags(stderr, diags)
		return exitContent
	}
	if err := createFile(dir, rel, out); err != nil {
		return fail("%v", err)
	}
	fmt.Fprintf(stdout, "created %s\n", shown(rel))
	if kind == "metric" && data.Data == "" {
		fmt.Fprintf(stdout, "it shows \"No data yet\" until %s exists: a date,value header, then one row per date\n",
			shown(path.Join(cfg.dataDir, data.ID+".csv")))
	}
	return exitOK
}

// sameTitle returns the definition or metric page that already has title
// (in any letter case), for a new page of that kind: two pages with one
// title make two terms that mean the same, or a dashboard with the same
// name twice. A definition's abbreviation and synonyms count as titles too.
// Other kinds may share titles.
func sameTitle(site fs.FS, kind, title string) (string, error) {
	section := map[string]string{"definition": "definitions", "metric": "metrics"}[kind]
	if section == "" {
		return "", nil
	}
	found := ""
	err := fs.WalkDir(site, path.Join(load.ContentDir, section), func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if found != "" || e.IsDir() || !strings.EqualFold(path.Ext(p), ".md") {
			return nil
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		page, _ := parse.ReadPage(p, src) // a page with errors still has a title
		if page == nil {
			return nil
		}
		names := []string{page.Meta.Title}
		if kind == "definition" {
			names = append(append(names, page.Meta.Abbr), page.Meta.Synonyms...)
		}
		for _, n := range names {
			if n != "" && strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(title)) {
				found = p
			}
		}
		return nil
	})
	return found, err
}

// sameAddress returns a content file that the site publishes at the address
// the new page would have (content/vision.md and content/vision/_index.md are
// both /vision/; so are Vision.md and vision.md), or "".
func sameAddress(dir string, n pageName) string {
	folder := path.Join(append([]string{load.ContentDir}, n.dir...)...)
	clean := func(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), "-")) }
	var candidates []string
	if n.slug == "_index" {
		if len(n.dir) == 0 {
			return ""
		}
		parent, base := path.Dir(folder), path.Base(folder)
		if entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(parent))); err == nil {
			for _, e := range entries {
				if ext := path.Ext(e.Name()); !e.IsDir() && strings.EqualFold(ext, ".md") && clean(strings.TrimSuffix(e.Name(), ext)) == clean(base) {
					candidates = append(candidates, path.Join(parent, e.Name()))
				}
			}
		}
		candidates = append(candidates, path.Join(folder, "index.md"))
	} else {
		entries, _ := os.ReadDir(filepath.Join(dir, filepath.FromSlash(folder)))
		for _, e := range entries {
			name := e.Name()
			if ext := path.Ext(name); !e.IsDir() && strings.EqualFold(ext, ".md") && clean(strings.TrimSuffix(name, ext)) == n.slug {
				candidates = append(candidates, path.Join(folder, name))
			}
			if e.IsDir() && clean(name) == n.slug {
				candidates = append(candidates, path.Join(folder, name, "_index.md"), path.Join(folder, name, "index.md"))
			}
		}
	}
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(c))); err == nil {
			return c
		}
	}
	return ""
}

// createFile writes a new file under dir, never replacing one.
func createFile(dir, rel string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; edit it, or choose another name", rel)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p)
	}
	return err
}

// findArchetype returns an archetype file and the name to show in messages:
// the site's themes/THEME/archetypes/NAME, else the built-in theme's, else
// the built-in default theme's.
func findArchetype(site fs.FS, theme, name string) ([]byte, string, error) {
	own := path.Join("themes", theme, "archetypes", name)
	if b, err := fs.ReadFile(site, own); err == nil {
		return b, own, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, own, fmt.Errorf("cannot read %s: %v", own, err)
	}
	for _, t := range []string{theme, "default"} {
		p := path.Join(t, "archetypes", name)
		if b, err := fs.ReadFile(themes.FS, p); err == nil {
			return b, load.BuiltinPrefix + p, nil
		}
	}
	return nil, own, fmt.Errorf("no archetype for %s: add %s", strings.TrimSuffix(name, path.Ext(name)), own)
}

func execArchetype(site fs.FS, theme, name string, data archetypeData) ([]byte, error) {
	src, shown, err := findArchetype(site, theme, name)
	if err != nil {
		return nil, err
	}
	return execTemplate(shown, src, data)
}

// execTemplate runs an archetype, a Go text/template. A shortcode "{{<" is
// never a template action, so archetypes may show shortcodes as they are.
func execTemplate(name string, src []byte, data archetypeData) ([]byte, error) {
	now, _ := time.Parse(time.DateOnly, data.Date)
	funcs := template.FuncMap{
		"quote": tomlQuote,
		"monthsAgo": func(n int) string {
			return now.AddDate(0, -n, 0).Format(time.DateOnly)
		},
	}
	t, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(escapeShortcodes(string(src)))
	if err == nil {
		var b bytes.Buffer
		if err = t.Execute(&b, data); err == nil {
			return b.Bytes(), nil
		}
	}
	return nil, fmt.Errorf("%s; fix the archetype", strings.TrimPrefix(err.Error(), "template: "))
}

// escapedShortcode matches text that ends inside an action that already
// prints a shortcode opening: {{"{{<"}} or {{ `{{<` }}.
var escapedShortcode = regexp.MustCompile("\\{\\{-?\\s*[\"`]$")

// escapeShortcodes turns each "{{<" into a template action that prints it,
// leaving one already written as {{"{{<"}} alone.
func escapeShortcodes(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "{{<")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if escapedShortcode.MatchString(s[:i]) {
			b.WriteString("{{<")
		} else {
			b.WriteString(`{{"{{<"}}`)
		}
		s = s[i+3:]
	}
}

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// newSite writes the built-in starter site into dir, a new or empty folder.
func newSite(dir string, stdout, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shiftbook new site: "+format+"\n", a...)
		return exitContent
	}
	created := false
	switch entries, err := os.ReadDir(dir); {
	case errors.Is(err, fs.ErrNotExist):
		created = true
	case err != nil:
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return fail("%s is a file, not a folder; choose a new folder", dir)
		}
		return fail("cannot read %s: %v", dir, err)
	case len(entries) > 0:
		return fail("%s is not empty; choose a new folder or an empty one, so that nothing is overwritten", dir)
	}
	now, err := today()
	if err != nil {
		return fail("%v", err)
	}
	data := newData("site", "Customer Experience", "", now)

	type file struct {
		rel  string
		data []byte
	}
	var files []file
	err = fs.WalkDir(themes.FS, siteArchetypes, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, siteArchetypes+"/")
		if to, ok := siteRenames[path.Base(rel)]; ok {
			rel = path.Join(path.Dir(rel), to)
		}
		src, err := fs.ReadFile(themes.FS, p)
		if err != nil {
			return err
		}
		d := data
		d.Path = rel
		out, err := execTemplate(load.BuiltinPrefix+p, src, d)
		if err != nil {
			return err
		}
		files = append(files, file{rel, out})
		return nil
	})
	if err == nil && len(files) == 0 {
		err = errors.New("the built-in theme has no starter site")
	}
	if err != nil {
		return fail("%v", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail("%v", err)
	}
	for _, f := range files {
		if err := createFile(dir, f.rel, f.data); err != nil {
			// The folder was empty: take back what was written.
			if created {
				os.RemoveAll(dir)
			} else if entries, rerr := os.ReadDir(dir); rerr == nil {
				for _, e := range entries {
					os.RemoveAll(filepath.Join(dir, e.Name()))
				}
			}
			return fail("%v", err)
		}
	}
	fmt.Fprintf(stdout, "created a new site in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", filepath.Join(dir, filepath.FromSlash(f.rel)))
	}
	q := dir
	if strings.ContainsAny(q, " \t'\"$") {
		q = strconv.Quote(q)
	}
	fmt.Fprintf(stdout, "\nNext: shiftbook check -s %s, then shiftbook build -s %s (the site is written to %s).\n",
		q, q, filepath.Join(dir, "public"))
	return exitOK
}
