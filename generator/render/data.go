package render

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/i18n"
)

// The types below are what templates see. Every URL in them is relative to
// the site root without a leading slash ("vision/promise/", "" for home);
// templates put {{$.Root}} before it, so a built site works under any path prefix.

// SiteData is the same for every page.
type SiteData struct {
	Title string
	// Params are site.toml's [params], for a theme ({{.Site.Params.team}}).
	Params   map[string]any
	Language string
	// Direction is the default language's "ltr" or "rtl", the dir of
	// every page, for a site with [languages]; "" (no dir written, as
	// before languages) for a site without.
	Direction string
	// LangPrefix is where the language's tree lies below the edition's
	// root ("nl/"); "" for the default language and a site of one.
	LangPrefix string
	Version    string
	BuiltOn    string // "23 Nov 2026"
	BuiltISO   string
	Nav        []*NavItem
	Sections   []LinkData // top-level sections, for the home page
	LiveReload bool       // only in `shiftbook serve`
	// Feed is the tree's news feed (FeedFile), from its root; "" where
	// none is written (a site without baseURL).
	Feed      string
	Published bool // built by `shiftbook publish`: versions.json is beside the edition
	// ScriptText is the interface text of the theme's scripts (the js.*
	// strings) as JSON, written into a page in a language other than
	// English; "" in English, whose text the scripts hold themselves. It
	// is encoded once for every page (json.Marshal escapes <, > and &, so
	// it cannot end the script element).
	ScriptText template.JS
}

// PageData is one page as its layout sees it.
type PageData struct {
	Site        *SiteData
	Kind        string
	Title       string
	Description string
	URL         string        // root-relative
	Root        string        // from this page to the site root: "../../", "./" for home
	Nav         template.HTML // the navigation, open on the way to this page
	// HideNavigation leaves the navigation out of the page (hide: [navigation]).
	HideNavigation bool
	Content        template.HTML
	TOC            []TOCItem
	Breadcrumbs    []LinkData
	Prev, Next     *LinkData
	Owner          string
	Reviewed       string
	ReviewedISO    string
	Review         *ReviewData // a review overdue; nil when not
	OwnerURL       string      // the owner's entry on /owners/
	Updated        string
	UpdatedISO     string
	Tags           []LinkData
	Focus          []LinkData // the focus areas the page names
	Draft          bool
	Children       []CardData

	Definition *DefinitionData
	Metric     *MetricData
	Journey    *JourneyData
	Initiative *InitiativeData
	FocusArea  *FocusAreaData

	Glossary     []LetterGroup
	Dashboard    []*MetricData // every metric, by weight then title
	Board        *DashboardData
	Customer     []CardData // journeys index
	Employee     []CardData
	JourneyLinks []JourneyLinkData // journeys index: which stages rest on which
	Initiatives  []*InitiativeData // the status board of /initiatives/
	FocusAreas   []*FocusAreaData  // the comparison of /focus-areas/
	TagList      []TagData
	Book         []BookPart
	BookContents []BookContents
	BookTerms    []TermData
	Scorecard    []*MetricData     // the book's metrics scorecard; nil when the site turns it off
	Changes      *ChangesData      // the /changes/ page
	OwnerList    []OwnerData       // the /owners/ page
	Surveys      *SurveysData      // the survey map (/journeys/surveys/)
	SurveyMap    *SurveyMapLink    // on the journeys page: the link to the survey map
	MetricSurvey *MetricSurveyData // on a metric's page: its survey and where along the journeys it is asked
	Tasks        []TaskData        // a plan page's tasks

	// Alternates are the page in each of the site's languages (the
	// language switcher, hreflang); nil for a site of one language.
	Alternates []AltLink
	// Untranslated is the banner of a page shown in the default
	// language's text because it has no translation into the page's
	// language, ContentLang that text's language and ContentDir its
	// direction where it is not the page's; "" when translated.
	Untranslated string
	// UntranslatedLang is the language the banner is written in: the
	// page's, or English where the theme has no text in it; and
	// UntranslatedDir its direction where it is not ContentLang's.
	UntranslatedLang string
	UntranslatedDir  string
	ContentLang      string
	ContentDir       string
	// Behind says that the page's original changed after it was
	// translated; "" when it did not (or the page is no translation).
	Behind string

	text *i18n.Text // the interface text of the parts (parts.go)
}

// LinkData is a titled link.
type LinkData struct {
	Title string
	URL   string // from the site root: "vision/always/"
	// Href is URL from the page shown ({{.Root}} and URL in one), for the
	// links of every page: breadcrumbs, tags, previous and next. One value
	// to escape instead of two, on every page.
	Href string
	// Mark (Lang, Dir) is the language of Title where it is not that of
	// the text around it: a page not translated yet, linked from a
	// translated one, or the other way round; "" else.
	Mark
}

// NavItem is an entry of the site navigation; Children are shown when the
// reader is inside it.
type NavItem struct {
	Title    string
	URL      string
	Children []*NavItem

	href, text string // URL and Title escaped once: the navigation is on every page
	mark       string // the lang (and dir) attributes of Title when not the page's language (an untranslated page), escaped
}

// TOCItem is a heading of the page, with the headings below it.
type TOCItem struct {
	ID, Title string
	Children  []TOCItem
}

// CardData summarises a page in a listing.
type CardData struct {
	Title, URL, Description, Kind string
	Summary                       string
	Owner                         string
	Metric                        *MetricData
	Journey                       *JourneyData // on /journeys/: the journey in brief
	// Mark (Lang, Dir) is the language of Title and Summary when not the
	// text's around the card: the original's, for a page not translated
	// yet listed by a translated one (and the other way round); "" else.
	Mark
}

// TermData is a term in the glossary.
type TermData struct {
	ID, Title, Abbr, Summary, URL string
	Synonyms                      []string
	// Original is the default language's term, beside a translated one
	// in another language's glossary, OriginalLang its language and
	// OriginalDir its direction where not the glossary's.
	Original, OriginalLang, OriginalDir string
	// Mark (Lang, Dir) is the language of Title and Summary when not the
	// glossary's (a term not translated yet: the default language's),
	// and Untranslated then says so in the glossary's language, PageLang
	// (PageDir its direction where not the term's).
	Mark
	Untranslated, PageLang, PageDir string
}

// LetterGroup is a letter of the glossary.
type LetterGroup struct {
	Letter, ID string
	Terms      []TermData
}

// PointData is a row of a metric's data table.
type PointData struct {
	Date, DateISO, Value, Note string
	NoteNum                    int        // the number of its marker on the chart, 0 when none
	Cells                      []CellData // the other columns, as MetricData.Columns names them
	Few                        bool       // Value says "too few responses": the number is kept back (minN)
}

// CellData is a cell of a table: its text, and whether it is a number
// (aligned to the right, as numbers are).
type CellData struct {
	Text string
	Num  bool
}

// TagData is a tag with its pages.
type TagData struct {
	Name, URL string
	Pages     []LinkData
}

// BookEntry is a page of the book.
type BookEntry struct {
	ID, Title string
	Level     int // 1 for a chapter, 2 and deeper for its pages
	Chapter   bool
	Journey   *JourneyData // the map of a journey page, shown above its text
	Mark                   // the language of its text when not the book's (an untranslated page)
	content   func() template.HTML
}

// BookPart is a chapter of the book with the pages below it, printed under
// the chapter's running head.
type BookPart struct {
	ID      string
	Entries []BookEntry
}

// Content is the page's body as the book shows it, made when the template
// asks for it: made all at once, the bodies of every chapter would double
// the memory the book takes.
func (e BookEntry) Content() template.HTML { return e.content() }

// link is a link of the page, its Href made from the page.
func (d *PageData) link(title, url string) LinkData {
	return LinkData{Title: title, URL: url, Href: d.Root + url}
}

// rootRel is a page URL relative to the site root: "/a/b/" → "a/b/".
func rootRel(u string) string { return strings.TrimPrefix(u, "/") }

// rootFrom is the way from a page URL back to the site root.
func rootFrom(u string) string {
	depth := strings.Count(strings.Trim(u, "/"), "/") + 1
	if strings.Trim(u, "/") == "" {
		return "./"
	}
	return strings.Repeat("../", depth)
}

// relURL is target (site-absolute, may hold #fragment) relative to page URL from.
func relURL(from, target string) string {
	if strings.HasPrefix(target, "#") {
		return target
	}
	pathPart, frag, hasFrag := strings.Cut(target, "#")
	out := rootFrom(from) + rootRel(pathPart)
	if pathPart == from {
		out = "./"
	}
	if hasFrag {
		if pathPart == from {
			return "#" + frag
		}
		out += "#" + frag
	}
	return out
}

func formatDate(t time.Time) (string, string) {
	if t.IsZero() {
		return "", ""
	}
	return t.Format("2 Jan 2006"), t.Format("2006-01-02")
}

// formatNumber shows a value as a reader expects: at most two decimals,
// no trailing zeros, thousands unseparated (the intranet is multilingual).
func formatNumber(v float64) string {
	r := math.Round(v*100) / 100
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func withUnit(v, unit string) string {
	switch unit {
	case "":
		return v
	case "%":
		return v + "%"
	}
	return v + " " + unit
}

// svg minifies a chart when the site is minified.
func (r *run) svg(s string) string {
	if r.mini == nil {
		return s
	}
	return r.mini.svg(s)
}
