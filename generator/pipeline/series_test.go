package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// seriesSite is a site with one metric whose data file has rows daily rows
// ending on 30 Nov 2026; every 1,000th row has a note holding markup and a
// spreadsheet formula.
func seriesSite(rows int) fstest.MapFS {
	var csv bytes.Buffer
	csv.Grow(rows * 32)
	csv.WriteString("date,value,note\n")
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -(rows - 1))
	for i := range rows {
		note := ""
		if i%1000 == 7 {
			note = `"=HYPERLINK(""x""), <b>launch</b>"`
		}
		fmt.Fprintf(&csv, "%s,%d.%d,%s\n", day.Format("2006-01-02"), 30+i%17, i%10, note)
		day = day.AddDate(0, 0, 1)
	}
	return fstest.MapFS{
		"site.toml":                 {Data: []byte("title = \"Big data\"\nbaseURL = \"https://example.org/\"\n")},
		"content/_index.md":         {Data: []byte("+++\ntitle = \"Home\"\n+++\nThe score is {{< metric \"big\" >}}.\n\n{{< chart \"big\" >}}\n")},
		"content/metrics/big.md":    {Data: []byte("+++\ntitle = \"Big score\"\nmetric = \"big\"\nunit = \"points\"\ndirection = \"up\"\ntarget = 40\n+++\nA long series.\n")},
		"content/data/big.csv":      {Data: csv.Bytes()},
		"content/metrics/_index.md": {Data: []byte("+++\ntitle = \"Metrics\"\n+++\n")},
	}
}

type mapSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *mapSink) Write(p string, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[p] = bytes.Clone(b)
	return nil
}

// A large series shows its newest 100 rows, links the whole series as CSV
// written beside the page, and keeps every page small.
func TestLargeSeries(t *testing.T) {
	const rows = 20000
	sink := &mapSink{files: map[string][]byte{}}
	opts := Options{Site: seriesSite(rows), Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	if _, diags := New().Build(context.Background(), opts, sink); len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	page := string(sink.files["metrics/big/index.html"])
	body := page[strings.Index(page, "<tbody>"):strings.Index(page, "</tbody>")]
	if n := strings.Count(body, "<tr"); n != 100 {
		t.Errorf("the table shows %d rows, want the newest 100", n)
	}
	if !strings.Contains(body, `datetime="2026-11-30"`) {
		t.Error("the newest row is not in the table")
	}
	if !strings.Contains(page, `href="../../metrics/big/big.csv"`) || !strings.Contains(page, "Download all 20000 rows as CSV") {
		t.Error("the metric page does not link its CSV download")
	}
	if strings.Contains(page, "<b>launch") {
		t.Error("a note's markup reached the page unescaped")
	}
	for _, p := range []string{"metrics/big/index.html", "metrics/index.html", "index.html"} {
		if n := len(sink.files[p]); n > 200<<10 {
			t.Errorf("%s is %d KB for a %d-row series, want under 200 KB", p, n>>10, rows)
		}
	}
	data := string(sink.files["metrics/big/big.csv"])
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	if len(lines) != rows+1 || lines[0] != "date,value,note" {
		t.Fatalf("the CSV has %d lines starting %q, want %d starting with the header", len(lines), lines[0], rows+1)
	}
	if want := `2026-11-30,`; !strings.HasPrefix(lines[rows], want) {
		t.Errorf("the CSV's last row is %q", lines[rows])
	}
	if want := `"'=HYPERLINK(""x""), <b>launch</b>"`; !strings.Contains(data, want) {
		t.Errorf("the note is not quoted and defused as %s in the CSV", want)
	}
	// The search index reads the home page with its value filled in.
	var idx strings.Builder
	for p, b := range sink.files {
		if strings.HasPrefix(p, "search/d/") {
			idx.Write(b)
		}
	}
	if idx := idx.String(); !regexp.MustCompile(`The score is \d+(\.\d+)? points \((on|off) track, as of 30 Nov 2026\)\.`).MatchString(idx) {
		t.Errorf("the search index lacks the home page's value: %.300s", idx)
	}
	// Every numbered marker links to an element of the page.
	for _, m := range regexp.MustCompile(`class="chart-note-mark" href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(page, `id="`+m[1]+`"`) {
			t.Errorf("marker links to #%s, which is not on the page", m[1])
		}
	}
}

// BenchmarkSeries builds a site whose one metric has 50,000, 100,000 and
// 200,000 rows: the time per build grows with the rows, not faster.
func BenchmarkSeries(b *testing.B) {
	for _, rows := range []int{50000, 100000, 200000} {
		site := seriesSite(rows)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			opts := Options{Site: site, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
			for b.Loop() {
				if _, diags := New().Build(context.Background(), opts, nullSink{}); len(diags) > 0 {
					b.Fatal(diags.Err())
				}
			}
		})
	}
}

// A page nested too deep is one error at its first line too deep, with the
// file's line and column, and the rest of the site is still checked.
func TestNestedTooDeep(t *testing.T) {
	var b strings.Builder
	b.WriteString("+++\ntitle = \"Deep\"\n+++\n")
	for i := range 3000 {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	site := fstest.MapFS{
		"site.toml":         {Data: []byte("title = \"Deep\"\nbaseURL = \"https://example.org/\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Home\"\n+++\nSee [[Nowhere]].\n")},
		"content/deep.md":   {Data: []byte(b.String())},
	}
	_, diags := New().Build(context.Background(), Options{Site: site, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, nullSink{})
	got := diags.Err().Error()
	if !strings.Contains(got, "content/deep.md:104:1: this line is nested too deep") {
		t.Errorf("no error at content/deep.md:104:1:\n%s", got)
	}
	if !strings.Contains(got, "content/_index.md") {
		t.Errorf("the other page's error is missing:\n%s", got)
	}
	if n := strings.Count(got, "content/deep.md"); n != 1 {
		t.Errorf("%d errors for the deep page, want 1:\n%s", n, got)
	}
}
