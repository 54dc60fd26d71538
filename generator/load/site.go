// Package load reads a site from a file system: site.toml, the content
// tree, the data folder and the theme stack. It classifies files and reads
// them; decoding is parse's job.
package load

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/slug"
	"github.com/shiftbook/shiftbook/generator/work"
)

// ContentDir is the folder of pages, relative to the site root.
const ContentDir = slug.ContentDir

// File is one input file, its path slash-separated and relative to the site root.
type File struct {
	Path string
	Data []byte
	// Same is true when the file is unchanged since the last read of the
	// same Files memory (its size and modification time are the same).
	Same bool
}

// Site is everything a build reads, classified.
type Site struct {
	Config       parse.Config
	ConfigSource []byte
	Pages        []File // markdown under content/, outside the data folder
	// Translations are the pages in languages other than the default,
	// taken out of Pages; none for a site without [languages].
	Translations []Translation
	Data         []File // files of the data folder
	// Static are the files published as they are: every other file
	// under content/, and every file under static/ (see StaticURL).
	Static []File
	Theme  Theme
	// Renamed maps a page's path to the file it was read from, where the
	// two differ: content/pay.en.md, named with the default language's
	// code as Hugo sites often are, is the page content/pay.md. Messages
	// about the page name the file (see splitTranslations).
	Renamed map[string]string
}

// Read loads a site from fsys, whose root is the site folder. builtin holds the
// embedded themes (a folder per theme); the site's own themes/NAME overrides
// it file by file.
func Read(fsys fs.FS, builtin fs.FS) (*Site, diag.List) { return ReadWith(fsys, builtin, nil) }

// Files remembers the content files of the last read, by path, so that a
// rebuild reads again only the files whose size or modification time changed.
type Files struct {
	mu    sync.Mutex
	known map[string]knownFile
	// walked and stamps are the files under content/ the last walk found,
	// in its order, kept up to date by hinted reads; hint is the paths
	// named for the next read (see hint.go), nil when none are.
	walked []string
	stamps []knownFile
	hint   []string
}

type knownFile struct {
	size int64
	mod  int64
	data []byte
}

// NewFiles makes an empty memory of files.
func NewFiles() *Files { return &Files{known: map[string]knownFile{}} }

// ReadWith is Read, taking unchanged content files from files when given.
func ReadWith(fsys fs.FS, builtin fs.FS, files *Files) (*Site, diag.List) {
	site := &Site{}
	var diags diag.List
	if info, err := fs.Lstat(fsys, parse.ConfigFile); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		if d := newLinkGuard(fsys, nil).file(parse.ConfigFile); d != nil {
			return nil, diag.List{*d}
		}
	}
	src, err := fs.ReadFile(fsys, parse.ConfigFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, diag.List{diag.File(parse.ConfigFile,
			"no site.toml here; run shiftbook in a site folder, pass -s DIR, or start one with \"shiftbook new site DIR\"")}
	case err != nil:
		return nil, diag.List{diag.File(parse.ConfigFile, "cannot read: %v", err)}
	}
	site.ConfigSource = src
	cfg, d := parse.ReadConfig(src)
	diags.Add(d...)
	site.Config = cfg
	guard := newLinkGuard(fsys, cfg.Build.LinkedFolders)

	paths, stamps, fast := files.hinted(fsys)
	if !fast {
		var d diag.List
		paths, stamps, d = walkContent(fsys, guard, files != nil)
		diags.Add(d...)
		files.remember(paths, stamps, len(d) == 0)
	}
	read, d := files.read(fsys, paths, stamps)
	diags.Add(d...)
	for _, f := range read {
		switch {
		case inStatic(f.Path):
			site.Static = append(site.Static, f)
		case cfg.Data.Dir != "" && strings.HasPrefix(f.Path, cfg.Data.Dir+"/"):
			site.Data = append(site.Data, f)
		case strings.HasSuffix(strings.ToLower(f.Path), ".md"):
			site.Pages = append(site.Pages, f)
		default:
			site.Static = append(site.Static, f)
		}
	}
	site.Static, d = sameAddress(site.Static)
	diags.Add(d...)
	site.Pages, site.Translations, site.Renamed, d = splitTranslations(cfg, site.Pages)
	diags.Add(d...)
	// A data folder outside content/ is read on its own.
	if cfg.Data.Dir != "" && !strings.HasPrefix(cfg.Data.Dir+"/", ContentDir+"/") {
		site.Data, d = readDataDir(fsys, cfg.Data.Dir, guard)
		diags.Add(d...)
	}

	theme, d := readTheme(fsys, builtin, cfg.Theme, guard)
	for _, p := range theme.Paths("layouts/shortcodes") {
		if name, ok := strings.CutSuffix(strings.TrimPrefix(p, "layouts/shortcodes/"), ".html"); ok {
			// blocks/cover.html in a folder is the shortcode blocks/cover, as in Hugo.
			site.Config.Shortcodes = append(site.Config.Shortcodes, name)
		}
	}
	site.Config.Layouts = pageLayouts(theme, cfg.Languages)
	diags.Add(d...)
	site.Theme = theme
	return site, diags
}

// walkContent lists the files under content/, then those under static/,
// in the order of a walk, each with its stamp (size and modification time)
// when stamped.
func walkContent(fsys fs.FS, guard *linkGuard, stamped bool) (paths []string, stamps []knownFile, diags diag.List) {
	for _, root := range fileRoots {
		p, s, d := walkRoot(fsys, root, guard, stamped)
		paths, stamps = append(paths, p...), append(stamps, s...)
		diags.Add(d...)
	}
	return paths, stamps, diags
}

// walkRoot is walkContent for one of its folders: a folder that is not
// there has no files.
func walkRoot(fsys fs.FS, root string, guard *linkGuard, stamped bool) (paths []string, stamps []knownFile, diags diag.List) {
	err := fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipAll
			}
			diags.Add(diag.File(p, "cannot read: %v", err))
			return nil
		}
		if p == root {
			if problem := guard.folder(p); problem != "" {
				diags.Add(diag.File(p, "%s", problem))
				return fs.SkipAll
			}
		}
		if p != root && Ignored(e.Name()) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !e.Type().IsRegular() && e.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			// A link: what matters is what it points at.
			info, err := fs.Stat(fsys, p)
			if err != nil {
				diags.Add(diag.File(p, "is a link to something that cannot be read (%v); fix or remove the link", err))
				return nil
			}
			if info.IsDir() {
				diags.Add(diag.File(p, "is a link to a folder, which shiftbook does not follow inside %s/; "+
					"copy the folder in, or make the whole %s folder the link (see linkedFolders in README.md)", root, root))
				return nil
			}
			if d := guard.file(p); d != nil {
				diags.Add(*d)
				return nil
			}
			paths = append(paths, p)
			if stamped {
				stamps = append(stamps, knownFile{size: info.Size(), mod: info.ModTime().UnixNano()})
			}
			return nil
		}
		paths = append(paths, p)
		if stamped {
			if info, err := e.Info(); err == nil {
				stamps = append(stamps, knownFile{size: info.Size(), mod: info.ModTime().UnixNano()})
			} else {
				stamps = append(stamps, knownFile{size: -1})
			}
		}
		return nil
	})
	if err != nil {
		diags.Add(diag.File(root, "cannot read: %v", err))
	}
	return paths, stamps, diags
}

func readDataDir(fsys fs.FS, dir string, guard *linkGuard) ([]File, diag.List) {
	var files []File
	var diags diag.List
	err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipAll
			}
			diags.Add(diag.File(p, "cannot read: %v", err))
			return nil
		}
		if p == dir {
			if problem := guard.folder(p); problem != "" {
				diags.Add(diag.File(p, "%s", problem))
				return fs.SkipAll
			}
		}
		if p != dir && Ignored(e.Name()) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if d := guard.file(p); d != nil {
				diags.Add(*d)
				return nil
			}
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Add(diag.File(p, "cannot read: %v", err))
			return nil
		}
		files = append(files, File{Path: p, Data: data})
		return nil
	})
	if err != nil {
		diags.Add(diag.File(dir, "cannot read: %v", err))
	}
	return files, diags
}

// Ignored reports names that editors, version control and operating systems
// leave beside real files: dot files, backups, swap and temp files. The dev
// server's watcher skips the same names, so a save's temp file is no change.
func Ignored(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".crswap"),
		name == "Thumbs.db", name == "desktop.ini":
		return true
	}
	return false
}

// Theme is the theme stack flattened: for each path inside a theme, the file
// that wins (the site's own themes/NAME first, then the built-in theme).
type Theme struct {
	Files map[string]File // key: slash path inside the theme, e.g. "layouts/page.html"
}

// Paths returns the theme's file paths under dir, sorted.
func (t Theme) Paths(dir string) []string {
	var out []string
	for p := range t.Files {
		if strings.HasPrefix(p, dir+"/") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// BuiltinPrefix names files of the embedded theme in diagnostics.
const BuiltinPrefix = "(built-in theme)/"

// readTheme reads the built-in theme and the site's own themes/NAME over it.
// guard checks the links of the site's own (the built-in one has none).
func readTheme(fsys fs.FS, builtin fs.FS, name string, guard *linkGuard) (Theme, diag.List) {
	t := Theme{Files: map[string]File{}}
	var diags diag.List
	var addTree func(root fs.FS, dir, shown, prefix string, guard *linkGuard) bool
	add := func(root fs.FS, dir, shown string, guard *linkGuard) bool {
		return addTree(root, dir, shown, "", guard)
	}
	addTree = func(root fs.FS, dir, shown, prefix string, guard *linkGuard) bool {
		found := false
		_ = fs.WalkDir(root, dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			found = true
			if guard != nil && p == dir {
				if problem := guard.folder(p); problem != "" {
					diags.Add(diag.File(p, "%s", problem))
					return fs.SkipAll
				}
			}
			if guard != nil && e.Type()&fs.ModeSymlink != 0 {
				if d := guard.file(p); d != nil {
					diags.Add(*d)
					return nil
				}
			}
			if p != dir && Ignored(e.Name()) && e.IsDir() {
				return fs.SkipDir
			}
			if e.IsDir() || Ignored(e.Name()) {
				return nil
			}
			data, err := fs.ReadFile(root, p)
			if err != nil {
				diags.Add(diag.File(p, "cannot read: %v", err))
				return nil
			}
			rel := prefix + strings.TrimPrefix(p, dir+"/")
			t.Files[rel] = File{Path: path.Join(shown, rel), Data: data}
			return nil
		})
		return found
	}
	hasBuiltin := builtin != nil && add(builtin, name, BuiltinPrefix+name, nil)
	hasOwn := add(fsys, path.Join("themes", name), path.Join("themes", name), guard)
	if !hasBuiltin && !hasOwn {
		diags.Add(diag.File(parse.ConfigFile, "theme %q not found: there is no themes/%s folder and no built-in theme of that name; use theme = \"default\"", name, name))
	}
	if !hasBuiltin && hasOwn && builtin != nil {
		// A site's own theme of another name (themes/handbook with a few
		// shortcodes) overrides the built-in default theme file by file.
		own := t.Files
		t.Files = map[string]File{}
		add(builtin, "default", BuiltinPrefix+"default", nil)
		maps.Copy(t.Files, own)
	}
	// A site's own layouts/ folder overrides its theme, as in Hugo: a
	// shortcode or partial of the site's own without a theme folder.
	addTree(fsys, "layouts", ".", "layouts/", guard)
	return t, diags
}

// read reads the files at paths, taking from memory those whose stamp is
// unchanged, and remembers what it read. A nil *Files reads everything.
func (fm *Files) read(fsys fs.FS, paths []string, stamps []knownFile) ([]File, diag.List) {
	if fm == nil {
		return readFiles(fsys, paths)
	}
	fm.mu.Lock()
	defer fm.mu.Unlock()
	out := make([]File, len(paths))
	var todo []string
	for i, p := range paths {
		k, ok := fm.known[p]
		if ok && stamps[i].size >= 0 && k.size == stamps[i].size && k.mod == stamps[i].mod {
			out[i] = File{Path: p, Data: k.data, Same: true}
			continue
		}
		todo = append(todo, p)
	}
	fresh, diags := readFiles(fsys, todo)
	byPath := make(map[string][]byte, len(fresh))
	for _, f := range fresh {
		byPath[f.Path] = f.Data
	}
	known := make(map[string]knownFile, len(paths))
	kept := out[:0]
	for i, p := range paths {
		data := out[i].Data
		if out[i].Path == "" {
			var ok bool
			if data, ok = byPath[p]; !ok {
				continue // unreadable: reported
			}
		}
		known[p] = knownFile{size: stamps[i].size, mod: stamps[i].mod, data: data}
		kept = append(kept, File{Path: p, Data: data, Same: out[i].Same})
	}
	fm.known = known
	return kept, diags
}

// readers is how many files are read at once: reads are mostly waiting,
// not computing, so their number does not follow the CPUs (Workers).
const readers = 4

// readFiles reads files in parallel (a large site is thousands of small
// files, and the reads are mostly waiting), keeping their order.
func readFiles(fsys fs.FS, paths []string) ([]File, diag.List) {
	files := make([]File, len(paths))
	errs := make([]error, len(paths))
	work.Each(context.Background(), readers, len(paths), func(i int) {
		files[i].Path = paths[i]
		files[i].Data, errs[i] = fs.ReadFile(fsys, paths[i])
	})
	var diags diag.List
	out := files[:0]
	for i, f := range files {
		if errs[i] != nil {
			diags.Add(diag.File(f.Path, "cannot read: %v", errs[i]))
			continue
		}
		out = append(out, f)
	}
	return out, diags
}
