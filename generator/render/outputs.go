package render

import "strings"

// Maker says what shiftbook writes at the output path p, in words for a
// message about a file of the site (under content/ or static/) published
// there: "the page of content/guide/_index.md", "a page it generates". ok is
// false when nothing rendered is written there.
func (x *Renderer) Maker(p string) (what string, ok bool) {
	if j, found := x.jobs[p]; found {
		switch {
		case j.generated || len(j.shows) == 0:
			return "a page it generates", true
		case j.shows[0].Virtual:
			return "the page of the folder " + strings.TrimSuffix(j.shows[0].Path, "/_index.md") + "/", true
		case j.shows[0].File != "":
			return "the page of " + j.shows[0].File, true
		default:
			return "the page of " + j.shows[0].Path, true
		}
	}
	_, eager := x.eager.get(p)
	_, lazy := x.lazy[p]
	if !eager && !lazy {
		return "", false
	}
	for _, r := range append([]*run{x.r}, x.others...) {
		prefix := ""
		if r.opts.Lang != nil {
			prefix = r.opts.Lang.Prefix
		}
		for u, page := range r.site.Aliases {
			file := strings.TrimPrefix(u, "/")
			if strings.HasSuffix(u, "/") {
				file += "index.html"
			}
			if prefix+file == p {
				return "a page for an alias of " + page.Path, true
			}
		}
	}
	if strings.HasPrefix(p, "assets/") {
		return "one of the theme's assets", true
	}
	return "a file it generates", true
}
