// Package diag holds the diagnostics every stage reports: a position in an
// author's file, what is wrong, and what to do about it.
//
// Stages keep byte offsets; line and column are computed once, when the
// diagnostic is made from the file's bytes, so that positions inside front
// matter and body are always absolute in the file.
package diag

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity says whether a diagnostic fails the build.
type Severity uint8

const (
	// SeverityError fails the build: the zero value, so every diagnostic
	// is an error unless a stage says otherwise.
	SeverityError Severity = iota
	// SeverityWarning is printed and does not fail the build, unless the
	// author asked for --strict.
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the site's input.
type Diagnostic struct {
	Path     string   // slash path relative to the site root, e.g. "content/vision/index.md"
	Line     int      // 1-based; 0 when the problem belongs to the whole file
	Col      int      // 1-based, counted in characters; 0 when unknown
	Message  string   // what is wrong and what to do
	Notes    []string // further lines, printed indented
	Source   string   // the offending source line, without its newline, when known
	Severity Severity // error (the zero value) or warning
	// Kind names the sort of problem ("front matter", "link", "template"),
	// for the count by kind after a long list; "" lets the stage name it.
	Kind string
	// Owner is who is to act on the problem (an overdue review, stale
	// data), as the site names them, for check --owner; "" for problems
	// that are the site authors'.
	Owner string
	// Fix is the edit that certainly repairs the problem, for check --fix
	// and editors; nil when the tool cannot be sure.
	Fix *Fix

	// unplaced is set when the diagnostic was made without its file's
	// bytes at hand (a one-shot build drops each page's source once its
	// body is rendered): Line, Col and Source are filled in by
	// List.Place from the file read again.
	unplaced *unplaced
}

// unplaced is where in its file a diagnostic made without the file's bytes
// belongs: a byte offset (At), or a line whose text is missing (AtLine).
type unplaced struct {
	offset int // -1: Line and Col are known, only Source is missing
}

// Fix replaces the bytes [Start, End) of the diagnostic's file, which
// read Old when the diagnostic was made, with Replacement. Offsets are into
// the whole file as it was read; a file that no longer holds Old there has
// changed since, and the fix must not be applied.
type Fix struct {
	Start, End  int
	Old         string
	Replacement string
}

// Warning makes d a warning: printed, but failing the build only under
// --strict. It wraps any constructor: diag.Warning(diag.At(...)).
func Warning(d Diagnostic) Diagnostic {
	d.Severity = SeverityWarning
	return d
}

// WithFix attaches the edit that certainly repairs d: the bytes
// [start, end) of src, its file, become replacement. Out of range, it
// attaches nothing.
func (d Diagnostic) WithFix(src []byte, start, end int, replacement string) Diagnostic {
	if start < 0 || end < start || end > len(src) {
		return d
	}
	d.Fix = &Fix{Start: start, End: end, Old: string(src[start:end]), Replacement: replacement}
	return d
}

// Position is "path:line:col", "path:line" or "path", as editors read it.
func (d Diagnostic) Position() string {
	var b strings.Builder
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	return b.String()
}

// String formats the diagnostic as editors and CI annotate it:
// "path:line:col: message", with notes on indented lines below. A warning
// says so after the position.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Position())
	b.WriteString(": ")
	if d.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	for _, n := range d.Notes {
		b.WriteString("\n\t")
		b.WriteString(n)
	}
	return b.String()
}

// At makes a diagnostic at a byte offset of src, the whole content of path.
// An offset outside src is clamped, so a diagnostic never points outside its file.
func At(path string, src []byte, offset int, format string, args ...any) Diagnostic {
	line, col, text := Locate(src, offset)
	d := Diagnostic{Path: path, Line: line, Col: col, Source: text, Message: fmt.Sprintf(format, args...)}
	if src == nil {
		d.unplaced = &unplaced{offset: offset}
	}
	return d
}

// AtLine makes a diagnostic at a 1-based line and column of src.
func AtLine(path string, src []byte, line, col int, format string, args ...any) Diagnostic {
	d := Diagnostic{Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
	if line > 0 {
		d.Source = lineText(src, line)
		if src == nil {
			d.unplaced = &unplaced{offset: -1}
		}
	}
	return d
}

// Place fills in the position and source line of every diagnostic that
// was made without its file's bytes (At or AtLine with a nil src), from
// read, which returns a file's bytes by the diagnostic's path (nil when it
// cannot). It is what the diagnostic would have said had the bytes been at
// hand. Call it before Sort: until placed, such diagnostics stand at line 1.
func (l List) Place(read func(path string) []byte) List {
	files := map[string][]byte{}
	for i := range l {
		u := l[i].unplaced
		if u == nil {
			continue
		}
		src, ok := files[l[i].Path]
		if !ok {
			src = read(l[i].Path)
			files[l[i].Path] = src
		}
		l[i].unplaced = nil
		if src == nil {
			continue
		}
		if u.offset >= 0 {
			l[i].Line, l[i].Col, l[i].Source = Locate(src, u.offset)
		} else {
			l[i].Source = lineText(src, l[i].Line)
		}
	}
	return l
}

// File makes a diagnostic about a whole file.
func File(path string, format string, args ...any) Diagnostic {
	return Diagnostic{Path: path, Message: fmt.Sprintf(format, args...)}
}

// Locate turns a byte offset of src into a 1-based line, a 1-based column
// counted in characters, and the text of that line.
func Locate(src []byte, offset int) (line, col int, text string) {
	offset = max(0, min(offset, len(src)))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += start
	}
	line = bytes.Count(src[:start], []byte{'\n'}) + 1
	col = utf8.RuneCount(src[start:offset]) + 1
	return line, col, strings.TrimSuffix(string(src[start:end]), "\r")
}

// OffsetOf turns a 1-based line and column (in characters) into a byte offset of src.
func OffsetOf(src []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(src) && src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off
}

func lineText(src []byte, line int) string {
	_, _, text := Locate(src, OffsetOf(src, line, 1))
	return text
}

// List collects diagnostics from every stage.
type List []Diagnostic

// Add appends diagnostics.
func (l *List) Add(d ...Diagnostic) { *l = append(*l, d...) }

// Sort orders by path, line, column, message and notes, and drops exact repeats,
// so that output is the same whatever order parallel stages reported in.
func (l List) Sort() List {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.String() < b.String() // message, then notes: repeats end up side by side
	})
	out := l[:0]
	for i, d := range l {
		if i > 0 && d.String() == l[i-1].String() {
			continue
		}
		out = append(out, d)
	}
	return out
}

// HasErrors reports whether any diagnostic fails the build.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity != SeverityWarning {
			return true
		}
	}
	return false
}

// Warnings returns the warnings of the list, in order.
func (l List) Warnings() List {
	var out List
	for _, d := range l {
		if d.Severity == SeverityWarning {
			out = append(out, d)
		}
	}
	return out
}

// StrictNote follows a warning that --strict made an error, so that the
// author knows why a warning fails the build.
const StrictNote = "(a warning: --strict makes warnings errors)"

// Strict returns the list with every warning made an error, as --strict
// asks. The list itself is not changed.
func (l List) Strict() List {
	if l == nil {
		return nil
	}
	out := make(List, len(l))
	for i, d := range l {
		if d.Severity == SeverityWarning {
			d.Severity = SeverityError
			d.Notes = append(slices.Clip(d.Notes), StrictNote)
		}
		out[i] = d
	}
	return out
}

// WithKind names the kind of every diagnostic that has none yet: a stage
// knows what its problems are about.
func (l List) WithKind(kind string) List {
	for i := range l {
		if l[i].Kind == "" {
			l[i].Kind = kind
		}
	}
	return l
}

// Err returns the list as an error, or nil when nothing in it fails the
// build (it is empty, or holds only warnings).
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Error{List: l.Sort()}
}

// Error is a failed stage: one or more diagnostics.
type Error struct{ List List }

func (e *Error) Error() string {
	lines := make([]string, len(e.List))
	for i, d := range e.List {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// DidYouMean is the one way shiftbook offers a correction: `: did you mean
// "x"?` for the candidate nearest to word, or otherwise (which should start
// with "; " and say what to do) when none is near enough to help.
func DidYouMean(word string, candidates []string, otherwise string) string {
	if sug := Suggest(word, candidates); sug != "" {
		return fmt.Sprintf(": did you mean %q?", sug)
	}
	return otherwise
}

// Suggest returns the candidate nearest to word, for "did you mean" hints,
// or "" when none is close enough to help. Case is ignored.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", -1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := levenshtein(lw, strings.ToLower(c))
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	limit := max(2, utf8.RuneCountInString(word)/3)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Words joins items as a sentence lists them: "a", "a and b", "a, b and c";
// a message naming what an author may write reads it from the list itself,
// so that the message cannot fall behind the list.
func Words(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// DidYouMeanAs offers a correction found with Suggest, shown as the author
// would write it rather than quoted (a path, an #anchor, a {{< /tag >}}),
// after a message that has a colon of its own: "; did you mean ../a.md?".
func DidYouMeanAs(written string) string {
	return "; did you mean " + written + "?"
}
