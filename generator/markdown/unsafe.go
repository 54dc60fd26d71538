package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// UnsafeLink is a link or picture whose address was left out of the page:
// its scheme (javascript:, vbscript:, data: other than a picture) runs
// code or shows content that is not the site's.
type UnsafeLink struct {
	Offset int    // byte offset in the body
	Scheme string // "javascript", lower case, without the colon
	Image  bool
}

// Destination is a link destination as a browser takes it: decoded as
// CommonMark reads it (see Unescape), then without the tabs and line
// breaks a browser removes from every URL (WHATWG URL standard), so that
// "java&#x09;script:" is the javascript: it becomes.
func Destination(raw []byte) []byte {
	dest := Unescape(raw)
	if !bytes.ContainsAny(dest, "\t\n\r") {
		return dest
	}
	return bytes.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, dest)
}

// unsafeLink records a destination the renderer leaves out (see dangerous),
// unless raw HTML is unsafe, which keeps every destination.
func (d *Doc) unsafeLink(raw []byte, n ast.Node, image, keep bool) {
	dest := Destination(raw)
	if keep || !dangerous(dest) {
		return
	}
	scheme, _, _ := strings.Cut(string(dest), ":")
	d.Unsafe = append(d.Unsafe, UnsafeLink{Offset: inlineOffset(n, d.Source), Scheme: strings.ToLower(strings.TrimSpace(scheme)), Image: image})
}
