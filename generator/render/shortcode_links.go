package render

import (
	"path"
	"strings"
)

// A site's shortcode template writes its links as Hugo's do: from the page
// that calls it (src="journey.png" beside the page) or from {{.Root}}. The
// page's body is also shown elsewhere, the book above all, and in another
// language's tree, where a file of the site is one folder further up. So
// the template is run as if at the page's own address, and each relative
// link it writes is then made again from where the body is shown (see
// run.relTarget), as markdown's links are.

// rebaseLinks rewrites the relative href and src values of html, written
// for the page at page, for the page at from. A value the scanner leaves
// to the tokenizer (an entity in it, a NUL in the page) is kept as it is.
func (r *run) rebaseLinks(html []byte, page, from string) []byte {
	inTree := r.opts.Lang != nil && r.opts.Lang.Prefix != ""
	if page == from && !inTree {
		return html
	}
	spans, ok := fastAttrs(html, nil, func() bool { return false })
	if !ok {
		return html
	}
	var out []byte
	last := 0
	for _, s := range spans {
		if s.kind == 'i' {
			continue
		}
		v := string(html[s.start:s.end])
		if v == "" || v[0] == '#' || v[0] == '/' || v[0] == '?' || hasScheme(v) || strings.HasPrefix(v, "{{") {
			continue
		}
		pathPart, rest := v, ""
		if i := strings.IndexAny(v, "?#"); i >= 0 {
			pathPart, rest = v[:i], v[i:]
		}
		target := path.Join(page, pathPart)
		if strings.HasSuffix(pathPart, "/") || pathPart == "" || pathPart == "." || pathPart == ".." {
			target = strings.TrimSuffix(target, "/") + "/"
		}
		if page == from && !r.atRoot(target) {
			continue // the same place: only a file at the root moves
		}
		out = append(out, html[last:s.start]...)
		out = append(out, r.relTarget(from, target)...)
		out = append(out, rest...)
		last = int(s.end)
	}
	if out == nil {
		return html
	}
	return append(out, html[last:]...)
}
