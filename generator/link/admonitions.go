package link

import (
	"fmt"
	"strings"

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
	case "alert":
		msg := fmt.Sprintf("[!%s] is not a type of alert, so it is shown as a plain note labelled %q; GitHub's types are NOTE, TIP, IMPORTANT, WARNING and CAUTION", strings.ToUpper(p.Type), strings.ToUpper(p.Type[:1])+p.Type[1:])
		if sug := diag.Suggest(p.Type, markdown.AlertTypes()); sug != "" {
			msg += diag.DidYouMeanAs("[!" + strings.ToUpper(sug) + "]")
		}
		return msg
	case "snippet":
		what := "the file's text"
		if p.Type != "" {
			what = "the text of " + p.Type
		}
		return fmt.Sprintf("--8<-- puts another file's text here in MkDocs (its snippets extension); shiftbook does not, so the line is shown as text and the page lacks that text: paste %s here instead, or link to it", what)
	case "unclosed":
		return fmt.Sprintf("%q is not closed, so it runs on to the end of the page (or of the list, quote or admonition it is in); add a line %s where it should end", p.Fence+p.Type, p.Fence)
	default: // "stray"
		return fmt.Sprintf("the line %s closes no admonition, so it is shown as text; delete it, or start the admonition above it with a line such as :::note", p.Fence)
	}
}
