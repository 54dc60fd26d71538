package render

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// linkCheck checks every internal link, anchor, asset and image of the
// output, theme links included, once every page is rendered: the link stage
// checked what authors wrote, this catches what templates write.
type linkCheck struct {
	mu    sync.Mutex
	ids   map[string]map[string]bool // output path → ids on that page
	links map[string][]string        // output path → its references as written
	dups  map[string][]string        // output path → ids that appear twice on it
}

func newLinkCheck() *linkCheck {
	return &linkCheck{ids: map[string]map[string]bool{}, links: map[string][]string{}, dups: map[string][]string{}}
}

// scanAttrs returns the values of the id, href and src attributes of
// generated HTML, whose attribute values are always double-quoted. One pass:
// it finds each `="` and looks at the name before it.
func scanAttrs(page []byte) (ids, refs []string) {
	for {
		i := bytes.Index(page, []byte(`="`))
		if i < 0 {
			return ids, refs
		}
		name := page[:i]
		page = page[i+2:]
		j := bytes.IndexByte(page, '"')
		if j < 0 {
			return ids, refs
		}
		value := string(page[:j])
		page = page[j+1:]
		switch {
		case attrNamed(name, "id"):
			ids = append(ids, value)
		case attrNamed(name, "href"), attrNamed(name, "src"):
			refs = append(refs, value)
		}
	}
}

// attrNamed reports whether the text before `="` ends in the attribute
// name, after white space (a space, or a newline in unminified output).
func attrNamed(before []byte, name string) bool {
	n := len(before) - len(name)
	if n < 1 || string(before[n:]) != name {
		return false
	}
	switch before[n-1] {
	case ' ', '\n', '\t', '\r', '\f':
		return true
	}
	return false
}

// add records a rendered HTML page.
func (c *linkCheck) add(out string, page []byte) {
	rawIDs, rawRefs := scanAttrs(page)
	ids := make(map[string]bool, len(rawIDs))
	var dups []string
	for _, id := range rawIDs {
		id = htmlUnescape(id)
		if ids[id] {
			dups = append(dups, id)
		}
		ids[id] = true
	}
	seen := make(map[string]bool, len(rawRefs))
	refs := rawRefs[:0]
	for _, r := range rawRefs {
		if !seen[r] {
			seen[r] = true
			refs = append(refs, r)
		}
	}
	c.mu.Lock()
	c.ids[out] = ids
	c.links[out] = refs
	if len(dups) > 0 {
		c.dups[out] = dups
	}
	c.mu.Unlock()
}

func htmlUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	r := strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&quot;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">")
	return r.Replace(s)
}

// verify reports every reference of a page that points at no output file or
// at an id its target does not have. exists tells whether an output file
// exists. Pages are checked in parallel; the result is sorted.
func (c *linkCheck) verify(exists func(string) bool) diag.List {
	pages := make([]string, 0, len(c.links))
	for p := range c.links {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	results := make([][]string, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				for _, ref := range c.links[pages[i]] {
					if msg := c.check(pages[i], htmlUnescape(ref), exists); msg != "" {
						results[i] = append(results[i], msg)
					}
				}
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	var diags diag.List
	for _, page := range pages {
		for _, id := range c.dups[page] {
			diags.Add(diag.File(page, "id %q appears twice on the page, so links to it are ambiguous; rename the heading or give it its own id with {#other-id}", id))
		}
	}
	for i, msgs := range results {
		for _, m := range msgs {
			diags.Add(diag.File(pages[i], "%s", m))
		}
	}
	return diags
}

// fromRoot recognises a reference that climbs from page to the site root
// ("../../" for a page two folders deep) and then names a clean path, and
// returns that path. Anything else is left to the general resolution.
func fromRoot(page, ref string) (string, bool) {
	depth := strings.Count(page, "/")
	for range depth {
		if !strings.HasPrefix(ref, "../") {
			return "", false
		}
		ref = ref[3:]
	}
	if depth == 0 {
		ref = strings.TrimPrefix(ref, "./")
	}
	if strings.HasPrefix(ref, "../") || strings.HasPrefix(ref, "./") || strings.Contains(ref, "/./") ||
		strings.Contains(ref, "/../") || strings.Contains(ref, "//") || ref == "." || ref == ".." {
		return "", false
	}
	return ref, true
}

// hasScheme reports a reference that names its own scheme (https:, mailto:).
func hasScheme(ref string) bool {
	for i := 0; i < len(ref); i++ {
		switch c := ref[i]; {
		case c == ':':
			return i > 0
		case c == '/' || c == '?' || c == '#':
			return false
		}
	}
	return false
}

func (c *linkCheck) check(page, ref string, exists func(string) bool) string {
	if ref == "" || strings.HasPrefix(ref, "//") || hasScheme(ref) {
		return "" // outside the site, or the dev server's own script
	}
	if page == "404.html" {
		return "" // served at any address: its links start from the site's base path
	}
	if strings.HasPrefix(ref, "/") {
		return fmt.Sprintf("link %q starts at the server root, so it breaks when the site is served under a path prefix (an edition folder); write it from {{.Root}} in the template", ref)
	}
	refPath, frag, _ := strings.Cut(ref, "#")
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f // html/template writes "#café" as "#caf%c3%a9"
	}
	refPath, _, _ = strings.Cut(refPath, "?")
	if strings.IndexByte(refPath, '%') >= 0 {
		if p, err := url.PathUnescape(refPath); err == nil {
			refPath = p
		}
	}
	target := page
	if rel, ok := fromRoot(page, refPath); ok {
		// The common case, by far: a link that climbs to the site root
		// and names a clean path from there (navigation, assets).
		target = rel
		if rel == "" || strings.HasSuffix(rel, "/") {
			target = rel + "index.html"
		}
		if !exists(rel) {
			return fmt.Sprintf("broken link %q: the output has no %s; fix the template or content that writes it", ref, target)
		}
	} else if refPath != "" {
		target = path.Join(path.Dir(page), refPath)
		if strings.HasSuffix(refPath, "/") || refPath == "." {
			target += "/index.html"
		}
		target = strings.TrimPrefix(target, "./")
		if strings.HasPrefix(target, "../") || target == ".." {
			return fmt.Sprintf("link %q leaves the site; fix the template or content that writes it", ref)
		}
		if !exists(target) {
			return fmt.Sprintf("broken link %q: the output has no %s; fix the template or content that writes it", ref, target)
		}
	}
	if frag != "" && strings.HasSuffix(target, ".html") {
		ids, ok := c.ids[target] // every page is added before verify: no lock needed
		if ok && !ids[frag] {
			return fmt.Sprintf("broken anchor %q: %s has no element with id %q; link to an id the page has, or add it", ref, target, frag)
		}
	}
	return ""
}
