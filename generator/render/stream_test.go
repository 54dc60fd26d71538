package render

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// streamAgrees checks page as add checks it whole and as streamCheck
// checks it written in random pieces (the navigation in one), and reports
// any difference in what the check keeps.
func streamAgrees(t *testing.T, name string, page []byte, nav string, rng *rand.Rand) {
	t.Helper()
	exists := func(p string) bool { return !strings.Contains(p, "missing") }
	whole, streamed := newLinkCheck(exists), newLinkCheck(exists)
	whole.add("a/index.html", page, nav)
	sc := streamed.stream("a/index.html", nav)
	sc.part = 1 + rng.IntN(300)
	write := func(b []byte) {
		for len(b) > 0 {
			n := min(len(b), 1+rng.IntN(200))
			sc.Write(b[:n])
			b = b[n:]
		}
	}
	if i := bytes.Index(page, []byte(nav)); nav != "" && i >= 0 {
		write(page[:i])
		sc.Write([]byte(nav))
		write(page[i+len(nav):])
	} else {
		write(page)
	}
	sc.Close()
	if !reflect.DeepEqual(whole.ids, streamed.ids) || !reflect.DeepEqual(whole.msgs, streamed.msgs) || !reflect.DeepEqual(whole.later, streamed.later) {
		t.Errorf("%s: streamed check differs\nids  %q\n vs  %q\nmsgs %q\n vs  %q\nlater %v\n vs   %v", name,
			whole.ids, streamed.ids, whole.msgs, streamed.msgs, whole.later, streamed.later)
	}
}

func TestStreamCheckAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	nav := navOpen + `<li><a href="../x/">X</a></li></ul>`
	for _, tc := range attrCases {
		for range 20 {
			streamAgrees(t, tc, []byte(tc), "", rng)
			page := `<p id=top><a href="#top">t</a><a href="../missing/">m</a>` + nav + tc + `<a href="#nowhere">n</a><p id=top>`
			streamAgrees(t, tc, []byte(page), nav, rng)
		}
	}
}

// TestStreamCheckAgreesOnOutput: every page of a built site, and its book,
// streamed in random pieces, checks as it does whole.
func TestStreamCheckAgreesOnOutput(t *testing.T) {
	dir := os.Getenv("SHIFTBOOK_BENCH_OUTPUT")
	if dir == "" {
		t.Skip("SHIFTBOOK_BENCH_OUTPUT names no built site")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "*", "index.html"))
	pages = append(pages, filepath.Join(dir, "book", "index.html"), filepath.Join(dir, "index.html"))
	for i, p := range pages {
		if i > 300 && !strings.Contains(p, "book") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		streamAgrees(t, p, data, navOf(data), rng)
	}
}
