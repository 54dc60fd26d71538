package render

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRootFrom(t *testing.T) {
	tests := []struct{ url, want string }{
		{"/", "./"},
		{"", "./"},
		{"/vision/", "../"},
		{"/vision/promise/", "../../"},
		{"/a/b/c/", "../../../"},
		{"/tags/loyalty/", "../../"},
	}
	for _, tt := range tests {
		if got := rootFrom(tt.url); got != tt.want {
			t.Errorf("rootFrom(%q) = %q; want %q", tt.url, got, tt.want)
		}
	}
}

func TestRelURL(t *testing.T) {
	tests := []struct{ from, target, want string }{
		{"/", "/", "./"},
		{"/", "/vision/", "./vision/"},
		{"/", "/vision/#always", "./vision/#always"},
		{"/", "/#top", "#top"},
		{"/vision/", "/", "../"},
		{"/vision/", "/vision/", "./"},
		{"/vision/", "/vision/promise/", "../vision/promise/"},
		{"/vision/promise/", "/vision/always/", "../../vision/always/"},
		{"/vision/promise/", "/vision/promise/#our-promise", "#our-promise"},
		{"/vision/promise/", "/vision/promise/", "./"},
		{"/vision/promise/", "#x", "#x"},
		{"/vision/promise/", "/plan/#days-1-to-30", "../../plan/#days-1-to-30"},
		{"/vision/promise/", "/vision/img/pic.png", "../../vision/img/pic.png"},
		{"/vision/promise/", "/sitemap.xml", "../../sitemap.xml"},
		{"/book/", "/glossary/#term-nps", "../glossary/#term-nps"},
	}
	for _, tt := range tests {
		if got := relURL(tt.from, tt.target); got != tt.want {
			t.Errorf("relURL(%q, %q) = %q; want %q", tt.from, tt.target, got, tt.want)
		}
	}
}

func TestRootRel(t *testing.T) {
	for u, want := range map[string]string{"/": "", "/a/": "a/", "/a/b/": "a/b/"} {
		if got := rootRel(u); got != want {
			t.Errorf("rootRel(%q) = %q; want %q", u, got, want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{-0.001, "0"}, // rounds to zero: never "-0"
		{41, "41"},
		{41.2, "41.2"},
		{41.25, "41.25"},
		{41.256, "41.26"},
		{41.254, "41.25"},
		{2.10, "2.1"},
		{-3.5, "-3.5"},
		{-0.004, "0"},
		{0.005, "0.01"},
		{1234567.891, "1234567.89"}, // no thousands separator
		{1e9, "1000000000"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v); got != tt.want {
			t.Errorf("formatNumber(%v) = %q; want %q", tt.v, got, tt.want)
		}
	}
}

func TestWithUnit(t *testing.T) {
	tests := []struct{ v, unit, want string }{
		{"41.2", "", "41.2"},
		{"41.2", "%", "41.2%"},
		{"41.2", "points", "41.2 points"},
		{"3", "score", "3 score"},
	}
	for _, tt := range tests {
		if got := withUnit(tt.v, tt.unit); got != tt.want {
			t.Errorf("withUnit(%q, %q) = %q; want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	if h, iso := formatDate(time.Time{}); h != "" || iso != "" {
		t.Errorf("zero date = %q, %q; want empty", h, iso)
	}
	if h, iso := formatDate(time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)); h != "1 Dec 2025" || iso != "2025-12-01" {
		t.Errorf("formatDate = %q, %q", h, iso)
	}
}

func TestBasePath(t *testing.T) {
	tests := []struct{ baseURL, want string }{
		{"", "/"},
		{"/", "/"},
		{"https://cx.intranet.example/", "/"},
		{"https://cx.intranet.example", "/"},
		{"https://intranet.example/cx/", "/cx/"},
		{"https://intranet.example/cx", "/cx/"},
		{"https://intranet.example/a/b/", "/a/b/"},
		{"/docs", "/docs/"},
	}
	for _, tt := range tests {
		if got := basePath(tt.baseURL); got != tt.want {
			t.Errorf("basePath(%q) = %q; want %q", tt.baseURL, got, tt.want)
		}
	}
}

// The 404 page's root comes from baseURL: even one that slipped past
// site.toml's check stays inside its attribute.
func TestNavItemEscapesRoot(t *testing.T) {
	var b strings.Builder
	root := `/x/"><script>alert(1)</script>/`
	writeNavItem(&b, &NavItem{URL: "vision/", href: "vision/", text: "Vision"}, "", root, textRun(t, "").navMore)
	want := `<li><a href="/x/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;/vision/">Vision</a></li>`
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
	if got := basePath(`https://cx.example/"><script>/`); strings.ContainsAny(got, `"<>`) {
		t.Errorf("basePath kept markup: %q", got)
	}
}

// A large section's navigation shows the pages around the one being read
// and links to the section for the rest; a small one shows every page.
func TestNavWindow(t *testing.T) {
	section := func(n int) *NavItem {
		s := &NavItem{URL: "s/", href: "s/", text: "Big &amp; small"}
		for i := range n {
			u := "s/p" + strconv.Itoa(i) + "/"
			s.Children = append(s.Children, &NavItem{URL: u, href: u, text: "P" + strconv.Itoa(i)})
		}
		return s
	}
	for _, tc := range []struct {
		n        int
		u        string
		from, to int
	}{
		{n: navMax, u: "s/p29/", from: 0, to: navMax},
		{n: 100, u: "s/", from: 0, to: navSpan},
		{n: 100, u: "s/p0/", from: 0, to: navSpan},
		{n: 100, u: "s/p1/", from: 0, to: navSpan},
		{n: 100, u: "s/p50/", from: 50 - navSpan/2, to: 50 - navSpan/2 + navSpan},
		{n: 100, u: "s/p5/x/", from: 0, to: navSpan},
		{n: 100, u: "s/p99/", from: 100 - navSpan, to: 100},
	} {
		if from, to := navWindow(section(tc.n).Children, tc.u); from != tc.from || to != tc.to {
			t.Errorf("%d pages, at %s: shows [%d, %d), want [%d, %d)", tc.n, tc.u, from, to, tc.from, tc.to)
		}
	}
	var b strings.Builder
	writeNavItem(&b, section(100), "s/p50/", "../../", textRun(t, "").navMore)
	got := b.String()
	for _, want := range []string{
		`<a href="../../s/p50/" aria-current="page">P50</a>`,
		`<a href="../../s/p45/">P45</a>`, `<a href="../../s/p55/">P55</a>`,
		`<li class="nav-more"><a href="../../s/">All 100 pages of Big &amp; small</a></li></ul></li>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("navigation lacks %s:\n%s", want, got)
		}
	}
	for _, gone := range []string{`s/p44/"`, `s/p56/"`} {
		if strings.Contains(got, gone) {
			t.Errorf("navigation has %s, outside the window:\n%s", gone, got)
		}
	}
}
