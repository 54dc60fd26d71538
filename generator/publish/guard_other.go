//go:build !unix

package publish

import (
	"errors"
	"os"
)

// writable is a guess from the mode bits where there is no access(2):
// the owner's write and search bits.
func writable(dir string) bool {
	info, err := os.Stat(dir)
	return err == nil && info.Mode().Perm()&0o300 == 0o300
}

func stuckAttr(path string) string { return "" }

func keepFlags(from, to string) error { return nil }

// dirFlags: inode flags are Linux's (lsattr).
func dirFlags(dir string) (uint32, error) { return 0, errors.ErrUnsupported }
