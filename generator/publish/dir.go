// Package publish writes output folders atomically: a build replaces
// public/ in one step, and an edition is added to a published tree without
// touching the others.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
func NewDirSink(root string) *DirSink { return &DirSink{Root: root, dirs: map[string]bool{}} }

// Write writes one file; path is slash-separated and relative.
func (s *DirSink) Write(path string, data []byte) error {
	if strings.Contains(path, "..") || strings.HasPrefix(path, "/") {
		return fmt.Errorf("output path %q leaves the output folder", path)
	}
	full := filepath.Join(s.Root, filepath.FromSlash(path))
	dir := filepath.Dir(full)
	s.mu.Lock()
	known := s.dirs[dir]
	s.mu.Unlock()
	if !known {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		s.mu.Lock()
		s.dirs[dir] = true
		s.mu.Unlock()
	}
	return os.WriteFile(full, data, 0o644)
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
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".staging-")
	if err != nil {
		return err
	}
	if err := fill(stage); err != nil {
		os.RemoveAll(stage)
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
		// stage now holds the old output.
		return removeAll(stage)
	}
	old := stage + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return removeAll(old)
}

// removeAll removes a folder with its top-level entries removed in
// parallel: an old output of thousands of files is mostly syscalls waiting.
func removeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var wg sync.WaitGroup
	next := make(chan string)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				os.RemoveAll(p)
			}
		}()
	}
	for _, e := range entries {
		next <- filepath.Join(dir, e.Name())
	}
	close(next)
	wg.Wait()
	return os.RemoveAll(dir)
}

// removeStale deletes staging folders left by a run that was killed.
func removeStale(dir string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".staging-*"))
	for _, m := range matches {
		os.RemoveAll(m)
	}
}
