package render

import "testing"

// wordCountBefore is wordCount's write as it was, byte by byte: the
// reference the faster one is held to.
func wordCountBefore(h []byte) int {
	n, in, tag := 0, false, false
	for _, c := range h {
		switch {
		case c == '<':
			tag, in = true, false
		case c == '>':
			tag = false
		case tag:
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			in = false
		default:
			if !in {
				n++
				in = true
			}
		}
	}
	return n
}

func TestWordCount(t *testing.T) {
	for _, tc := range []struct {
		html string
		want int
	}{
		{"", 0},
		{"<p>two words</p>", 2},
		{`a>b <a href="x y">link</a> c`, 3},
		{"one\ttwo\r\nthree<br>four", 4},
		{"<<a>>x", 1},
	} {
		var w wordCount
		w.write([]byte(tc.html))
		if w.n != tc.want {
			t.Errorf("words of %q = %d, want %d", tc.html, w.n, tc.want)
		}
	}
}

func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"", "<p>two words</p>", "a>b <a href=\"x>y\">link</a> c", "<<a>>", "one\ttwo\r\nthree<br>four"} {
		f.Add(s, uint8(3))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint8) {
		// Given in pieces, as the hash gives them, cut anywhere.
		var w wordCount
		h := []byte(s)
		for step := int(cut%7) + 1; len(h) > 0; {
			k := min(step, len(h))
			w.write(h[:k])
			h = h[k:]
		}
		if want := wordCountBefore([]byte(s)); w.n != want {
			t.Errorf("words of %q = %d, want %d", s, w.n, want)
		}
	})
}
