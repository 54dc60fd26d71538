package render

import (
	"fmt"

	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/link"
)

// kindPages is what the render stage does for one kind of page: each kind's
// file (definition.go, metric.go, journey.go) registers its own. A kind
// that leaves a hook nil shows its pages as plain pages there.
type kindPages struct {
	// page fills in the kind's own part of a page of the kind
	// (PageData.Definition, .Metric, .Journey).
	page func(r *run, p *link.Page, d *PageData)
	// list fills in the kind's folder page, the section that lists the
	// kind's pages (the dashboard, the journeys by audience).
	list func(r *run, p *link.Page, d *PageData)
	// card fills in the kind's part of a listing's card of the page.
	card func(r *run, p *link.Page, c *CardData)
	// keywords adds what the search finds the page by, before the words
	// every page has (its keywords key, its headings).
	keywords func(p *link.Page, e *entryWords)
	// headings adds the page's parts, after its body's headings.
	headings func(p *link.Page, e *entryWords)
	// manifest adds the kind's part of an edition's manifest (its list,
	// sorted); changes compares that part of two manifests for /changes/,
	// returning how many changes it listed.
	manifest func(site *link.Site, m *Manifest)
	changes  func(prev, cur *Manifest, c *ChangesData) int
}

// renderKinds holds each kind's hooks, by kind.
var renderKinds = map[kind.Name]kindPages{}

// registerKind records a kind's hooks; a kind registers once, and only a
// kind of the table.
func registerKind(n kind.Name, k kindPages) {
	if kind.Of(n).Name != n {
		panic(fmt.Sprintf("render: kind %q is not in kind.Table", n))
	}
	if _, taken := renderKinds[n]; taken {
		panic(fmt.Sprintf("render: kind %q registered twice", n))
	}
	renderKinds[n] = k
}

// listedKind returns the hooks of the kind a folder page lists: the page
// is a top-level section whose folder is a kind's.
func listedKind(p *link.Page) (kindPages, bool) {
	if p.Kind != link.KindSection || p.Parent == nil || p.Parent.Kind != link.KindHome {
		return kindPages{}, false
	}
	k, ok := kind.InFolder(p.Section)
	if !ok {
		return kindPages{}, false
	}
	h, ok := renderKinds[k.Name]
	return h, ok
}

// listLayout is the layout of a kind's folder page, "" for any other page.
func listLayout(p *link.Page) string {
	if p.Kind != link.KindSection || p.Parent == nil || p.Parent.Kind != link.KindHome {
		return ""
	}
	k, _ := kind.InFolder(p.Section)
	return k.ListLayout
}
