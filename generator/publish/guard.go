package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A publish replaces DEST's folders with new ones and then removes the old
// tree, so every folder in DEST must be writable by the one publishing, and
// nothing in it immutable or append-only (chattr +i, +a). checkCanFinish
// looks for what would stop that before anything is built or swapped: a
// publish that cannot finish fails with the paths and the permission
// needed, and leaves DEST and its parent as they were, instead of swapping
// and leaving the old tree beside DEST.

// maxShown bounds the paths an error lists; the rest are counted.
const maxShown = 5

// StuckError says which paths in or beside a folder would stop replacing it.
type StuckError struct {
	Dest     string
	Action   string   // "publish into", "build into"; "" is "publish into"
	Problems []string // "PATH is ...; fix", topmost first
}

func (e *StuckError) Error() string {
	action := e.Action
	if action == "" {
		action = "publish into"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cannot %s %s, and nothing was changed: shiftbook replaces the folders of %s with new ones and removes the old ones, which ", action, e.Dest, e.Dest)
	if len(e.Problems) == 1 {
		b.WriteString("this stops:\n\t")
	} else {
		b.WriteString("these stop:\n\t")
	}
	for i, p := range e.Problems {
		if i == maxShown {
			fmt.Fprintf(&b, "\n\tand %d more", len(e.Problems)-maxShown)
			break
		}
		if i > 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(p)
	}
	return b.String()
}

// checkCanFinish walks DEST (and checks its parent) for folders this user
// cannot write and entries that cannot be removed.
func (t *txn) checkCanFinish(ctx context.Context) error {
	problems, err := canReplace(ctx, t.dest, "publish keeps its lock file and stages the new tree there")
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return &StuckError{Dest: t.dest, Problems: problems}
	}
	return nil
}

// canReplace lists what would stop replacing the folder dest by a new one
// staged beside it and removing the old: a parent this user cannot write
// (staging says why it must be writable), a folder in dest this user
// cannot write, an immutable or append-only entry. A dest that does not
// exist yet has nothing to remove. The walk stops with ctx's error once
// ctx is done.
func canReplace(ctx context.Context, dest, staging string) ([]string, error) {
	var problems []string
	if parent := filepath.Dir(dest); !writable(parent) {
		problems = append(problems, parentProblem(parent, filepath.Base(dest), staging))
	}
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dest {
				return filepath.SkipAll
			}
			problems = append(problems, fmt.Sprintf("%s cannot be read (%v): shiftbook needs read permission on it to keep or remove it", p, unwrapPath(err)))
			return nil
		}
		if a := stuckAttr(p); a != "" {
			problems = append(problems, fmt.Sprintf("%s is %s, so it cannot be replaced or removed: run chattr -%s %s (as root)", p, attrWords[a], a, p))
		}
		if d.IsDir() && !writable(p) {
			info, _ := d.Info()
			mode := ""
			if info != nil {
				mode = fmt.Sprintf(" (mode %o)", info.Mode().Perm())
			}
			problems = append(problems, fmt.Sprintf("%s is a read-only folder for this user%s; shiftbook needs write permission on it to remove its old copy: run chmod u+w %s, or run as its owner", p, mode, p))
		}
		return nil
	})
	return problems, err
}

func (t *txn) parentProblem() string {
	return parentProblem(t.parent, t.base, "publish keeps its lock file and stages the new tree there")
}

func parentProblem(parent, base, why string) string {
	return fmt.Sprintf("%s (the folder holding %s) is not writable for this user; %s: run chmod u+w %s, or run as its owner", parent, base, why, parent)
}

var attrWords = map[string]string{"i": "immutable (chattr +i)", "a": "append-only (chattr +a)"}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// removeOwnTree removes a tree this publish made (a staged tree). Its
// folders were given the modes of DEST's, so a read-only one is made
// writable first: they are this publish's own folders, never DEST's. Files
// are never touched: they may be hard links to DEST's.
func removeOwnTree(dir string) error {
	if os.RemoveAll(dir) == nil {
		return nil
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o700)
		}
		return nil
	})
	return os.RemoveAll(dir)
}

// leftoverNote words what a publish could not remove beside DEST; DEST
// itself is complete.
func leftoverNote(dest, path string, err error) string {
	return fmt.Sprintf("%s could not be removed (%v); it is an old or half-staged copy of %s, which itself is complete and in use. Remove it by hand when you can (it may need chmod -R u+w or chattr -i first); it does not stop later publishes", path, err, dest)
}
