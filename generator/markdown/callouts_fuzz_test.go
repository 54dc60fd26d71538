package markdown

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// FuzzCallouts: Docusaurus admonitions and MkDocs content tabs, mixed
// with each other and with the blocks they may hold or be held by. No
// input panics; each problem is at the colons it names; the HTML opens
// and closes as many <div>s and <details> (raw HTML is left out by
// default, so every tag is the renderer's); rendering is repeatable.
func FuzzCallouts(f *testing.F) {
	testfiles.Seed(f, filepath.Join("testdata", "callouts", "*.md"),
		":::", ":::note", ":::note\n", ":::note\n:::", "::::note\n:::tip\n:::\n::::\n", ":::note\n:::tip\n::::\n",
		":::note[\n:::", ":::note[a]b\n:::", ":::note[]{x}\n:::", ":::a\n```\n:::\n", ":::a\n<div>\n:::\n\n:::",
		"- :::tip\n  x\n:::\n", "> :::tip\n:::\n", "a\n:::tip\nb\n:::\nc", ":::tip\n    :::\n:::", "\t:::tip\n\t:::\n",
		"=== \"a\"\n    b\n", "=== \"a\"\n=== \"b\"\n", "===! \"\"\n\n\n    x", "===+! \"a\"\n    === \"b\"\n        c\n",
		"- === \"a\"\n      b\n", "=== \"a\"\n    :::tip\n    x\n:::\n", ":::tip\n=== \"a\"\n    :::\n:::\n",
		"!!! note\n    === \"a\"\n        :::tip\n        b\n", "a\n===\n=== \"b\"\n", ":::note[**a** `b` [c](d) <e>]\n",
	)
	e := New(Options{})
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := e.Parse(src)
		checkDoc(t, doc)
		html := renderStable(t, e, doc)
		for _, tag := range []string{"div", "details"} {
			if o, c := bytes.Count(html, []byte("<"+tag)), bytes.Count(html, []byte("</"+tag+">")); o != c {
				t.Fatalf("%d <%s> and %d </%s> in the HTML of %q:\n%s", o, tag, c, tag, src, html)
			}
		}
	})
}

// checkAdmonitions checks that each problem Parse found with a Docusaurus
// admonition is at the colons it names, so its warning points there.
func checkAdmonitions(t *testing.T, doc *Doc) {
	t.Helper()
	for _, p := range doc.Admonitions {
		if p.Offset < 0 || p.Offset > len(doc.Source) {
			t.Errorf("%s admonition at %d, outside the %d bytes", p.Problem, p.Offset, len(doc.Source))
			continue
		}
		at := doc.Source[p.Offset:]
		if !bytes.HasPrefix(bytes.ToLower(at), []byte(p.Fence+p.Type)) || len(p.Fence) < 3 {
			t.Errorf("%s admonition %q at %d, where the text is %q", p.Problem, p.Fence+p.Type, p.Offset, at[:min(len(at), 20)])
		}
		if (p.Problem == "stray") != (p.Type == "") {
			t.Errorf("%s admonition with type %q", p.Problem, p.Type)
		}
	}
}
