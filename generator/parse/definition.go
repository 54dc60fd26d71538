package parse

import "strings"

// DefinitionMeta is the front matter of a definition, a term of the
// glossary (content/definitions/).
type DefinitionMeta struct {
	Abbr     string   // the short form readers also write, "NPS"
	Summary  string   // the hover text where the term is used; the description when empty
	Synonyms []string // other words that link to the term
}

var definitionKeys = kindKeys{
	keys: []string{"abbr", "summary", "synonyms"},
	decode: func(d *fieldDecoder, fm *FrontMatter, k string, v any) {
		switch k {
		case "abbr":
			fm.Definition.Abbr = strings.TrimSpace(d.str(v, k))
		case "summary":
			fm.Definition.Summary = d.str(v, k)
		case "synonyms":
			fm.Definition.Synonyms = d.strs(v, k)
		}
	},
}
