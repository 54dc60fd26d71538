package markdown

import (
	"strconv"

	"github.com/shiftbook/shiftbook/generator/slug"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// usedIDs makes GitHub-style heading ids ("Days 1 to 30" → "days-1-to-30"),
// unique within a page by a numeric suffix. Authors know this scheme from
// GitHub and Hugo, so links they write by hand keep working.
type usedIDs struct {
	used map[string]bool
}

func newHeadingIDs() *usedIDs { return &usedIDs{used: map[string]bool{}} }

func (s *usedIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.ID(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *usedIDs) Put(value []byte) { s.used[string(value)] = true }

// headingIDs gives each heading without an id of its own ({#my-id}) one
// made from its text as a reader sees it, once its inline markup is read:
// "on_&lt;event&gt;()" is #on_event, "See [the guide](guide.md)" is
// #see-the-guide, as on GitHub, in MkDocs and in Hugo. goldmark's own
// automatic ids are made from the heading's source line, entities, link
// addresses and all (#on_ltevent_namegt), so links written for those
// tools found no heading. Ids written with {#...} are taken first, so a
// made id never repeats one.
type headingIDs struct{}

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if _, has := h.AttributeString("id"); !has {
			h.SetAttribute([]byte("id"), pc.IDs().Generate([]byte(plainText(h, src)), ast.KindHeading))
		}
		return ast.WalkSkipChildren, nil
	})
}
