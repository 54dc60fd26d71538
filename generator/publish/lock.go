package publish

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// BusyError says that another publish into the same folder holds the lock.
type BusyError struct {
	Dest, Lock string
	Holder     string // "pid 123, started …" as the holder wrote it, if readable
	MaybeStale bool   // a lock file that a killed publish may have left
}

func (e *BusyError) Error() string {
	msg := fmt.Sprintf("another publish into %s is running", e.Dest)
	if e.Holder != "" {
		msg += " (" + e.Holder + ")"
	}
	msg += "; try again when it has finished"
	if e.MaybeStale {
		msg += fmt.Sprintf(", or remove %s if no publish is running", e.Lock)
	}
	return msg
}

func (e *BusyError) waiting() string {
	msg := fmt.Sprintf("waiting for another publish into %s to finish", e.Dest)
	if e.Holder != "" {
		msg += " (" + e.Holder + ")"
	}
	return msg
}

// waitForLock calls try until it takes the lock or fails, or until wait is
// over. try returns a BusyError while another publish holds the lock; the
// first time, onWait is told who, and then it is asked again every 50 ms.
func waitForLock(ctx context.Context, wait time.Duration, onWait func(string), try func() (*BusyError, error)) error {
	deadline := time.Now().Add(wait)
	told := false
	for {
		busy, err := try()
		if err != nil {
			return err
		}
		if busy == nil {
			return nil
		}
		if wait <= 0 || time.Now().After(deadline) {
			return busy
		}
		if !told && onWait != nil {
			onWait(busy.waiting())
			told = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func holderLine() string {
	return fmt.Sprintf("pid %d, started %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
}

func readHolder(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(string(data))
	if len(s) > 200 || strings.ContainsAny(s, "\n\r") {
		return ""
	}
	return s
}
