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
	deadline := time.Now().Add(wait)
	told := false
	for {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, _ = f.WriteString(holderLine())
			f.Close()
			return &fileLock{path: path}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot create the lock file: %w", err)
		}
		busy := &BusyError{Dest: dest, Lock: path, Holder: readHolder(path), MaybeStale: true}
		if wait <= 0 || time.Now().After(deadline) {
			return nil, busy
		}
		if !told && onWait != nil {
			onWait(busy.waiting())
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (l *fileLock) release() { os.Remove(l.path) }
