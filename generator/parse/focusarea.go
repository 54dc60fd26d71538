package parse

import "strings"

// FocusAreaMeta is the front matter of a focus area (content/focus-areas/):
// one of the few areas the CX effort concentrates on. What belongs to it is
// written on the other pages, which name it with their focus key.
type FocusAreaMeta struct {
	// Leader is the one person or role who answers for the area; the
	// page's owner keeps its text true, the leader its results.
	Leader string
}

var focusAreaKeys = kindKeys{
	keys: []string{"leader"},
	decode: func(d *fieldDecoder, fm *FrontMatter, k string, v any) {
		if k == "leader" {
			fm.FocusArea.Leader = strings.Join(strings.Fields(d.str(v, k)), " ")
		}
	},
}
