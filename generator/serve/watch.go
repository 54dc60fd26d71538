package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/shiftbook/shiftbook/generator/load"
)

// A burst of events (an editor's save is several: write temp, rename,
// chmod; a git checkout is thousands) becomes one batch. A batch ends when
// no event came for batchQuiet, and at the latest batchWindow after its
// first event, so a long burst still shows progress.
const (
	batchQuiet  = 15 * time.Millisecond
	batchWindow = 100 * time.Millisecond
)

// Change is the kind of file a change touched; each has one reaction:
// config rebuilds from scratch, the others rebuild from the caches.
type Change uint8

const (
	ChangeNone Change = iota // a file the site does not read
	ChangeConfig
	ChangeContent
	ChangeData
	ChangeTheme
)

var changeNames = [...]string{ChangeNone: "none", ChangeConfig: "config", ChangeContent: "content", ChangeData: "data", ChangeTheme: "theme"}

func (c Change) String() string {
	if int(c) < len(changeNames) {
		return changeNames[c]
	}
	return "Change(" + strconv.Itoa(int(c)) + ")"
}

// Changes is a set of change kinds.
type Changes uint8

// Add puts c in the set.
func (s *Changes) Add(c Change) { *s |= 1 << c }

// Has reports whether c is in the set.
func (s Changes) Has(c Change) bool { return s&(1<<c) != 0 }

// Batch is a settled burst of file changes, paths relative to the site root.
type Batch struct {
	Paths   []string
	Changes Changes
}

// classify says what kind of file a site-relative path is.
func classify(rel, dataDir string) Change {
	switch {
	case rel == "site.toml":
		return ChangeConfig
	case dataDir != "" && strings.HasPrefix(rel, dataDir+"/"):
		return ChangeData
	case strings.HasPrefix(rel, "content/"), strings.HasPrefix(rel, "static/"): // static/: files published as they are
		return ChangeContent
	case strings.HasPrefix(rel, "themes/"), strings.HasPrefix(rel, "layouts/"): // layouts/: the site's own, over its theme
		return ChangeTheme
	}
	return ChangeNone
}

// watched reports whether a change to rel matters to the site.
func watched(rel, dataDir string) bool {
	if rel == "site.toml" {
		return true
	}
	if !inFolder(rel, dataDir) {
		return false
	}
	// Editors' temp and swap files come and go around every save.
	name := filepath.Base(rel)
	return !load.Ignored(name) && !editorTemp(name)
}

// folders are the site's folders a watcher watches, besides site.toml and
// the data folder: content/, static/ (files published at the root as they
// are, as in Hugo and Docusaurus), the themes and the site's own layouts/.
var folders = []string{load.ContentDir, load.StaticDir, "themes", "layouts"}

// inFolder reports a path inside one of the watched folders.
func inFolder(rel, dataDir string) bool {
	for _, dir := range append(folders, dataDir) {
		if dir != "" && strings.HasPrefix(rel, dir+"/") {
			return true
		}
	}
	return false
}

// editorTemp reports the names of the files editors write for a moment
// while saving, which load.Ignored does not already skip: without this, the
// log would name the temporary file instead of the one the author saved.
func editorTemp(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.Trim(name, "0123456789") == "": // vim's write probe "4913", numbered temp files
	case strings.Contains(lower, "___jb_"): // JetBrains safe write: page.md___jb_tmp___
	case strings.HasSuffix(lower, ".kate-swp"), strings.HasSuffix(lower, ".swx"), strings.HasSuffix(lower, ".swo"):
	case strings.Contains(lower, ".sb-"): // macOS safe save: page.md.sb-1a2b3c-XYZ
	case strings.Contains(lower, ".tmp."), strings.HasSuffix(lower, ".temp"): // page.md.tmp.1234
	case strings.HasSuffix(lower, ".crdownload"), strings.HasSuffix(lower, ".part"): // a download not finished
	default:
		return false
	}
	return true
}

// watcher turns file system events into batches.
type watcher interface {
	Batches() <-chan Batch
	Close() error
}

// notifyWatcher watches folders with fsnotify: whole folders, not files,
// because editors save by writing a temp file and renaming it over the
// original, which drops a watch on the file itself.
type notifyWatcher struct {
	root    string
	dataDir string
	// links maps the real path of a watched folder reached through a
	// symbolic link (content/ → /shared/corpus) to its path in the site,
	// because events name the real path.
	links map[string]string
	w     *fsnotify.Watcher
	out   chan Batch
}

func newNotifyWatcher(ctx context.Context, root, dataDir string) (*notifyWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	nw := &notifyWatcher{root: root, dataDir: dataDir, w: w, out: make(chan Batch), links: map[string]string{}}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, err
	}
	// A folder made later (static/ added while serving) is a new folder of
	// the root, watched when it appears (see loop).
	for _, dir := range append(folders, dataDir) {
		if dir != "" {
			nw.addTree(filepath.Join(root, dir))
		}
	}
	go nw.loop(ctx)
	return nw, nil
}

// addTree watches dir and every folder below it. A dir that is a symbolic
// link is followed.
func (nw *notifyWatcher) addTree(dir string) {
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		nw.links[real] = dir
		dir = real
	}
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() {
			if p != dir && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			_ = nw.w.Add(p)
		}
		return nil
	})
}

func (nw *notifyWatcher) rel(p string) string {
	for real, inSite := range nw.links {
		if p == real || strings.HasPrefix(p, real+string(filepath.Separator)) {
			p = inSite + p[len(real):]
			break
		}
	}
	r, err := filepath.Rel(nw.root, p)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(r)
}

func (nw *notifyWatcher) loop(ctx context.Context) {
	defer close(nw.out)
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time // of the pending batch
	arm := func() {
		now := time.Now()
		if len(pending) == 0 || first.IsZero() {
			first = now
		}
		wait := min(batchQuiet, batchWindow-now.Sub(first))
		timer.Reset(max(wait, 0))
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-nw.w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue // touch, chmod, and indexers: nothing changed
			}
			rel := nw.rel(ev.Name)
			if ev.Op.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() && (inFolder(rel, nw.dataDir) || slices.Contains(append(folders, nw.dataDir), rel)) {
					// A new folder: watch it, and take what was copied
					// into it before the watch began.
					nw.addTree(ev.Name)
					_ = filepath.WalkDir(ev.Name, func(p string, e fs.DirEntry, err error) error {
						if err == nil && !e.IsDir() && watched(nw.rel(p), nw.dataDir) {
							pending[nw.rel(p)] = true
						}
						return nil
					})
					arm()
					continue
				}
			}
			if !watched(rel, nw.dataDir) {
				continue
			}
			arm()
			pending[rel] = true
		case _, ok := <-nw.w.Errors:
			if !ok {
				return
			}
			// An overflow loses events: rebuild everything to be safe.
			arm()
			pending["site.toml"] = true
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			b := makeBatch(pending, nw.dataDir)
			pending = map[string]bool{}
			first = time.Time{}
			select {
			case nw.out <- b:
			case <-ctx.Done():
				return
			}
		}
	}
}

func makeBatch(pending map[string]bool, dataDir string) Batch {
	var b Batch
	for p := range pending {
		b.Paths = append(b.Paths, p)
		if c := classify(p, dataDir); c != ChangeNone {
			b.Changes.Add(c)
		}
	}
	sort.Strings(b.Paths)
	return b
}

func (nw *notifyWatcher) Batches() <-chan Batch { return nw.out }
func (nw *notifyWatcher) Close() error          { return nw.w.Close() }

// pollWatcher compares modification times and sizes every interval, for file
// systems where events do not arrive (network shares, some containers).
type pollWatcher struct {
	root    string
	dataDir string
	out     chan Batch
	stop    context.CancelFunc
}

type stamp struct {
	mod  time.Time
	size int64
}

func newPollWatcher(ctx context.Context, root, dataDir string, every time.Duration) *pollWatcher {
	ctx, cancel := context.WithCancel(ctx)
	pw := &pollWatcher{root: root, dataDir: dataDir, out: make(chan Batch), stop: cancel}
	last := pw.scan() // before returning, so no change made after this call is missed
	go func() {
		defer close(pw.out)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			now := pw.scan()
			changed := map[string]bool{}
			for p, s := range now {
				if old, ok := last[p]; !ok || old != s {
					changed[p] = true
				}
			}
			for p := range last {
				if _, ok := now[p]; !ok {
					changed[p] = true
				}
			}
			last = now
			if len(changed) > 0 {
				select {
				case pw.out <- makeBatch(changed, pw.dataDir):
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return pw
}

func (pw *pollWatcher) scan() map[string]stamp {
	files := map[string]stamp{}
	add := func(p string, info fs.FileInfo) {
		rel, err := filepath.Rel(pw.root, p)
		if err == nil && watched(filepath.ToSlash(rel), pw.dataDir) {
			files[filepath.ToSlash(rel)] = stamp{info.ModTime(), info.Size()}
		}
	}
	if info, err := os.Stat(filepath.Join(pw.root, "site.toml")); err == nil {
		add(filepath.Join(pw.root, "site.toml"), info)
	}
	for _, dir := range append(folders, pw.dataDir) {
		if dir == "" || !slices.Contains(folders, dir) && inFolder(dir+"/", "") {
			continue // inside content/: walked already
		}
		_ = filepath.WalkDir(filepath.Join(pw.root, dir), func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			if info, err := e.Info(); err == nil {
				add(p, info)
			}
			return nil
		})
	}
	return files
}

func (pw *pollWatcher) Batches() <-chan Batch { return pw.out }
func (pw *pollWatcher) Close() error          { pw.stop(); return nil }
