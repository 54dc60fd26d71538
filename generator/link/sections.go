package link

import (
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// A folder's own page is its _index.md (Hugo). Without one, its index.md
// (MkDocs) or README.md (GitHub) is: content written for those tools builds
// with its sections as written. Two of those in one folder are an error, as
// they would be one address.
var sectionNames = []string{"_index.md", "index.md", "readme.md"}

// sectionFiles returns the files that are their folder's page, reporting
// folders with two candidates.
func sectionFiles(inputs []Input) (map[string]bool, diag.List) {
	byDir := map[string][]*parse.Page{}
	for _, in := range inputs {
		name := strings.ToLower(path.Base(in.Page.Path))
		for _, n := range sectionNames {
			if name == n {
				dir := path.Dir(in.Page.Path)
				byDir[dir] = append(byDir[dir], in.Page)
			}
		}
	}
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	out := map[string]bool{}
	var diags diag.List
	for _, dir := range dirs {
		pages := byDir[dir]
		rank := func(p *parse.Page) int {
			name := strings.ToLower(path.Base(p.Path))
			for i, n := range sectionNames {
				if name == n {
					return i
				}
			}
			return len(sectionNames)
		}
		sort.Slice(pages, func(i, j int) bool {
			if ri, rj := rank(pages[i]), rank(pages[j]); ri != rj {
				return ri < rj
			}
			return pages[i].Path < pages[j].Path
		})
		first := pages[0]
		out[first.Path] = true
		for _, other := range pages[1:] {
			if rank(first) == 0 && rank(other) == len(sectionNames)-1 {
				// Beside an _index.md, a README.md is an ordinary page:
				// notes for the people who keep the folder.
				continue
			}
			diags.Add(diag.AtLine(other.Path, other.Source, 1, 1,
				"%s and %s are both the page of the folder %s/; keep one (merge them, or rename this one to make it an ordinary page)",
				first.Path, other.Path, dir))
		}
	}
	return out, diags
}

// pageTitle is a page's title when its front matter gives none: its first
// "#" heading, else its first "##" heading, else its file name (the
// folder's name for a section page), as MkDocs does. It returns the heading
// used, or nil.
func pageTitle(md *markdown.Engine, p *parse.Page, section bool) (string, *markdown.Heading) {
	if md != nil {
		headings := md.Parse(p.Body).Headings
		for _, level := range []int{1, 2} {
			for i, h := range headings {
				if h.Level == level && strings.TrimSpace(h.Text) != "" {
					return strings.TrimSpace(h.Text), &headings[i]
				}
			}
		}
	}
	name := strings.TrimSuffix(path.Base(p.Path), path.Ext(p.Path))
	if section {
		name = path.Base(path.Dir(p.Path))
		if name == load.ContentDir || name == "." {
			return "Home", nil
		}
	}
	return titleFromFileName(name), nil
}

// titleFromFileName is MkDocs's title for a file name: dashes and
// underscores become spaces, and the first letter a capital.
func titleFromFileName(name string) string {
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }), " ")
	r, size := utf8.DecodeRuneInString(name)
	if r == utf8.RuneError {
		return name
	}
	return string(unicode.ToUpper(r)) + name[size:]
}

// sectionSlugs warns of a slug written on a section's page, which no page
// uses: a page's slug changes the last part of its own address only, and
// a section's pages are addressed by the folders they are in, so a
// section at its slug would leave its pages under its folder, away from
// it. That holds in every language: a translated section keeps its
// folder's address in its language's tree, under which its pages are,
// and translates its title.
func (s *Site) sectionSlugs() diag.List {
	var diags diag.List
	translated := len(s.Config.Languages) > 1 && s.Config.Language != s.Config.Languages[0].Code
	for _, p := range s.Pages {
		if !p.sectionPage || p.Virtual || p.Fallback || p.Meta.Slug == "" {
			continue
		}
		file := p.Path
		msg := "slug is not used on a section's page: a section's address is its folder's (%s), as its pages' addresses are under it; remove slug, or rename the folder to move the section and its pages (aliases keep old addresses working)"
		if translated {
			file = p.File
			msg = "slug is not used on a section's page: the section is at %s, its folder's name in every language, as its pages' addresses are under it; remove slug (a translated section has its own title, not its own address)"
		}
		diags.Add(diag.Warning(diag.AtLine(file, p.Source, p.Meta.Line("slug"), 1, msg, s.shownURL(p.URL))))
	}
	return diags
}
