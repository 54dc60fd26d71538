package link

import (
	"fmt"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/series"
)

// kindLinks is what the link stage does for one kind of page: each kind's
// file (definitions.go, metrics.go, journeys.go) registers its own, and
// Resolve runs them in the order of kind.Table, so a kind may use the
// indexes of the kinds above it (a journey's stages name metrics).
type kindLinks struct {
	// early indexes the kind's pages once every page is placed, before
	// the bodies are rendered (the terms: bodies autolink them).
	early func(s *Site) diag.List
	// index joins the kind's pages with their data and with the kinds
	// above, once the bodies are rendered and their uses are known.
	index func(s *Site, data map[string]*series.File) diag.List
	// targets adds every id a reference may name (a metric id, a journey
	// id) to the fingerprint of what references resolve to.
	targets func(s *Site, add func(parts ...string))
}

// linkKinds holds each kind's hooks, by kind.
var linkKinds = map[kind.Name]kindLinks{}

// registerKind records a kind's hooks; a kind registers once, and only a
// kind of the table.
func registerKind(n kind.Name, k kindLinks) {
	if kind.Of(n).Name != n {
		panic(fmt.Sprintf("link: kind %q is not in kind.Table", n))
	}
	if _, taken := linkKinds[n]; taken {
		panic(fmt.Sprintf("link: kind %q registered twice", n))
	}
	linkKinds[n] = k
}

// eachKind calls f with the hooks of every kind that has some, in the order
// of kind.Table.
func eachKind(f func(kindLinks)) {
	for _, k := range kind.Table {
		if h, ok := linkKinds[k.Name]; ok {
			f(h)
		}
	}
}

// indexEarly runs every kind's early hook.
func (s *Site) indexEarly() diag.List {
	var diags diag.List
	eachKind(func(h kindLinks) {
		if h.early != nil {
			diags.Add(h.early(s)...)
		}
	})
	return diags
}

// indexKinds runs every kind's index hook.
func (s *Site) indexKinds(data map[string]*series.File) diag.List {
	var diags diag.List
	eachKind(func(h kindLinks) {
		if h.index != nil {
			diags.Add(h.index(s, data)...)
		}
	})
	return diags
}

// folder is the content folder of a kind's pages.
func folder(n kind.Name) string { return kind.Of(n).Folder }
