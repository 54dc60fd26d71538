package publish

import (
	"fmt"
	"strings"
)

// Files publish owns at the top of a published folder. No version or alias
// may take their names.
const (
	VersionsFile = "versions.json"
	IndexFile    = "index.html"
)

// maxName bounds version and alias names: they become folder names and URL
// segments, and a reader sees them in the version switcher.
const maxName = 64

// CheckName reports whether name can be a version or an alias: a folder name
// that is the same on every file system and static host. kind ("version",
// "alias") words the error.
//
// Allowed: letters, digits, '.', '-', '_' and '+', starting with a letter or
// a digit, at most 64 characters. So "..", "a/b", `a\b`, "", "my edition",
// ".hidden" and "-x" are all refused.
func CheckName(kind, name string) error {
	const hint = `use letters, digits, dots, dashes, underscores and plus signs, starting with a letter or a digit, such as "2026.4"`
	switch {
	case name == "":
		return fmt.Errorf("the %s name is empty; %s", kind, hint)
	case len(name) > maxName:
		return fmt.Errorf("%s %q is longer than %d characters; use a shorter name", kind, name, maxName)
	case name == "." || name == "..":
		return fmt.Errorf("%s %q is not a folder name; %s", kind, name, hint)
	case strings.EqualFold(name, VersionsFile) || strings.EqualFold(name, IndexFile):
		return fmt.Errorf("%s %q is the name of a file publish writes; choose another name", kind, name)
	}
	for i, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			i > 0 && (r == '.' || r == '-' || r == '_' || r == '+')
		if ok {
			continue
		}
		what := fmt.Sprintf("%q", r)
		switch {
		case r == '/' || r == '\\':
			what = "a slash"
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			what = "a space"
		case i == 0 && r == '.':
			what = "a leading dot (a hidden folder)"
		case i == 0:
			what = fmt.Sprintf("a leading %q", r)
		}
		return fmt.Errorf("%s %q cannot be a folder name: it has %s; %s", kind, name, what, hint)
	}
	return nil
}

// Compare orders version names naturally. A name is read as a list of
// numbers and words, with dots, dashes, underscores and plus signs between
// them: numbers compare as numbers and words as text, so 2026.10 is newer
// than 2026.9 and 2026.4 newer than 2025.12. A number is newer than a word
// in the same place, and a name that stops where the other goes on with a
// word is newer than it, so a release is newer than its pre-releases:
// 2026.4.1 > 2026.4 > 2026.4-rc2 > 2026.4-rc1. Names that are equal so
// read (2026.4 and 2026.04) are ordered as text, so the order is total.
// It returns -1, 0 or +1 as a is older than, the same as or newer than b.
func Compare(a, b string) int {
	if c := compareTokens(tokens(a), tokens(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

type token struct {
	text   string
	number bool
}

func tokens(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		j := i
		switch {
		case isDigit(s[i]):
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			out = append(out, token{text: strings.TrimLeft(s[i:j], "0"), number: true})
		case isSeparator(s[i]):
			i++
			continue
		default:
			for j < len(s) && !isDigit(s[j]) && !isSeparator(s[j]) {
				j++
			}
			out = append(out, token{text: s[i:j]})
		}
		i = j
	}
	return out
}

func compareTokens(a, b []token) int {
	for i := 0; ; i++ {
		switch {
		case i == len(a) && i == len(b):
			return 0
		case i == len(a):
			return tailOrder(b[i])
		case i == len(b):
			return -tailOrder(a[i])
		}
		x, y := a[i], b[i]
		switch {
		case x.number && y.number:
			if len(x.text) != len(y.text) {
				return sign(len(x.text) - len(y.text))
			}
			if c := strings.Compare(x.text, y.text); c != 0 {
				return c
			}
		case x.number != y.number:
			if x.number {
				return 1
			}
			return -1
		default:
			if c := strings.Compare(x.text, y.text); c != 0 {
				return c
			}
		}
	}
}

// tailOrder compares a name that has stopped with one that goes on with
// next: more numbers make it newer (2026.4.1), a word older (2026.4-rc1).
func tailOrder(next token) int {
	if next.number {
		return -1
	}
	return 1
}

func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isSeparator(c byte) bool { return c == '.' || c == '-' || c == '_' || c == '+' }

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
