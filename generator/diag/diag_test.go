package diag

import (
	"reflect"
	"strings"
	"testing"
)

func TestLocate(t *testing.T) {
	src := []byte("ab\ncafé x\r\n\nlast")
	tests := []struct {
		name      string
		offset    int
		line, col int
		text      string
	}{
		{"start", 0, 1, 1, "ab"},
		{"in first line", 1, 1, 2, "ab"},
		{"at first newline", 2, 1, 3, "ab"},
		{"second line start", 3, 2, 1, "café x"},
		{"after a two-byte rune: columns count characters", 8, 2, 5, "café x"},
		{"at carriage return", 10, 2, 7, "café x"},
		{"empty line", 12, 3, 1, ""},
		{"last line", 13, 4, 1, "last"},
		{"end of file", len(src), 4, 5, "last"},
		{"past the end is clamped", len(src) + 10, 4, 5, "last"},
		{"negative is clamped", -3, 1, 1, "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col, text := Locate(src, tt.offset)
			if line != tt.line || col != tt.col || text != tt.text {
				t.Errorf("Locate(%d) = %d, %d, %q; want %d, %d, %q", tt.offset, line, col, text, tt.line, tt.col, tt.text)
			}
		})
	}
	if line, col, text := Locate(nil, 0); line != 1 || col != 1 || text != "" {
		t.Errorf("Locate(nil, 0) = %d, %d, %q; want 1, 1, \"\"", line, col, text)
	}
}

func TestOffsetOf(t *testing.T) {
	src := []byte("ab\ncafé x\n\nlast")
	tests := []struct {
		line, col, want int
	}{
		{1, 1, 0},
		{1, 2, 1},
		{1, 3, 2},
		{1, 99, 2}, // a column past the end of the line stops at its newline
		{2, 1, 3},
		{2, 5, 8}, // after "café": é is two bytes
		{2, 6, 9},
		{3, 1, 11},
		{4, 1, 12},
		{4, 5, 16},
		{5, 1, len(src)}, // a line past the end is the end
		{0, 0, 0},
	}
	for _, tt := range tests {
		if got := OffsetOf(src, tt.line, tt.col); got != tt.want {
			t.Errorf("OffsetOf(%d, %d) = %d; want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

// TestLocateOffsetOfRoundTrip checks that the two functions are inverse on
// every offset of a text with multi-byte characters.
func TestLocateOffsetOfRoundTrip(t *testing.T) {
	src := []byte("+++\ntitle = \"Ünïcödé ☕\"\n+++\r\n\n## Été\n")
	for off := 0; off <= len(src); off++ {
		if off < len(src) && src[off]&0xC0 == 0x80 {
			continue // inside a character
		}
		line, col, _ := Locate(src, off)
		if got := OffsetOf(src, line, col); got != off {
			t.Errorf("offset %d → %d:%d → %d", off, line, col, got)
		}
	}
}

func TestAtAndAtLine(t *testing.T) {
	src := []byte("one\ntwo three\n")
	d := At("f.md", src, 8, "bad %s", "thing")
	want := Diagnostic{Path: "f.md", Line: 2, Col: 5, Message: "bad thing", Source: "two three"}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("At = %#v; want %#v", d, want)
	}
	d = AtLine("f.md", src, 2, 3, "x")
	want = Diagnostic{Path: "f.md", Line: 2, Col: 3, Message: "x", Source: "two three"}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("AtLine = %#v; want %#v", d, want)
	}
	if d := At("f.md", src, 1000, "x"); d.Line != 3 || d.Col != 1 {
		t.Errorf("At past the end = %d:%d; want 3:1 (clamped to the end)", d.Line, d.Col)
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "a.md", Line: 3, Col: 9, Message: "m"}, "a.md:3:9: m"},
		{Diagnostic{Path: "a.md", Line: 3, Message: "m"}, "a.md:3: m"},
		{Diagnostic{Path: "a.md", Message: "m"}, "a.md: m"},
		{Diagnostic{Path: "a.md", Col: 4, Message: "m"}, "a.md: m"}, // a column without a line means nothing
		{Diagnostic{Path: "a.md", Line: 1, Col: 1, Message: "m", Notes: []string{"n1", "n2"}}, "a.md:1:1: m\n\tn1\n\tn2"},
		{Diagnostic{Path: "a.md", Line: 1, Col: 1, Message: "m", Source: "not printed"}, "a.md:1:1: m"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q; want %q", got, tt.want)
		}
	}
}

func TestSort(t *testing.T) {
	l := List{
		{Path: "b.md", Line: 1, Col: 1, Message: "b1"},
		{Path: "a.md", Line: 10, Col: 1, Message: "a10"},
		{Path: "a.md", Line: 2, Col: 7, Message: "a2:7"},
		{Path: "a.md", Line: 2, Col: 3, Message: "z"},
		{Path: "a.md", Line: 2, Col: 3, Message: "y"},
		{Path: "a.md", Message: "whole file"},
		{Path: "a.md", Line: 2, Col: 3, Message: "y", Notes: []string{"n"}},
		{Path: "a.md", Line: 2, Col: 3, Message: "y"}, // exact repeat, not next to the first: dropped
	}
	var got []string
	for _, d := range l.Sort() {
		got = append(got, d.String())
	}
	want := []string{
		"a.md: whole file",
		"a.md:2:3: y",
		"a.md:2:3: y\n\tn",
		"a.md:2:3: z",
		"a.md:2:7: a2:7",
		"a.md:10:1: a10",
		"b.md:1:1: b1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sort:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := List(nil).Sort(); len(got) != 0 {
		t.Errorf("Sort of nil = %v", got)
	}
}

func TestErr(t *testing.T) {
	if err := List(nil).Err(); err != nil {
		t.Errorf("empty list: Err() = %v; want nil", err)
	}
	err := List{{Path: "b", Message: "2"}, {Path: "a", Line: 1, Message: "1"}}.Err()
	if err == nil || err.Error() != "a:1: 1\nb: 2" {
		t.Errorf("Err() = %v; want the sorted diagnostics, one a line", err)
	}
}

func TestSuggest(t *testing.T) {
	terms := []string{"Net Promoter Score", "NPS", "CSAT", "CES", "customer effort", "Touchpoint"}
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"CSTA", terms, "CSAT"}, // transposition: 2 edits, the floor
		{"csat", terms, "CSAT"}, // case is ignored
		{"Net Promotor Score", terms, "Net Promoter Score"},
		{"touch point", terms, "Touchpoint"},
		{"customer effrt", terms, "customer effort"},
		{"Unheard of thing", terms, ""}, // nothing close
		{"xyz", terms, ""},              // 3 edits from CES: more than the floor of 2
		{"", nil, ""},
		{"anything", nil, ""},
		{"titl", []string{"title", "tags", "toc"}, "title"},
		{"ab", []string{"ba", "ab"}, "ab"},     // exact match wins
		{"cat", []string{"cut", "cot"}, "cot"}, // ties go to the smaller candidate
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, tt.candidates); got != tt.want {
			t.Errorf("Suggest(%q) = %q; want %q", tt.word, got, tt.want)
		}
	}
}

// TestSuggestLimit pins how far a suggestion may be: at most a third of the
// word's length in edits, and never less than 2.
func TestSuggestLimit(t *testing.T) {
	tests := []struct {
		word, candidate string
		ok              bool
	}{
		{"ab", "cd", true},               // 2 edits, floor 2
		{"abc", "xyz", false},            // 3 edits > 2
		{"abcdefghi", "abcdefxyz", true}, // 3 edits, 9/3 = 3
		{"abcdefghi", "abcdewxyz", false},
		{"ÄÖÜ", "AOU", false}, // counted in characters: 3 edits > 2
		{"ÄÖÜ", "ÄOU", true},
	}
	for _, tt := range tests {
		got := Suggest(tt.word, []string{tt.candidate}) != ""
		if got != tt.ok {
			t.Errorf("Suggest(%q, [%q]) suggests = %v; want %v", tt.word, tt.candidate, got, tt.ok)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"café", "cafe", 1},
		{"flaw", "lawn", 2},
	}
	for _, tt := range tests {
		if got := levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestFile(t *testing.T) {
	d := File("content/data/x.csv", "has %d points", 0)
	if d.String() != "content/data/x.csv: has 0 points" {
		t.Errorf("File = %q", d.String())
	}
}

func TestSeverity(t *testing.T) {
	src := []byte("one\ntwo\n")
	w := Warning(At("a.md", src, 4, "image %q has a space", "a b.png"))
	if w.Severity != SeverityWarning || w.Line != 2 || w.Col != 1 {
		t.Fatalf("Warning(At(...)) = %#v", w)
	}
	if got, want := w.String(), `a.md:2:1: warning: image "a b.png" has a space`; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	e := At("a.md", src, 0, "broken")
	tests := []struct {
		name      string
		l         List
		hasErrors bool
		warnings  int
	}{
		{"empty", nil, false, 0},
		{"a warning alone does not fail", List{w}, false, 1},
		{"an error fails", List{e}, true, 0},
		{"both", List{w, e}, true, 1},
		{"strict makes warnings errors", List{w}.Strict(), true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.l.HasErrors(); got != tt.hasErrors {
				t.Errorf("HasErrors() = %v; want %v", got, tt.hasErrors)
			}
			if got := len(tt.l.Warnings()); got != tt.warnings {
				t.Errorf("len(Warnings()) = %d; want %d", got, tt.warnings)
			}
			if err := tt.l.Err(); (err != nil) != tt.hasErrors {
				t.Errorf("Err() = %v; want an error: %v", err, tt.hasErrors)
			}
		})
	}
	l := List{w}
	_ = l.Strict()
	if l[0].Severity != SeverityWarning {
		t.Error("Strict changed the list it was called on")
	}
}

func TestWithKindKeepsOwnKind(t *testing.T) {
	l := List{{Path: "a", Kind: "link"}, {Path: "b"}}.WithKind("front matter")
	if l[0].Kind != "link" || l[1].Kind != "front matter" {
		t.Errorf("WithKind = %q, %q; want link, front matter", l[0].Kind, l[1].Kind)
	}
}

func TestWithFix(t *testing.T) {
	src := []byte("[x](#Intro)")
	d := At("a.md", src, 4, "anchor").WithFix(src, 5, 10, "intro")
	if d.Fix == nil || *d.Fix != (Fix{Start: 5, End: 10, Old: "Intro", Replacement: "intro"}) {
		t.Errorf("WithFix = %+v", d.Fix)
	}
	if d := At("a.md", src, 4, "anchor").WithFix(src, 5, 99, "x"); d.Fix != nil {
		t.Errorf("WithFix past the end = %+v; want none", d.Fix)
	}
}

func TestDidYouMean(t *testing.T) {
	cmds := []string{"build", "serve", "check", "publish", "new", "version"}
	tests := []struct{ word, otherwise, want string }{
		{"biuld", "", `: did you mean "build"?`},
		{"publsh", "", `: did you mean "publish"?`},
		{"zzzzzz", "; run shiftbook --help", "; run shiftbook --help"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := DidYouMean(tt.word, cmds, tt.otherwise); got != tt.want {
			t.Errorf("DidYouMean(%q) = %q; want %q", tt.word, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a and b"},
		{[]string{"a", "b", "c"}, "a, b and c"},
	} {
		if got := Words(tc.in); got != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
