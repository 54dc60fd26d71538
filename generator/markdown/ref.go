package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// refMark starts the destination of a link written with Hugo's ref or
// relref shortcode, [text]({{< ref "page.md" >}}): a byte no author types,
// so the link stage tells a ref (a content file, found as Hugo finds it)
// from a URL. See RefDest.
const refMark = '\x01'

// RefDest reports whether a link destination was written as
// {{< ref "x" >}} (or relref, or {{% %}}), and returns x.
func RefDest(dest string) (string, bool) {
	if len(dest) > 0 && dest[0] == refMark {
		return dest[1:], true
	}
	return "", false
}

// refRewrite is a ref shortcode replaced in the source before parsing.
type refRewrite struct {
	start, end int
	original   []byte
}

// rewriteRefs replaces, in place, every {{< ref "x" >}} or {{< relref "x" >}}
// that is a link's destination (after "](" or a reference definition's
// "]:") with <MARKx> and spaces to the same length: goldmark cannot read a
// shortcode as a destination (it holds spaces), and keeping the length
// keeps every byte offset, so messages point where the author wrote.
// CommonMark allows spaces after a destination before ")" or a title.
func rewriteRefs(src []byte) (out []byte, rewrites []refRewrite) {
	if !bytes.Contains(src, []byte("ref ")) && !bytes.Contains(src, []byte("ref\t")) {
		return src, nil
	}
	for i := 0; i+2 < len(src); i++ {
		if src[i] != ']' || (src[i+1] != '(' && src[i+1] != ':') {
			continue
		}
		j := i + 2
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if !bytes.HasPrefix(src[j:], []byte("{{<")) && !bytes.HasPrefix(src[j:], []byte("{{%")) {
			continue
		}
		line := src[j:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		sc := parseShortcode(line)
		target, ok := refTarget(&sc.Shortcode)
		if sc.Err != "" || sc.Closing || !ok {
			continue
		}
		if target == "" || strings.ContainsAny(target, "<>\n\r\\") || len(target)+3 > sc.consumed {
			continue
		}
		if out == nil {
			out = bytes.Clone(src) // the caller's body is not changed
		}
		end := j + sc.consumed
		rewrites = append(rewrites, refRewrite{start: j, end: end, original: src[j:end]})
		k := j
		out[k] = '<'
		out[k+1] = refMark
		k += 2
		k += copy(out[k:], target)
		out[k] = '>'
		for k++; k < end; k++ {
			out[k] = ' '
		}
		i = end - 1
	}
	if out == nil {
		return src, nil
	}
	return out, rewrites
}

// restoreRefs puts back the shortcodes that were not a link's destination
// after all: those in code (a Hugo page that shows how to write a ref) and
// in raw HTML, and those in text ("](" that opened no link), which are
// errors. A destination is in no node's text, so whatever a node's
// segments cover was not one.
func (d *Doc) restoreRefs(rewrites []refRewrite) {
	if len(rewrites) == 0 {
		return
	}
	restore := func(start, stop int, text bool) {
		for _, r := range rewrites {
			if r.start >= stop || r.end <= start || d.Source[r.start+1] != refMark {
				continue
			}
			copy(d.Source[r.start:r.end], r.original)
			if text {
				d.RawErrors = append(d.RawErrors, RawError{Offset: r.start,
					Message: `{{< ref >}} works only as a link's address; write [the text]({{< ref "page.md" >}})`})
			}
		}
	}
	lines := func(n ast.Node) {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			restore(seg.Start, seg.Stop, false)
		}
	}
	inCode := 0
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.CodeSpan); ok {
			if entering {
				inCode++
			} else {
				inCode--
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			restore(n.Segment.Start, n.Segment.Stop, inCode == 0)
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				restore(seg.Start, seg.Stop, false)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			lines(n)
		}
		return ast.WalkContinue, nil
	})
}

// refTarget is the page a ref or relref call names: its one argument, or
// path="…" as Hugo also writes it. ok is false for another shortcode or
// for a call with more (a second argument or lang=, which the link stage
// reports).
func refTarget(sc *Shortcode) (string, bool) {
	if sc.Name != "ref" && sc.Name != "relref" {
		return "", false
	}
	if len(sc.Args) == 1 && len(sc.Named) == 0 {
		return sc.Args[0], true
	}
	if p, ok := sc.Named["path"]; ok && len(sc.Args) == 0 && len(sc.Named) == 1 {
		return p, true
	}
	return "", false
}

// RefExtra names what a ref or relref call holds besides its page ("lang",
// "a second argument"), or "".
func RefExtra(sc *Shortcode) string {
	var extra []string
	if len(sc.Args) > 1 || len(sc.Args) == 1 && sc.Named["path"] != "" {
		extra = append(extra, "a second argument")
	}
	for k := range sc.Named {
		if k != "path" {
			extra = append(extra, k+"=")
		}
	}
	slices.Sort(extra)
	return strings.Join(extra, " and ")
}
