package render

import (
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// markRun is a run of the tree of lang on a site of langs (code:direction).
func markRun(lang string, langs ...string) *run {
	r := &run{site: &link.Site{}}
	for _, l := range langs {
		code, dir, _ := strings.Cut(l, ":")
		r.site.Config.Languages = append(r.site.Config.Languages, parse.Language{Code: code, Direction: dir})
		if code == lang {
			r.opts.Lang = &Language{Code: code, Direction: dir}
		}
	}
	return r
}

// TestMark: words are marked with their language where it is not the
// language around them, and with their direction only where that differs
// too, so a site of left-to-right languages gets no dir at all.
func TestMark(t *testing.T) {
	enAr := []string{"en:ltr", "ar:rtl"}
	enNl := []string{"en:ltr", "nl:ltr"}
	arHe := []string{"ar:rtl", "he:rtl", "en:ltr"}
	for _, c := range []struct {
		name         string
		tree         string
		langs        []string
		lang, around string
		want         Mark
		wantAttrs    string
	}{
		{"English text on an Arabic page", "ar", enAr, "en", "ar", Mark{"en", "ltr"}, ` lang="en" dir="ltr"`},
		{"Arabic name on an English page", "en", enAr, "ar", "en", Mark{"ar", "rtl"}, ` lang="ar" dir="rtl"`},
		{"Arabic inside English text of the Arabic tree", "ar", enAr, "ar", "en", Mark{"ar", "rtl"}, ` lang="ar" dir="rtl"`},
		{"the language around", "ar", enAr, "ar", "ar", Mark{}, ``},
		{"nothing to mark", "ar", enAr, "", "ar", Mark{}, ``},
		{"two left-to-right languages", "nl", enNl, "en", "nl", Mark{Lang: "en"}, ` lang="en"`},
		{"two right-to-left languages", "he", arHe, "ar", "he", Mark{Lang: "ar"}, ` lang="ar"`},
		{"a code the site does not have", "ar", enAr, "fr", "ar", Mark{Lang: "fr"}, ` lang="fr"`},
		{"a site of one language", "", nil, "en", "ar", Mark{}, ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := markRun(c.tree, c.langs...)
			got := r.mark(c.lang, c.around)
			if got != c.want {
				t.Errorf("mark(%q, %q) = %+v, want %+v", c.lang, c.around, got, c.want)
			}
			var b strings.Builder
			got.write(&b)
			if b.String() != c.wantAttrs || got.attrs() != c.wantAttrs {
				t.Errorf("written %q and %q, want %q", b.String(), got.attrs(), c.wantAttrs)
			}
		})
	}
}

// TestTextMark: another page's text is marked against the language of
// the text around it (a page's own, or its tree's on a page the site
// makes), and a metric listed with a mark is a marked copy: the data
// every page shares keeps none.
func TestTextMark(t *testing.T) {
	r := markRun("nl", "en:ltr", "nl:ltr")
	untranslated := &link.Page{Fallback: true}
	translated := &link.Page{}
	for _, c := range []struct {
		name           string
		target, around *link.Page // around nil: a page the site makes
		want           Mark
	}{
		{"untranslated on a Dutch page", untranslated, translated, Mark{Lang: "en"}},
		{"untranslated on a page shown untranslated", untranslated, untranslated, Mark{}},
		{"translated on a page shown untranslated", translated, untranslated, Mark{Lang: "nl"}},
		{"translated on a Dutch page", translated, translated, Mark{}},
		{"untranslated on /owners/", untranslated, nil, Mark{Lang: "en"}},
		{"translated on /owners/", translated, nil, Mark{}},
	} {
		around := r.treeLang()
		if c.around != nil {
			around = r.textLang(c.around)
		}
		if got := r.textMark(c.target, around); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
	m := &link.Metric{ID: "nps", Page: untranslated}
	shared := &MetricData{ID: "nps"}
	r.metrics = map[string]*MetricData{"nps": shared}
	if got := r.metricOn(m, "nl"); got == shared || got.Mark != (Mark{Lang: "en"}) {
		t.Errorf("metricOn in Dutch text: %p %+v, want a copy marked en (shared %p)", got, got.Mark, shared)
	}
	if got := r.metricOn(m, "en"); got != shared || shared.Mark != (Mark{}) {
		t.Errorf("metricOn in English text: %p %+v, want the shared data unmarked (%p)", got, shared.Mark, shared)
	}
}
