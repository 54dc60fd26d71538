package render

import (
	"bytes"
	"fmt"
	"golang.org/x/net/html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// attrList is what a scan reports, one "kind value" per line.
func attrList(scan func([]byte, func() bool, func(byte, []byte)), page []byte) string {
	var b strings.Builder
	scan(page, nil, func(kind byte, v []byte) { fmt.Fprintf(&b, "%c %q\n", kind, v) })
	return b.String()
}

// pureTokenAttrs is the reference: every tag's attributes, as the
// tokenizer reads them, no tag skipped.
func pureTokenAttrs(page []byte, _ func() bool, fn func(kind byte, value []byte)) {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			_, more := z.TagName()
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				switch string(key) {
				case "id":
					fn('i', val)
				case "href", "src":
					fn('r', val)
				}
			}
		}
	}
}

// agree reports where scanAttrs (the fast reading, or its fallback) and
// the tokenizer differ on page, and whether the fast reading took it.
func agree(t *testing.T, name string, page []byte) (fast bool) {
	t.Helper()
	want := attrList(pureTokenAttrs, page)
	if got := attrList(scanAttrs, page); got != want {
		t.Errorf("%s: scanAttrs and the tokenizer differ\n got:\n%s\nwant:\n%s", name, got, want)
	}
	_, ok := fastAttrs(page, nil, nil)
	return ok
}

var attrCases = []string{
	`<p id=a>x</p><a href="b">y</a><img src='c.png' alt=x>`,
	`<code>&lt;img src="chart.png"></code>`,
	`<a HREF=x href=y>`,
	`<a href=x Href=y id=1 ID=2 src=s SRC=t>`,
	`<a =href=x><a href =  "sp" ><a href= y/>`,
	`<a/href=x/><a x="1"href='2'>`,
	`<a href>`, `<a href=>`, `<a href=">`, `<a href='x`, `<a href=x`, `<a`, `<a `, `<a href="x">`,
	`<br/><br /><p a=/>`,
	`<script>var s = "<a href='no'>";</script><a href=yes>`,
	`<SCRIPT>x</ScRiPt ><a href=1>`,
	`<script>x</scriptx><a href=no></script><a href=yes>`,
	`<script><!-- <script></script> --></script><a href=z>`,
	`<style>a{} <a href=no></style><a href=yes>`,
	`<title><a href=no></title ><a href=yes>`,
	`<textarea></textarea/><a id=t>`,
	`<xmp><a href=no></xmp><a href=yes>`,
	`<plaintext><a href=no>`,
	`<iframe><a href=no></iframe><noscript><a href=no></noscript><a href=yes>`,
	`<!-- <a href=no> --><a href=yes>`,
	`<!--><a href=yes>`, `<!---><a href=yes>`, `<!-- --!><a href=yes>`, `<!-- --!-><a href=no> --><a href=yes>`,
	`<!-- x`, `<!--`, `<!-`, `<!`, `<`, `</`, `</>`, `</ a href=no><a href=yes>`,
	`<!doctype html><html lang=en><a href=a>`, `<!DOCTYPE`, `<?xml a="b"?><a href=c>`,
	`</p href=no><a href="x>y">`, `</a title="x>"><a id=q>`,
	`< a href=no><a href=yes>`, `<1 href=no>`, `a < b <a href=c>`,
	`<a href="&amp;">`, `<a href=x&amp;y>`, "<a href=\"a\rb\">", "<a id=\"a\r\nb\">",
	`<a href="x" id='y' src=z>`, "<a\thref=x\nid=y\fsrc=z>",
	`<a href=x><a href=y></a href=z>`,
	`<img src="" id="">`,
	"<p>x\x00<a href=y>",
	`<a b='>' href=c>`, `<a b=">" href=c>`,
}

func TestFastAttrsAgree(t *testing.T) {
	for _, tc := range attrCases {
		agree(t, fmt.Sprintf("%q", tc), []byte(tc))
	}
}

// TestFastAttrsAgreeOnOutput: on every page of a built site the fast
// reading and the tokenizer find the same, and the fast reading reads
// nearly every page. The example site is built by the test; a larger
// output is checked when SHIFTBOOK_BENCH_OUTPUT names one.
func TestFastAttrsAgreeOnOutput(t *testing.T) {
	dirs := []string{}
	if d := os.Getenv("SHIFTBOOK_BENCH_OUTPUT"); d != "" {
		dirs = append(dirs, d)
	}
	if len(dirs) == 0 {
		t.Skip("SHIFTBOOK_BENCH_OUTPUT names no built site")
	}
	for _, dir := range dirs {
		pages, fast := 0, 0
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			pages++
			if agree(t, p, data) {
				fast++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages, %d read by the fast reading", dir, pages, fast)
		if fast < pages*99/100 {
			t.Errorf("%s: only %d of %d pages read by the fast reading", dir, fast, pages)
		}
	}
}

func FuzzFastAttrs(f *testing.F) {
	for _, tc := range attrCases {
		f.Add([]byte(tc))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		want := attrList(pureTokenAttrs, page)
		if got := attrList(scanAttrs, page); got != want {
			t.Errorf("%q: scanAttrs and the tokenizer differ\n got:\n%s\nwant:\n%s", page, got, want)
		}
	})
}
