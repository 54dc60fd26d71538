package work

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/shiftbook/shiftbook/generator/internal/testfiles" // accepts -update
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7, 100} {
		for _, n := range []int{0, 1, 5, 1000} {
			seen := make([]atomic.Int32, n)
			Each(context.Background(), workers, n, func(i int) { seen[i].Add(1) })
			for i := range seen {
				if c := seen[i].Load(); c != 1 {
					t.Fatalf("workers %d, n %d: index %d called %d times", workers, n, i, c)
				}
			}
		}
	}
}

func TestOneWorkerIsSerialAndInOrder(t *testing.T) {
	var (
		mu      sync.Mutex
		order   []int
		running atomic.Int32
	)
	Each(context.Background(), 1, 50, func(i int) {
		if running.Add(1) != 1 {
			t.Error("two calls ran at once with one worker")
		}
		mu.Lock()
		order = append(order, i)
		mu.Unlock()
		running.Add(-1)
	})
	if !slices.IsSorted(order) || len(order) != 50 {
		t.Errorf("one worker ran %v, want 0..49 in order", order)
	}
}

func TestEachStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	Each(ctx, 1, 100, func(i int) {
		if calls.Add(1) == 3 {
			cancel()
		}
	})
	if c := calls.Load(); c != 3 {
		t.Errorf("%d calls after cancelling at the third, want 3", c)
	}
}

func TestWorkers(t *testing.T) {
	if Workers(3) != 3 || Workers(0) < 1 || Workers(-1) < 1 {
		t.Errorf("Workers(3)=%d Workers(0)=%d", Workers(3), Workers(0))
	}
}
