package markdown

import "github.com/yuin/goldmark/ast"

// goldmark asks every open block whether each new line continues it, and
// each block measures the line's indentation again: a list nested d levels
// deep costs d × (line length) per line, so a file of 3,000 nested list
// items (9 MB) took 45 s and half a gigabyte. No page a person reads nests
// that deep; shiftbook stops at MaxNesting and says where.

// MaxNesting is the deepest nesting of lists and block quotes a page may
// have, counted as Nesting counts it.
const MaxNesting = 50

// Nesting finds the first line of src nested deeper than MaxNesting and
// returns its byte offset and depth, or -1 and 0. It reads each line once,
// in time linear in the size of src. The depth of a line is an estimate
// from its start: one level per block quote marker (">") and per list
// marker ("-", "*", "+", "1.", "2)" followed by a space), and one per four
// columns of indentation (a tab is four). A list nested with two-space
// indents is counted about half as deep as it is, so any page up to twice
// MaxNesting levels deep passes; lines inside fenced code blocks are not
// counted. Docusaurus admonitions (:::note … :::) nest without indentation:
// each one open adds a level, closed as docusaurusParser closes them.
func Nesting(src []byte) (offset, depth int) {
	fence := byte(0) // the fence character of the code block we are in
	fenceLen := 0
	var admonitions []int // the colons of each Docusaurus admonition open, outermost first
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		line := src[start:end]
		d, rest := lineDepth(line)
		if fence == 0 {
			if _, ok := parseDocusaurus(rest); ok {
				admonitions = append(admonitions, colons(rest))
			} else if k := closingFence(rest); k > 0 {
				admonitions = closeAdmonition(admonitions, k)
			}
			if d += len(admonitions); d > MaxNesting {
				return start, d
			}
		}
		if n, c := fenceRun(rest); n >= 3 {
			switch {
			case fence == 0:
				fence, fenceLen = c, n
			case c == fence && n >= fenceLen:
				fence = 0
			}
		}
		start = end + 1
	}
	return -1, 0
}

// closeAdmonition is the admonitions still open after a closing line of k
// colons: it closes the outermost one it can, with what is inside it,
// unless one inside has as many colons or more and can be closed (see
// closesInside).
func closeAdmonition(open []int, k int) []int {
	for i, f := range open {
		if f > k {
			continue
		}
		inner := false
		for _, g := range open[i+1:] {
			if g >= f && g <= k {
				inner = true
				break
			}
		}
		if !inner {
			return open[:i]
		}
	}
	return open
}

// lineDepth is the estimated nesting of a line and the line after its
// markers and indentation.
func lineDepth(line []byte) (int, []byte) {
	depth, cols, i := 0, 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 1
				continue
			}
			return depth + cols/4, line[i:]
		default:
			return depth + cols/4, line[i:]
		}
	}
	return depth + cols/4, line[i:]
}

// fenceRun is the length and character of a run of ``` or ~~~ at the start of s.
func fenceRun(s []byte) (int, byte) {
	if len(s) == 0 || (s[0] != '`' && s[0] != '~') {
		return 0, 0
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	return n, s[0]
}

// tooDeep is the document Parse returns for a body nested deeper than
// MaxNesting: empty, with the place to report.
func tooDeep(src []byte, offset, depth int) *Doc {
	return &Doc{Source: src, Root: ast.NewDocument(), IDs: map[string]bool{}, TooDeep: &TooDeep{Offset: offset, Depth: depth}}
}

// TooDeep says where a body is nested deeper than MaxNesting.
type TooDeep struct {
	Offset int // of the first line too deep, in the body
	Depth  int
}
