package pipeline

import (
	"runtime"
	"runtime/metrics"
	"sync"
)

// headroom keeps a one-shot build's soft memory limit (see limitMemory)
// above the live heap. The limit guessed from the site's size may be low:
// large data files parse into more bytes than they hold, and a site of
// several languages keeps a model per language while its pages are made.
// A limit near what must stay live makes the collector run without end.
//
// Once the bodies are made, most of what a build keeps is live: the limit
// is raised to twice the live heap (what GOGC=100 allows, here without its
// peaks above that). After that, each collection checks that the limit
// stays at least one and a half times the live heap.
type headroom struct {
	mu      sync.Mutex
	set     func(int64) func()
	limit   int64
	restore func()
	done    bool
}

// newHeadroom offers limit to set, and keeps it above the live heap until
// stop.
func newHeadroom(set func(int64) func(), limit int64) *headroom {
	h := &headroom{set: set, limit: limit}
	h.restore = set(limit)
	h.raise(2)
	h.watch()
	return h
}

// bodiesMade raises the limit to twice the live heap, when that is more.
func (h *headroom) bodiesMade() {
	if h != nil {
		h.raise(2)
	}
}

// watch checks after the next collection, and again after each one: a
// finalizer runs once the collector found its object unreachable. (The
// object holds a pointer: a finalizer on a tiny pointer-free object may
// never run.)
func (h *headroom) watch() {
	runtime.SetFinalizer(&gcSentinel{h}, func(s *gcSentinel) {
		s.h.mu.Lock()
		done := s.h.done
		s.h.mu.Unlock()
		if !done {
			s.h.raise(1.5)
			s.h.watch()
		}
	})
}

type gcSentinel struct{ h *headroom }

// raise sets the limit to factor times the live heap, and 32 MB, when
// that is more.
func (h *headroom) raise(factor float64) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	want := int64(factor*float64(sample[0].Value.Uint64())) + 32<<20
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.done && want > h.limit {
		h.limit = want
		h.set(want)
	}
}

// stop puts back the limit there was before the build.
func (h *headroom) stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.done {
		h.done = true
		h.restore()
	}
}
