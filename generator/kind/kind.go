// Package kind is the table of page kinds: what each kind is called, the
// content folder its pages live in, how a page there is recognised as one,
// and the layouts that show it. Each stage keeps what it does for a kind in
// a file of the kind's name (parse/journey.go, link/journeys.go,
// render/journey.go); this table is where a kind is registered, so adding
// one adds its files and a row here, and edits no other kind's file.
package kind

import (
	"slices"
	"strings"

	"github.com/shiftbook/shiftbook/generator/parse"
)

// Name names a kind of page; it is the kind a search entry and a template
// see (PageData.Kind).
type Name string

// The kinds. Home, Section and Page are the shapes of the site itself; the
// others have a domain meaning and a folder of their own.
const (
	Home       Name = "home"
	Section    Name = "section"
	Page       Name = "page"
	Definition Name = "definition"
	Metric     Name = "metric"
	Journey    Name = "journey"
	Initiative Name = "initiative"
	Plan       Name = "plan"
	FocusArea  Name = "focus-area"
)

// Kind is one row of the table.
type Kind struct {
	Name Name
	// Label is the kind as a reader sees it named, on /changes/.
	Label string
	// Folder is the top-level content folder the kind's pages live in
	// (content/journeys/ → "journeys"); "" for the shapes of the site.
	Folder string
	// Is recognises a page in Folder as one of the kind from its front
	// matter; nil accepts every page there. A page it refuses is a plain
	// page of the folder.
	Is func(fm *parse.FrontMatter) bool
	// Layout is the template a page of the kind is shown with, when the
	// theme or site has it; a page's layout key comes first, and "page" is
	// the last resort.
	Layout string
	// ListLayout is the template of Folder's own page (content/journeys/
	// _index.md), which lists the kind's pages; "" shows it as any section.
	ListLayout string
	// Reference is true for a kind the book gives as a reference (the
	// glossary, the scorecard) rather than as a chapter: its folder is not
	// a chapter of a book that lists none.
	Reference bool
}

// Table lists every kind. The shapes come first; then one row per kind of
// page with a folder of its own.
var Table = []Kind{
	{Name: Home, Label: "Home page", Layout: "home"},
	{Name: Section, Label: "Section", Layout: "section"},
	{Name: Page, Label: "Page", Layout: "page"},
	{Name: Definition, Label: "Definition", Folder: "definitions", Layout: "definition", Reference: true},
	{Name: Metric, Label: "Metric", Folder: "metrics", Layout: "metric", ListLayout: "dashboard", Reference: true,
		Is: func(fm *parse.FrontMatter) bool { return fm.Metric.ID != "" }},
	{Name: Journey, Label: "Journey", Folder: "journeys", Layout: "journey", ListLayout: "journeys",
		Is: func(fm *parse.FrontMatter) bool {
			j := fm.Journey
			return len(j.Stages) > 0 || j.Persona != "" || j.Kind != ""
		}},
	{Name: Initiative, Label: "Initiative", Folder: "initiatives", Layout: "initiative", ListLayout: "initiatives"},
	{Name: Plan, Label: "Plan", Folder: "plan", Layout: "plan",
		Is: func(fm *parse.FrontMatter) bool { return len(fm.Plan.Tasks) > 0 }},
	// Below the kinds it rolls up: metrics, journeys and initiatives name
	// their focus area.
	{Name: FocusArea, Label: "Focus area", Folder: "focus-areas", Layout: "focus-area", ListLayout: "focus-areas"},
}

// Of returns the row of a kind; the zero Kind when there is none.
func Of(n Name) Kind {
	for _, k := range Table {
		if k.Name == n {
			return k
		}
	}
	return Kind{}
}

// InFolder returns the kind whose Folder is folder, if any.
func InFolder(folder string) (Kind, bool) {
	if folder == "" {
		return Kind{}, false
	}
	for _, k := range Table {
		if k.Folder == folder {
			return k, true
		}
	}
	return Kind{}, false
}

// Recognise returns the kind of a page that is not its folder's own page
// (not a home or section page): the kind of its top-level folder when the
// kind accepts it, else Page.
func Recognise(folder string, fm *parse.FrontMatter) Name {
	if k, ok := InFolder(folder); ok && (k.Is == nil || k.Is(fm)) {
		return k.Name
	}
	return Page
}

// generatedLayouts are the layouts of the pages shiftbook makes itself
// (render/generated.go and its neighbours): each is given data of its own.
var generatedLayouts = []string{"404", "book", "changes", "glossary", "owners", "search", "surveys", "tag", "tags"}

// LayoutReservedFor says which pages a layout is made for when it is not
// for every page (a page's own kind's layouts are its own, see OwnLayout): a kind's layout (or its folder page's list layout) needs
// that kind's data, a generated page's layout its own, so a page of
// another kind naming it in its layout key would lose its text or break
// the template. It returns "" for a layout any page may have, else who it
// is for ("journey pages", "the pages shiftbook makes").
func LayoutReservedFor(layout string) string {
	if slices.Contains(generatedLayouts, layout) {
		return "a page shiftbook makes itself"
	}
	for _, k := range Table {
		if k.Folder == "" {
			continue // home, section, page: the site's own shapes
		}
		if layout == k.Layout {
			return strings.ToLower(k.Label) + " pages"
		}
		if layout == k.ListLayout {
			return "the page of the " + k.Folder + " folder"
		}
	}
	return ""
}

// OwnLayout reports whether layout is one of a page's own: its kind's, or,
// for the page of a kind's folder (folderPage, content/journeys/_index.md
// with folder "journeys"), that kind's list layout.
func OwnLayout(n Name, folder string, folderPage bool, layout string) bool {
	if layout == Of(n).Layout {
		return true
	}
	k, ok := InFolder(folder)
	return folderPage && ok && layout == k.ListLayout
}
