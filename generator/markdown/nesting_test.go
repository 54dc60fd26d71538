package markdown

import (
	"strings"
	"testing"
)

func nestedList(levels, indent int) string {
	var b strings.Builder
	for i := range levels {
		b.WriteString(strings.Repeat(" ", indent*i) + "- item\n")
	}
	return b.String()
}

func TestNesting(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int // 1-based line reported, 0 for none
	}{
		{"flat", "- a\n- b\n", 0},
		{"ten levels", nestedList(10, 2), 0},
		{"a hundred levels, two-space indents", nestedList(100, 2), 0},
		{"3000 levels, two-space indents", nestedList(3000, 2), 101},
		{"3000 levels, four-space indents", nestedList(3000, 4), 51},
		{"quotes on one line", "text\n" + strings.Repeat(">", 60) + " deep\n", 2},
		{"markers on one line", strings.Repeat("- ", 60) + "x\n", 1},
		{"ordered markers", strings.Repeat("1. ", 60) + "x\n", 1},
		{"deep code in a fence", "```\n" + strings.Repeat(" ", 400) + "- x\n" + strings.Repeat(">", 80) + "\n```\n", 0},
		{"deep list after the fence", "~~~~\ncode\n~~~~\n" + strings.Repeat("> ", 60) + "x\n", 4},
		{"a fence nested too deep", strings.Repeat("- ", 60) + "```\n", 1},
		{"long indented code", strings.Repeat(" ", 190) + "code\n", 0},
		{"admonitions one after the other", strings.Repeat(":::note\nx\n:::\n", 200), 0},
		{"admonitions nested, more colons outside", strings.Repeat("::::note\n:::tip\n:::\n::::\n", 100), 0},
		{"an outer closing line closes the inner one too", strings.Repeat("::::note\n:::tip\n::::\n", 100), 0},
		{"admonitions nested too deep", strings.Repeat(":::note\n", 60) + strings.Repeat(":::\n", 60), 51},
		{"admonitions in quotes", strings.Repeat(strings.Repeat("> ", 30)+":::note\n", 30), 14}, // 30 quotes and 7 for their spaces, then the 14th admonition
		{"::: in a fence", "```\n" + strings.Repeat(":::note\n", 60) + "```\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, depth := Nesting([]byte(tt.src))
			line := 0
			if off >= 0 {
				line = strings.Count(tt.src[:off], "\n") + 1
				if depth <= MaxNesting {
					t.Errorf("depth %d reported, not beyond %d", depth, MaxNesting)
				}
			}
			if line != tt.line {
				t.Errorf("reported line %d, want %d", line, tt.line)
			}
		})
	}
}

// A 9 MB list 3,000 levels deep is refused at once instead of parsed for a
// minute; the document Parse returns is empty and says where.
func TestParseTooDeep(t *testing.T) {
	src := []byte(nestedList(3000, 2))
	doc := New(Options{}).Parse(src)
	if doc.TooDeep == nil {
		t.Fatal("a list 3,000 levels deep was parsed")
	}
	if line := strings.Count(string(src[:doc.TooDeep.Offset]), "\n") + 1; line != 101 {
		t.Errorf("too deep from line %d, want 101", line)
	}
}
