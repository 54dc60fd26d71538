package link

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// An alias is an old address of a page (Hugo's aliases key) that must keep
// working: the render stage writes a small page there that sends the reader
// on, with a relative link, so it works under any path prefix and in every
// edition.

// reservedFiles are output files at the site root that are not pages.
var reservedFiles = []string{"/index.xml", "/sitemap.xml", "/404.html", "/manifest.json", "/versions.json", "/robots.txt"}

// AliasURL is the site-absolute address an alias names: "/old/path/" as
// written, "old-name" beside the page (in its parent section), and a path
// without a file extension as a folder ("/old" is "/old/").
func AliasURL(p *Page, alias string) string {
	u := alias
	if !strings.HasPrefix(u, "/") {
		base := ParentURL(p.URL)
		if base == "" {
			base = "/"
		}
		u = base + u
	}
	trailing := strings.HasSuffix(u, "/")
	u = path.Clean(u)
	if u == "/" {
		return u
	}
	if trailing || path.Ext(u) == "" {
		u += "/"
	}
	return u
}

// resolveAliases places every page's aliases, refusing those that are the
// address of something else.
func (s *Site) resolveAliases() diag.List {
	var diags diag.List
	s.Aliases = map[string]*Page{}
	for _, p := range s.Pages {
		for i, a := range p.Meta.Aliases {
			u := AliasURL(p, a)
			at := func(format string, args ...any) {
				diags.Add(diag.AtLine(p.Path, p.Source, p.Meta.Line("aliases", strconv.Itoa(i)), 1, format, args...))
			}
			folded := strings.ToLower(u)
			switch other := s.ByURL[folded]; {
			case other == p:
				at("alias %q is this page's own address; remove it", a)
				continue
			case other != nil && !other.Virtual:
				at("alias %q is the address of %s; an alias must be an old address no page has now: remove it, or move that page", a, other.Path)
				continue
			case other != nil:
				at("alias %q is the address of the folder %s/, which lists its pages; remove the alias, or give the folder an _index.md elsewhere", a, strings.TrimSuffix(other.Path, "/_index.md"))
				continue
			}
			if _, ok := s.Generated[folded]; ok {
				at("alias %q is the address of a page shiftbook generates; remove it", a)
				continue
			}
			if f, ok := s.Static[u]; ok {
				at("alias %q is the address of the file %s; remove the alias or the file", a, f)
				continue
			}
			if slices.Contains(reservedFiles, u) {
				at("alias %q is the address of a file shiftbook writes; remove it", a)
				continue
			}
			if other, ok := s.Aliases[u]; ok {
				if other != p {
					at("alias %q is also an alias of %s; an old address can send readers to one page only: remove it here or there", a, other.Path)
				}
				continue
			}
			s.Aliases[u] = p
		}
	}
	return diags
}
