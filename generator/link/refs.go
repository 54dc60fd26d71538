package link

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
)

// resolveRef resolves the target of Hugo's {{< ref "x" >}} or relref, as
// Hugo does: x is a content file ("page.md", or "page" or "section" without
// the extension), taken relative to the page's file, then from content/,
// then as the one file of the site whose path ends with x (Hugo's lookup of
// a unique name: {{< ref "pensions" >}} finds benefits/pensions.md).
func (s *Site) resolveRef(p *Page, ref string) (string, string) {
	raw, frag, _ := strings.Cut(ref, "#")
	shown := fmt.Sprintf("{{< ref %q >}}", ref)
	var target *Page
	if raw == "" {
		target = p
	} else {
		var tried []string
		if !strings.HasPrefix(raw, "/") {
			tried = append(tried, refFiles(path.Join(path.Dir(p.Path), raw))...)
		}
		tried = append(tried, refFiles(path.Join(load.ContentDir, raw))...)
		for _, f := range tried {
			if target = s.pageByFile(f); target != nil {
				break
			}
		}
		if target == nil {
			found, msg := s.refByName(raw, shown)
			if msg != "" {
				for _, f := range tried {
					if d, ok := s.drafts[f]; ok {
						return "", s.draftLink(shown, d)
					}
				}
				return "", msg
			}
			target = found
		}
	}
	if frag != "" && !target.Anchors[frag] && !target.Unread {
		if translatedAway(p, target) {
			return target.URL, ""
		}
		return "", missingAnchor(shown, frag, target)
	}
	return target.URL + fragment(frag), ""
}

// translatedAway reports a link from a page shown untranslated to a
// translation, whose headings have ids of their own language (the
// original's #rates is #taux there): the link was written for, and is
// checked against, the original in the default language's tree, so here
// it leads to the top of the translation, not to an error no author of
// the page could fix.
func translatedAway(p, target *Page) bool {
	return p.Fallback && target.Original != nil && !target.Fallback
}

// refFiles are the files a ref to file may mean: itself when it names a
// markdown file, else that file with .md, or the folder's own page.
func refFiles(file string) []string {
	if strings.EqualFold(path.Ext(file), ".md") {
		return []string{file}
	}
	return []string{file + ".md", file + "/_index.md", file + "/index.md", file + "/README.md"}
}

// refByName finds the one page whose file path ends with name (with or
// without .md, or as a folder), or says why there is none.
func (s *Site) refByName(name, shown string) (*Page, string) {
	name = strings.ToLower(strings.TrimPrefix(name, "/"))
	var found []*Page
	var names []string
	for file, pg := range s.byPath {
		rel := strings.TrimPrefix(file, load.ContentDir+"/")
		if strings.Contains(name, "/") {
			names = append(names, rel)
		} else {
			names = append(names, path.Base(rel))
		}
		for _, f := range refFiles(name) {
			if lf := strings.ToLower(rel); lf == f || strings.HasSuffix(lf, "/"+f) {
				found = append(found, pg)
				break
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], ""
	case 0:
		slices.Sort(names)
		return nil, fmt.Sprintf("link to %s, which is no file of content/%s", shown,
			diag.DidYouMean(strings.TrimPrefix(name, "/"), slices.Compact(names), "; write the path of the .md file from the page's folder, or from content/ with a leading /"))
	}
	var paths []string
	for _, pg := range found {
		paths = append(paths, strings.TrimPrefix(pg.Path, load.ContentDir))
	}
	slices.Sort(paths)
	return nil, fmt.Sprintf("link to %s, which could be any of %s; write the path from content/, as in {{< ref %q >}}",
		shown, strings.Join(paths, ", "), paths[0])
}
