package render

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
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
}

func newLinkCheck() *linkCheck {
	return &linkCheck{ids: map[string]map[string]bool{}, links: map[string][]string{}}
}

// attrValues returns the values of the attributes named (with the leading
// space and the quote, e.g. ` href="`) in generated HTML, whose attribute
// values are always double-quoted.
func attrValues(page []byte, attr string) []string {
	var out []string
	for {
		i := bytes.Index(page, []byte(attr))
		if i < 0 {
			return out
		}
		page = page[i+len(attr):]
		j := bytes.IndexByte(page, '"')
		if j < 0 {
			return out
		}
		out = append(out, string(page[:j]))
		page = page[j+1:]
	}
}

// add records a rendered HTML page.
func (c *linkCheck) add(out string, page []byte) {
	ids := map[string]bool{}
	for _, id := range attrValues(page, ` id="`) {
		ids[htmlUnescape(id)] = true
	}
	var refs []string
	for _, attr := range []string{` href="`, ` src="`} {
		refs = append(refs, attrValues(page, attr)...)
	}
	c.mu.Lock()
	c.ids[out] = ids
	c.links[out] = refs
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
// at an id its target does not have. exists tells whether an output file exists.
func (c *linkCheck) verify(exists func(string) bool) diag.List {
	var diags diag.List
	pages := make([]string, 0, len(c.links))
	for p := range c.links {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	for _, page := range pages {
		seen := map[string]bool{}
		for _, ref := range c.links[page] {
			ref = htmlUnescape(ref)
			if seen[ref] {
				continue
			}
			seen[ref] = true
			if msg := c.check(page, ref, exists); msg != "" {
				diags.Add(diag.File(page, "%s", msg))
			}
		}
	}
	return diags
}

func (c *linkCheck) check(page, ref string, exists func(string) bool) string {
	if ref == "" || strings.HasPrefix(ref, "//") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return fmt.Sprintf("broken link %q in the output: %v; fix the template that writes it", ref, err)
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // outside the site, or the dev server's own script
	}
	if page == "404.html" || strings.HasPrefix(u.Path, "/") {
		return "" // served at any address: links start from the site's base path
	}
	target := page
	if u.Path != "" {
		target = path.Join(path.Dir(page), u.Path)
		if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == "./" {
			target += "/index.html"
		}
		target = strings.TrimPrefix(path.Clean(target), "/")
		if strings.HasPrefix(target, "../") || target == ".." {
			return fmt.Sprintf("link %q leaves the site; fix the template or content that writes it", ref)
		}
		if !exists(target) {
			return fmt.Sprintf("broken link %q: the output has no %s; fix the template or content that writes it", ref, target)
		}
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") {
		c.mu.Lock()
		ids, ok := c.ids[target]
		c.mu.Unlock()
		if ok && !ids[u.Fragment] {
			return fmt.Sprintf("broken anchor %q: %s has no element with id %q", ref, target, u.Fragment)
		}
	}
	return ""
}
