package render

import "strings"

// markdownLabels puts the accessible names that markdown writes in
// English (a heading's # link, a task's box) into the page's language.
// Bodies are rendered once for every language, so the names are put in
// after, in one pass over each translated page's content.
type markdownLabels map[string]string // English name → the language's, escaped

// labelAttr starts every name markdownLabels replaces.
const labelAttr = `aria-label="`

// replace is s with each name in l replaced.
func (l markdownLabels) replace(s string) string {
	i := strings.Index(s, labelAttr)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for i >= 0 {
		start := i + len(labelAttr)
		end := strings.IndexByte(s[start:], '"')
		if end < 0 {
			break
		}
		end += start
		if name, ok := l[s[start:end]]; ok {
			b.WriteString(s[:start])
			b.WriteString(name)
		} else {
			b.WriteString(s[:end])
		}
		s = s[end:]
		i = strings.Index(s, labelAttr)
	}
	b.WriteString(s)
	return b.String()
}
