package render

import (
	"slices"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/load"
)

// layoutOf picks a page's layout: its layout key, else the layout the kind
// table gives its kind's folder page or its kind, else the generic page
// layout; each in the run's language's own where the theme has one.
func (r *run) layoutOf(p *link.Page) string {
	candidates := []string{}
	if l := p.Meta.Layout; l != "" && r.nameable(l) && (kind.LayoutReservedFor(l) == "" || kind.OwnLayout(p.Kind, p.Section, listLayout(p) != "", l)) {
		// A layout made for another kind's data or a generated page's is
		// not given this page's (link warns at the key).
		candidates = append(candidates, l)
	}
	if l := listLayout(p); l != "" {
		candidates = append(candidates, l)
	}
	candidates = append(candidates, kind.Of(p.Kind).Layout)
	return r.pickLayout(append(candidates, "page")...)
}

// nameable reports whether a page's layout key may name layout: not a
// language's own (home.nl), which is given by the page's language, not
// asked for (link warns at the key).
func (r *run) nameable(layout string) bool {
	_, _, own := load.LanguageLayout(layout, r.site.Config.Languages)
	return !own
}

// pickLayout is the first of candidates the theme has, as the run's
// language has it: layouts/NAME.LANG.html where the theme has that (as
// Hugo names a layout for one language), else layouts/NAME.html. A
// language's own layout counts even without the plain one beside it.
// "page" when the theme has none of them (Prepare checks it has that).
func (r *run) pickLayout(candidates ...string) string {
	for _, c := range candidates {
		if own, ok := r.langLayouts[c]; ok {
			return own
		}
		if r.tmpl.has(c) {
			return c
		}
	}
	return "page"
}

// setLanguageLayouts finds the layouts made for the run's language
// (home.nl.html in the nl tree), by the layout each stands for. The
// layouts are those of the theme as parsed; which of them are a
// language's depends on site.toml, so it is decided per build, not kept
// with the parsed templates. Of two spellings of one (home.nl.html,
// home.NL.html) the first by name wins.
func (r *run) setLanguageLayouts() {
	if r.opts.Lang == nil {
		return
	}
	names := make([]string, 0, len(r.tmpl.layouts))
	for name := range r.tmpl.layouts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		layout, code, ok := load.LanguageLayout(name, r.site.Config.Languages)
		if !ok || code != r.opts.Lang.Code {
			continue
		}
		if _, taken := r.langLayouts[layout]; taken {
			continue
		}
		if r.langLayouts == nil {
			r.langLayouts = map[string]string{}
		}
		r.langLayouts[layout] = name
	}
}
