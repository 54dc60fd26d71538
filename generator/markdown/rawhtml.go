package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// What becomes of raw HTML written in markdown ([markdown] html).
const (
	HTMLDrop   = "drop"   // left out, with a warning (the default)
	HTMLSafe   = "safe"   // a sanitized subset kept
	HTMLUnsafe = "unsafe" // all of it kept
)

// Dropped is raw HTML the page leaves out: with [markdown] html = "drop",
// every tag a reader would have seen; with "safe", each element the
// sanitizer removed.
type Dropped struct {
	Offset int    // byte offset in the body
	Tag    string // "<script>", "<div class=\"box\">" (shortened)
}

// RawError is raw HTML that would break the page around it (a tag or a
// comment that is not closed).
type RawError struct {
	Offset  int
	Message string
}

// rawTextElements hold text up to their end tag, which a browser looks for
// to the end of the page: one left open swallows the rest of it.
var rawTextElements = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true}

// rawHTML is a raw HTML fragment as the page shows it: literal parts, and
// the values whose form depends on where the body is shown (link targets,
// ids), which the Context fills in when the page is rendered.
type rawHTML []rawPart

type rawPart struct {
	literal []byte
	kind    byte   // 0: literal; 'L': a URL; 'I': an id; 'R': a list of ids (for, aria-*)
	value   string // the URL or id(s), decoded
}

// idRefs are the attributes that name ids of the page, which the book
// prefixes with the ids themselves.
var idRefs = map[string]bool{"for": true, "headers": true, "aria-labelledby": true, "aria-describedby": true, "aria-controls": true, "aria-owns": true}

// safePolicy is the subset [markdown] html = "safe" keeps: what a handbook
// writes in HTML because markdown has no syntax for it (tables with
// merged cells, details/summary, kbd, sub/sup, sized images, line breaks),
// inline formatting, and links and images with safe URLs. No scripts,
// styles, forms, frames, event handlers or classes (which could dress
// text up as the site's own warnings).
var safePolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.RequireParseableURLs(true)
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	p.AllowRelativeURLs(true)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src", "alt", "width", "height").OnElements("img")
	p.AllowAttrs("title").Globally()
	p.AllowAttrs("id").Matching(bluemonday.Paragraph).Globally()
	p.AllowAttrs("lang", "dir").Globally()
	p.AllowElements("table", "thead", "tbody", "tfoot", "tr", "caption", "colgroup",
		"details", "summary", "kbd", "sub", "sup", "br", "a", "img",
		"b", "i", "em", "strong", "u", "s", "del", "ins", "mark", "small", "code", "samp", "var",
		"abbr", "q", "cite", "dfn", "p", "div", "span", "ul", "ol", "li", "dl", "dt", "dd",
		"hr", "blockquote", "pre", "figure", "figcaption", "wbr")
	p.AllowAttrs("colspan", "rowspan", "headers", "scope").OnElements("td", "th")
	p.AllowElements("td", "th")
	p.AllowAttrs("span").OnElements("col", "colgroup")
	p.AllowElements("col")
	p.AllowAttrs("open").OnElements("details")
	p.AllowAttrs("start", "reversed").OnElements("ol")
	p.AllowAttrs("datetime", "cite").OnElements("del", "ins")
	return p
})

// rawNode is the raw HTML of a node (an HTML block or inline raw HTML):
// its text, and where each byte of it is in the body (an HTML block in a
// list or a quote has its lines' prefixes cut).
func rawNode(n ast.Node, src []byte) (raw []byte, offsets func(int) int) {
	var segs []text.Segment
	switch n := n.(type) {
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			segs = append(segs, n.Lines().At(i))
		}
		if n.HasClosure() {
			segs = append(segs, n.ClosureLine)
		}
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			segs = append(segs, n.Segments.At(i))
		}
	}
	for _, s := range segs {
		raw = append(raw, s.Value(src)...)
	}
	return raw, func(at int) int {
		for _, s := range segs {
			if at < s.Len() {
				return s.Start + at
			}
			at -= s.Len()
		}
		if len(segs) > 0 {
			return segs[len(segs)-1].Stop
		}
		return 0
	}
}

// parseRawHTML reads the raw HTML of node n for mode (safe or unsafe): the
// fragment to write, the links and ids it holds (added to doc), and in
// safe mode what the sanitizer left out.
func (doc *Doc) parseRawHTML(n ast.Node, mode string) rawHTML {
	raw, at := rawNode(n, doc.Source)
	if mode == HTMLSafe {
		if name, ok := endTagOnly(raw); ok && doc.unclosed[name] > 0 {
			// The end of an element whose start the sanitizer removed
			// (inline raw HTML comes a tag at a time): removed too, or
			// the page would have a stray end tag.
			doc.unclosed[name]--
			return nil
		}
		clean := safePolicy().SanitizeBytes(raw)
		for _, tag := range removedTags(raw, clean) {
			doc.Dropped = append(doc.Dropped, Dropped{Offset: at(tag.at), Tag: tag.text})
			if _, ok := n.(*ast.RawHTML); ok {
				if doc.unclosed == nil {
					doc.unclosed = map[string]int{}
				}
				doc.unclosed[tag.name]++
			}
		}
		raw = clean
		// The sanitizer's output is not the source: its links and ids
		// are reported at the start of the fragment.
		start := at(0)
		at = func(int) int { return start }
	}
	var frag rawHTML
	literal := func(b []byte) {
		if len(frag) > 0 && frag[len(frag)-1].kind == 0 {
			frag[len(frag)-1].literal = append(frag[len(frag)-1].literal, b...)
			return
		}
		frag = append(frag, rawPart{literal: bytes.Clone(b)})
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	consumed := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tag := z.Raw()
		start := consumed
		consumed += len(tag)
		var tok html.Token
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			tok = z.Token() // once: the tokenizer hands out a tag's name and attributes once
		}
		switch tt {
		case html.StartTagToken:
			if name := tok.Data; rawTextElements[name] && doc.openRaw == nil {
				doc.openRaw = &RawError{Offset: at(start), Message: fmt.Sprintf(
					"raw HTML %s is not closed with </%s>, so everything after it on the page would be read as its content; close it", shorten(string(tag)), name)}
				doc.openRawName = name
			}
		case html.EndTagToken:
			if doc.openRaw != nil && tok.Data == doc.openRawName {
				doc.openRaw = nil
			}
		}
		if tt == html.CommentToken {
			switch {
			case !bytes.HasSuffix(tag, []byte(">")):
				doc.RawErrors = append(doc.RawErrors, RawError{Offset: at(start),
					Message: "raw HTML comment <!-- is not closed with -->, so it would hide everything after it on the page; end it with -->"})
			case string(tag) == "<!-->" || string(tag) == "<!--->":
				// Empty comments, as HTML reads them; tdewolff/minify
				// reads them as the start of a comment running to the
				// next "-->" and deletes the text between.
				tag = []byte("<!---->")
			}
		}
		if (tt != html.StartTagToken && tt != html.SelfClosingTagToken) || !rewritable(tag) {
			literal(tag)
			continue
		}
		literal([]byte("<" + tok.Data))
		for _, a := range tok.Attr {
			if a.Namespace != "" {
				a.Key = a.Namespace + ":" + a.Key
			}
			literal([]byte(" " + a.Key + `="`))
			switch {
			case a.Key == "href" || a.Key == "src":
				doc.Links = append(doc.Links, Link{Dest: a.Val, Offset: at(start), Image: a.Key == "src"})
				frag = append(frag, rawPart{kind: 'L', value: a.Val})
			case a.Key == "id":
				doc.IDs[a.Val] = true
				frag = append(frag, rawPart{kind: 'I', value: a.Val})
			case idRefs[a.Key]:
				frag = append(frag, rawPart{kind: 'R', value: a.Val})
			default:
				literal([]byte(html.EscapeString(a.Val)))
			}
			literal([]byte(`"`))
		}
		if tt == html.SelfClosingTagToken {
			literal([]byte(" /"))
		}
		literal([]byte(">"))
	}
	if consumed < len(raw) {
		rest := raw[consumed:]
		if len(bytes.TrimSpace(rest)) > 0 {
			doc.RawErrors = append(doc.RawErrors, RawError{Offset: at(consumed),
				Message: fmt.Sprintf("raw HTML %s is not closed with >, so it would take in the text and tags after it; end the tag with >", shorten(string(rest)))})
		}
		literal(rest)
	}
	return frag
}

// rewritable reports whether a tag as written may have an attribute whose
// value depends on where the page is shown: a link, an id, an id list.
func rewritable(tag []byte) bool {
	lower := bytes.ToLower(tag)
	for _, name := range []string{"href", "src", "id", "for", "headers", "aria-"} {
		if bytes.Contains(lower, []byte(name)) {
			return true
		}
	}
	return false
}

type removedTag struct {
	at         int
	name, text string
}

// endTagOnly reports a fragment that is one end tag, and its element.
func endTagOnly(raw []byte) (string, bool) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	if z.Next() != html.EndTagToken {
		return "", false
	}
	name, _ := z.TagName()
	if z.Next() != html.ErrorToken {
		return "", false
	}
	return string(name), true
}

// removedTags lists the start tags of raw that the sanitizer left out of
// clean: each element name counted, in the order written.
func removedTags(raw, clean []byte) []removedTag {
	kept := map[string]int{}
	for _, t := range startTags(clean) {
		kept[t.name]++
	}
	var out []removedTag
	for _, t := range startTags(raw) {
		if kept[t.name] > 0 {
			kept[t.name]--
			continue
		}
		out = append(out, removedTag{at: t.at, name: t.name, text: t.text})
	}
	return out
}

type startTag struct {
	name, text string
	at         int
}

func startTags(b []byte) []startTag {
	var tags []startTag
	z := html.NewTokenizer(bytes.NewReader(b))
	at := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return tags
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			name, _ := z.TagName()
			tags = append(tags, startTag{name: string(name), text: shorten(string(raw)), at: at})
		}
		at += len(raw)
	}
}

// shorten keeps the start of a tag for a message.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "…"
	}
	return s
}

// droppedTag is what a warning about dropped raw HTML quotes, or "" when
// nothing a reader would see is lost: a comment, or a closing tag (its
// opening tag is reported).
func droppedTag(raw []byte) string {
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if t := strings.TrimSpace(string(raw)); t != "" && !strings.HasPrefix(t, "<") {
				return shorten(t)
			}
			return ""
		case html.StartTagToken, html.SelfClosingTagToken, html.DoctypeToken:
			return shorten(string(z.Raw()))
		case html.TextToken:
			if strings.TrimSpace(string(z.Raw())) != "" {
				return shorten(string(raw))
			}
		}
	}
}
