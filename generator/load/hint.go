package load

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// A rebuild of the dev server knows from its watcher which files changed:
// it need not walk content/ and look at every file again (on a large site
// a walk and a stat of thousands of files is a large part of a rebuild).
// The files of the last walk are kept, and only those the watcher named
// are looked at. Anything the list cannot say for sure (a folder, a link,
// a path gone that was no file) makes it walk as before.

// Hint names the site-relative paths that changed since the last read
// ("content/vision/promise.md"), for the next ReadWith only; nil says
// they are not known, and the next read walks.
func (fm *Files) Hint(changed []string) {
	fm.mu.Lock()
	defer fm.mu.Unlock()
	fm.hint = nil
	if changed != nil {
		fm.hint = append([]string{}, changed...)
	}
}

// remember keeps a walk's files and stamps for the next hinted read; a
// walk with problems is not kept (the next read walks again).
func (fm *Files) remember(paths []string, stamps []knownFile, clean bool) {
	if fm == nil {
		return
	}
	fm.mu.Lock()
	defer fm.mu.Unlock()
	fm.walked, fm.stamps = nil, nil
	if clean {
		fm.walked, fm.stamps = paths, stamps
	}
}

// hinted is the files under content/ and static/ as the last walk found them, with
// the paths of the hint looked at again; ok is false when a walk is
// needed: no hint, no clean walk before, or a change the list cannot
// follow.
func (fm *Files) hinted(fsys fs.FS) (paths []string, stamps []knownFile, ok bool) {
	if fm == nil {
		return nil, nil, false
	}
	fm.mu.Lock()
	defer fm.mu.Unlock()
	hint := fm.hint
	fm.hint = nil
	if hint == nil || fm.walked == nil {
		return nil, nil, false
	}
	paths, stamps = slices.Clone(fm.walked), slices.Clone(fm.stamps)
	for _, p := range hint {
		root := rootOf(p)
		if p == root {
			return nil, nil, false // content/ or static/ itself: made, removed, moved
		}
		rel, inRoot := strings.CutPrefix(p, root+"/")
		if root == "" || !inRoot || ignoredPath(rel) {
			continue // read whole every time (data folder, theme), or never
		}
		i, found := slices.BinarySearchFunc(paths, p, walkOrder)
		info, err := fs.Lstat(fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist) && found:
			paths, stamps = slices.Delete(paths, i, i+1), slices.Delete(stamps, i, i+1)
		case err != nil || !info.Mode().IsRegular():
			// Gone but no file of the walk (a folder?), a folder, a link,
			// something that cannot be read: a walk says what it is.
			return nil, nil, false
		case found:
			stamps[i] = knownFile{size: info.Size(), mod: info.ModTime().UnixNano()}
		default:
			paths = slices.Insert(paths, i, p)
			stamps = slices.Insert(stamps, i, knownFile{size: info.Size(), mod: info.ModTime().UnixNano()})
		}
	}
	fm.walked, fm.stamps = paths, stamps
	return paths, stamps, true
}

// ignoredPath reports a path under content/ or static/ that a walk skips: one of its
// parts is a name Ignored.
func ignoredPath(rel string) bool {
	for part := range strings.SplitSeq(rel, "/") {
		if Ignored(part) {
			return true
		}
	}
	return false
}

// walkOrder orders paths as fs.WalkDir visits them: part by part, so
// "a/b" comes before "a-c" (where a plain comparison puts "-" first).
func walkOrder(a, b string) int {
	for a != "" || b != "" {
		ea, ra, _ := strings.Cut(a, "/")
		eb, rb, _ := strings.Cut(b, "/")
		if c := strings.Compare(ea, eb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
	return 0
}
