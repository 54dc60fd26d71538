//go:build !unix

package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// fileLock is a lock file created with O_EXCL where flock(2) is missing. A
// publish that is killed leaves it behind; BusyError says how to remove it.
type fileLock struct{ path string }

func acquire(ctx context.Context, dest, path string, wait time.Duration, onWait func(string)) (*fileLock, error) {
	err := waitForLock(ctx, wait, onWait, func() (*BusyError, error) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, _ = f.WriteString(holderLine())
			f.Close()
			return nil, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot create the lock file: %w", err)
		}
		return &BusyError{Dest: dest, Lock: path, Holder: readHolder(path), MaybeStale: true}, nil
	})
	if err != nil {
		return nil, err
	}
	return &fileLock{path: path}, nil
}

func (l *fileLock) release() { os.Remove(l.path) }
