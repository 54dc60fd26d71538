package markdown

import (
	"github.com/shiftbook/shiftbook/generator/slug"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes GitHub-style heading ids ("Days 1 to 30" → "days-1-to-30"),
// unique within a page by a numeric suffix. Authors know this scheme from
// GitHub and Hugo, so links they write by hand keep working.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
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

func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
