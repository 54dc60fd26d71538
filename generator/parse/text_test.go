package parse

import (
	"strings"
	"testing"
)

func TestTextDigest(t *testing.T) {
	lf := "+++\ntitle = \"A\"\n+++\nOne.\n\nTwo.\n"
	same := []string{
		strings.ReplaceAll(lf, "\n", "\r\n"),
		"\xef\xbb\xbf" + lf,
		"\xef\xbb\xbf" + strings.ReplaceAll(lf, "\n", "\r\n"),
		strings.ReplaceAll(lf, "\n", "\r"),
	}
	want := TextDigest([]byte(lf))
	for _, s := range same {
		if got := TextDigest([]byte(s)); got != want {
			t.Errorf("TextDigest(%q) = %x, want %x (as the LF text)", s, got, want)
		}
	}
	for _, s := range []string{lf + "\n", strings.Replace(lf, "One", "Once", 1), strings.Replace(lf, "\n\n", "\n", 1)} {
		if TextDigest([]byte(s)) == want {
			t.Errorf("TextDigest(%q) equals the digest of different text", s)
		}
	}
}
