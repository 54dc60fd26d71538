package render

import (
	"html"
	"strings"
)

// Mark is how words in another language than the text around them are
// marked: Lang names their language (a screen reader speaks them in it,
// a browser hyphenates and picks fonts for it) and Dir their direction
// where it is not the direction around them. An English page's text shown
// in an Arabic tree is laid out left to right only when it says so
// (dir="ltr"): lang alone does not change the direction it inherits from
// <html dir="rtl">, and full stops, brackets and numbers would land at the
// wrong end of its lines. Both are "" for words in the language around
// them; Dir is "" between languages of one direction, so a site of left-
// to-right languages is written as it was before directions were marked.
type Mark struct{ Lang, Dir string }

// mark is the one home of the rule for every part that marks words with
// their language (see Mark): words in lang inside text in around. A site
// of one language marks nothing; lang "" or the language around is no
// mark.
func (r *run) mark(lang, around string) Mark {
	if r.opts.Lang == nil || lang == "" || lang == around {
		return Mark{}
	}
	return Mark{Lang: lang, Dir: r.dirAgainst(lang, around)}
}

// dirAgainst is the dir that words in lang need inside text in around:
// lang's direction when the two differ, "" when they do not (or either is
// not one of the site's languages). For the parts that always name their
// language (the switcher's entries), with mark's rule for the direction.
func (r *run) dirAgainst(lang, around string) string {
	d, a := r.direction(lang), r.direction(around)
	if d == "" || a == "" || d == a {
		return ""
	}
	return d
}

// direction is the direction of one of the site's languages, "" for
// another code.
func (r *run) direction(code string) string {
	for _, l := range r.site.Config.Languages {
		if l.Code == code {
			return l.Direction
		}
	}
	return ""
}

// treeLang is the language of the run's tree, "" on a site of one
// language: the text around everything a page shows but the text of a
// page not translated yet.
func (r *run) treeLang() string {
	if r.opts.Lang == nil {
		return ""
	}
	return r.opts.Lang.Code
}

// write writes the mark's attributes (lang, then dir), escaped.
func (m Mark) write(b *strings.Builder) {
	if m.Lang != "" {
		b.WriteString(` lang="`)
		writeText(b, m.Lang)
		b.WriteString(`"`)
	}
	if m.Dir != "" {
		b.WriteString(` dir="`)
		writeText(b, m.Dir)
		b.WriteString(`"`)
	}
}

// attrs are the mark's attributes as write writes them, escaped with
// html.EscapeString, for the parts that build strings (the navigation,
// the tooltips).
func (m Mark) attrs() string {
	s := ""
	if m.Lang != "" {
		s += ` lang="` + html.EscapeString(m.Lang) + `"`
	}
	if m.Dir != "" {
		s += ` dir="` + html.EscapeString(m.Dir) + `"`
	}
	return s
}
