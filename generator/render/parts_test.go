package render

import (
	"html/template"
	"strings"
	"testing"
)

// partTemplates are the default theme's partials as they were before
// shiftbook wrote these parts in Go: the reference each part is held to.
var partTemplates = map[string]string{
	"toc": `<p class="toc-title" aria-hidden="true">{{T "nav.on_this_page"}}</p>
<ul class="toc"{{with .ContentLang}} lang="{{.}}"{{end}}{{with .ContentDir}} dir="{{.}}"{{end}}>
{{- range .TOC}}
  <li><a href="#{{.ID}}">{{.Title}}</a>
  {{- if .Children}}
  <ul>
  {{- range .Children}}<li><a href="#{{.ID}}">{{.Title}}</a></li>{{end}}
  </ul>
  {{- end}}
  </li>
{{- end}}
</ul>
`,
	"breadcrumbs": `{{if .Breadcrumbs}}
<nav class="breadcrumbs" aria-label="{{T "nav.breadcrumb"}}">
  <ol>
  {{- range .Breadcrumbs}}<li><a href="{{.Href}}"{{with .Lang}} lang="{{.}}"{{end}}{{with .Dir}} dir="{{.}}"{{end}}>{{.Title}}</a></li>{{end}}
  <li><span aria-current="page">{{.Title}}</span></li>
  </ol>
</nav>
{{end}}
`,
	"pager": `{{if or .Prev .Next}}
<nav class="pager" aria-label="{{T "nav.pager"}}">
  {{with .Prev}}<a class="pager-prev" rel="prev" href="{{.Href}}"><span class="pager-label">{{T "nav.previous"}}</span> <span class="pager-title"{{with .Lang}} lang="{{.}}"{{end}}{{with .Dir}} dir="{{.}}"{{end}}>{{.Title}}</span></a>{{end}}
  {{with .Next}}<a class="pager-next" rel="next" href="{{.Href}}"><span class="pager-label">{{T "nav.next"}}</span> <span class="pager-title"{{with .Lang}} lang="{{.}}"{{end}}{{with .Dir}} dir="{{.}}"{{end}}>{{.Title}}</span></a>{{end}}
</nav>
{{end}}
`,
	"switcher": `{{- with .Alternates}}
    <nav class="language-switcher" aria-label="{{T "translation.language"}}">
      <ul>{{range .}}<li><a href="{{.Href}}" hreflang="{{.Code}}" data-root="{{.Root}}"{{if .Default}} data-default{{end}}{{if .Current}} aria-current="page"{{end}}{{if .Fallback}} class="untranslated"{{with .NoteMark.Lang}} lang="{{.}}"{{end}}{{with .NoteMark.Dir}} dir="{{.}}"{{end}} title="{{T "translation.untranslated" "language" .Name}}"{{else if .Absent}} class="untranslated absent"{{with .NoteMark.Lang}} lang="{{.}}"{{end}}{{with .NoteMark.Dir}} dir="{{.}}"{{end}} title="{{T "translation.absent" "language" .Name}}"{{end}}><span class="lang-name" lang="{{.Code}}"{{with .Dir}} dir="{{.}}"{{end}}>{{.Name}}</span><span class="lang-code" aria-hidden="true">{{.Code}}</span></a></li>{{end}}</ul>
    </nav>
{{- end}}
`,
	"facts": `{{if or .Owner .Reviewed .Updated .Tags .Focus}}
<dl class="page-meta">
  {{with .Owner}}<div><dt>{{T "meta.owner"}}</dt><dd>{{if $.OwnerURL}}<a href="{{$.OwnerURL}}">{{.}}</a>{{else}}{{.}}{{end}}</dd></div>{{end}}
  {{with .Focus}}<div><dt>{{if eq (len .) 1}}{{T "meta.focus_area"}}{{else}}{{T "meta.focus_areas"}}{{end}}</dt><dd>{{range $i, $f := .}}{{if $i}}, {{end}}<a href="{{$f.Href}}"{{with $f.Lang}} lang="{{.}}"{{end}}{{with $f.Dir}} dir="{{.}}"{{end}}>{{$f.Title}}</a>{{end}}</dd></div>{{end}}
  {{with .Reviewed}}<div><dt>{{T "meta.reviewed"}}</dt><dd><time datetime="{{$.ReviewedISO}}">{{.}}</time></dd></div>{{end}}
  {{with .Updated}}<div><dt>{{T "meta.updated"}}</dt><dd><time datetime="{{$.UpdatedISO}}">{{.}}</time></dd></div>{{end}}
  {{with .Tags}}<div><dt>{{T "meta.tags"}}</dt><dd><ul class="tag-list">{{range .}}<li><a class="tag" href="{{.Href}}">{{.Title}}</a></li>{{end}}</ul></dd></div>{{end}}
</dl>
{{end}}
`,
	"links":      `{{range .Tags}}<li><a href="{{$.Root}}{{.URL}}"{{with .Lang}} lang="{{.}}"{{end}}{{with .Dir}} dir="{{.}}"{{end}}>{{.Title}}</a></li>{{end}}`,
	"alternates": `{{range .Alternates}}{{if not (or .Fallback .Absent)}}<link rel="alternate" hreflang="{{.Code}}" href="{{.Abs}}">{{if .Default}}<link rel="alternate" hreflang="x-default" href="{{.Abs}}">{{end}}{{end}}{{end}}`,
}

// parts are the Go functions of the same names.
var parts = map[string]func(*PageData) template.HTML{
	"toc":         (*PageData).TOCList,
	"breadcrumbs": (*PageData).BreadcrumbTrail,
	"pager":       (*PageData).PagerLinks,
	"switcher":    (*PageData).LanguageLinks,
	"alternates":  (*PageData).AlternateLinks,
	"links":       func(d *PageData) template.HTML { return linkItems(d.Root, d.Tags) },
	"facts":       (*PageData).PageFacts,
}

// TestPartsMatchTemplates: every part is, for the same data, the HTML its
// old partial wrote in a minified build (where the theme's templates are
// minified as they are read), byte for byte, and the same page once
// minified as the partial wrote in a build that is not.
func TestPartsMatchTemplates(t *testing.T) {
	odd := `Tom & Jerry's "<b>best</b>" + Über`
	link := func(title, href, lang string) *LinkData {
		return &LinkData{Title: title, Href: href, Mark: Mark{Lang: lang}}
	}
	rtl := func(title, href, lang, dir string) *LinkData {
		return &LinkData{Title: title, Href: href, Mark: Mark{Lang: lang, Dir: dir}}
	}
	cases := map[string]*PageData{
		"empty": {Title: "Alone"},
		"full": {Title: odd, ContentLang: "en",
			TOC:         []TOCItem{{ID: "a-b", Title: odd, Children: []TOCItem{{ID: "ü/?#%", Title: "<x>"}}}, {ID: "c", Title: "C"}},
			Breadcrumbs: []LinkData{*link("Home", "../../", ""), *link(odd, "../ü ber/?a=1&b=2+3", "nl"), *link("bad", "javascript:alert(1)", "")},
			Prev:        link(odd, "../prev/", "en"), Next: link("Next & last", "../next%20page/", ""),
			Alternates: []AltLink{
				{Code: "en", Name: "English", Href: "../../x/", Root: "../../", Abs: "https://cx.example/x/?q=a&b", Default: true},
				{Code: "nl", Name: "Nederlands", Href: "../../nl/x/", Root: "../../nl/", Abs: "https://cx.example/nl/ü/", Current: true, Fallback: true},
				{Code: "de", Name: `De "utsch"`, Href: "../../de/x/", Root: "../../de/", Abs: "https://cx.example/de/x/", Fallback: true},
				{Code: "fr", Name: "Français", Href: "../../fr/", Root: "../../fr/", Abs: "https://cx.example/fr/", Absent: true, NoteMark: Mark{Lang: "en"}},
				{Code: "pt-BR", Name: "Português", Href: "../../pt-br/x/", Root: "../../pt-br/", Abs: "https://cx.example/pt-br/x/"},
			}},
		"facts": {Title: "F", Root: "../../", Owner: odd, OwnerURL: "../owners/#tom-&-jerry", Reviewed: "3 Nov 2026", ReviewedISO: "2026-11-03",
			Focus: []LinkData{*link("Feel", "../f/", "")}, Tags: []LinkData{
				{Title: "a+b", URL: "tags/a+b/", Href: "../tags/a+b/", Mark: Mark{Lang: "nl"}},
				{Title: odd, URL: "ü/javascript:x?a=1&b", Href: "../tags/c/"}}},
		"owner only": {Title: "O", Owner: "Sam", Updated: "1 Dec", UpdatedISO: "2026-12-01",
			Focus: []LinkData{*link("Feel", "../f/", ""), *link(odd, "../g/", "nl")}},
		"prev only": {Title: "P", Prev: link("Before", "../b/", ""), Breadcrumbs: []LinkData{*link("Home", "../", "")}},
		"next only": {Title: "N", Next: link("After", "../a/", "de"), TOC: []TOCItem{{ID: "x", Title: "X"}}},
		// An Arabic page shown in English: the English parts marked
		// left to right, the Arabic names inside them right to left.
		"arabic": {Title: "قواعد", Root: "../", ContentLang: "en", ContentDir: "ltr",
			TOC:         []TOCItem{{ID: "rules", Title: "Rules"}},
			Breadcrumbs: []LinkData{*link("الرئيسية", "../", "ar"), *rtl("Vision", "../vision/", "en", "ltr")},
			Prev:        rtl("وعدنا", "../promise/", "ar", "rtl"), Next: rtl(`Tom & "Jerry"`, "../next/", "en", "ltr"),
			Tags: []LinkData{{Title: "أساسيات", URL: "tags/basics/", Href: "../tags/basics/", Mark: Mark{Lang: "ar", Dir: "rtl"}}},
			Alternates: []AltLink{
				{Code: "en", Name: "English", Href: "../../rules/", Root: "../../", Abs: "https://cx.example/rules/", Default: true, Dir: "ltr"},
				{Code: "ar", Name: "العربية", Href: "./", Root: "../", Abs: "https://cx.example/ar/rules/", Current: true, Fallback: true, NoteMark: Mark{Lang: "en", Dir: "ltr"}},
			}},
	}
	mini := newMinifier()
	for _, lang := range []string{"", "nl"} {
		r := textRun(t, lang)
		funcs := template.FuncMap{"T": func(key string, pairs ...string) string { return r.text.T(key, pairs...) }}
		for caseName, d := range cases {
			d.text = r.text
			for name, src := range partTemplates {
				var want, wantMinified strings.Builder
				if err := template.Must(template.New(name).Funcs(funcs).Parse(src)).Execute(&want, d); err != nil {
					t.Fatal(err)
				}
				minifiedSrc := string(mini.template([]byte(src)))
				if err := template.Must(template.New(name).Funcs(funcs).Parse(minifiedSrc)).Execute(&wantMinified, d); err != nil {
					t.Fatal(err)
				}
				got := string(parts[name](d))
				if got != wantMinified.String() {
					t.Errorf("%s, %s, %q:\n got %q\nwant %q", name, caseName, lang, got, wantMinified.String())
				}
				gotMin, err := mini.html([]byte(got))
				if err != nil {
					t.Fatal(err)
				}
				wantMin, err := mini.html([]byte(want.String()))
				if err != nil {
					t.Fatal(err)
				}
				if string(gotMin) != string(wantMin) {
					t.Errorf("%s, %s, %q: minified:\n got %q\nwant %q", name, caseName, lang, gotMin, wantMin)
				}
			}
		}
	}
}
