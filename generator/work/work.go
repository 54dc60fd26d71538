// Package work runs the iterations of a loop on a number of workers: the
// one pool every stage uses, so that Options.Workers means the same
// everywhere (Workers: 1 makes a build serial, in order, on one goroutine).
package work

import (
	"context"
	"runtime"
	"sync/atomic"
)

// Workers is the number of workers a setting asks for: n when positive,
// else one per CPU.
func Workers(n int) int {
	if n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// Each calls fn(i) for every i in [0, n) on Workers(workers) goroutines,
// and returns when all calls have returned. It starts no new call once ctx
// is done. With one worker (or one item) the calls run in order on the
// calling goroutine.
func Each(ctx context.Context, workers, n int, fn func(i int)) {
	EachOn(ctx, workers, n, func(_, i int) { fn(i) })
}

// EachOn is Each, telling fn which worker (0 up to Workers(workers)) makes
// the call, for state a worker keeps between its calls (a buffer).
func EachOn(ctx context.Context, workers, n int, fn func(worker, i int)) {
	w := min(Workers(workers), n)
	if w <= 1 {
		for i := range n {
			if ctx.Err() != nil {
				return
			}
			fn(0, i)
		}
		return
	}
	var next atomic.Int64
	done := make(chan struct{})
	for worker := range w {
		go func() {
			defer func() { done <- struct{}{} }()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				fn(worker, i)
			}
		}()
	}
	for range w {
		<-done
	}
}
