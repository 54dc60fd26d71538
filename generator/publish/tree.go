package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// linkTree recreates the tree at src as dst: folders anew with the same
// mode and times, files as hard links to the very same bytes (copies where
// the file system refuses links), symbolic links with the same target. A
// kept edition is never opened for writing, so it stays byte for byte what
// it was.
//
// Both stop at the next folder once ctx is done: a large DEST takes
// seconds to clone, and Ctrl-C must not wait for it.
func linkTree(ctx context.Context, src, dst string) error { return cloneTree(ctx, src, dst, true) }

// copyTree is linkTree with every file copied: an alias is a folder of its
// own, not the edition's files under a second name.
func copyTree(ctx context.Context, src, dst string) error { return cloneTree(ctx, src, dst, false) }

func cloneTree(ctx context.Context, src, dst string, link bool) error {
	info, err := os.Lstat(src)
	if err != nil {
		return err
	}
	mode := info.Mode()
	switch {
	case mode.IsDir():
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := os.Mkdir(dst, 0o700); err != nil {
			return err
		}
		entries, err := os.ReadDir(src)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := cloneTree(ctx, filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()), link); err != nil {
				return err
			}
		}
		if err := os.Chmod(dst, keptMode(mode)); err != nil {
			return err
		}
		return os.Chtimes(dst, info.ModTime(), info.ModTime())
	case mode.IsRegular():
		if link && os.Link(src, dst) == nil {
			return nil
		}
		return copyFile(src, dst, info)
	case mode&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	}
	return fmt.Errorf("%s is not a file, a folder or a symbolic link; publish cannot keep it", src)
}

func keptMode(m fs.FileMode) fs.FileMode {
	return m & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
}

// copyFile copies one file with its mode and modification time.
func copyFile(src, dst string, info fs.FileInfo) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(dst, keptMode(info.Mode())); err != nil {
		return err
	}
	return os.Chtimes(dst, info.ModTime(), info.ModTime())
}

// writeNew writes a file that must not exist yet, so that a file shared
// with a kept edition through a hard link is never written through.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// swapIn puts the folder stage at dest in one step and returns where the
// old tree now is ("" when dest did not exist), for the caller to remove.
//
// On Linux the kernel exchanges the two names atomically (renameat2
// RENAME_EXCHANGE): at every instant dest is either the old tree or the new
// one. Elsewhere the old tree is renamed away first, so for a moment there
// is no dest; a publish killed in that moment leaves the old tree beside
// it, and the next publish puts it back (see recoverDest).
func swapIn(stage, dest string) (string, error) {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(stage, dest)
	}
	if exchange(stage, dest) == nil {
		return stage, nil
	}
	old := stage + oldSuffix
	if err := os.Rename(dest, old); err != nil {
		return "", err
	}
	if err := os.Rename(stage, dest); err != nil {
		if rerr := os.Rename(old, dest); rerr != nil {
			return "", fmt.Errorf("%v; and the old tree could not be put back (%v): it is at %s", err, rerr, old)
		}
		return "", err
	}
	return old, nil
}

// oldSuffix marks an old tree renamed away by swapIn where the kernel
// cannot exchange two folders.
const oldSuffix = ".old"
