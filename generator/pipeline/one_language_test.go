package pipeline

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// languageOnly are what only a site of several languages writes: the
// switcher, the untranslated banner, the search box's other languages and
// their assets, the edition switcher's language prefix, hreflang alternates
// and the sitemap's xhtml:link.
var languageOnly = []string{
	`class="language-switcher"`, `class="translation-banner"`, "search-other", "data-root=",
	`name="shiftbook-language-prefix"`, "hreflang", "xhtml:link",
	"assets/js/languages.", "assets/css/languages.", `"tr":`, `"f":true`,
}

// languageSite is a small site, in two languages when two is set (with a
// Dutch translation of its promise), minified or not.
func languageSite(minify, two bool) fstest.MapFS {
	toml := fmt.Sprintf("title = \"Fixture\"\nbaseURL = \"https://cx.example/\"\n[build]\nminify = %v\n", minify)
	site := fstest.MapFS{
		"content/_index.md":  {Data: []byte("---\ntitle: Home\n---\nRead [the promise](promise.md).\n")},
		"content/promise.md": {Data: []byte("---\ntitle: Promise\n---\nThe promise. Back [home](_index.md).\n")},
	}
	if two {
		toml += "[languages.en]\n[languages.nl]\n"
		site["content/promise.nl.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Belofte\nslug: belofte\n---\nDe belofte.\n")}
	}
	site["site.toml"] = &fstest.MapFile{Data: []byte(toml)}
	return site
}

// TestOneLanguageSiteWritesNothingOfLanguages: a site without [languages]
// is one language, as before sites could have several: none of the
// languages' markup, assets or index fields is in any file it writes. The
// same site with [languages] writes each of them, so the list is not
// vacuous.
func TestOneLanguageSiteWritesNothingOfLanguages(t *testing.T) {
	for _, minify := range []bool{false, true} {
		for _, two := range []bool{false, true} {
			sink := newMemSink()
			if _, diags := New().Build(context.Background(), Options{Site: languageSite(minify, two), Now: exampleNow}, sink); diags.HasErrors() {
				t.Fatalf("minify=%v languages=%v: %v", minify, two, diags.Err())
			}
			seen := map[string]string{}
			for _, name := range slices.Sorted(maps.Keys(sink.files)) {
				for _, s := range languageOnly {
					if _, ok := seen[s]; !ok && (strings.Contains(string(sink.files[name]), s) || strings.Contains(name, s)) {
						seen[s] = name
					}
				}
			}
			for _, s := range languageOnly {
				where, ok := seen[s]
				switch {
				case !two && ok:
					t.Errorf("minify=%v: a site of one language writes %q (in %s)", minify, s, where)
				case two && !ok:
					t.Errorf("minify=%v: a site of two languages does not write %q: the test no longer names what only languages write", minify, s)
				}
			}
		}
	}
}
