package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindShortcode is the node kind of {{< name args >}}.
var KindShortcode = ast.NewNodeKind("Shortcode")

// Shortcode is {{< name "arg" key="value" >}}, on one line or over several
// (as Hugo allows, an argument a line; see callText), or {{% ... %}}, which shiftbook reads the same way (Hugo's form whose inner
// content is markdown: here inner content is always markdown). A call may
// hold inner content up to its closing tag {{< /name >}}: inline, on one
// line, as the node's children; or as blocks, when the opening and closing
// tags each stand on a line of their own (see ShortcodeBlock).
type Shortcode struct {
	ast.BaseInline
	Name    string
	Args    []string          // positional arguments, unquoted
	Named   map[string]string // key="value" arguments
	Offset  int               // byte offset of "{{<" in the body
	Alone   bool              // the only thing in its paragraph (a block such as a chart)
	Paired  bool              // it has a closing tag: its inner content is its children (or its block's)
	Closing bool              // {{< /name >}} with no opening tag before it: reported by the link stage
	// InParagraph is true for a call written in a paragraph among other
	// text, where a block (a chart, a journey map) would make invalid HTML.
	InParagraph bool
	// InAddress is true for a call written inside a link's address (see
	// inAddress), where it is not run.
	InAddress bool
	Err       string // a syntax error, reported by the link stage
	ErrAt     int    // byte offset of the error
}

// Kind implements ast.Node.
func (n *Shortcode) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (n *Shortcode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "Args": fmt.Sprint(n.Args), "Err": n.Err}, nil)
}

type shortcodeParser struct{}

func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{<")) && !bytes.HasPrefix(line, []byte("{{%")) {
		return nil
	}
	if shown, n := escapedShortcode(line); n > 0 {
		block.Advance(n)
		return ast.NewString(shown)
	}
	call, segs := callText(block, line, seg)
	n := parseShortcode(call)
	n.Offset = seg.Start
	n.InAddress = inAddress(block.Source(), seg.Start)
	n.ErrAt = sourceOffset(segs, seg, n.ErrAt)
	if n.Err != "" && n.consumed == 0 {
		block.Advance(3)
	} else {
		block.Advance(n.consumed)
	}
	return &n.Shortcode
}

type parsedShortcode struct {
	Shortcode
	consumed int
}

// parseShortcode parses a shortcode at the start of line ("{{< ... >}}...").
// On a syntax error Err is set, ErrAt is the offset in line, and consumed is 0
// when nothing sensible can be skipped.
func parseShortcode(line []byte) parsedShortcode {
	var n parsedShortcode
	fail := func(at int, format string, args ...any) parsedShortcode {
		n.Err = fmt.Sprintf(format, args...)
		n.ErrAt = at
		return n
	}
	closer := []byte(">}}")
	if bytes.HasPrefix(line, []byte("{{%")) {
		closer = []byte("%}}")
	}
	end := closingDelimiter(line, closer)
	if end < 0 {
		return fail(0, "shortcode is not closed; end it with %s, as in %s metric \"nps\" %s (a call may go on over several lines, but not past an empty one)", closer, line[:3], closer)
	}
	body := line[3:end]
	i := 0
	skip := func() {
		for i < len(body) && isCallSpace(body[i]) {
			i++
		}
	}
	skip()
	if i < len(body) && body[i] == '/' {
		n.Closing = true
		i++
		skip()
	}
	if bytes.HasSuffix(bytes.TrimRight(body, callSpaces), []byte("/")) && !n.Closing {
		body = bytes.TrimSuffix(bytes.TrimRight(body, callSpaces), []byte("/")) // {{< name />}}: closed at once
	}
	start := i
	// A name may hold slashes, as in Hugo, where they are folders of
	// layouts/shortcodes/ ({{< blocks/cover >}} is blocks/cover.html, as
	// Docsy's are named); a slash never starts or ends one.
	for i < len(body) && (isNameByte(body[i]) || body[i] == '/' && i > start && i+1 < len(body) && isNameByte(body[i+1])) {
		i++
	}
	if i == start {
		n.consumed = end + 3
		return fail(3+i, "shortcode has no name; write {{< metric \"id\" >}}, {{< chart \"id\" >}} or {{< journey \"id\" >}}")
	}
	n.Name = string(body[start:i])
	if n.Closing {
		if skip(); i < len(body) {
			n.consumed = end + 3
			return fail(3+i, "a closing tag takes no arguments; write {{< /%s >}}", n.Name)
		}
		n.consumed = end + 3
		return n
	}
	for {
		skip()
		if i >= len(body) {
			break
		}
		argStart := i
		key := ""
		if isNameByte(body[i]) {
			j := i
			for j < len(body) && isNameByte(body[j]) {
				j++
			}
			if j < len(body) && body[j] == '=' {
				key = string(body[i:j])
				i = j + 1
			}
		}
		var val string
		if i < len(body) && body[i] == '"' {
			j := i + 1
			for j < len(body) && body[j] != '"' {
				if isEscapedQuote(body, j) {
					j++
				}
				j++
			}
			if j >= len(body) {
				n.consumed = end + 3
				msg := "argument opened with \" is not closed; close the quotes"
				if bytes.Contains(body[i:], []byte(`\"`)) {
					msg += ` (a \ right before " makes that quote part of the text, so the text cannot end with \)`
				}
				return fail(3+i, "%s", msg)
			}
			val = hugoQuoted(body[i+1 : j])
			i = j + 1
		} else {
			j := i
			for j < len(body) && !isCallSpace(body[j]) {
				j++
			}
			val = string(body[i:j])
			if val == "" {
				n.consumed = end + 3
				return fail(3+argStart, "argument %s= has no value; write %s=\"value\"", key, key)
			}
			i = j
		}
		if key != "" {
			if n.Named == nil {
				n.Named = map[string]string{}
			}
			n.Named[key] = val
		} else {
			n.Args = append(n.Args, val)
		}
	}
	n.consumed = end + 3
	return n
}

// closingDelimiter is the offset of the closer (">}}" or "%}}") that ends
// the call at the start of line, outside quoted arguments.
func closingDelimiter(line, closer []byte) int {
	quoted := false
	for i := 3; i < len(line); i++ {
		switch {
		case quoted && isEscapedQuote(line, i):
			i++
		case line[i] == '"':
			quoted = !quoted
		case !quoted && bytes.HasPrefix(line[i:], closer):
			return i
		}
	}
	if len(line) < 3 {
		return -1
	}
	if i := bytes.Index(line[3:], closer); i >= 0 {
		return i + 3 // a quote never closed: the argument's error says so
	}
	return -1
}

// isEscapedQuote reports whether text[i:] starts with \": in a quoted
// argument, the one escape Hugo's shortcode lexer reads. Every other
// backslash is text (pattern=".*\.(pdf|mp4)$", id="a\.b"), as there.
func isEscapedQuote(text []byte, i int) bool {
	return text[i] == '\\' && i+1 < len(text) && text[i+1] == '"'
}

// hugoQuoted is the value of a quoted argument, as Hugo gives it to the
// template: the text as written, except that when it holds an escaped
// quote (\") every backslash is dropped (Hugo's ignoreEscapesAndEmit), so
// a shortcode moved from Hugo sees the same value here.
func hugoQuoted(text []byte) string {
	if !bytes.Contains(text, []byte(`\"`)) {
		return string(text)
	}
	return string(bytes.ReplaceAll(text, []byte(`\`), nil))
}

// callSpaces separate a call's name and arguments: a call written over
// several lines has line ends among them.
const callSpaces = " \t\r\n"

func isCallSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// maxCallLines is how many lines a call written over several lines may
// take: far more than any call's arguments, and a bound on the search for
// the end of a call that is never closed.
const maxCallLines = 40

// callCloser is the delimiter that ends the call opened at the start of
// line.
func callCloser(line []byte) []byte {
	if bytes.HasPrefix(line, []byte("{{%")) {
		return []byte("%}}")
	}
	return []byte(">}}")
}

// callText is the text of the call that starts line, as the inline parser
// reads it: line itself when the call is closed on it, else the lines of
// the paragraph joined up to the one that closes it (Hugo reads a call
// over several lines, one argument a line), with segs the lines it took.
// A call closed on no line of its paragraph is line, for its error.
func callText(block text.Reader, line []byte, seg text.Segment) ([]byte, []text.Segment) {
	closer := callCloser(line)
	if closingDelimiter(line, closer) >= 0 {
		return line, nil
	}
	at, pos := block.Position()
	defer block.SetPosition(at, pos)
	joined := append([]byte(nil), line...)
	segs := []text.Segment{seg}
	for range maxCallLines {
		block.AdvanceLine()
		next, s := block.PeekLine()
		if next == nil {
			break
		}
		if len(joined) > 0 && joined[len(joined)-1] != '\n' {
			break // not the next line of the paragraph
		}
		joined = append(joined, next...)
		segs = append(segs, s)
		if closingDelimiter(joined, closer) >= 0 {
			return joined, segs
		}
	}
	return line, nil
}

// sourceOffset is the place in the source of byte at of the text callText
// joined from segs (or of the one line at seg, when segs is nil).
func sourceOffset(segs []text.Segment, seg text.Segment, at int) int {
	for _, s := range segs {
		if at < s.Len() {
			return s.Start + at
		}
		at -= s.Len()
	}
	return seg.Start + at
}

func isNameByte(b byte) bool {
	return b == '-' || b == '_' || b < 0x80 && (unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b)))
}

// In the text of a body (Doc.Text), a shortcode is written as
// ShortcodeMarkStart, the byte offset of its "{{<" in decimal, and
// ShortcodeMarkEnd: two characters of Unicode's private use area, which no
// prose holds, so that the renderer can put in what the shortcode shows
// ("currently 2.31 score") instead of leaving a hole in the sentence.
const (
	ShortcodeMarkStart = '\uE000'
	ShortcodeMarkEnd   = '\uE001'
)

// ShortcodeMark is the mark of the shortcode at offset in a body's text.
func ShortcodeMark(offset int) string {
	return string(ShortcodeMarkStart) + strconv.Itoa(offset) + string(ShortcodeMarkEnd)
}

// Hugo shows a shortcode call as text, not calling it, when it is written
// with a comment inside its delimiters: {{</* chart "nps" */>}} is shown
// as {{< chart "nps" >}}, and {{%/* note */%}} as {{% note %}}; documentation
// of shortcodes is written so.
var shortcodeEscapes = [][2]string{{"{{</*", "{{<"}, {"*/>}}", ">}}"}, {"{{%/*", "{{%"}, {"*/%}}", "%}}"}}

// escapedShortcode reads an escaped call at the start of line: what it
// shows and how many bytes it takes; 0 when line starts with none closed
// on the line.
func escapedShortcode(line []byte) ([]byte, int) {
	for _, open := range [][3]string{{"{{</*", "*/>}}", "{{<"}, {"{{%/*", "*/%}}", "{{%"}} {
		if !bytes.HasPrefix(line, []byte(open[0])) {
			continue
		}
		end := bytes.Index(line[len(open[0]):], []byte(open[1]))
		if end < 0 {
			return nil, 0
		}
		inner := line[len(open[0]) : len(open[0])+end]
		closer := ">}}"
		if open[2] == "{{%" {
			closer = "%}}"
		}
		shown := append(append([]byte(open[2]), inner...), closer...)
		return shown, len(open[0]) + end + len(open[1])
	}
	return nil, 0
}

// unescapeShortcodes is code as Hugo shows it: each escaped call's
// delimiters as the call's own ({{</* x */>}} → {{< x >}}).
func unescapeShortcodes(code string) string {
	if !strings.Contains(code, "/*") {
		return code
	}
	for _, e := range shortcodeEscapes {
		code = strings.ReplaceAll(code, e[0], e[1])
	}
	return code
}

// CallIn finds the first shortcode call written in text (a link's
// address) and returns its name ("" for a call without one). Only ref and
// relref are read in an address (see rewriteRefs); goldmark keeps any
// other call there as part of the address.
func CallIn(text string) (name string, ok bool) {
	i := strings.Index(text, "{{<")
	if j := strings.Index(text, "{{%"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return "", false
	}
	return parseShortcode([]byte(text[i:])).Name, true
}

// inAddress reports whether the shortcode call at offset at of src is
// written inside a link's address, as Hugo pages write one
// ([the release](https://example.com/v{{% param version %}}), a bare
// address's, or a reference definition's). Hugo runs the call before it
// reads the link; goldmark reads the link first and, seeing a space in
// the address, reads none, so the brackets and the address would be shown
// as text.
func inAddress(src []byte, at int) bool {
	j := at
	for j > 0 && !isCallSpace(src[j-1]) && src[j-1] != ')' && src[j-1] != '>' {
		if bytes.HasSuffix(src[:j], []byte("](")) || bytes.HasSuffix(src[:j], []byte("](<")) {
			return true
		}
		if src[j-1] == '<' && bytes.HasPrefix(src[j:], []byte("http")) {
			return true // an autolink, <https://…>
		}
		j--
	}
	// A bare address right before the call (https://example.com/v{{< x >}}):
	// linkify stops the link before the call, which would be shown after
	// the link instead of being part of its address.
	word := bytes.TrimLeft(src[j:at], "(*_~")
	for _, start := range []string{"http://", "https://", "ftp://", "www."} {
		if bytes.HasPrefix(word, []byte(start)) {
			return true
		}
	}
	// [name]: https://… at the start of a line, the address after spaces.
	k := j
	for k > 0 && (src[k-1] == ' ' || src[k-1] == '\t') {
		k--
	}
	if k == j || k < 2 || src[k-1] != ':' || src[k-2] != ']' {
		return false
	}
	line := bytes.LastIndexByte(src[:k], '\n') + 1
	return bytes.HasPrefix(bytes.TrimLeft(src[line:k], " "), []byte("["))
}
