package render

import (
	"html"
	"path"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// aliasPages makes the page written at each old address of a page (its
// aliases): it sends the reader on at once, with a relative link so that it
// works under any path prefix and in every edition, and says where the page
// went for a reader whose browser does not follow the refresh. taken are
// the output files made otherwise; an alias may not replace one.
func (r *run) aliasPages(taken map[string]bool) (map[string][]byte, diag.List) {
	out := map[string][]byte{}
	var diags diag.List
	for u, p := range r.site.Aliases {
		file, dir := strings.TrimPrefix(u, "/"), u
		if strings.HasSuffix(u, "/") {
			file += "index.html"
		} else {
			dir = path.Dir(u) + "/"
		}
		if taken[file] {
			diags.Add(diag.File(p.Path, "alias %q is the address of a file shiftbook writes (%s); remove the alias", u, file))
			continue
		}
		target := html.EscapeString(relURL(dir, p.URL))
		title := html.EscapeString(p.Title())
		lang := html.EscapeString(r.site.Config.Language)
		if len(r.site.Config.Languages) > 0 {
			lang += `" dir="` + html.EscapeString(r.site.Config.DefaultLanguage().Direction)
		}
		out[file] = []byte(`<!DOCTYPE html>
<html lang="` + lang + `">
<head>
<meta charset="utf-8">
<title>` + title + `</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=` + target + `">
<link rel="canonical" href="` + target + `">
</head>
<body>
<main>
<p>This page has moved to <a href="` + target + `">` + title + `</a>.</p>
</main>
</body>
</html>
`)
	}
	return out, diags
}
