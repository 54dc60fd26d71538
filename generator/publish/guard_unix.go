//go:build unix && !linux

package publish

import (
	"errors"

	"golang.org/x/sys/unix"
)

func writable(dir string) bool { return unix.Access(dir, unix.W_OK|unix.X_OK) == nil }

// stuckAttr: file flags (chflags) are not read here; a publish that meets
// one fails at the swap or leaves the old tree as a reported leftover.
func stuckAttr(path string) string { return "" }

func keepFlags(from, to string) error { return nil }

// dirFlags: inode flags are Linux's (lsattr).
func dirFlags(dir string) (uint32, error) { return 0, errors.ErrUnsupported }
