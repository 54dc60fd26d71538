//go:build unix

package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// fileLock is an flock(2) on the lock file beside DEST. The kernel drops it
// when the process ends, however it ends, so a killed publish never leaves
// a stale lock behind. The file itself stays, holding who locked it last.
type fileLock struct{ f *os.File }

func acquire(ctx context.Context, dest, path string, wait time.Duration, onWait func(string)) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot open the lock file: %w", err)
	}
	err = waitForLock(ctx, wait, onWait, func() (*BusyError, error) {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case err == nil:
			return nil, nil
		case !errors.Is(err, unix.EWOULDBLOCK):
			return nil, fmt.Errorf("cannot lock %s: %w", path, err)
		}
		return &BusyError{Dest: dest, Lock: path, Holder: readHolder(path)}, nil
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(holderLine()), 0)
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() { l.f.Close() }
