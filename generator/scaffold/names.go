package scaffold

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// Kinds maps each kind of page to the section it goes in ("" for page:
// anywhere under content/): every kind of the kind table with a folder of
// its own, and page. Each needs its archetype (themes/default/archetypes/KIND.md).
var Kinds = func() map[string]string {
	kinds := map[string]string{string(kind.Page): ""}
	for _, k := range kind.Table {
		if k.Folder != "" {
			kinds[string(k.Name)] = k.Folder
		}
	}
	return kinds
}()

// KindNames lists what shiftbook new makes: site, then the kinds of page in
// alphabetical order.
func KindNames() []string {
	return append([]string{"site"}, slices.Sorted(maps.Keys(Kinds))...)
}

// Name is a NAME as typed, turned into where the page goes.
type Name struct {
	Dir   []string // folders under content/, slugified
	Slug  string   // the file name without .md
	Title string
}

// ContentPath is the file the page is written to, from the site folder.
func (n Name) ContentPath() string {
	return path.Join(append(append([]string{load.ContentDir}, n.Dir...), n.Slug+".md")...)
}

// ParseName turns NAME, typed for a page of kind, into folders, a file name
// and a title.
func ParseName(kind, name string) (Name, error) {
	section := Kinds[kind]
	raw := strings.TrimSpace(strings.ReplaceAll(name, `\`, "/"))
	raw = strings.TrimPrefix(raw, "./")
	if ext := path.Ext(raw); strings.EqualFold(ext, ".md") {
		raw = raw[:len(raw)-len(ext)]
	}
	raw = strings.TrimPrefix(raw, load.ContentDir+"/")
	if section != "" {
		raw = strings.TrimPrefix(raw, section+"/")
	}
	if raw == "" {
		return Name{}, fmt.Errorf("the name of the new %s is empty", kind)
	}
	if strings.HasPrefix(raw, "/") {
		return Name{}, fmt.Errorf("%q is an absolute path; name the %s from the content folder, such as vision/our-promise", name, kind)
	}
	parts := strings.Split(raw, "/")
	var n Name
	if section != "" {
		n.Dir = []string{section}
	}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || p == "." || p == ".." {
			return Name{}, fmt.Errorf("%q has an empty, . or .. part; write folders and name joined by single slashes, such as vision/our-promise", name)
		}
		last := i == len(parts)-1
		if last && p == "_index" {
			// A section's own page: its title is the folder's.
			n.Slug = "_index"
			n.Title = "Home"
			if len(parts) > 1 {
				n.Title = titleFromName(parts[len(parts)-2])
			} else if section != "" {
				n.Title = titleFromName(section)
			}
			break
		}
		s := slug.File(p)
		if s == "" {
			return Name{}, fmt.Errorf("%q has no letters or digits to make a file name from", p)
		}
		if last {
			n.Slug, n.Title = s, titleFromName(p)
		} else {
			n.Dir = append(n.Dir, s)
		}
	}
	if kind != "page" && n.Slug == "_index" {
		return Name{}, fmt.Errorf("a %s cannot be a section page; use shiftbook new page %s/_index", kind, section)
	}
	return n, nil
}

// smallWords stay lowercase inside a title made from a file name.
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true,
	"for": true, "in": true, "of": true, "on": true, "or": true, "the": true, "to": true, "vs": true,
}

// titleFromName is the title for NAME: as typed when it has spaces or
// capitals ("Net Promoter Score", "CSAT"), else made from the dashed words
// ("net-promoter-score" → "Net Promoter Score").
func titleFromName(name string) string {
	name = strings.TrimSpace(name)
	if strings.ContainsAny(name, " \t") || strings.IndexFunc(name, unicode.IsUpper) >= 0 {
		return strings.Join(strings.Fields(name), " ")
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		if i > 0 && smallWords[w] {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
