package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
)

// Templates are a theme's layouts, parsed: each page layout joined with the
// base layout and every partial and shortcode template. A layout's set is
// made the first time a page asks for it, from a copy of the shared
// templates that is never run: a theme has two dozen layouts, each set
// holds every partial again, and a build or the dev server may not need
// them all (the unminified set of a minified build is only for the
// position of an error).
type Templates struct {
	layouts map[string]*layoutSet // "page" → page.html with baseof, partials
	sources map[string]load.File  // template name → file, for error positions
	common  *template.Template    // partials and shortcodes alone, for shortcodes
	// pristine is common before anything ran: html/template copies only a
	// set that has not run, and each layout's set is such a copy.
	pristine *template.Template
	cached   sync.Map // partialCached: name and variant → template.HTML
}

// layoutSet is one layout's templates, made once, when first run.
type layoutSet struct {
	text string // the layout's source, transformed as the set is
	once sync.Once
	tmpl *template.Template
	err  error
}

// layout names a page layout file: layouts/NAME.html.
func layoutFile(name string) string { return "layouts/" + name + ".html" }

// parseTemplates parses the theme. A layout defines "main" (and may define
// "title" or "head"); layouts/baseof.html frames it.
func parseTemplates(theme load.Theme, funcs template.FuncMap) (*Templates, diag.List) {
	return parseTemplateSet(theme, funcs, nil)
}

// parseTemplateSet parses the theme's templates, each source passed through
// transform first when it is given (minification). Every layout is parsed
// now, so that a mistake in one is reported with the others; its set is
// made when a page first asks for it.
func parseTemplateSet(theme load.Theme, funcs template.FuncMap, transform func([]byte) []byte) (*Templates, diag.List) {
	text := func(b []byte) string {
		if transform != nil {
			return string(transform(b))
		}
		return string(b)
	}
	t := &Templates{layouts: map[string]*layoutSet{}, sources: map[string]load.File{}}
	var diags diag.List
	funcs = maps.Clone(funcs)
	funcs["partialCached"] = t.partialCached
	funcs["slot"] = slot
	common := template.New("").Funcs(funcs)
	var shared []string
	for _, dir := range []string{"layouts/partials", "layouts/shortcodes"} {
		shared = append(shared, theme.Paths(dir)...)
	}
	for _, p := range shared {
		f := theme.Files[p]
		name := strings.TrimPrefix(p, "layouts/")
		t.sources[name] = f
		if _, err := common.New(name).Parse(text(f.Data)); err != nil {
			diags.Add(templateError(f, err))
		}
	}
	base, hasBase := theme.Files[layoutFile("baseof")]
	if !hasBase {
		diags.Add(diag.File(load.BuiltinPrefix+"default/layouts/baseof.html", "the theme has no layouts/baseof.html; add one or remove the theme folder"))
		return t, diags
	}
	t.sources["baseof.html"] = base
	if _, err := common.New("baseof.html").Parse(text(base.Data)); err != nil {
		diags.Add(templateError(base, err))
	}
	if len(diags) > 0 {
		return t, diags
	}
	pristine, err := common.Clone()
	if err != nil {
		return t, diag.List{templateError(base, err)}
	}
	t.common, t.pristine = common, pristine
	// Each layout is parsed over one scratch copy in turn, for its
	// mistakes: a later layout's "main" replaces the one before.
	scratch, err := pristine.Clone()
	if err != nil {
		return t, diag.List{templateError(base, err)}
	}
	for _, p := range theme.Paths("layouts") {
		rel := strings.TrimPrefix(p, "layouts/")
		if strings.Contains(rel, "/") || rel == "baseof.html" || path.Ext(rel) != ".html" {
			continue
		}
		f := theme.Files[p]
		t.sources[rel] = f
		src := text(f.Data)
		if _, err := scratch.New(rel).Parse(src); err != nil {
			diags.Add(templateError(f, err))
			continue
		}
		t.layouts[strings.TrimSuffix(rel, ".html")] = &layoutSet{text: src}
	}
	return t, diags
}

// has reports whether a layout exists.
func (t *Templates) has(layout string) bool { return t.layouts[layout] != nil }

// layout is a layout's set, made on first use.
func (t *Templates) layout(name string) (*template.Template, error) {
	l := t.layouts[name]
	if l == nil {
		return nil, fmt.Errorf("no layout %q", name)
	}
	l.once.Do(func() {
		set, err := t.pristine.Clone()
		if err == nil {
			_, err = set.New(name + ".html").Parse(l.text)
		}
		l.tmpl, l.err = set, err
	})
	return l.tmpl, l.err
}

// execute runs a page layout through baseof.html.
func (t *Templates) execute(buf *bytes.Buffer, layout string, data any) error {
	return t.executeTo(buf, layout, data)
}

// executeTo is execute into any writer (a page written as a stream).
func (t *Templates) executeTo(buf io.Writer, layout string, data any) error {
	tmpl, err := t.layout(layout)
	if err != nil {
		return err
	}
	return tmpl.ExecuteTemplate(buf, "baseof.html", data)
}

// partial runs a partial or shortcode template.
func (t *Templates) partial(buf io.Writer, name string, data any) error {
	if t.common == nil || t.common.Lookup(name) == nil {
		return fmt.Errorf("the theme has no layouts/%s", name)
	}
	return t.common.ExecuteTemplate(buf, name, data)
}

// partialCached runs a partial once for each variant and gives the same
// HTML every time after, as Hugo's partialCached does: for the parts of a
// page that are alike on many pages (the header and footer differ only by
// the way back to the site root), which would otherwise be made again for
// every page. The variant must name everything the partial's output
// depends on, but for its slots: a {{slot "partials/NAME.html"}} in it is
// left out of what is kept, and that partial is run with each call's own
// data in its place (the language switcher in the header, whose links are
// the page's own). The HTML is for HTML text, where {{template}} would go.
func (t *Templates) partialCached(name string, data any, variant ...any) (template.HTML, error) {
	key := name
	for _, v := range variant {
		key += "\x00" + fmt.Sprint(v)
	}
	v, ok := t.cached.Load(key)
	if !ok {
		var buf bytes.Buffer
		if err := t.partial(&buf, name, data); err != nil {
			return "", err
		}
		v = template.HTML(buf.String())
		t.cached.Store(key, v)
	}
	h := v.(template.HTML)
	if !strings.Contains(string(h), slotMark) {
		return h, nil
	}
	return t.fillSlots(string(h), data)
}

// slotMark starts a slot in a cached partial's HTML: slotMark, the slot
// partial's name, and a NUL. NUL never occurs in what a template writes
// from site content (parse rejects it).
const slotMark = "\x00slot:"

// slot is the template function {{slot "partials/NAME.html"}}: a hole in a
// cached partial, filled per call (see partialCached).
func slot(name string) template.HTML { return template.HTML(slotMark + name + "\x00") }

// fillSlots runs the partial of each slot in h with data, in its place.
func (t *Templates) fillSlots(h string, data any) (template.HTML, error) {
	var b strings.Builder
	b.Grow(len(h) + 1024)
	for {
		i := strings.Index(h, slotMark)
		if i < 0 {
			b.WriteString(h)
			return template.HTML(b.String()), nil
		}
		b.WriteString(h[:i])
		rest := h[i+len(slotMark):]
		end := strings.IndexByte(rest, 0)
		if end < 0 {
			return "", fmt.Errorf("a slot in a cached partial is not closed")
		}
		if err := t.partial(&b, rest[:end], data); err != nil {
			return "", err
		}
		h = rest[end+1:]
	}
}

// templateLocation matches the "template: NAME:LINE:COL: " prefix that
// text/template puts on its errors. text/template offers no structured
// position for parse and execution errors, so this is the one place where a
// position is read from message text.
var templateLocation = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateMessage is an error's text without the ExecError wrapper, which
// would otherwise name the template twice.
func templateMessage(err error) string {
	var execErr texttemplate.ExecError
	if errors.As(err, &execErr) {
		return execErr.Err.Error()
	}
	return err.Error()
}

func templateError(f load.File, err error) diag.Diagnostic {
	msg := templateMessage(err)
	if m := templateLocation.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		text := m[4]
		if i := strings.Index(text, ": "); strings.HasPrefix(text, "executing ") && i > 0 {
			text = text[i+2:]
		}
		return diag.AtLine(f.Path, f.Data, line, max(col, 1), "template error: %s; fix the template", text)
	}
	return diag.File(f.Path, "template error: %s; fix the template", msg)
}

// execError turns an error of executing a layout into a diagnostic naming the
// template file that failed.
func (t *Templates) execError(err error) diag.Diagnostic {
	msg := templateMessage(err)
	if m := templateLocation.FindStringSubmatch(msg); m != nil {
		if f, ok := t.sources[m[1]]; ok {
			return templateError(f, err)
		}
	}
	return diag.File("layouts", "template error: %s; fix the template", msg)
}
