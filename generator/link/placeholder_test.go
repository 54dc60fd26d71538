package link

import (
	"strings"
	"testing"
)

// TestPlaceholderRoundTrip writes HTML with placeholders between pieces of
// text and reads it back: every placeholder and every piece comes back.
func TestPlaceholderRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		pieces []string
		places []Placeholder
	}{
		{"none", []string{`<p>plain</p>`}, nil},
		{"id prefix", []string{`<h2 id="`, `intro">Intro</h2>`}, []Placeholder{{Kind: PlaceIDPrefix}}},
		{"link", []string{`<a href="`, `">x</a>`}, []Placeholder{{PlaceLink, 0}}},
		{"large index", []string{"", ""}, []Placeholder{{PlaceLink, 123456}}},
		{"shortcode with inner content", []string{"<p>", "inner", "</p>"}, []Placeholder{{PlaceShortcode, 3}, {PlaceShortcodeEnd, 3}}},
		{"term around its words", []string{"<p>the ", "NPS", " score</p>"}, []Placeholder{{PlaceTerm, 2}, {PlaceTermEnd, 2}}},
		{"back to back", []string{"", "", "", ""}, []Placeholder{{PlaceLink, 1}, {Kind: PlaceIDPrefix}, {PlaceShortcode, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var src []byte
			for i, piece := range tt.pieces {
				src = append(src, piece...)
				if i < len(tt.places) {
					src = append(src, tt.places[i].String()...)
				}
			}
			for i := 0; ; i++ {
				before, p, rest, ok := NextPlaceholder(src)
				if string(before) != tt.pieces[i] {
					t.Fatalf("piece %d = %q, want %q", i, before, tt.pieces[i])
				}
				if !ok {
					if i != len(tt.places) {
						t.Fatalf("read %d placeholders, want %d", i, len(tt.places))
					}
					break
				}
				if p != tt.places[i] {
					t.Fatalf("placeholder %d = %+v, want %+v", i, p, tt.places[i])
				}
				src = rest
			}
		})
	}
	if got := ShortcodeEnd(7); got != (Placeholder{PlaceShortcodeEnd, 7}).String() {
		t.Errorf("ShortcodeEnd(7) = %q", got)
	}
}

// FuzzPlaceholders reads any bytes, marks and all, without a panic and
// always moving forward; and writes a placeholder between any two pieces of
// HTML and reads back the same three.
func FuzzPlaceholders(f *testing.F) {
	f.Add([]byte("<p>\x00L0\x00 \x00I\x00 \x00S1\x00in\x00E1\x00</p>"), "<a href=\"", byte(1), 12, "\">")
	f.Add([]byte("\x00\x00\x00"), "", byte(0), 0, "")
	f.Add([]byte("stray \x00S"), "x", byte(3), 99999, "y")
	kinds := []PlaceholderKind{PlaceIDPrefix, PlaceLink, PlaceShortcode, PlaceShortcodeEnd}
	f.Fuzz(func(t *testing.T, src []byte, before string, kind byte, n int, after string) {
		for {
			_, _, rest, ok := NextPlaceholder(src)
			if !ok {
				break
			}
			if len(rest) >= len(src) {
				t.Fatalf("no progress on %q", src)
			}
			src = rest
		}

		before = strings.ReplaceAll(before, string(Mark), "")
		after = strings.ReplaceAll(after, string(Mark), "")
		want := Placeholder{Kind: kinds[int(kind)%len(kinds)]}
		if want.Kind != PlaceIDPrefix {
			want.N = max(n, -n, 0) // a body's indexes are never negative
		}
		gotBefore, got, rest, ok := NextPlaceholder([]byte(before + want.String() + after))
		if !ok || string(gotBefore) != before || got != want || string(rest) != after {
			t.Fatalf("wrote %q %+v %q, read %q %+v %q (ok %v)", before, want, after, gotBefore, got, rest, ok)
		}
	})
}
