package link

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// Bodies written to a spill file concurrently read back whole, each its
// own; a dropped body is empty.
func TestSpillRoundTrip(t *testing.T) {
	sp, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	bodies := make([]*Body, 200)
	want := make([][]byte, len(bodies))
	var wg sync.WaitGroup
	for i := range bodies {
		want[i] = bytes.Repeat([]byte(fmt.Sprintf("<p>%d</p>", i)), i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := &Body{}
			off, ok := sp.put(want[i])
			if !ok {
				t.Error("put failed")
				return
			}
			b.spill, b.spillAt, b.spillLen = sp, off, len(want[i])
			bodies[i] = b
		}()
	}
	wg.Wait()
	for i, b := range bodies {
		if got := b.Bytes(); !bytes.Equal(got, want[i]) || b.Len() != len(want[i]) {
			t.Errorf("body %d: got %d bytes %.40q, want %d", i, len(got), got, len(want[i]))
		}
	}
	if err := sp.Err(); err != nil {
		t.Error(err)
	}
	bodies[3].Drop()
	if bodies[3].Bytes() != nil || bodies[3].Len() != 0 {
		t.Error("a dropped body still has bytes")
	}
	kept := &Body{HTML: []byte("<p>x</p>")}
	if string(kept.Bytes()) != "<p>x</p>" || kept.Len() != 8 {
		t.Error("a body in memory reads back wrong")
	}
}
