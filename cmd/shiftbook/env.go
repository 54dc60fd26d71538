package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// The process-wide settings the library leaves to the program: the build
// clock from SOURCE_DATE_EPOCH and the soft memory limit. The library takes
// both as options.

// buildClock is the build clock: SOURCE_DATE_EPOCH when set, so that builds
// are reproducible, else the zero time, which the library reads as now (a
// dev server's clock moves on between rebuilds).
func buildClock() (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH must be whole seconds since 1970, not %q", v)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// clockDiag is buildClock for the commands that build: a bad value is
// reported as the build's diagnostics are.
func clockDiag() (time.Time, diag.List) {
	now, err := buildClock()
	if err != nil {
		return now, diag.List{diag.File("SOURCE_DATE_EPOCH", "must be whole seconds since 1970, not %q", os.Getenv("SOURCE_DATE_EPOCH"))}
	}
	return now, nil
}

// todayClock is buildClock with now filled in, for commands that date
// what they write.
func todayClock() (time.Time, error) {
	now, err := buildClock()
	if err == nil && now.IsZero() {
		now = time.Now().UTC()
	}
	return now, err
}

// memoryLimit is the library's MemoryLimit hook: it sets the soft limit a
// one-shot build asks for, unless the user set one with GOMEMLIMIT, and
// returns how to put the previous limit back.
func memoryLimit(bytes int64) func() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(bytes)
	return func() { debug.SetMemoryLimit(prev) }
}
