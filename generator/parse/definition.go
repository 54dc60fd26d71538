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
	// The abbreviation is most often the same in every language (NPS);
	// a translation that has none writes abbr = "". Its summary and
	// synonyms are words its language's pages are matched by and shown:
	// left out, there are none (its description is its summary), and the
	// original's still link it (link/definitions.go).
	words: []string{"abbr", "summary", "synonyms"},
	own:   []string{"summary", "synonyms"},
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
