package link

import (
	"fmt"

	"github.com/shiftbook/shiftbook/generator/markdown"
)

// attrProblem says what of an attribute list ({ .md-button }, written for
// MkDocs) the page leaves out, and why. Each is a warning, said once a
// page (markdown.AttrProblem): the braces are no longer shown, and the
// rest of the page is as written.
func attrProblem(p markdown.AttrProblem) string {
	more := ""
	if p.Count > 1 {
		more = fmt.Sprintf(" (%d places on this page; said once)", p.Count)
	}
	switch p.Problem {
	case "class":
		return fmt.Sprintf("the class %s in braces is not applied: this site's theme has no such look (the one it knows is .md-button after a link, which shows the link as a button); the braces are no longer shown as text%s", p.Name, more)
	case "unsafe":
		what := "would run a script"
		if p.Name == "style" {
			what = "would change the look outside the site's theme"
		}
		return fmt.Sprintf("%s in braces %s, so it is never put on the page; delete it (the braces are no longer shown as text)%s", p.Name, what, more)
	case "size":
		return fmt.Sprintf("%s in braces is not applied: a picture's width and height are a number of pixels, such as width=\"300\" (the braces are no longer shown as text)%s", p.Name, more)
	case "alone":
		return "these braces stand after a blank line, so they belong to nothing and are left out of the page; to set them on a paragraph, put them on its last line, with no blank line above" + more
	default: // "unknown"
		return fmt.Sprintf("%s in braces is not applied (braces after an element keep only an id #name, .md-button and target=\"_blank\" on a link, and width, height and loading=lazy on a picture); the braces are no longer shown as text%s", p.Name, more)
	}
}
