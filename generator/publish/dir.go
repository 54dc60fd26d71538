// Package publish writes output folders atomically: a build replaces
// public/ in one step, and an edition is added to a published tree without
// touching the others.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// DirSink writes output files under a folder. It is safe for concurrent use.
type DirSink struct {
	Root string
	mu   sync.Mutex
	dirs map[string]bool
}

// NewDirSink makes a sink writing under root, which must exist.
func NewDirSink(root string) *DirSink {
	return &DirSink{Root: root, dirs: map[string]bool{filepath.Clean(root): true}}
}

// Write writes one file; path is slash-separated and relative.
func (s *DirSink) Write(path string, data []byte) error {
	full, err := s.place(path)
	if err != nil {
		return err
	}
	return writeFile(full, data)
}

// Create opens one file to be written as a stream (a page too long to
// hold in memory whole); path is as for Write. The caller closes it.
func (s *DirSink) Create(path string) (io.WriteCloser, error) {
	full, err := s.place(path)
	if err != nil {
		return nil, err
	}
	return os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

// place checks path and makes its folder; it returns the file's full name.
func (s *DirSink) place(path string) (string, error) {
	if strings.Contains(path, "..") || strings.HasPrefix(path, "/") {
		return "", fmt.Errorf("output path %q leaves the output folder", path)
	}
	full := filepath.Join(s.Root, filepath.FromSlash(path))
	dir := filepath.Dir(full)
	s.mu.Lock()
	known := s.dirs[dir]
	s.mu.Unlock()
	if !known {
		// Most pages have a folder of their own, whose parent is already
		// made: one mkdir then, not MkdirAll's walk of every level.
		s.mu.Lock()
		parentKnown := s.dirs[filepath.Dir(dir)]
		s.mu.Unlock()
		err := os.ErrNotExist
		if parentKnown {
			if err = os.Mkdir(dir, 0o755); errors.Is(err, fs.ErrExist) {
				err = nil
			}
		}
		if err != nil {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return "", err
			}
		}
		s.mu.Lock()
		for d := dir; !s.dirs[d] && d != filepath.Dir(d); d = filepath.Dir(d) {
			s.dirs[d] = true
		}
		s.mu.Unlock()
	}
	return full, nil
}

// ReplaceDir builds a new version of dir with fill, in a staging folder
// beside it, and swaps it in only when fill succeeds. On failure, or if the
// process dies midway, dir is exactly as it was; a leftover staging folder is
// removed by the next run.
func ReplaceDir(dir string, fill func(stage string) error) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeStale(dir)
	// Checked first, so that a read-only or immutable file in the old
	// output stops the build before it swaps, not after.
	if problems, _ := canReplace(context.Background(), dir, "the new output is staged there"); len(problems) > 0 {
		return &StuckError{Dest: dir, Action: "build into", Problems: problems}
	}
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".staging-")
	if err != nil {
		return err
	}
	if err := fill(stage); err != nil {
		removeAll(stage) // in parallel: a stopped build must end soon
		return err
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return err
	}
	if err := swap(stage, dir); err != nil {
		os.RemoveAll(stage)
		return err
	}
	return nil
}

// swap puts stage at dir. Where the kernel can exchange two paths in one
// step it does; otherwise the old folder is renamed away first, leaving a
// moment with no folder but never a half-written one.
func swap(stage, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return os.Rename(stage, dir)
	}
	if exchange(stage, dir) == nil {
		// stage now holds the old output. dir is the new one whatever
		// happens now: an old output that cannot be removed (changed
		// since the check) is left for the next run to try again.
		removeAll(stage)
		return nil
	}
	old := stage + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	removeAll(old)
	return nil
}

// removeAll removes a folder, its subfolders in parallel at every level:
// an old output is thousands of folders of one page each, and removing it
// is all syscalls.
func removeAll(dir string) error {
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	removeTree(dir, sem)
	return os.RemoveAll(dir) // whatever is left, with its error
}

// removeTree removes what it can of dir, handing subfolders to other
// goroutines while sem has room.
func removeTree(dir string, sem chan struct{}) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var wg sync.WaitGroup
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			os.Remove(p)
			continue
		}
		select {
		case sem <- struct{}{}:
			wg.Add(1)
			go func() {
				defer wg.Done()
				removeTree(p, sem)
				<-sem
			}()
		default:
			removeTree(p, sem)
		}
	}
	wg.Wait()
	removeEmptyDir(dir)
}

// removeStale deletes staging folders left by a run that was killed, and
// old outputs a run could not remove (STAGE.old matches too).
func removeStale(dir string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".staging-*"))
	for _, m := range matches {
		os.RemoveAll(m)
	}
}
