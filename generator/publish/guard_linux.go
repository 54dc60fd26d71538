package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

func writable(dir string) bool { return unix.Access(dir, unix.W_OK|unix.X_OK) == nil }

// stuckAttr is "i" or "a" when path is immutable or append-only, which
// not even root can remove without chattr first.
func stuckAttr(path string) string {
	var st unix.Statx_t
	if unix.Statx(unix.AT_FDCWD, path, unix.AT_SYMLINK_NOFOLLOW, 0, &st) != nil {
		return ""
	}
	switch {
	case st.Attributes_mask&unix.STATX_ATTR_IMMUTABLE != 0 && st.Attributes&unix.STATX_ATTR_IMMUTABLE != 0:
		return "i"
	case st.Attributes_mask&unix.STATX_ATTR_APPEND != 0 && st.Attributes&unix.STATX_ATTR_APPEND != 0:
		return "a"
	}
	return ""
}

// The inode flags (lsattr) a new DEST takes over from the old: those that
// say how to store or back up the folder. Immutable and append-only are
// refused before (checkCanFinish); the rest are the file system's own.
// In order: secrm, unrm, compr, sync, nodump, noatime, nocomp, dirsync,
// topdir, projinherit (FS_*_FL in linux/fs.h).
const keptFlags = 0x1 | 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x400 | 0x10000 | 0x20000 | 0x20000000

// keepFlags gives the folder to the flags of from that keptFlags lists.
// A file system without flags has none to keep.
func keepFlags(from, to string) error {
	flags, err := dirFlags(from)
	if err != nil || flags&keptFlags == 0 {
		return nil
	}
	now, err := dirFlags(to)
	if err != nil {
		return err
	}
	want := now&^keptFlags | flags&keptFlags
	if want == now {
		return nil
	}
	f, err := os.Open(to)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(want)); err != nil {
		return &os.PathError{Op: "set attributes (chattr)", Path: to, Err: err}
	}
	return nil
}

func dirFlags(dir string) (uint32, error) {
	f, err := os.Open(dir)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
}
