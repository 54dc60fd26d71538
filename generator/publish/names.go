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

// Compare orders version names naturally: runs of digits compare as
// numbers, everything else as text, so 2026.10 is newer than 2026.9 and
// 2026.4 newer than 2025.12. It returns -1, 0 or +1 as a is older than, the
// same as or newer than b. Names that differ only in leading zeros are
// ordered as text, so the order is total.
func Compare(a, b string) int {
	if c := compareNatural(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func compareNatural(a, b string) int {
	for a != "" && b != "" {
		da, db := isDigit(a[0]), isDigit(b[0])
		var ra, rb string
		ra, a = run(a, da)
		rb, b = run(b, db)
		switch {
		case da && db:
			na, nb := strings.TrimLeft(ra, "0"), strings.TrimLeft(rb, "0")
			if len(na) != len(nb) {
				return sign(len(na) - len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
		case da != db:
			// A number is newer than text at the same place: 2026.4.1 > 2026.4.rc1.
			if da {
				return 1
			}
			return -1
		default:
			if c := strings.Compare(ra, rb); c != 0 {
				return c
			}
		}
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// run splits s after its first run of digits (digits) or non-digits.
func run(s string, digits bool) (string, string) {
	i := 0
	for i < len(s) && isDigit(s[i]) == digits {
		i++
	}
	return s[:i], s[i:]
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
