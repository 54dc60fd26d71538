package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rtlSite is a site in English and Arabic (right to left): a section and
// one page translated, one page not (with a table of contents), a term
// translated and one not, both used on both pages; a section not
// translated with a page that is. The site's Arabic table has only the
// sentences about translation (the banner and the notes, marked Arabic);
// the rest of the interface text is English.
var rtlSite = map[string]string{
	"site.toml": `title = "Fixture"
baseURL = "https://cx.example/"
[languages.en]
name = "English"
[languages.ar]
name = "العربية"
direction = "rtl"
`,
	"themes/default/i18n/ar.toml": "[translation]\nmissing = \"لم تترجم هذه الصفحة إلى {language} بعد.\"\nterm = \"لم يترجم إلى {language} بعد.\"\n" +
		"[glossary]\nuntranslated = \"لم يترجم بعد\"\n",
	"content/_index.md":           "+++\ntitle = \"Home\"\n+++\nHome.\n",
	"content/_index.ar.md":        "+++\ntitle = \"الرئيسية\"\n+++\nالصفحة الرئيسية.\n",
	"content/vision/_index.md":    "+++\ntitle = \"Vision\"\n+++\nThe vision.\n",
	"content/vision/_index.ar.md": "+++\ntitle = \"الرؤية\"\n+++\nالرؤية.\n",
	"content/vision/promise.md": "+++\ntitle = \"Our promise\"\nweight = 1\nowner = \"Ana\"\ntags = [\"basics\"]\n" +
		"description = \"What we promise.\"\n+++\nWe keep the [[Customer]] at ease with [[Ease]].\n",
	"content/vision/promise.ar.md": "+++\ntitle = \"وعدنا\"\nweight = 1\nowner = \"Ana\"\ntags = [\"basics\"]\n" +
		"description = \"ما نعد به.\"\ntranslated = 2026-01-10\n+++\nنضع [[عميل]] أولاً مع [[Ease]].\n",
	"content/vision/rules.md": "+++\ntitle = \"House rules\"\nweight = 2\nowner = \"Ana\"\ntags = [\"basics\"]\n" +
		"description = \"The rules, in English only.\"\n+++\nThe rules serve the [[Customer]].\n\n## First rule\n\nBe kind.\n\n## Second rule\n\nBe quick.\n",
	"content/guides/_index.md":           "+++\ntitle = \"Guides\"\nweight = 9\n+++\nGuides, in English only.\n",
	"content/guides/start.md":            "+++\ntitle = \"Getting started\"\ndescription = \"The first steps.\"\n+++\nStart.\n",
	"content/guides/start.ar.md":         "+++\ntitle = \"البداية\"\ndescription = \"الخطوات الأولى.\"\n+++\nابدأ.\n",
	"content/definitions/customer.md":    "+++\ntitle = \"Customer\"\nsummary = \"Someone who buys.\"\n+++\nText.\n",
	"content/definitions/customer.ar.md": "+++\ntitle = \"عميل\"\nsummary = \"شخص يشتري.\"\n+++\nنص.\n",
	"content/definitions/ease.md":        "+++\ntitle = \"Ease\"\nsummary = \"How easy we are.\"\n+++\nNot translated.\n",
}

// TestRightToLeftMarks: wherever a page marks words of another language
// with lang, it marks their direction too when it is not the direction
// around them: the English text of a page the Arabic tree shows
// untranslated (its title, main, table of contents, book section) is
// dir="ltr", the Arabic names and banner inside it dir="rtl"; English
// names in Arabic lists (navigation, pager, cards, tags, owners, glossary,
// tooltips) dir="ltr"; the switcher's entry of the other language has its
// direction. Words in the language around them get neither.
func TestRightToLeftMarks(t *testing.T) {
	dir := t.TempDir()
	addFiles(t, dir, rtlSite)
	out := filepath.Join(dir, "public")
	buildInto(t, dir, out)
	for _, c := range []struct {
		file string
		want []string
	}{
		{"ar/vision/rules/index.html", []string{
			`<html lang="ar" dir="rtl">`,
			`<title lang="en" dir="ltr">House rules · Fixture</title>`,
			// The switcher: each name in its language; the note of an
			// untranslated entry in the language of the interface text,
			// English (the Arabic table has no switcher notes).
			`<a href="../../../vision/rules/" hreflang="en" data-root="../../../" data-default><span class="lang-name" lang="en" dir="ltr">English</span>`,
			`<a href="../../../ar/vision/rules/" hreflang="ar" data-root="../../../ar/" aria-current="page" class="untranslated" lang="en" dir="ltr" title="Not translated into العربية yet: shown in the original language"><span class="lang-name" lang="ar">العربية</span>`,
			`<a href="../../vision/rules/" aria-current="page" lang="en" dir="ltr">House rules</a>`, // navigation
			`<ul class="toc" lang="en" dir="ltr">`,
			`<main id="main" tabindex="-1" lang="en" dir="ltr">`,
			`<p class="translation-banner" role="note" lang="ar" dir="rtl">`,
			`<a href="../../" lang="ar" dir="rtl">الرئيسية</a>`, // breadcrumbs
			`<a href="../../vision/" lang="ar" dir="rtl">الرؤية</a>`,
			`<span lang="ar" dir="rtl"><strong>عميل</strong> شخص يشتري.</span>`, // the Arabic tooltip in English text
			`<span class="pager-title" lang="ar" dir="rtl">وعدنا</span>`,
		}},
		{"ar/vision/promise/index.html", []string{
			`<main id="main" tabindex="-1">`,
			`<span lang="en" dir="ltr"><strong>Ease</strong> How easy we are.</span> <em class="term-untranslated">`,
			`<span class="pager-title" lang="en" dir="ltr">House rules</span>`,
		}},
		{"ar/vision/index.html", []string{
			`<h3 lang="en" dir="ltr"><a href="../vision/rules/">House rules</a></h3>`,
			`<p lang="en" dir="ltr">The rules, in English only.</p>`,
		}},
		{"ar/guides/index.html", []string{ // a section shown in English lists an Arabic page
			`<h3 lang="ar" dir="rtl"><a href="../guides/start/">البداية</a></h3>`,
			`<p lang="ar" dir="rtl">الخطوات الأولى.</p>`,
		}},
		{"ar/glossary/index.html", []string{
			`<div class="term-entry" id="term-ease" lang="en" dir="ltr">`,
			`<span class="term-untranslated" lang="ar" dir="rtl">`,
			`<span class="term-original" lang="en" dir="ltr">· Customer</span>`,
		}},
		{"ar/book/index.html", []string{
			`<li><a href="#b5" lang="en" dir="ltr">House rules</a></li>`, // contents
			`class="book-entry" aria-labelledby="b5" lang="en" dir="ltr">`,
			`<div class="term-entry" lang="en" dir="ltr"><dt>Ease</dt>`, // definitions used
		}},
		{"ar/tags/basics/index.html", []string{`<a href="../../vision/rules/" lang="en" dir="ltr">House rules</a>`}},
		{"ar/owners/index.html", []string{`<a href="../vision/rules/" lang="en" dir="ltr">House rules</a>`}},
		{"ar/definitions/customer/index.html", []string{`<a href="../../vision/rules/" lang="en" dir="ltr">House rules</a>`}},
		{"vision/rules/index.html", []string{
			`<html lang="en" dir="ltr">`,
			`<a href="../../vision/rules/" hreflang="en" data-root="../../" data-default aria-current="page"><span class="lang-name" lang="en">English</span>`,
			`<a href="../../ar/vision/rules/" hreflang="ar" data-root="../../ar/" class="untranslated" title="Not translated into العربية yet: shown in the original language"><span class="lang-name" lang="ar" dir="rtl">العربية</span>`,
		}},
	} {
		b, err := os.ReadFile(filepath.Join(out, c.file))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		for _, w := range c.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s has no %s", c.file, w)
			}
		}
	}
	// An English page of the English tree names no direction but its own
	// and the Arabic entry's of the switcher.
	b, err := os.ReadFile(filepath.Join(out, "vision/rules/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), ` dir="`); n != 2 {
		t.Errorf("vision/rules/index.html has %d dir attributes, want 2 (<html> and the switcher's Arabic entry)", n)
	}
}
