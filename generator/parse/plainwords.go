package parse

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// The YAML and TOML decoders explain a mistake in their own terms ("mapping
// value is not allowed in this context"). An HR writer needs to hear what to
// change: each rule below turns one decoder message into that sentence. A
// message no rule knows keeps a general sentence, with the decoder's words
// after it for whoever helps.

type plainRule struct {
	match *regexp.Regexp
	// say makes the sentence from the match's groups.
	say func(m []string) string
}

func rule(pattern string, say func(m []string) string) plainRule {
	return plainRule{regexp.MustCompile(pattern), say}
}

func fixed(s string) func([]string) string { return func([]string) string { return s } }

var yamlRules = []plainRule{
	rule(`found character '\t' that cannot start any token`, fixed(tabInYAML)),
	rule(`^mapping value is not allowed in this context`, fixed(
		`a second colon on this line, or a line indented under a value; put text that has a colon in quotes (title: "Hello: world"), and start each key at the left edge`)),
	rule(`value is not allowed in this context`, fixed(
		"this line is not lined up with the lines above it; indent the items of one list by the same number of spaces, and a key under another by two more")),
	rule(`^mapping key "(.*)" already defined`, func(m []string) string {
		return fmt.Sprintf("the key %s appears twice; keep one of them", m[1])
	}),
	rule(`sequence end token '\]' not found|',' or '\]' must be specified`, fixed(
		"a list opened with [ is not closed; end it with ], or put text that starts with [ in quotes")),
	rule(`flow mapping end token '\}'|',' or '\}' must be specified`, fixed(
		"a { is not closed; end it with }, or put text that starts with { in quotes")),
	rule(`end character of double-quoted text`, fixed(
		`text opened with " is not closed; add the closing " on the same line`)),
	rule(`end character of single-quoted text`, fixed(
		"text opened with ' is not closed; add the closing ' on the same line")),
	rule(`'(.)' is a reserved character`, func(m []string) string {
		return fmt.Sprintf("a value cannot start with %s; put the whole value in quotes", m[1])
	}),
	rule(`unexpected directive value`, fixed("a value cannot start with %; put the whole value in quotes")),
	rule(`could not find alias`, fixed("a value cannot start with *; put the whole value in quotes")),
	rule(`anchor .* not found|could not find anchor`, fixed("a value cannot start with &; put the whole value in quotes")),
	rule(`^unexpected key name`, fixed(
		"this line is not a key: value pair; write the key, a colon and a space, then the value")),
	rule(`sequence was used where mapping is expected`, fixed(
		"front matter must be key: value lines, not a list of - items")),
	rule(`non-map value is specified`, fixed(
		"the lines of a | or > block must be indented under their key")),
	rule(`did not find expected key|could not find expected ':'|unexpected mapping key`, fixed(
		"this line is not a key: value pair; write the key, a colon and a space, then the value")),
}

var tomlRules = []plainRule{
	rule(`^expected value but found "(?i)(yes|no|on|off|y|n|true|false)" instead`, func(m []string) string {
		return fmt.Sprintf("write true or false (in small letters, without quotes), not %s", m[1])
	}),
	rule(`^expected value but found "(.*)" instead`, func(m []string) string {
		return fmt.Sprintf(`a text value must be in "quotes": put " before %s and after the value's last word`, m[1])
	}),
	rule(`^expected value but found '=' instead`, fixed("an = with no value after it; write key = value, once")),
	rule(`^expected a top-level item to end with a newline, comment, or EOF, but got '(.*)' instead`, func(m []string) string {
		return fmt.Sprintf(`something (%s) follows the value on this line; write one key = value a line, with quotes around the whole text`, m[1])
	}),
	rule(`^strings cannot contain newlines`, fixed(
		`text opened with a quote is not closed on its line; close it, or use """ before and after text of several lines`)),
	rule(`^Key '(.*)' has already been defined`, func(m []string) string {
		return fmt.Sprintf("the key %s appears twice; keep one of them", m[1])
	}),
	rule(`key name appears blank`, fixed("a value without a key; write key = value")),
	rule(`array terminator`, fixed(`a list opened with [ is not closed, or its items lack commas; write ["a", "b"]`)),
	rule(`inline table terminator`, fixed("a { is not closed with }, or its items lack commas; write { a = 1, b = 2 }")),
	rule(`^invalid datetime: "(.*)"`, func(m []string) string {
		return fmt.Sprintf(`%s is not a date; write dates as 2026-10-14, or put the text in "quotes"`, m[1])
	}),
	rule(`to end table name`, fixed("a [section] heading is not closed; end it with ]")),
	rule(`^expected '\.' or '=', but got ':' instead`, fixed(
		"between +++ lines front matter is TOML: write key = value, not key: value (or use --- lines for YAML)")),
	rule(`^invalid escape in string '(.*)'|hexadecimal digits after '(.*)'`, func(m []string) string {
		return fmt.Sprintf(`'%s' in quoted text is not allowed: write \\ for a backslash, or use 'single quotes' around the text`, strings.Trim(m[1]+m[2], "'"))
	}),
	rule(`^Invalid (integer|float) "(.*)"`, func(m []string) string {
		return fmt.Sprintf(`%s is not a number; write digits only (1200, 4.5), or put the text in "quotes"`, m[2])
	}),
}

const tabInYAML = "a tab; indent YAML with spaces"

// plainYAML is the sentence for a YAML decoder message.
func plainYAML(msg string) string {
	return plain(yamlRules, msg, "YAML could not read this line; check that it is indented with spaces like the lines around it, and put a value with a colon, # or a leading [ { * & ! @ ` in quotes")
}

// plainTOML is the sentence for a TOML decoder message.
func plainTOML(msg string) string {
	return plain(tomlRules, msg, `fix the syntax (text needs "quotes", dates are written 2026-10-14)`)
}

func plain(rules []plainRule, msg, general string) string {
	msg = strings.TrimSpace(msg)
	for _, r := range rules {
		if m := r.match.FindStringSubmatch(msg); m != nil {
			return r.say(m)
		}
	}
	return general + " (the reader says: " + strings.TrimSuffix(msg, ".") + ")"
}

// yamlTab finds the first line of YAML front matter that starts with a tab:
// YAML never allows one there, and a writer cannot see it. fm starts at the
// file's line lineOffset+1.
func yamlTab(path string, file, fm []byte, lineOffset int) (diag.Diagnostic, bool) {
	for i, line := range bytes.Split(fm, []byte("\n")) {
		if len(line) > 0 && line[0] == '\t' && len(bytes.TrimSpace(line)) > 0 {
			return diag.AtLine(path, file, lineOffset+i+1, 1, "%s", tabInYAML), true
		}
	}
	return diag.Diagnostic{}, false
}
