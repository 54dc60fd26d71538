package link

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
)

var testNow = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

// resolveFiles parses content files (path → source) and resolves them as a
// site with the default configuration.
func resolveFiles(t testing.TB, files map[string]string, static ...string) (*Site, diag.List) {
	t.Helper()
	return resolveWith(t, parse.DefaultConfig(), files, static...)
}

func resolveWith(t testing.TB, cfg parse.Config, files map[string]string, static ...string) (*Site, diag.List) {
	t.Helper()
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var inputs []Input
	for _, p := range paths {
		page, diags := parse.ReadPage(p, []byte(files[p]))
		if len(diags) > 0 {
			t.Fatalf("%s: %v", p, diags.Err())
		}
		inputs = append(inputs, Input{Page: page})
	}
	s, _, diags := Resolve(cfg, inputs, nil, Files{Paths: static}, testNow, markdown.New(markdown.Options{}), nil)
	return s, diags
}

func page(title, body string) string {
	return fmt.Sprintf("+++\ntitle = %q\n+++\n%s", title, body)
}

func TestParentURLAndTitleFromSlug(t *testing.T) {
	for u, want := range map[string]string{"/": "", "/a/": "/", "/a/b/": "/a/", "/a/b/c/": "/a/b/",
		"/a/-/b/": "/a/-/", "/a/.../b/": "/a/.../", "/a/.well-known/": "/a/", "/ä/ö/": "/ä/",
		// Not made by slug.PageURL, but read as path.Dir reads them.
		"/a//b/": "/a/", "/a/./b/": "/a/", "/a/../b/": "/"} {
		if got := ParentURL(u); got != want {
			t.Errorf("ParentURL(%q) = %q; want %q", u, got, want)
		}
	}
	for slug, want := range map[string]string{"focus-areas": "Focus Areas", "plan": "Plan", "a_b": "A B", "100-days": "100 Days"} {
		if got := titleFromSlug(slug); got != want {
			t.Errorf("titleFromSlug(%q) = %q; want %q", slug, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	s, diags := resolveFiles(t, map[string]string{
		"content/_index.md":            page("Home", "## Welcome\n"),
		"content/vision/_index.md":     page("Vision", "## Our vision\n"),
		"content/vision/promise.md":    page("Promise", "## Our promise\n\n## Our promise\n\n### Custom {#mine}\n"),
		"content/vision/always.md":     page("Always", ""),
		"content/plan/100 days.md":     page("100 days", "## Days 1 to 30\n"),
		"content/plan/slugged.md":      "+++\ntitle = \"S\"\nslug = \"the-slug\"\n+++\n",
		"content/definitions/nps.md":   page("Net Promoter Score", ""),
		"content/extra/deep/orphan.md": page("Orphan", ""),
	}, "content/vision/img/pic.png", "content/files/report.pdf", "static/img/logo.png", "static/robots.txt")
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	from := s.byPath["content/vision/promise.md"]
	tests := []struct {
		dest, want, err string
	}{
		// Markdown files, relative to the page's file.
		{dest: "always.md", want: "/vision/always/"},
		{dest: "./always.md", want: "/vision/always/"},
		{dest: "_index.md", want: "/vision/"},
		{dest: "../_index.md", want: "/"},
		{dest: "../plan/100%20days.md", want: "/plan/100-days/"},
		{dest: "../plan/slugged.md", want: "/plan/the-slug/"},
		{dest: "/vision/always.md", want: "/vision/always/"}, // from content/
		{dest: "promise.md", want: "/vision/promise/"},
		{dest: "always.md#nope", err: `link to always.md#nope: content/vision/always.md has no heading with the id "nope"; that page has no headings to link to: link to the page itself, or add a heading there`},
		{dest: "../_index.md#welcome", want: "/#welcome"},
		{dest: "ALWAYS.MD", want: "/vision/always/"}, // another letter case: written canonically
		{dest: "../Plan/Slugged.md", want: "/plan/the-slug/"},
		// Suggestions are written as the link must be: from the page's folder, or from content/.
		{dest: "../vision.md", err: "link to ../vision.md, which does not exist; did you mean _index.md?"},
		{dest: "../plan/sluged.md", err: "link to ../plan/sluged.md, which does not exist; did you mean ../plan/slugged.md?"},
		{dest: "/plan/sluged.md", err: "link to /plan/sluged.md, which does not exist; did you mean /plan/slugged.md?"},
		{dest: "../extra/deep/orphn.md", err: "link to ../extra/deep/orphn.md, which does not exist; did you mean ../extra/deep/orphan.md?"},
		{dest: "nothing.md", err: "link to nothing.md, which does not exist; check the file name and the ../ steps"},

		// URLs, relative to the page's URL /vision/promise/ as a browser takes them.
		{dest: "../always/", want: "/vision/always/"},
		{dest: "../always", want: "/vision/always/"},
		{dest: "../../plan/100-days/", want: "/plan/100-days/"},
		{dest: "/plan/the-slug/", want: "/plan/the-slug/"},
		{dest: "/", want: "/"},
		{dest: "../", want: "/vision/"},
		{dest: "/extra/deep/", want: "/extra/deep/"}, // a folder without _index.md still has its page
		{dest: "/glossary/", want: "/glossary/"},
		{dest: "/glossary/#term-net-promoter-score", want: "/glossary/#term-net-promoter-score"},
		{dest: "/glossary/#letter-n", want: "/glossary/#letter-n"},
		{dest: "/glossary/#term-nothing", err: `link to /glossary/#term-nothing: /glossary/ has no anchor "term-nothing"`},
		{dest: "/search/", want: "/search/"},
		{dest: "/search/#x", err: `link to /search/#x: /search/ has no anchor "x"`},
		{dest: "/plan/100-dayz/", err: "link to /plan/100-dayz/, which is not a page of the site; did you mean /plan/100-days/?"},
		{dest: "../nothing/", err: "link to ../nothing/ (/vision/nothing/), which is not a page of the site; relative links are taken from the page's own address, or from its file's folder as GitHub does; or link to the .md file instead"},
		{dest: "../Always/", want: "/vision/always/"}, // another letter case
		{dest: "/PLAN/The-Slug/", want: "/plan/the-slug/"},
		// Not from the page's address (/vision/plan/), but from its file's folder, as GitHub reads it.
		{dest: "../plan/", want: "/plan/"},
		{dest: "../extra/deep", want: "/extra/deep/"},
		{dest: "../plan/the-slug/#x", err: `link to ../plan/the-slug/#x: content/plan/slugged.md has no heading with the id "x"; that page has no headings to link to: link to the page itself, or add a heading there`},
		{dest: "/plan/the-slugs/", err: "link to /plan/the-slugs/, which is not a page of the site; did you mean /plan/the-slug/?"},
		{dest: "/plan/other/", err: "link to /plan/other/, which is not a page of the site; relative links are taken from the page's own address, or from its file's folder as GitHub does; or link to the .md file instead"},
		{dest: "../always/?q=1", want: "/vision/always/"},

		// Anchors.
		{dest: "#our-promise", want: "/vision/promise/#our-promise"},
		{dest: "#our-promise-1", want: "/vision/promise/#our-promise-1"},
		{dest: "#mine", want: "/vision/promise/#mine"},
		{dest: "#our-promis", err: "link to #our-promis: content/vision/promise.md has no heading with the id \"our-promis\"; did you mean #our-promise?"},
		{dest: "../always/#x", err: `link to ../always/#x: content/vision/always.md has no heading with the id "x"; that page has no headings to link to: link to the page itself, or add a heading there`},

		// Files that are not pages.
		{dest: "img/pic.png", want: "/vision/img/pic.png"},    // beside the page's file
		{dest: "../img/pic.png", want: "/vision/img/pic.png"}, // or by URL
		{dest: "/files/report.pdf", want: "/files/report.pdf"},
		{dest: "/sitemap.xml", err: `link to /sitemap.xml, which is written only when site.toml sets baseURL (the address the site is published at, such as baseURL = "https://cx.example.com/"); add baseURL, or remove the link`},
		{dest: "/404.html", want: "/404.html"},
		{dest: "img/nope.png", err: "link to img/nope.png, which is neither a page nor a file of the site; put the file under content/ or fix the path"},
		// Files of static/, at the root as in Hugo and Docusaurus.
		{dest: "/img/logo.png", want: "/img/logo.png"},
		{dest: "../../img/logo.png", want: "/img/logo.png"},
		{dest: "/robots.txt", want: "/robots.txt"},
		{dest: "/static/img/logo.png", err: "link to /static/img/logo.png, which is neither a page nor a file of the site; put the file at static/static/img/logo.png (the files of static/ are published at the site's root, as in Hugo and Docusaurus) or at content/static/img/logo.png, or fix the path"},
		{dest: "/img/nope.png", err: "link to /img/nope.png, which is neither a page nor a file of the site; put the file at static/img/nope.png (the files of static/ are published at the site's root, as in Hugo and Docusaurus) or at content/img/nope.png, or fix the path"},
	}
	for _, tt := range tests {
		got, msg := s.resolve(from, tt.dest)
		if got != tt.want || msg != tt.err {
			t.Errorf("resolve(%q) = %q, %q\n\twant %q, %q", tt.dest, got, msg, tt.want, tt.err)
		}
		// A suggestion must be right: written in the page, it resolves.
		if _, sug, ok := strings.Cut(msg, "did you mean "); ok {
			sug = strings.TrimSuffix(sug, "?")
			if strings.HasPrefix(sug, "#") {
				sug = strings.SplitN(tt.dest, "#", 2)[0] + sug
			}
			if _, again := s.resolve(from, sug); again != "" {
				t.Errorf("resolve(%q) suggests %q, which does not resolve: %s", tt.dest, sug, again)
			}
		}
	}
}

// A link to /sitemap.xml leads to the sitemap of a site with baseURL; a
// site without one has none (see parse.MissingBaseURL).
func TestSitemapLinkNeedsBaseURL(t *testing.T) {
	cfg := parse.DefaultConfig()
	cfg.BaseURL = "https://cx.example.com/"
	s, diags := resolveWith(t, cfg, map[string]string{"content/_index.md": page("Home", "")})
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	for _, dest := range []string{"/sitemap.xml", "sitemap.xml", "/sitemap.xml#top"} {
		if got, msg := s.resolve(s.byPath["content/_index.md"], dest); !strings.HasPrefix(got, "/sitemap.xml") || msg != "" {
			t.Errorf("resolve(%q) = %q, %q; want the sitemap", dest, got, msg)
		}
	}
}

// A link from the root to a file the site does not publish names the file
// where it is in the site folder, and where it must go.
func TestMissingFileElsewhere(t *testing.T) {
	s, diags := resolveFiles(t, map[string]string{"content/_index.md": page("Home", "")})
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	s.elsewhere = func(rel string) []string {
		return map[string][]string{
			"/img/logo.png": {"img/logo.png"},
			"/a.pdf":        {"docs/a.pdf", "old/a.pdf", "x/a.pdf", "y/a.pdf"},
		}[rel]
	}
	for dest, want := range map[string]string{
		"/img/logo.png": "link to /img/logo.png, which is neither a page nor a file of the site; img/logo.png is in the site folder, but only the files under static/ and content/ are published: move it to static/img/logo.png, which is published as /img/logo.png",
		"/a.pdf":        "link to /a.pdf, which is neither a page nor a file of the site; docs/a.pdf, old/a.pdf, x/a.pdf and 1 more are in the site folder, but only the files under static/ and content/ are published: move the one you mean to static/a.pdf, which is published as /a.pdf",
		"/b.pdf":        "link to /b.pdf, which is neither a page nor a file of the site; put the file at static/b.pdf (the files of static/ are published at the site's root, as in Hugo and Docusaurus) or at content/b.pdf, or fix the path",
		"img/logo.png":  "link to img/logo.png, which is neither a page nor a file of the site; put the file under content/ or fix the path",
	} {
		if _, msg := s.resolve(s.Home, dest); msg != want {
			t.Errorf("resolve(%q):\n got %s\nwant %s", dest, msg, want)
		}
	}
}

func TestExternal(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://example.com": true, "mailto:a@b.c": true, "tel:+1": true, "//cdn.example.com/x": true,
		"a.md": false, "/a/": false, "#x": false, "../a/b.md#c": false, "c:d.md": true,
	} {
		if got := external(dest); got != want {
			t.Errorf("external(%q) = %v; want %v", dest, got, want)
		}
	}
}

// vocabulary is a small shared vocabulary for matching tests: terms that
// nest ("Customer", "Customer journey"), abbreviations and a synonym.
func vocabulary() map[string]string {
	return map[string]string{
		"content/definitions/customer.md":         page("Customer", ""),
		"content/definitions/customer-journey.md": page("Customer journey", ""),
		"content/definitions/nps.md":              "+++\ntitle = \"Net Promoter Score\"\nabbr = \"NPS\"\n+++\n",
		"content/definitions/ces.md":              "+++\ntitle = \"Customer Effort Score\"\nabbr = \"CES\"\n+++\n",
		"content/definitions/cx.md":               "+++\ntitle = \"Customer experience\"\nabbr = \"CX\"\nsynonyms = [\"experience\"]\n+++\n",
	}
}

func TestTermsMatch(t *testing.T) {
	s, diags := resolveFiles(t, vocabulary())
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	tests := []struct {
		text string
		want []string // matched text = definition title
	}{
		{"a customer", []string{"customer=Customer"}},
		{"Customer journey maps", []string{"Customer journey=Customer journey"}},  // longest first
		{"the customer journeys", []string{"customer journeys=Customer journey"}}, // plural
		{"customers and customeres", []string{"customers=Customer", "customeres=Customer"}},
		{"customerism customer-centric customer_id", nil},    // whole words only
		{"a customer's view", []string{"customer=Customer"}}, // possessive
		{"NPS, CES and CX", []string{"NPS=Net Promoter Score", "CES=Customer Effort Score", "CX=Customer experience"}},
		{"nps ces cx", nil}, // abbreviations as written
		{"NPSs CXs", nil},   // no plural of an abbreviation
		{"net promoter score and NET PROMOTER SCORE", []string{"net promoter score=Net Promoter Score", "NET PROMOTER SCORE=Net Promoter Score"}},
		{"customer effort score", []string{"customer effort score=Customer Effort Score"}},
		{"customer effort", []string{"customer=Customer"}}, // a prefix of a longer term is the shorter term
		{"experiences", []string{"experiences=Customer experience"}},
		{"Été customer", []string{"customer=Customer"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range s.Terms.match([]byte(tt.text)) {
			got = append(got, tt.text[m.Start:m.End]+"="+m.Def.Title())
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("match(%q) = %q; want %q", tt.text, got, tt.want)
		}
	}
	for name, want := range map[string]string{"nps": "Net Promoter Score", " NPS ": "Net Promoter Score", "EXPERIENCE": "Customer experience", "customer journey": "Customer journey",
		"customers": "Customer", "Customer journeys": "Customer journey", "experiences": "Customer experience"} {
		if def := s.Terms.Lookup(name); def == nil || def.Title() != want {
			t.Errorf("Lookup(%q) = %v; want %q", name, def, want)
		}
	}
	for _, name := range []string{"nobody", "npss", "NPSs", "cxes"} { // no plural of an abbreviation
		if def := s.Terms.Lookup(name); def != nil {
			t.Errorf("Lookup(%q) = %v; want none", name, def.Title())
		}
	}
}

func TestLetter(t *testing.T) {
	for title, want := range map[string]string{"Net Promoter Score": "N", "éclat": "É", " x": "X", "100-day plan": "#", "": "#", "“Quoted”": "#"} {
		if got := Letter(title); got != want {
			t.Errorf("Letter(%q) = %q; want %q", title, got, want)
		}
	}
}

// TestTermsGolden writes the term index and each page's autolink plan for
// the pages of testdata/terms.txtar to testdata/terms.golden.
func TestTermsGolden(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "terms.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	s, diags := resolveFiles(t, files, "content/x.png")
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	var b strings.Builder
	b.WriteString("# term index: title [abbr] (synonyms) url glossary-anchor\n")
	for _, d := range s.Terms.List {
		fmt.Fprintf(&b, "%s [%s] (%s) %s #%s\n", d.Title(), d.Meta.Definition.Abbr, strings.Join(d.Meta.Definition.Synonyms, ", "), d.URL, TermID(d))
	}
	b.WriteString("\n# glossary anchors\n")
	var anchors []string
	for a := range s.Generated["/glossary/"] {
		anchors = append(anchors, a)
	}
	sort.Strings(anchors)
	b.WriteString(strings.Join(anchors, " ") + "\n")
	for _, p := range s.Pages {
		if p.Virtual {
			continue
		}
		fmt.Fprintf(&b, "\n# %s\n", p.Path)
		// The body as rendered with placeholders: {I} is the id prefix,
		// {Ln} the URL of link n, {Sn} shortcode n.
		b.WriteString(showPlaceholders(string(p.Body.HTML)))
		for i, l := range p.Body.Links {
			fmt.Fprintf(&b, "L%d: %q → %s\n", i, l.Dest, p.Targets[i])
		}
		var uses []string
		for _, u := range p.Uses {
			uses = append(uses, u.URL)
		}
		fmt.Fprintf(&b, "uses: %s\n", strings.Join(uses, " "))
		var users []string
		for _, u := range s.UsedBy[p] {
			users = append(users, u.URL)
		}
		if len(users) > 0 {
			fmt.Fprintf(&b, "used by: %s\n", strings.Join(users, " "))
		}
	}
	testfiles.Golden(t, filepath.Join("testdata", "terms.golden"), []byte(b.String()))
}

var placeholderRE = regexp.MustCompile("\x00([A-Z][0-9]*)\x00")

func showPlaceholders(s string) string { return placeholderRE.ReplaceAllString(s, "{$1}") }

func TestAutolinkOff(t *testing.T) {
	cfg := parse.DefaultConfig()
	cfg.Glossary.Autolink = false
	s, diags := resolveWith(t, cfg, map[string]string{
		"content/_index.md":               page("Home", "A customer and [[Customer]].\n"),
		"content/definitions/customer.md": page("Customer", ""),
	})
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	home := s.ByURL["/"]
	if got := strings.Count(string(home.Body.HTML), string(Mark)+string(PlaceTerm)); got != 1 {
		t.Errorf("autolink = false: %d term links, want only the [[Customer]] one:\n%s", got, home.Body.HTML)
	}
	if !strings.HasPrefix(string(home.Body.HTML), "<p>A customer and ") {
		t.Errorf("the plain mention was linked:\n%s", home.Body.HTML)
	}
	if len(home.Uses) != 1 || len(s.UsedBy[s.ByURL["/definitions/customer/"]]) != 1 {
		t.Errorf("an explicit [[term]] is still a use: uses %d", len(home.Uses))
	}
}

func TestLongerName(t *testing.T) {
	tests := []struct {
		text, mention, want string // want: the longer name, "" when none
	}{
		{"Join Customer Experience Week in May.", "Customer Experience", "Customer Experience Week"},
		{"Our Customer Experience matters.", "Customer Experience", ""},    // "Our" begins the sentence
		{"It is. Customer Experience matters.", "Customer Experience", ""}, // so does this one
		{"the Northwind Customer Experience team", "Customer Experience", "Northwind Customer Experience"},
		{"customer experience week", "customer experience", ""},          // not capitalised
		{"Customer Experience, Week by week", "Customer Experience", ""}, // a comma ends the name
		{"Net Promoter Score (NPS) rose", "Net Promoter Score", ""},
		{"the Q3 NPS Review is out", "NPS", "Q3 NPS Review"},
	}
	for _, tt := range tests {
		start := strings.Index(tt.text, tt.mention)
		from, to, inside := longerName([]byte(tt.text), start, start+len(tt.mention))
		got := ""
		if inside {
			got = tt.text[from:to]
		}
		if got != tt.want {
			t.Errorf("longerName(%q, %q) = %q; want %q", tt.text, tt.mention, got, tt.want)
		}
	}
}

// TestBuiltinsTable checks the one table of shortcodes: sorted, each name
// once, every entry saying what its argument is and what it shows.
func TestBuiltinsTable(t *testing.T) {
	for i, b := range Builtins {
		if i > 0 && Builtins[i-1].Name >= b.Name {
			t.Errorf("Builtins: %q after %q; keep them sorted, each once", b.Name, Builtins[i-1].Name)
		}
		if b.Arg == "" || b.Shows == 0 || b.Template == "" {
			t.Errorf("Builtins: %q lacks its argument, what it shows or its template: %+v", b.Name, b)
		}
		if got, ok := BuiltinShortcode(b.Name); !ok || got.Name != b.Name || got.Template != b.Template {
			t.Errorf("BuiltinShortcode(%q) = %+v, %v", b.Name, got, ok)
		}
	}
	for _, b := range Builtins {
		for _, o := range b.Options {
			if o.Eg == "" || o.Does == "" || !strings.HasPrefix(o.Eg, o.Name+"=") {
				t.Errorf("Builtins: option %q of %q lacks its example or what it does: %+v", o.Name, b.Name, o)
			}
		}
	}
	if _, ok := BuiltinShortcode("nosuch"); ok {
		t.Error(`BuiltinShortcode("nosuch") found one`)
	}
}

func TestWithLanguage(t *testing.T) {
	for _, tt := range []struct{ u, code, want string }{
		{"/img/chart.png", "fr", "/img/chart.fr.png"},
		{"/a.b.svg", "pt-BR", "/a.b.pt-BR.svg"},
		{"/img/chart", "fr", ""},
		{"/img/.png", "fr", ""},
	} {
		if got := withLanguage(tt.u, tt.code); got != tt.want {
			t.Errorf("withLanguage(%q, %q) = %q, want %q", tt.u, tt.code, got, tt.want)
		}
	}
}
