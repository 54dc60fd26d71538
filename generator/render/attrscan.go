package render

import (
	"bytes"
	"sync"
)

// scanAttrs calls fn with the value of every id ('i'), href and src ('r')
// attribute of a page, entities decoded, in page order. The page is read
// as a browser reads it, by the tokenizing rules of golang.org/x/net/html:
// text that looks like an attribute (a code span showing
// `<img src="chart.png">`, which the minifier writes with bare quotes) is
// text, and a value is whatever its quotes, or none, hold.
//
// Most pages are read by fastAttrs, which follows those rules for what it
// meets without copying the page or a byte of what it skips; a page with
// what it does not follow (a NUL byte, a script holding "<!--", a value
// with an entity or a carriage return) is read by the tokenizer itself.
// TestFastAttrsAgree and FuzzFastAttrs hold the two to the same answers.
func scanAttrs(page []byte, stopped func() bool, fn func(kind byte, value []byte)) {
	if bytes.IndexByte(page, 0) < 0 {
		sp := spanPool.Get().(*[]attrSpan)
		spans, ok := fastAttrs(page, (*sp)[:0], stopped)
		if ok {
			for _, s := range spans {
				fn(s.kind, page[s.start:s.end])
			}
		}
		*sp = spans[:0]
		spanPool.Put(sp)
		if ok {
			return
		}
	}
	tokenAttrs(page, stopped, fn)
}

// tokenAttrs is scanAttrs by golang.org/x/net/html's tokenizer.
func tokenAttrs(page []byte, stopped func() bool, fn func(kind byte, value []byte)) {
	tokenAttrsFrom(bytes.NewReader(page), stopped, fn)
}

// attrSpan is where one attribute value fastAttrs found stands in the page.
type attrSpan struct {
	kind       byte
	start, end int32
}

var spanPool = sync.Pool{New: func() any { s := make([]attrSpan, 0, 256); return &s }}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// rawTags are the elements whose content is text up to their own end tag,
// as the tokenizer has them (readStartTag).
var rawTags = []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

// fastAttrs appends the id, href and src values of page to spans, reading
// it by the tokenizer's rules (golang.org/x/net/html token.go: Next,
// readTag, readTagAttrKey, readTagAttrVal, readRawOrRCDATA, readComment).
// ok is false when the page holds what it leaves to the tokenizer; page
// must hold no NUL byte.
func fastAttrs(page []byte, spans []attrSpan, stopped func() bool) (_ []attrSpan, ok bool) {
	spans, _, ok = scanPart(page, spans, stopped, true)
	return spans, ok
}

// scanPart is fastAttrs over the start of a page that goes on after it
// unless final. It returns where reading must go on, with more bytes
// appended: the start of a construct the part ends inside (the tokenizer
// reads from there, as from the start of a page), or len(page); -1 when
// the rest of the page is text (after <plaintext>). When ok is false, from
// resume on the page is the tokenizer's to read; the spans before it stand.
func scanPart(page []byte, spans []attrSpan, stopped func() bool, final bool) (_ []attrSpan, resume int, ok bool) {
	n := len(page)
	i := 0
	tags := 0
	// more is where a construct starting at at is cut by the end of part.
	more := func(at int) int {
		if final {
			return n
		}
		return at
	}
	for i < n {
		// Text: up to a '<' that starts a tag, an end tag or a comment.
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			return spans, n, true
		}
		if i+j+1 >= n {
			return spans, more(i + j), true
		}
		i += j
		c := page[i+1]
		switch {
		case isLetter(c):
			tags++
			if tags%1024 == 0 && stopped != nil && stopped() {
				return spans, n, true
			}
			mark := len(spans)
			var end int
			var raw string
			spans, end, raw, ok = readTag(page, i+1, spans, true)
			if !ok {
				return spans[:mark], i, false
			}
			if end < 0 { // the page ends inside the tag
				return spans[:mark], more(i), true
			}
			if raw != "" {
				if raw == "plaintext" {
					return spans, -1, true // the rest is text
				}
				k := rawEnd(page, end, raw)
				if raw == "script" && bytes.Contains(page[end:k], []byte("<!--")) {
					return spans[:mark], i, false // the script data's escaped states
				}
				if k == n && !final {
					return spans[:mark], i, true // its end tag may be in what follows
				}
				end = k
			}
			i = end
		case c == '/':
			if i+2 >= n {
				return spans, more(i), true
			}
			switch d := page[i+2]; {
			case d == '>':
				i += 3 // "</>" is nothing
			case isLetter(d):
				_, end, _, _ := readTag(page, i+2, nil, false)
				if end < 0 || end == n && !final {
					return spans, more(i), true
				}
				i = end
			default:
				k := untilCloseAngle(page, i+2)
				if k == n && !final {
					return spans, i, true // read again, whole, with what follows
				}
				i = k
			}
		case c == '!':
			if i+3 >= n && !final {
				return spans, i, true // "<!-" or "<!": a comment or not, to be seen
			}
			var k int
			if i+3 < n && page[i+2] == '-' && page[i+3] == '-' {
				k = commentEnd(page, i+4)
			} else {
				k = untilCloseAngle(page, i+2) // a doctype, or a bogus comment
			}
			if k == n && !final {
				return spans, i, true
			}
			i = k
		case c == '?':
			k := untilCloseAngle(page, i+1)
			if k == n && !final {
				return spans, i, true
			}
			i = k
		default:
			i++ // a '<' of the text
		}
	}
	return spans, n, true
}

// untilCloseAngle is the index after the next '>' from i, or the end.
func untilCloseAngle(page []byte, i int) int {
	if k := bytes.IndexByte(page[i:], '>'); k >= 0 {
		return i + k + 1
	}
	return len(page)
}

// commentEnd is the index after the comment whose data starts at i (after
// "<!--"): at "-->", "--!>", or a '>' right at the start ("<!-->",
// "<!--->"); the end of the page when unclosed.
func commentEnd(page []byte, i int) int {
	dashes := 0
	beginning := true
	for ; i < len(page); i++ {
		switch page[i] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i + 1
			}
		case '!':
			if dashes >= 2 {
				if i+1 >= len(page) {
					return len(page)
				}
				switch page[i+1] {
				case '>':
					return i + 2
				case '-':
					i++
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(page)
}

// rawEnd is where the raw text that starts at i ends: at the first
// "</NAME" followed by white space, '/' or '>', NAME in any case; or the
// end of the page.
func rawEnd(page []byte, i int, name string) int {
	for {
		k := bytes.Index(page[i:], []byte("</"))
		if k < 0 {
			return len(page)
		}
		k += i
		p := k + 2
		m := 0
		for m < len(name) && p+m < len(page) && page[p+m]|0x20 == name[m] {
			m++
		}
		if m == len(name) && p+m < len(page) {
			if c := page[p+m]; isSpace(c) || c == '/' || c == '>' {
				return k
			}
		}
		i = k + 1
	}
}

// readTag reads the tag whose name starts at i (after "<" or "</"). It
// returns the index after its '>' (-1 when the page ends first: the
// tokenizer then stops, and no attribute of it counts), the name of the raw
// text element it opens, if any, and ok false when a value it would report
// needs decoding. Only a start tag's values are reported (report).
func readTag(page []byte, i int, spans []attrSpan, report bool) (_ []attrSpan, end int, raw string, ok bool) {
	nameStart := i
	n := len(page)
	// readTagName
	for i < n && !isSpace(page[i]) && page[i] != '/' && page[i] != '>' {
		i++
	}
	if i >= n {
		return spans, -1, "", true
	}
	name := page[nameStart:i]
	if isSpace(page[i]) {
		i++
	}
	mark := len(spans)
	var seenID, seenHref, seenSrc bool
	i = skipSpace(page, i)
	for {
		if i >= n {
			return spans[:mark], -1, "", true
		}
		if page[i] == '>' {
			i++
			break
		}
		// readTagAttrKey
		ks := i
		i++ // the first byte is always in the key (or it is '/': see below)
		if page[ks] == '/' || page[ks] == '>' || isSpace(page[ks]) {
			i = ks // an empty key: the byte is read again as the value's
		}
		for i < n && page[i] != '=' && page[i] != '/' && page[i] != '>' && !isSpace(page[i]) {
			i++
		}
		if i >= n {
			return spans[:mark], -1, "", true
		}
		key := page[ks:i]
		// readTagAttrVal
		vs, ve := i, i
		i = skipSpace(page, i)
		if i >= n {
			return spans[:mark], -1, "", true
		}
		switch page[i] {
		case '/':
			i++
		case '=':
			i = skipSpace(page, i+1)
			if i >= n {
				return spans[:mark], -1, "", true
			}
			switch q := page[i]; q {
			case '>':
				vs, ve = i, i
			case '"', '\'':
				k := bytes.IndexByte(page[i+1:], q)
				if k < 0 {
					return spans[:mark], -1, "", true
				}
				vs, ve = i+1, i+1+k
				i = ve + 1
			default:
				vs = i
				for i < n && !isSpace(page[i]) && page[i] != '>' {
					i++
				}
				if i >= n {
					return spans[:mark], -1, "", true
				}
				ve = i
				if isSpace(page[i]) {
					i++
				}
			}
		}
		var kind byte
		switch {
		case !report:
		case len(key) == 2 && key[0]|0x20 == 'i' && key[1]|0x20 == 'd':
			if !seenID {
				kind, seenID = 'i', true
			}
		case len(key) == 4 && key[0]|0x20 == 'h' && key[1]|0x20 == 'r' && key[2]|0x20 == 'e' && key[3]|0x20 == 'f':
			if !seenHref {
				kind, seenHref = 'r', true
			}
		case len(key) == 3 && key[0]|0x20 == 's' && key[1]|0x20 == 'r' && key[2]|0x20 == 'c':
			if !seenSrc {
				kind, seenSrc = 'r', true
			}
		}
		if kind != 0 {
			if bytes.IndexByte(page[vs:ve], '&') >= 0 || bytes.IndexByte(page[vs:ve], '\r') >= 0 {
				return spans, 0, "", false // entities and newlines are the tokenizer's to decode
			}
			spans = append(spans, attrSpan{kind: kind, start: int32(vs), end: int32(ve)})
		}
		i = skipSpace(page, i)
	}
	if c := name[0] | 0x20; c == 'i' || c == 'n' || c == 'p' || c == 's' || c == 't' || c == 'x' {
		for _, r := range rawTags {
			if len(r) == len(name) && equalFold(name, r) {
				raw = r
				break
			}
		}
	}
	return spans, i, raw, true
}

func skipSpace(page []byte, i int) int {
	for i < len(page) && isSpace(page[i]) {
		i++
	}
	return i
}

// equalFold reports whether b, in any case, is the lower-case ASCII s.
func equalFold(b []byte, s string) bool {
	for k := range b {
		if b[k]|0x20 != s[k] {
			return false
		}
	}
	return true
}
