package render

import (
	"html/template"
	"strings"
	"testing"
)

// escapeContexts are the places a part writes a value, each with the
// html/template source that writes it there and shiftbook's function.
var escapeContexts = []struct {
	name, before, after string
	write               func(*strings.Builder, string)
}{
	{"text", `<p>`, `</p>`, writeText},
	{"attribute", `<p title="`, `">`, writeText},
	{"href", `<a href="`, `">`, writeURL},
	{"fragment", `<a href="#`, `">`, writeFragment},
}

func checkEscape(t *testing.T, s string) {
	t.Helper()
	for _, c := range escapeContexts {
		tmpl := template.Must(template.New(c.name).Parse(c.before + "{{.}}" + c.after))
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		got.WriteString(c.before)
		c.write(&got, s)
		got.WriteString(c.after)
		if got.String() != want.String() {
			t.Errorf("%s of %q:\n got %q\nwant %q", c.name, s, got.String(), want.String())
		}
	}
}

func TestEscapeMatchesHTMLTemplate(t *testing.T) {
	for _, s := range []string{
		"", "plain", "Tom & Jerry's <b>\"best\"</b> + more", "a\x00b", "\xe2<\xff>",
		"Übersicht — ça va?", "../../vision/always/", "https://x.example/a?b=c&d=e#f",
		"javascript:alert(1)", "JavaScript:x", "mailto:a@b", "ftp://x", "a/b:c", "%41%zz%",
		"über uns/", "a b\tc\nd", "!#$&'()*+,/:;=?@[]", "`~^{}|\\",
	} {
		checkEscape(t, s)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a&b", "../x/", "java\x00script:", "é#%2"} {
		f.Add(s)
	}
	f.Fuzz(checkEscape)
}
