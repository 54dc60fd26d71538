package serve

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/pipeline"
	"github.com/shiftbook/shiftbook/themes"
)

// TestRebuildMatchesFullBuild is the property that makes the dev server's
// caches safe: after any sequence of edits, every file the server returns
// is byte for byte what a fresh build of the same files makes, and a site
// with errors shows the same errors. Each step applies one random edit
// (page text, front matter, a definition, a data file, a template, adding
// or deleting a file or a whole folder), rebuilds the server as its
// watcher would, then compares it with pipeline.New() built from nothing.
//
// The short run is part of go test ./...; SHIFTBOOK_PROPERTY_STEPS (and
// SHIFTBOOK_PROPERTY_SEEDS) make the long run of CI. A failure prints the
// seed and the edits so far, to replay with -run and the same variables.
func TestRebuildMatchesFullBuild(t *testing.T) {
	steps, seeds := envInt(t, "SHIFTBOOK_PROPERTY_STEPS", 30), envInt(t, "SHIFTBOOK_PROPERTY_SEEDS", 2)
	first := envInt(t, "SHIFTBOOK_PROPERTY_SEED", 1)
	t.Setenv("SOURCE_DATE_EPOCH", "1796000000")
	for seed := first; seed < first+seeds; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			checkEdits(t, uint64(seed), steps)
		})
	}
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a whole number above 0", name, v)
	}
	return n
}

func checkEdits(t *testing.T, seed uint64, steps int) {
	ctx := context.Background()
	g := newGenSite(t, seed)
	srv := New(Options{Dir: g.dir})
	srv.rebuild(ctx, nil)
	compareWithFresh(t, srv, g.dir, nil)
	broken := 0
	defer func() {
		t.Logf("%d edits, %d of them left the site with errors, %d files at the end", steps, broken, len(srv.current().built.Paths()))
	}()
	for step := range steps {
		edit, paths := g.edit()
		g.log = append(g.log, edit)
		b := &Batch{Paths: paths}
		for _, p := range paths {
			b.Changes.Add(classify(p, "content/data"))
		}
		// Some pages are asked for before the edit: the old generation's
		// page cache must not leak into the new one.
		srv.current().file(g.somePage())
		srv.rebuild(ctx, b)
		if t.Failed() {
			return
		}
		compareWithFresh(t, srv, g.dir, func() string {
			return fmt.Sprintf("seed %d, step %d; edits:\n  %s", seed, step, strings.Join(g.log, "\n  "))
		})
		if t.Failed() {
			return
		}
		if srv.errs != nil {
			t.Logf("step %d, %s: the site has errors, as it should: %s", step, g.log[len(g.log)-1], srv.errs[0])
			broken++
		}
	}
}

// compareWithFresh builds dir from nothing and checks that every file of it
// is what srv serves over HTTP, and that srv serves nothing more.
func compareWithFresh(t *testing.T, srv *Server, dir string, history func() string) {
	t.Helper()
	where := func() string {
		if history == nil {
			return "first build"
		}
		return history()
	}
	fresh, diags := pipeline.New().Prepare(context.Background(), pipeline.Options{
		Site: os.DirFS(dir), LiveReload: true, NoMinify: true,
	})
	srv.mu.RLock()
	errs, gen := srv.errs, srv.gen
	srv.mu.RUnlock()
	if fresh == nil {
		if got, want := listText(errs), listText(diags); got != want {
			t.Fatalf("%s\nthe server shows these errors:\n%s\na fresh build has:\n%s", where(), got, want)
		}
		return
	}
	if errs != nil {
		t.Fatalf("%s\nthe server shows errors, a fresh build has none:\n%s", where(), errs)
	}
	if got, want := gen.built.Paths(), fresh.Paths(); !slices.Equal(got, want) {
		t.Fatalf("%s\nthe server has files %q\na fresh build %q", where(), diff(got, want), diff(want, got))
	}
	for _, p := range fresh.Paths() {
		want, _ := fresh.File(p)
		req := httptest.NewRequest(http.MethodGet, "/"+strings.TrimSuffix(p, "index.html"), nil)
		req.Host = "127.0.0.1"
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s\nGET %s: status %d", where(), req.URL.Path, rec.Code)
		}
		if got := rec.Body.Bytes(); string(got) != string(want) {
			t.Fatalf("%s\nGET %s differs from a fresh build:\n%s", where(), req.URL.Path, firstDifference(got, want))
		}
	}
}

func listText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// diff lists what is in a and not in b.
func diff(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf("served: …%s…\nfresh:  …%s…", got[from:min(len(got), i+120)], want[from:min(len(want), i+120)])
}

// genSite is a generated site on disk and the parts of it edits pick from.
// The stable pages (home, sections, the first pages of each, the first
// terms) are never deleted, so links to them stay good; pages and terms the
// edits add may be deleted again. Some edits break the site on purpose (a
// link to a page that is gone), and later ones mend it.
type genSite struct {
	t       *testing.T
	dir     string
	rnd     *rand.Rand
	pages   []string // content paths of editable pages
	added   []string // pages and terms edits added, deletable
	folders []string // sections edits added, deletable with all in them
	terms   []string // term names, for text that autolinks
	points  int      // data points written
	broken  string   // a page that may link to a page that is gone
	log     []string
	n       int // a counter for new names
}

var words = strings.Fields("the team reads each survey and calls back within two days so that a customer who waited " +
	"hears from someone who can fix the fault on the line before the bill arrives")

func newGenSite(t *testing.T, seed uint64) *genSite {
	g := &genSite{t: t, dir: t.TempDir(), rnd: rand.New(rand.NewPCG(seed, 15))}
	g.write("site.toml", "title = \"Property\"\nbaseURL = \"https://example.org/\"\n\n[glossary]\nautolink = true\n\n"+
		"[book]\ntitle = \"The book\"\nchapters = [\"guide\", \"team\"]\n")
	g.write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nWelcome to the [guide](guide/_index.md).\n")
	g.write("content/definitions/_index.md", "+++\ntitle = \"Definitions\"\n+++\n")
	for i, term := range []string{"Callback", "Fault", "Survey"} {
		g.terms = append(g.terms, term)
		g.write(fmt.Sprintf("content/definitions/term%d.md", i), g.definition(term))
	}
	for _, sec := range []string{"guide", "team"} {
		g.write("content/"+sec+"/_index.md", fmt.Sprintf("+++\ntitle = %q\n+++\nAbout %s.\n", strings.ToUpper(sec[:1])+sec[1:], sec))
		for i := range 3 {
			p := fmt.Sprintf("content/%s/p%d.md", sec, i)
			g.pages = append(g.pages, p)
			g.write(p, g.page(fmt.Sprintf("%s page %d", sec, i), i))
		}
	}
	g.write("content/metrics/_index.md", "+++\ntitle = \"Metrics\"\n+++\n")
	g.write("content/metrics/nps.md", "+++\ntitle = \"NPS\"\nmetric = \"nps\"\ndirection = \"up\"\ntarget = 45\ndata = \"nps.csv\"\n+++\n"+
		"Now {{< metric \"nps\" >}}; see the [guide](../guide/p0.md).\n")
	g.pages = append(g.pages, "content/metrics/nps.md")
	g.writeData()
	return g
}

func (g *genSite) write(name, text string) {
	g.t.Helper()
	write(g.t, g.dir, name, text)
}

func (g *genSite) remove(name string) {
	g.t.Helper()
	if err := os.RemoveAll(filepath.Join(g.dir, name)); err != nil {
		g.t.Fatal(err)
	}
}

func (g *genSite) definition(term string) string {
	return fmt.Sprintf("+++\ntitle = %q\nsynonyms = [%q]\nsummary = \"What %s means here.\"\n+++\n%s\n",
		term, strings.ToLower(term)+"s", strings.ToLower(term), g.sentence())
}

// page is a page whose body mentions terms (autolinked), links to a stable
// page, and sometimes has a code block and a heading.
func (g *genSite) page(title string, weight int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\nweight = %d\ntags = [%q]\n+++\n", title, weight, []string{"calls", "bills", "faults"}[g.rnd.IntN(3)])
	for range 1 + g.rnd.IntN(3) {
		b.WriteString(g.sentence() + "\n\n")
	}
	if g.rnd.IntN(3) == 0 {
		fmt.Fprintf(&b, "## Heading %d\n\n%s\n\n", g.rnd.IntN(4), g.sentence())
	}
	if g.rnd.IntN(4) == 0 {
		b.WriteString("```go\nfunc main() { println(\"hi\") }\n```\n\n")
	}
	fmt.Fprintf(&b, "See [[%s]] and the [home page](/_index.md).\n", g.terms[g.rnd.IntN(3)])
	return b.String()
}

// sentence is random words with a term name or synonym now and then.
func (g *genSite) sentence() string {
	n := 6 + g.rnd.IntN(10)
	out := make([]string, n)
	for i := range out {
		if g.rnd.IntN(6) == 0 {
			term := g.terms[g.rnd.IntN(len(g.terms))]
			if g.rnd.IntN(2) == 0 {
				term = strings.ToLower(term) + "s"
			}
			out[i] = term
			continue
		}
		out[i] = words[g.rnd.IntN(len(words))]
	}
	return strings.ToUpper(out[0][:1]) + out[0][1:] + " " + strings.Join(out[1:], " ") + "."
}

func (g *genSite) writeData() {
	var b strings.Builder
	b.WriteString("date,value\n")
	for i := range 3 + g.points {
		fmt.Fprintf(&b, "2026-%02d-28,%d\n", 1+i%12, 30+(i*7)%20)
	}
	g.write("content/data/nps.csv", b.String())
}

func (g *genSite) somePage() string {
	p := g.pages[g.rnd.IntN(len(g.pages))]
	return strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md") + "/index.html"
}

// edit applies one random edit and returns what it did and the paths it
// touched, relative to the site.
func (g *genSite) edit() (string, []string) {
	g.n++
	if g.broken != "" && g.rnd.IntN(2) == 0 {
		p := g.broken
		g.broken = ""
		g.write(p, g.page(fmt.Sprintf("Mended %d", g.n), 1))
		return "link mended in " + p, []string{p}
	}
	switch g.rnd.IntN(10) {
	case 0, 1: // page text
		p := g.pages[g.rnd.IntN(len(g.pages))]
		text := g.read(p)
		i := strings.Index(text[3:], "+++") + 7
		g.write(p, text[:i]+g.sentence()+"\n\n"+text[i:])
		return "text of " + p, []string{p}
	case 2: // front matter: a new title and weight, seen in every page's navigation
		p := g.pages[g.rnd.IntN(len(g.pages))]
		if p == "content/metrics/nps.md" {
			return g.editData()
		}
		g.write(p, g.page(fmt.Sprintf("Retitled %d", g.n), g.rnd.IntN(5)))
		return "front matter of " + p, []string{p}
	case 3: // a definition: new synonym, so autolinks change on many pages
		i := g.rnd.IntN(3)
		p := fmt.Sprintf("content/definitions/term%d.md", i)
		// A word the pages use, so that its mentions become links (or stop
		// being links) all over the site.
		synonym := []string{"line", "bill", "team", "customer", "the fault"}[g.rnd.IntN(5)]
		text := strings.Replace(g.definition(g.terms[i]), "synonyms = [", fmt.Sprintf("synonyms = [%q, ", synonym), 1)
		g.write(p, text)
		return "definition " + p, []string{p}
	case 4:
		return g.editData()
	case 5: // a template of the site's own over the theme's, or back to the theme's
		p := "themes/default/layouts/partials/site-footer.html"
		if g.rnd.IntN(3) == 0 {
			g.remove(p)
			return "template removed", []string{p}
		}
		orig, err := fs.ReadFile(themes.FS, "default/layouts/partials/site-footer.html")
		if err != nil {
			g.t.Fatal(err)
		}
		g.write(p, strings.Replace(string(orig), "</footer>", fmt.Sprintf("<p>Footer %d</p></footer>", g.n), 1))
		return "template " + p, []string{p}
	case 6: // a new page in a section, maybe a new term
		if g.rnd.IntN(2) == 0 {
			term := fmt.Sprintf("Zone%d", g.n)
			p := fmt.Sprintf("content/definitions/added%d.md", g.n)
			g.write(p, g.definition(term))
			g.added = append(g.added, p)
			g.terms = append(g.terms, term) // mentioned from now on, autolinked
			return "term added " + p, []string{p}
		}
		p := fmt.Sprintf("content/%s/added%d.md", []string{"guide", "team"}[g.rnd.IntN(2)], g.n)
		g.write(p, g.page(fmt.Sprintf("Added %d", g.n), g.rnd.IntN(5)))
		g.added = append(g.added, p)
		return "page added " + p, []string{p}
	case 7: // a new folder with pages
		dir := fmt.Sprintf("content/guide/folder%d", g.n)
		g.write(dir+"/_index.md", fmt.Sprintf("+++\ntitle = \"Folder %d\"\n+++\n%s\n", g.n, g.sentence()))
		g.write(dir+"/a.md", g.page(fmt.Sprintf("In folder %d", g.n), 1))
		g.folders = append(g.folders, dir)
		return "folder added " + dir, []string{dir + "/_index.md", dir + "/a.md"}
	case 8: // delete something added: a page, a term (its autolinks go), a folder
		if len(g.folders) > 0 && g.rnd.IntN(2) == 0 {
			i := g.rnd.IntN(len(g.folders))
			dir := g.folders[i]
			g.folders = slices.Delete(g.folders, i, i+1)
			g.remove(dir)
			return "folder deleted " + dir, []string{dir + "/_index.md", dir + "/a.md"}
		}
		if len(g.added) == 0 {
			return g.editData()
		}
		i := g.rnd.IntN(len(g.added))
		p := g.added[i]
		g.added = slices.Delete(g.added, i, i+1)
		g.remove(p)
		if strings.HasPrefix(p, "content/definitions/") {
			// Its mentions stay in the pages, now plain text.
			g.terms = slices.DeleteFunc(g.terms, func(s string) bool {
				return s == "Zone"+strings.TrimSuffix(strings.TrimPrefix(p, "content/definitions/added"), ".md")
			})
		}
		return "deleted " + p, []string{p}
	default: // a link to a page that may be gone: an error, or not, mended by a later edit of the same page
		p := g.pages[g.rnd.IntN(len(g.pages))]
		target := "../guide/p1.md"
		if p == "content/metrics/nps.md" {
			return g.editData()
		}
		if g.broken == "" && g.rnd.IntN(2) == 0 {
			target = fmt.Sprintf("../guide/added%d.md", g.rnd.IntN(g.n+1))
			g.broken = p
		}
		g.write(p, g.page(fmt.Sprintf("Linking %d", g.n), 2)+"\nAlso [this](/"+strings.TrimPrefix(target, "../")+").\n")
		return "link in " + p + " to " + target, []string{p}
	}
}

func (g *genSite) editData() (string, []string) {
	g.points++
	g.writeData()
	return "data point added", []string{"content/data/nps.csv"}
}

func (g *genSite) read(name string) string {
	b, err := os.ReadFile(filepath.Join(g.dir, name))
	if err != nil {
		g.t.Fatal(err)
	}
	return string(b)
}
