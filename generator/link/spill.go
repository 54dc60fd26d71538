package link

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

// Spill keeps rendered bodies in a file instead of memory, for a build
// that is not rebuilt (Bodies.Release): every body is rendered before the
// first page is, and on a large site the bodies are most of the memory a
// build holds. A body is written once, when rendered, and read back when a
// page (or the book) shows it. Safe for concurrent use.
type Spill struct {
	f    *os.File
	name string // removed by Close where an open file cannot be removed
	end  atomic.Int64
	mu   sync.Mutex
	err  error
}

// NewSpill makes a spill file in dir (os.TempDir() when "").
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, "shiftbook-bodies-*")
	if err != nil {
		return nil, err
	}
	s := &Spill{f: f, name: f.Name()}
	if runtime.GOOS != "windows" && os.Remove(f.Name()) == nil {
		s.name = "" // gone from the folder already: nothing is left behind if the build dies
	}
	return s, nil
}

// put writes b and returns where it is.
func (s *Spill) put(b []byte) (off int64, ok bool) {
	off = s.end.Add(int64(len(b))) - int64(len(b))
	if _, err := s.f.WriteAt(b, off); err != nil {
		s.fail(err)
		return 0, false
	}
	return off, true
}

// get reads n bytes at off.
func (s *Spill) get(off int64, n int) []byte {
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil {
		s.fail(err)
		return nil
	}
	return b
}

func (s *Spill) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

// Err is the first error writing or reading the file: a body read back
// empty, so a build that has one must fail.
func (s *Spill) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close closes and removes the file.
func (s *Spill) Close() error {
	err := s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	return err
}

// Bytes is the body's HTML with placeholders, read back from the spill
// file when the body was spilled.
func (b *Body) Bytes() []byte {
	if b.spill != nil {
		return b.spill.get(b.spillAt, b.spillLen)
	}
	return b.HTML
}

// ReadInto is b.Bytes(), read into *buf's storage (grown when short) when
// the body was spilled: the bytes are good until *buf is used again.
func (b *Body) ReadInto(buf *[]byte) []byte {
	if b.spill == nil {
		return b.HTML
	}
	if cap(*buf) < b.spillLen {
		*buf = make([]byte, b.spillLen)
	}
	out := (*buf)[:b.spillLen]
	if _, err := b.spill.f.ReadAt(out, b.spillAt); err != nil {
		b.spill.fail(err)
		return nil
	}
	return out
}

// Len is len(b.Bytes()), without reading a spilled body.
func (b *Body) Len() int {
	if b.spill != nil {
		return b.spillLen
	}
	return len(b.HTML)
}

// Drop forgets the body's HTML: its last page is written.
func (b *Body) Drop() {
	b.HTML, b.spill = nil, nil
}
