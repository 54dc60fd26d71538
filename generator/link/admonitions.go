package link

import (
	"fmt"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/markdown"
)

// admonitionProblem says what is wrong with a Docusaurus admonition
// (:::tip … :::), what the page shows instead, and what to write. Each is
// a warning: the page still shows the text.
func admonitionProblem(p markdown.AdmonitionProblem) string {
	switch p.Problem {
	case "unknown":
		return fmt.Sprintf("%q is not a type of admonition, so it is shown as a plain note; the types are %s", p.Fence+p.Type, diag.Words(markdown.DocusaurusTypes)) +
			diag.DidYouMean(p.Type, markdown.AdmonitionTypes(), "")
	case "unclosed":
		return fmt.Sprintf("%q is not closed, so it runs on to the end of the page (or of the list, quote or admonition it is in); add a line %s where it should end", p.Fence+p.Type, p.Fence)
	default: // "stray"
		return fmt.Sprintf("the line %s closes no admonition, so it is shown as text; delete it, or start the admonition above it with a line such as :::note", p.Fence)
	}
}
