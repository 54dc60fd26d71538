package render

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLinkCheckOutput runs the output check over every page of a built
// site, as a build does, without the rest of the build: the figure to
// compare when the check changes. Point SHIFTBOOK_BENCH_OUTPUT at a build's
// output folder (go run ./cmd/shiftbook build -o DIR over the 5,000-page
// corpus of the README's Performance section).
func BenchmarkLinkCheckOutput(b *testing.B) {
	dir := os.Getenv("SHIFTBOOK_BENCH_OUTPUT")
	if dir == "" {
		b.Skip("SHIFTBOOK_BENCH_OUTPUT names no built site")
	}
	type page struct {
		out  string
		data []byte
		nav  string
	}
	var pages []page
	known := map[string]bool{}
	var size int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		known[rel] = true
		if d, ok := strings.CutSuffix(rel, "index.html"); ok {
			known[d] = true
		}
		if strings.HasSuffix(rel, ".html") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			size += int64(len(data))
			pages = append(pages, page{out: rel, data: data, nav: navOf(data)})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		c := newLinkCheck(func(p string) bool { return known[p] })
		for _, p := range pages {
			c.add(p.out, p.data, p.nav)
		}
		if d := c.verify(); len(d) > 0 {
			b.Fatal(d[0])
		}
	}
}

// navOf is the navigation of a built page: from navOpen to its matching </ul>.
func navOf(page []byte) string {
	i := bytes.Index(page, []byte(navOpen))
	if i < 0 {
		return ""
	}
	depth := 0
	for j := i; j < len(page); j++ {
		switch {
		case bytes.HasPrefix(page[j:], []byte("<ul")):
			depth++
		case bytes.HasPrefix(page[j:], []byte("</ul>")):
			if depth--; depth == 0 {
				return string(page[i : j+len("</ul>")])
			}
		}
	}
	return ""
}
