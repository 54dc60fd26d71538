package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	minhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
)

type minifier struct{ m *minify.M }

func newMinifier() *minifier {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	// Document and end tags and quotes are kept: the output must stay valid
	// HTML for the Nu checker and readable by every intranet browser.
	m.Add("text/html", &minhtml.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepDefaultAttrVals: true,
	})
	// Template sources are minified once, before they are parsed, so that
	// pages need not be minified whole: only the markdown bodies put into
	// them are (see Renderer). {{ }} actions are left as they are.
	m.Add(templateType, &minhtml.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepDefaultAttrVals: true,
		TemplateDelims:      minhtml.GoTemplateDelims,
	})
	return &minifier{m: m}
}

// BodyMinifier returns what minifies a markdown body, for the link stage to
// minify each body once (see link.Bodies).
func BodyMinifier() func(w io.Writer, html []byte) error {
	m := newMinifier()
	// A bytes.Buffer, unlike a bytes.Reader, is read without a copy.
	return func(w io.Writer, b []byte) error { return m.m.Minify("text/html", w, bytes.NewBuffer(b)) }
}

const templateType = "text/x-go-template+html"

func (m *minifier) html(b []byte) ([]byte, error) { return m.m.Bytes("text/html", b) }

// Go template trim markers: "{{- " drops the white space before the action,
// " -}}" the white space after it. A comment must touch its delimiters
// ("{{/* … */}}"), so around a comment the marker goes with its space.
var (
	trimBefore = regexp.MustCompile(`[ \t\r\n]*\{\{-([ \t\r\n])[ \t\r\n]*(/\*)?`)
	trimAfter  = regexp.MustCompile(`(\*/)?([ \t\r\n])-\}\}[ \t\r\n]*`)
)

// template minifies a template's source; on any doubt it keeps the source.
// Trim markers are applied first, as text/template would, so that the
// minifier does not change what they leave.
func (m *minifier) template(b []byte) []byte {
	b = trimBefore.ReplaceAllFunc(b, func(s []byte) []byte {
		if bytes.HasSuffix(s, []byte("/*")) {
			return []byte("{{/*")
		}
		return []byte("{{ ")
	})
	b = trimAfter.ReplaceAllFunc(b, func(s []byte) []byte {
		if bytes.HasPrefix(s, []byte("*/")) {
			return []byte("*/}}")
		}
		return []byte(" }}")
	})
	// Comments write nothing: gone, they cannot mislead the minifier (an
	// apostrophe in one reads as the start of a quoted value).
	b = templateComment.ReplaceAll(b, nil)
	out, err := m.m.Bytes(templateType, b)
	if err != nil {
		return b
	}
	return out
}

// templateComment is a Go template comment once trim markers are applied.
var templateComment = regexp.MustCompile(`\{\{/\*[\s\S]*?\*/\}\}`)

// svg minifies an inline SVG chart; on error it keeps it as it is.
func (m *minifier) svg(s string) string {
	out, err := m.m.String("image/svg+xml", s)
	if err != nil {
		return s
	}
	return out
}

// languagesScript and languagesStyles are the theme's script and styles of
// a site in several languages (the switcher, the untranslated banner, the
// search box's hits in the other languages), written for such a site only.
const (
	languagesScript = "js/languages.js"
	languagesStyles = "css/languages.css"
)

var mediaTypes = map[string]string{
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
}

// writeAssets copies the theme's assets/ with a content hash in each name,
// so browsers may cache them forever, minified when the site asks.
func (r *run) writeAssets(theme load.Theme) (int, diag.List) {
	r.assets = map[string]string{}
	var diags diag.List
	files := map[string][]byte{}
	for _, p := range theme.Paths("assets") {
		files[strings.TrimPrefix(p, "assets/")] = theme.Files[p].Data
	}
	files["css/chroma.css"] = markdown.HighlightCSS()
	files["css/book-print.css"] = r.bookPrintCSS()
	if r.opts.Lang == nil {
		// The language switcher's styles and the search across languages
		// are only for a site of several; a site of one writes the assets
		// it always did.
		delete(files, languagesScript)
		delete(files, languagesStyles)
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		data := files[name]
		ext := path.Ext(name)
		if mt, ok := mediaTypes[ext]; ok && r.mini != nil {
			out, err := r.mini.m.Bytes(mt, data)
			if err != nil {
				diags.Add(diag.File(theme.Files["assets/"+name].Path, "cannot minify: %v; fix the syntax", err))
				continue
			}
			data = out
		}
		sum := sha256.Sum256(data)
		fingerprinted := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		r.assets[name] = fingerprinted
		if err := r.sink.Write(fingerprinted, data); err != nil {
			diags.Add(diag.File(fingerprinted, "cannot write: %v", err))
		}
	}
	return len(names), diags
}

var bodyEnd = regexp.MustCompile(`(?i)</body>`)

// liveReloadScript asks the dev server for reload events. Only `serve`
// injects it; a built site never has it.
const liveReloadScript = `<script src="/_shiftbook/reload.js" defer></script>`

func injectLiveReload(page []byte) []byte {
	loc := bodyEnd.FindIndex(page)
	if loc == nil {
		return append(page, liveReloadScript...)
	}
	var b bytes.Buffer
	b.Write(page[:loc[0]])
	b.WriteString(liveReloadScript)
	b.Write(page[loc[0]:])
	return b.Bytes()
}
