package render

import (
	"bytes"
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// linkCheck checks every internal link, anchor, asset and image of the
// output, theme links included: the link stage checked what authors wrote,
// this catches what templates write. Every output path is known before the
// first page renders, so a reference is checked as soon as its page is
// added; only anchors on other pages wait until every page is in. Nothing
// else of a page is kept: on a large site, keeping every page's references
// would hold tens of megabytes.
type linkCheck struct {
	exists func(string) bool // whether an output file exists
	// stopped, when set, reports a cancelled build: a long page (the
	// book) is then read no further.
	stopped func() bool
	mu      sync.Mutex
	ids     map[string]string   // output path → its ids, each after a NUL: one string, not a map, per page
	later   map[string][]anchor // output path → its references to anchors on other pages
	msgs    map[string][]string // output path → what is wrong with it, in page order
}

// anchor is a reference to an id on another page, checked once that page is in.
type anchor struct{ ref, target, id string }

func newLinkCheck(exists func(string) bool) *linkCheck {
	return &linkCheck{exists: exists, ids: map[string]string{}, later: map[string][]anchor{}, msgs: map[string][]string{}}
}

// mayHoldRef reports whether a tag as written could have an id, href or
// src attribute: whether one of those names is in it, in any case, where
// an attribute name can start (after white space, a quote or a slash) and
// end (before white space, "=", "/" or ">"). The tokenizer copies every
// attribute it is asked for, and most tags have none of these (<p>,
// chroma's <span class="...">, aria-hidden), so they are not asked.
func mayHoldRef(tag []byte) bool {
	for i := 1; i < len(tag); i++ {
		switch tag[i-1] {
		case ' ', '\t', '\n', '\r', '\f', '"', '\'', '/':
		default:
			continue
		}
		n := 0
		switch tag[i] | 0x20 {
		case 'i':
			if i+1 < len(tag) && tag[i+1]|0x20 == 'd' {
				n = 2
			}
		case 'h':
			if i+3 < len(tag) && tag[i+1]|0x20 == 'r' && tag[i+2]|0x20 == 'e' && tag[i+3]|0x20 == 'f' {
				n = 4
			}
		case 's':
			if i+2 < len(tag) && tag[i+1]|0x20 == 'r' && tag[i+2]|0x20 == 'c' {
				n = 3
			}
		}
		if n > 0 && i+n < len(tag) {
			switch tag[i+n] {
			case '=', ' ', '\t', '\n', '\r', '\f', '/', '>':
				return true
			}
		}
	}
	return false
}

// add checks a rendered HTML page: its ids, and every reference it makes,
// but those of nav, the site navigation the page holds. The navigation is
// made in Go (nav.go) from the site's own pages, so each of its links exists
// by construction; it is a hundred links on a page of a large section, and
// checking them again on every page was a tenth of the build.
func (c *linkCheck) add(out string, page []byte, nav string) {
	rest := []byte(nil)
	for from := 0; strings.HasPrefix(nav, navOpen); {
		i := bytes.Index(page[from:], []byte(navOpen))
		if i < 0 {
			break
		}
		if i += from; len(page)-i >= len(nav) && string(page[i:i+len(nav)]) == nav {
			page, rest = page[:i], page[i+len(nav):]
			break
		}
		from = i + len(navOpen)
	}
	pc := c.begin(out)
	scanAttrs(page, c.stopped, pc.scan)
	scanAttrs(rest, c.stopped, pc.scan)
	pc.finish()
}

// pageCheck is the check of one page while its attributes are read.
type pageCheck struct {
	c     *linkCheck
	out   string
	ids   strings.Builder
	msgs  []string
	later []anchor
}

func (c *linkCheck) begin(out string) *pageCheck {
	pc := &pageCheck{c: c, out: out}
	pc.ids.WriteByte(0)
	return pc
}

func (pc *pageCheck) report(msg string) {
	if !slices.Contains(pc.msgs, msg) { // a link written twice is one mistake
		pc.msgs = append(pc.msgs, msg)
	}
}

// scan takes one attribute of the page, as scanAttrs reports them.
func (pc *pageCheck) scan(kind byte, value []byte) {
	switch {
	case kind == 'i':
		pc.ids.Write(value)
		pc.ids.WriteByte(0)
	case len(value) > 0 && value[0] == '#' && bytes.IndexByte(value, '%') < 0:
		// An anchor on this page, the table of contents' case:
		// checked below, once every id of the page is known.
		ref := string(value)
		pc.later = append(pc.later, anchor{ref: ref, target: pc.out, id: ref[1:]})
	default:
		ref := string(value)
		switch target, id, msg := pc.c.check(pc.out, ref); {
		case msg != "":
			pc.report(msg)
		case id != "":
			pc.later = append(pc.later, anchor{ref: ref, target: target, id: id})
		}
	}
}

// finish checks the page's own anchors and records the rest.
func (pc *pageCheck) finish() {
	c, out := pc.c, pc.out
	own := pc.ids.String()
	var dups []string
	seen := map[string]bool{}
	for id := range strings.SplitSeq(own[1:], "\x00") {
		if seen[id] && id != "" {
			dups = append(dups, fmt.Sprintf("id %q appears twice on the page, so links to it are ambiguous; rename the heading or give it its own id with {#other-id}", id))
		}
		seen[id] = true
	}
	var others []anchor
	for _, a := range pc.later {
		if a.target != out {
			others = append(others, a)
		} else if !seen[a.id] {
			pc.report(brokenAnchor(a))
		}
	}
	msgs := append(dups, pc.msgs...)
	c.mu.Lock()
	c.ids[out] = own
	if len(others) > 0 {
		c.later[out] = others
	}
	if len(msgs) > 0 {
		c.msgs[out] = msgs
	}
	c.mu.Unlock()
}

func brokenAnchor(a anchor) string {
	return fmt.Sprintf("broken anchor %q: %s has no element with id %q; link to an id the page has, or add it", a.ref, a.target, a.id)
}

// verify reports what add found, and every reference to an id another page
// does not have, sorted by page; a page's problems stay in page order.
func (c *linkCheck) verify() diag.List {
	sets := map[string]map[string]bool{} // the ids of the pages anchors point at
	for page, refs := range c.later {
		for _, a := range refs {
			ids, ok := sets[a.target]
			if !ok {
				if list, added := c.ids[a.target]; added {
					ids = map[string]bool{}
					for id := range strings.SplitSeq(list, "\x00") {
						ids[id] = true
					}
				}
				sets[a.target] = ids
			}
			if ids != nil && !ids[a.id] && !slices.Contains(c.msgs[page], brokenAnchor(a)) {
				c.msgs[page] = append(c.msgs[page], brokenAnchor(a))
			}
		}
	}
	pages := slices.Sorted(maps.Keys(c.msgs))
	var diags diag.List
	for _, page := range pages {
		for _, m := range c.msgs[page] {
			diags.Add(diag.File(page, "%s", m))
		}
	}
	return diags
}

// indexOf is the file a path names: a folder is its index.html.
func indexOf(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html"
	}
	return rel
}

// fromRoot recognises a reference that climbs from page to the site root
// ("../../" for a page two folders deep), or part of the way (one "../"
// less from a page of a language's tree, nl/, stays in that tree), and
// then names a clean path, and returns that path from the site root.
// Anything else is left to the general resolution.
func fromRoot(page, ref string) (string, bool) {
	depth := strings.Count(page, "/")
	up := 0
	for up < depth && strings.HasPrefix(ref, "../") {
		ref = ref[3:]
		up++
	}
	if up < depth && up == 0 {
		return "", false
	}
	if depth == 0 {
		ref = strings.TrimPrefix(ref, "./")
	}
	if strings.HasPrefix(ref, "../") || strings.HasPrefix(ref, "./") || strings.HasPrefix(ref, "/") || strings.Contains(ref, "/./") ||
		strings.Contains(ref, "/../") || strings.Contains(ref, "//") || ref == "." || ref == ".." {
		return "", false
	}
	if up < depth {
		// The folders of page that the reference did not climb out of.
		end := 0
		for range depth - up {
			end += strings.IndexByte(page[end:], '/') + 1
		}
		return page[:end] + ref, true
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

// check checks a reference from page to another output file. It returns
// the file and id an anchor reference points at, to be checked once every
// page is in, or what is wrong.
func (c *linkCheck) check(page, ref string) (target, id, msg string) {
	if ref == "" || strings.HasPrefix(ref, "//") || hasScheme(ref) {
		return "", "", "" // outside the site, or the dev server's own script
	}
	if page == "404.html" {
		return "", "", "" // served at any address: its links start from the site's base path
	}
	if strings.HasPrefix(ref, "/") {
		return "", "", fmt.Sprintf("link %q starts at the server root, so it breaks when the site is served under a path prefix (an edition folder); write it from {{.Root}} in the template", ref)
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
	target = page
	if rel, ok := fromRoot(page, refPath); ok {
		// The common case, by far: a link that climbs to the site root
		// and names a clean path from there (navigation, assets).
		if !c.exists(rel) {
			return "", "", fmt.Sprintf("broken link %q: the output has no %s; fix the template or content that writes it", ref, indexOf(rel))
		}
		if frag == "" {
			return "", "", "" // the file is all there is to check
		}
		target = indexOf(rel)
	} else if refPath != "" {
		target = path.Join(path.Dir(page), refPath)
		if strings.HasSuffix(refPath, "/") || refPath == "." {
			target += "/index.html"
		}
		target = strings.TrimPrefix(target, "./")
		if strings.HasPrefix(target, "../") || target == ".." {
			return "", "", fmt.Sprintf("link %q leaves the site; fix the template or content that writes it", ref)
		}
		if !c.exists(target) {
			return "", "", fmt.Sprintf("broken link %q: the output has no %s; fix the template or content that writes it", ref, target)
		}
	}
	if frag != "" && strings.HasSuffix(target, ".html") {
		return target, frag, ""
	}
	return "", "", ""
}
