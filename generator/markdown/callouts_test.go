package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCallouts renders each testdata/callouts/NAME.md (Docusaurus
// admonitions and MkDocs content tabs: plain, nested, titled, of an
// unknown type, unclosed, in code, in lists and quotes) into NAME.html:
// the HTML, then the problems Parse found, each with its line and column
// and the text there.
func TestCallouts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "callouts", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/callouts/*.md: %v", err)
	}
	e := New(Options{})
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc := e.Parse(src)
			checkDoc(t, doc)
			var b strings.Builder
			b.WriteString(render(t, e, doc, fakeContext{}))
			b.WriteString("<!-- problems:\n")
			for _, p := range doc.Admonitions {
				line := bytes.Count(src[:p.Offset], []byte("\n")) + 1
				col := p.Offset - bytes.LastIndexByte(src[:p.Offset], '\n')
				fmt.Fprintf(&b, "%d:%d %s fence=%q type=%q at %q\n", line, col, p.Problem, p.Fence, p.Type, src[p.Offset:min(p.Offset+8, len(src))])
			}
			b.WriteString("-->\n")
			golden(t, filepath.Join("callouts", name+".html"), b.String())
		})
	}
}
