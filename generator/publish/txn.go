package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// txn is one locked change to DEST.
type txn struct {
	dest         string // absolute
	parent, base string
	lock         *fileLock
	entries      []Entry
	failAt       func(step string) error
	onNote       func(msg string)
	skip         map[string]bool // top-level names the staged tree writes anew or drops
}

func (t *txn) note(msg string) {
	if t.onNote != nil {
		t.onNote(msg)
	}
}

// prefix starts the names of the staged and old trees beside DEST.
func (t *txn) prefix() string { return "." + t.base + ".publish-" }

func (t *txn) step(name string) error {
	if t.failAt == nil {
		return nil
	}
	if err := t.failAt(name); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// begin locks DEST, repairs what a killed publish left, and reads
// versions.json.
func begin(ctx context.Context, dest string, wait time.Duration, onWait, onNote func(string), failAt func(string) error) (*txn, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	// A DEST that is a symbolic link stays one: the folder it points at is
	// what gets swapped.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	t := &txn{dest: abs, parent: filepath.Dir(abs), base: filepath.Base(abs), failAt: failAt, onNote: onNote, skip: map[string]bool{}}
	if t.base == string(filepath.Separator) || t.base == "." {
		return nil, fmt.Errorf("%s cannot be the destination: publish needs a folder it can stage a new tree beside", dest)
	}
	if err := t.step(stepLock); err != nil {
		return nil, err
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dest)
	}
	if err := os.MkdirAll(t.parent, 0o755); err != nil {
		return nil, err
	}
	t.lock, err = acquire(ctx, dest, filepath.Join(t.parent, "."+t.base+".publish.lock"), wait, onWait)
	if errors.Is(err, fs.ErrPermission) {
		return nil, &StuckError{Dest: t.dest, Problems: []string{t.parentProblem()}}
	}
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			t.end()
		}
	}()
	if err := t.recoverDest(); err != nil {
		return nil, err
	}
	if err := t.step(stepRead); err != nil {
		return nil, err
	}
	var found bool
	t.entries, found, err = readVersions(abs)
	if err != nil {
		return nil, err
	}
	if !found {
		if err := checkEmpty(abs); err != nil {
			return nil, err
		}
	}
	ok = true
	return t, nil
}

func (t *txn) end() {
	if t.lock != nil {
		t.lock.release()
		t.lock = nil
	}
}

// recoverDest clears what a killed publish left beside DEST: staged trees,
// and an old tree not yet removed. Where the kernel could not swap in one
// step and the publish died between its two renames, DEST is missing and
// its old tree is put back. A leftover that cannot be removed (a read-only
// or immutable file in it) is reported and left: DEST is complete, so it
// does not stop this publish.
func (t *txn) recoverDest() error {
	names, err := os.ReadDir(t.parent)
	if err != nil {
		return err
	}
	var matches []string
	for _, e := range names {
		if strings.HasPrefix(e.Name(), t.prefix()) {
			matches = append(matches, filepath.Join(t.parent, e.Name()))
		}
	}
	if _, err := os.Lstat(t.dest); errors.Is(err, fs.ErrNotExist) {
		for _, m := range matches {
			if strings.HasSuffix(m, oldSuffix) {
				if err := os.Rename(m, t.dest); err != nil {
					return fmt.Errorf("%s is missing and its last state, %s, cannot be put back: %w", t.dest, m, err)
				}
				break
			}
		}
	}
	for _, m := range matches {
		if err := os.RemoveAll(m); err != nil {
			t.note(leftoverNote(t.dest, m, unwrapPath(err)))
		}
	}
	return nil
}

// readVersions reads DEST/versions.json; found is false when there is none.
func readVersions(dest string) (entries []Entry, found bool, err error) {
	file := filepath.Join(dest, VersionsFile)
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return []Entry{}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	entries, err = ReadVersions(data)
	if err != nil {
		return nil, true, fmt.Errorf("%s: %v; fix the file or restore it from the last good publish", file, err)
	}
	return entries, true, nil
}

// checkEmpty refuses a DEST that holds files but no versions.json: it is
// not a folder of editions, and publish would fill somebody's folder.
// Hidden entries (.git, .nojekyll) and a CNAME file are fine.
func checkEmpty(dest string) error {
	entries, err := os.ReadDir(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || e.Name() == "CNAME" {
			continue
		}
		return fmt.Errorf("%s holds %s but no %s, so it is not a folder of published editions; publish into a new or empty folder", dest, e.Name(), VersionsFile)
	}
	return nil
}

// writeTop writes versions.json and index.html into the staged tree.
func (t *txn) writeTop(stage string, entries []Entry, siteTitle, language string) error {
	if err := t.step(stepVersions); err != nil {
		return err
	}
	t.skip[VersionsFile] = true
	if err := writeNew(filepath.Join(stage, VersionsFile), EncodeVersions(entries)); err != nil {
		return err
	}
	if err := t.step(stepIndex); err != nil {
		return err
	}
	t.skip[IndexFile] = true
	if target := Front(entries); target != "" {
		return writeNew(filepath.Join(stage, IndexFile), IndexHTML(target, siteTitle, language))
	}
	return nil
}

// commit stages a new DEST beside it, fills it with fill and every entry of
// DEST that fill did not claim (t.skip), and swaps it in.
func (t *txn) commit(ctx context.Context, fill func(stage string) error) (err error) {
	if err := t.checkCanFinish(ctx); err != nil {
		return err
	}
	stage, err := os.MkdirTemp(t.parent, t.prefix())
	if err != nil {
		return fmt.Errorf("cannot stage the new tree beside %s: %w", t.dest, err)
	}
	swapped := false
	defer func() {
		if !swapped {
			removeOwnTree(stage)
		}
	}()
	if err := fill(stage); err != nil {
		return err
	}
	if err := t.step(stepKeep); err != nil {
		return err
	}
	mode := fs.FileMode(0o755)
	if info, err := os.Stat(t.dest); err == nil {
		mode = keptMode(info.Mode())
		entries, err := os.ReadDir(t.dest)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if t.skip[e.Name()] {
				continue
			}
			if err := linkTree(ctx, filepath.Join(t.dest, e.Name()), filepath.Join(stage, e.Name())); err != nil {
				return fmt.Errorf("cannot keep %s: %w", e.Name(), err)
			}
		}
	}
	if err := os.Chmod(stage, mode); err != nil {
		return err
	}
	if err := keepFlags(t.dest, stage); err != nil {
		return fmt.Errorf("cannot give the new tree the attributes of %s (lsattr): %w", t.dest, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := t.step(stepSwap); err != nil {
		return err
	}
	old, err := swapIn(stage, t.dest)
	if err != nil {
		return fmt.Errorf("cannot swap the new tree in place of %s (is it a mount point? then publish into a folder inside it): %w", t.dest, err)
	}
	swapped = true
	// DEST is the new tree now: nothing below may fail the publish.
	if old == "" || t.step(stepCleanup) != nil {
		return nil
	}
	if err := os.RemoveAll(old); err != nil {
		t.note(leftoverNote(t.dest, old, unwrapPath(err)))
	}
	return nil
}
