package pipeline

import (
	"context"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// A site without baseURL: one warning a build, however many languages and
// pages, and none for the dev server; no sitemap.xml either way.
func TestMissingBaseURLWarnsOnce(t *testing.T) {
	site := fstest.MapFS{
		"site.toml":            {Data: []byte("title = \"T\"\n[languages.en]\nname = \"English\"\n[languages.nl]\nname = \"Nederlands\"\n")},
		"content/_index.md":    {Data: []byte("+++\ntitle = \"Home\"\n+++\nHello.\n")},
		"content/_index.nl.md": {Data: []byte("+++\ntitle = \"Thuis\"\n+++\nHallo.\n")},
		"content/a.md":         {Data: []byte("+++\ntitle = \"A\"\n+++\nA.\n")},
		"content/a.nl.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\nA.\n")},
		"content/b.md":         {Data: []byte("+++\ntitle = \"B\"\n+++\nB.\n")},
	}
	for _, dev := range []bool{false, true} {
		sink := newMemSink()
		res, diags := New().Build(context.Background(), Options{Site: site, Now: exampleNow, DevServer: dev}, sink)
		if res == nil {
			t.Fatalf("dev %v: the build failed: %v", dev, diags)
		}
		var warned diag.List
		for _, d := range diags {
			if strings.Contains(d.Message, "baseURL") {
				warned = append(warned, d)
			}
		}
		switch {
		case dev && len(warned) > 0:
			t.Errorf("the dev server warned: %v", warned)
		case !dev && (len(warned) != 1 || warned[0].Severity != diag.SeverityWarning || warned[0].Position() != "site.toml"):
			t.Errorf("a build without baseURL: %v; want one warning at site.toml", warned)
		case !dev && !strings.Contains(warned[0].Message, "translations"):
			t.Errorf("the warning of a site of two languages does not name the translations: %s", warned[0])
		}
		if _, ok := sink.files["sitemap.xml"]; ok {
			t.Errorf("dev %v: sitemap.xml written without baseURL", dev)
		}
		page := string(sink.files["nl/a/index.html"])
		if !strings.Contains(page, `<link rel="alternate" hreflang="en" href="../../a/">`) {
			t.Errorf("dev %v: nl/a/ has no relative hreflang link to a/:\n%.2000s", dev, page)
		}
	}
	strict, diags := New().Build(context.Background(), Options{Site: site, Now: exampleNow, Strict: true}, newMemSink())
	if strict != nil || !diags.HasErrors() {
		t.Errorf("--strict: a missing baseURL did not fail the build: %v", diags)
	}
}

// The example site's sitemap keeps the sitemap protocol
// (sitemaps.org/protocol.html), as a validator reads it: a urlset in the
// protocol's namespace, each <loc> a whole http(s) address under baseURL,
// percent-encoded and under 2,048 characters, written once; each
// alternate a whole address too; each lastmod a W3C date.
func TestSitemapProtocol(t *testing.T) {
	sink := buildExample(t, Options{})
	data, ok := sink.files["sitemap.xml"]
	if !ok {
		t.Fatal("the example site, which has baseURL, has no sitemap.xml")
	}
	var set struct {
		XMLName xml.Name
		URLs    []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
			Links   []struct {
				Rel      string `xml:"rel,attr"`
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatalf("sitemap.xml is not XML: %v", err)
	}
	if set.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" || set.XMLName.Local != "urlset" {
		t.Fatalf("the root is %v, not the protocol's urlset", set.XMLName)
	}
	const base = "https://cx.intranet.example/"
	whole := func(what, s string) {
		t.Helper()
		u, err := url.Parse(s)
		switch {
		case err != nil || u.Scheme != "https" || u.Host != "cx.intranet.example" || !strings.HasPrefix(s, base):
			t.Errorf("%s %q is not a whole address under %s", what, s, base)
		case len(s) >= 2048:
			t.Errorf("%s %q is 2,048 characters or more", what, s)
		case strings.ContainsFunc(s, func(r rune) bool { return r > 0x7e || strings.ContainsRune(" <>\"{}|\\^`", r) }):
			t.Errorf("%s %q is not percent-encoded", what, s)
		}
	}
	if len(set.URLs) < 10 || len(set.URLs) > 50000 {
		t.Fatalf("%d addresses in sitemap.xml", len(set.URLs))
	}
	seen := map[string]bool{}
	alternates := 0
	for _, u := range set.URLs {
		whole("loc", u.Loc)
		if seen[u.Loc] {
			t.Errorf("loc %q is listed twice", u.Loc)
		}
		seen[u.Loc] = true
		if u.Lastmod != "" {
			if _, err := time.Parse("2006-01-02", u.Lastmod); err != nil {
				t.Errorf("lastmod %q of %s is not a W3C date", u.Lastmod, u.Loc)
			}
		}
		for _, l := range u.Links {
			alternates++
			whole("alternate of "+u.Loc, l.Href)
			if l.Rel != "alternate" || l.Hreflang == "" {
				t.Errorf("an xhtml:link of %s is rel=%q hreflang=%q", u.Loc, l.Rel, l.Hreflang)
			}
		}
	}
	if alternates == 0 {
		t.Error("the example site, in two languages, lists no alternates in its sitemap")
	}
}
