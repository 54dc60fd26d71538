package parse

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
	yamlast "github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/tomlpos"
)

// Page is a content file split into front matter and markdown body.
type Page struct {
	Path       string // slash path relative to the site root
	Source     []byte // the whole file
	Meta       FrontMatter
	Body       []byte // Source[BodyOffset:]
	BodyOffset int
	Digest     uint64 // TextDigest of Source: a stable content hash, kept when Source is dropped

	// shared holds the keys as written that a translation may take from
	// its original (a kind's keys, focus), undecoded; leftOut, of a
	// translation, the errors about keys it leaves out, reported only if
	// it has no original to take them from (see ShareOriginal).
	shared  map[string]any
	leftOut diag.List
	// keys are the keys written; sharedLines, ownLines and frontLines,
	// of a translation given its original's data, are for AboutShared.
	keys                  []string
	sharedLines, ownLines map[int]bool
	frontLines            int
}

// FrontMatter holds every key shiftbook understands. Unknown keys are errors;
// free-form values go under [params]. The keys every page may write are
// fields here; the keys of one kind of page are that kind's own type, in
// its own file (definition.go, metric.go, journey.go), decoded by its
// kindKeys. The keys are read before the link stage knows a page's kind,
// so a page that writes a kind's keys has them decoded and checked wherever
// it is.
type FrontMatter struct {
	Title, Description string
	Date, Lastmod      time.Time
	Reviewed           time.Time
	// Translated is the day a translation was made or last brought up to
	// date with its original (see link.TranslationBehind).
	Translated time.Time
	Weight     int
	Draft      bool
	// Unlisted is unlisted = true (or Hugo's hidden, bookHidden, Docsy's
	// toc_hide): the page is built, found by the search and listed in the
	// sitemap, but left out of the navigation, its section's list, the
	// previous/next links and the book (see link.Page.Unlisted).
	Unlisted bool
	// UnlistedKey is the key that set Unlisted, as written ("" when none
	// is): a translation that writes none keeps its original's, and a
	// message about it names the key at its line.
	UnlistedKey         string
	Tags                []string
	Slug, Owner, Layout string
	// LayoutKey is the key that named Layout: "layout", or MkDocs's
	// "template"; the link stage's warning for a layout the theme lacks
	// names it, at its line.
	LayoutKey string
	// Focus names the focus areas the page serves (file names in
	// content/focus-areas/): an initiative's, a metric's, any page's.
	Focus []string
	// ReviewEvery is how often the page (on a section's page: each page of
	// the section) must be reviewed; zero: as the section or site says.
	ReviewEvery Period
	TOC         bool // show the table of contents (default true)
	// NoAutolink is autolink = false: on a definition, the term is linked
	// only where a page writes [[term]]; on any other page, nothing on the
	// page is autolinked.
	NoAutolink bool
	Params     map[string]any

	// The keys of each kind of page.
	Definition DefinitionMeta
	Metric     MetricMeta
	Journey    JourneyMeta
	Initiative InitiativeMeta
	Plan       PlanMeta
	FocusArea  FocusAreaMeta

	// Keys written for Hugo, Docusaurus and MkDocs (see othertools.go).
	Aliases     []string  // old addresses that must keep working
	LinkTitle   string    // the label in navigation, when shorter than the title
	Keywords    []string  // extra words the search finds the page by
	Categories  []string  // Hugo's second taxonomy: shown as tags
	Authors     []string  // who wrote the page (author / authors)
	PublishDate time.Time // left out of builds before this moment
	ExpiryDate  time.Time // left out of builds from this moment
	Hide        []string  // MkDocs Material's hide: "navigation", "toc", "footer"
	// NoFrontMatter is true for a file without front matter (GitHub and
	// MkDocs pages): its title comes from its first heading.
	NoFrontMatter bool

	lines func(path ...string) int
}

// NavTitle is the label navigation shows: linkTitle when written, else the title.
func (fm *FrontMatter) NavTitle() string {
	if fm.LinkTitle != "" {
		return fm.LinkTitle
	}
	return fm.Title
}

// Line returns the line in the file where a front matter key is written,
// or 1 when it is not written at all.
func (fm *FrontMatter) Line(path ...string) int {
	if fm.lines == nil {
		return 1
	}
	if l := fm.lines(path...); l > 0 {
		return l
	}
	return 1
}

// Writes reports whether the front matter writes a key at all: tags = []
// is written, a key left out is not. A translation that leaves a shared
// key out keeps its original's (see pipeline.translationInputs).
func (fm *FrontMatter) Writes(path ...string) bool {
	return fm.lines != nil && fm.lines(path...) > 0
}

// kindKeys are the front matter keys of one kind of page, with their
// decoding; each kind's file holds its own.
type kindKeys struct {
	keys []string
	// decode sets the field of key k (one of keys) from v, reporting a
	// wrong value at k's line.
	decode func(d *fieldDecoder, fm *FrontMatter, k string, v any)
	// finish, when set, checks the kind's keys against each other once
	// all are read.
	finish func(d *fieldDecoder, fm *FrontMatter)
	// name, when set, names a key path inside one of keys as an author
	// reads it, reporting whether it did.
	name func(key []string) (string, bool)
	// words are the key paths that are words, which a translation writes
	// in its language ("stages.*.name": the name of every stage); own, of
	// those, the ones it never takes from its original. Every other key
	// of the kind is data, the same in every language (translation.go).
	words, own []string
}

// kinds lists every kind's keys: a new kind of page adds its row.
var kinds = []kindKeys{definitionKeys, metricKeys, journeyKeys, initiativeKeys, planKeys, focusAreaKeys}

// commonKeys are the keys any page may write.
var commonKeys = []string{
	"title", "description", "date", "lastmod", "reviewed", "translated", "weight", "draft", "tags",
	"slug", "owner", "reviewEvery", "layout", "toc", "params", "autolink", "focus", "unlisted",
}

// suggestableKeys are the keys a did-you-mean may name: every key
// shiftbook reads, except the other tools' keys it reads only to refuse
// or ignore them.
var suggestableKeys = func() []string {
	keys := slices.Clone(commonKeys)
	for _, k := range kinds {
		keys = append(keys, k.keys...)
	}
	for _, k := range otherToolKeys {
		if !slices.Contains(notDoneKeys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}()

// kindOfKey returns the kind whose key k is, if any. It reads the table
// through the decoder, as the kinds' decoding calls the decoder.
func (d *fieldDecoder) kindOfKey(k string) (kindKeys, bool) {
	for _, kk := range d.kinds {
		if slices.Contains(kk.keys, k) {
			return kk, true
		}
	}
	return kindKeys{}, false
}

// PageOptions are the site's settings that change how a page is read.
type PageOptions struct {
	// Allow lists front matter keys of the site's own ([frontmatter] allow
	// in site.toml): accepted, and kept under Params.
	Allow []string
	// Language is the language the file's name puts the page in: a
	// translation's code, else the site's default language. "" when not
	// known: a lang key is then not checked.
	Language string
	// Languages are the codes of the site's [languages], the default
	// first; nil for a site of one language.
	Languages []string
}

// ReadPage splits and decodes a content file. Diagnostics carry lines of the
// whole file, never of the front matter alone.
func ReadPage(path string, src []byte) (*Page, diag.List) {
	return ReadPageWith(path, src, PageOptions{})
}

// ReadPageWith is ReadPage with the site's options.
func ReadPageWith(path string, src []byte, opts PageOptions) (*Page, diag.List) {
	p := &Page{Path: path, Source: src, Digest: TextDigest(src)}
	if d, ok := CheckText(path, src); !ok {
		return nil, diag.List{d}
	}
	text := stripBOM(src)
	bom := len(src) - len(text)
	delim := frontDelim(text)
	if delim == "" {
		// Written for GitHub or MkDocs: the title comes from the first
		// heading (the link stage reads it).
		p.Body, p.BodyOffset = src, 0
		p.Meta = FrontMatter{TOC: true, NoFrontMatter: true}
		return p, nil
	}
	firstLineEnd := bytes.IndexByte(text, '\n') + 1
	fmStart := bom + firstLineEnd
	end, bodyStart := findClosing(src, fmStart, delim)
	if end < 0 {
		return nil, diag.List{diag.AtLine(path, src, 1, 1,
			"front matter opened with %s is never closed; add a line with only %s after the last key", delim, delim)}
	}
	fmText := src[fmStart:end]
	p.Body, p.BodyOffset = src[bodyStart:], bodyStart
	lineOffset := bytes.Count(src[:fmStart], []byte("\n"))
	fields, lines, d := decodeFields(path, src, fmText, lineOffset, delim)
	if d != nil {
		// The body is still known: its headings are link targets and its
		// own links are checked, so one run reports everything.
		p.Meta = FrontMatter{TOC: true}
		return p, diag.List{*d}
	}
	var diags diag.List
	p.Meta, diags, p.leftOut = fieldsToFrontMatter(path, src, fields, lines, opts)
	p.keys = slices.Sorted(maps.Keys(fields))
	for k, v := range fields {
		if sharedKey(k) && !slices.Contains(opts.Allow, k) {
			if p.shared == nil {
				p.shared = map[string]any{}
			}
			p.shared[k] = v
		}
	}
	return p, diags
}

func hasDelimLine(text []byte, delim string) bool {
	line, _, _ := bytes.Cut(text, []byte("\n"))
	return string(bytes.TrimRight(line, " \t\r")) == delim
}

// findClosing finds the line holding only delim, from offset from. It returns
// the offset where that line starts and the offset after it.
func findClosing(src []byte, from int, delim string) (int, int) {
	for off := from; off < len(src); {
		nl := bytes.IndexByte(src[off:], '\n')
		lineEnd, next := len(src), len(src)
		if nl >= 0 {
			lineEnd, next = off+nl, off+nl+1
		}
		if string(bytes.TrimRight(src[off:lineEnd], " \t\r")) == delim {
			return off, next
		}
		off = next
	}
	return -1, -1
}

// decodeFields decodes front matter text into generic values and a way to find
// the line of any key in the whole file.
func decodeFields(path string, file, fm []byte, lineOffset int, delim string) (map[string]any, func(...string) int, *diag.Diagnostic) {
	if delim == "+++" {
		fields := map[string]any{}
		if _, err := toml.Decode(string(fm), &fields); err != nil {
			d := TOMLError(path, file, lineOffset, err)
			return nil, nil, &d
		}
		keys := tomlpos.Scan(fm)
		return fields, func(p ...string) int {
			if l := keys.Line(p...); l > 0 {
				return l + lineOffset
			}
			return 0
		}, nil
	}
	return decodeYAML(path, file, fm, lineOffset)
}

func decodeYAML(path string, file, fm []byte, lineOffset int) (map[string]any, func(...string) int, *diag.Diagnostic) {
	yamlErr := func(err error) *diag.Diagnostic {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			pos := ye.GetToken().Position
			d := diag.AtLine(path, file, pos.Line+lineOffset, max(pos.Column, 1),
				"invalid YAML: %s", plainYAML(ye.GetMessage()))
			return &d
		}
		d := diag.AtLine(path, file, lineOffset+1, 1, "invalid YAML: %s", plainYAML(err.Error()))
		return &d
	}
	if len(bytes.TrimSpace(fm)) == 0 {
		return map[string]any{}, func(...string) int { return 0 }, nil
	}
	if d, ok := yamlTab(path, file, fm, lineOffset); ok {
		return nil, nil, &d
	}
	f, err := yamlparser.ParseBytes(fm, 0)
	if err != nil {
		return nil, nil, yamlErr(err)
	}
	lines := map[string]int{}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return map[string]any{}, func(...string) int { return 0 }, nil
	}
	body := f.Docs[0].Body
	if _, ok := body.(*yamlast.MappingNode); !ok {
		if _, ok := body.(*yamlast.MappingValueNode); !ok {
			tok := body.GetToken()
			d := diag.AtLine(path, file, tok.Position.Line+lineOffset, max(tok.Position.Column, 1),
				"YAML front matter must be a list of key: value lines")
			return nil, nil, &d
		}
	}
	recordYAMLLines(body, "", lines)
	fields := map[string]any{}
	if err := yaml.NodeToValue(body, &fields); err != nil {
		return nil, nil, yamlErr(err)
	}
	return fields, func(p ...string) int {
		for n := len(p); n > 0; n-- {
			if l, ok := lines[strings.Join(p[:n], ".")]; ok {
				return l + lineOffset
			}
		}
		return 0
	}, nil
}

func recordYAMLLines(n yamlast.Node, prefix string, lines map[string]int) {
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch n := n.(type) {
	case *yamlast.MappingNode:
		for _, v := range n.Values {
			recordYAMLLines(v, prefix, lines)
		}
	case *yamlast.MappingValueNode:
		key := join(strings.Trim(n.Key.String(), `"'`))
		if _, ok := lines[key]; !ok {
			lines[key] = n.Key.GetToken().Position.Line
		}
		recordYAMLLines(n.Value, key, lines)
	case *yamlast.SequenceNode:
		for i, v := range n.Values {
			k := join(strconv.Itoa(i))
			lines[k] = v.GetToken().Position.Line
			recordYAMLLines(v, k, lines)
		}
	}
}

// fieldDecoder converts generic values into typed fields, reporting each
// wrong type at its key's line.
type fieldDecoder struct {
	path  string
	src   []byte
	line  func(...string) int
	kinds []kindKeys
	opts  PageOptions
	yaml  bool // the front matter is YAML: advice is written in its form
	diags diag.List
	// translation is set for a page in a language other than the
	// default: a key it leaves out is its original's, so an error saying
	// that one is missing goes to leftOut (see missingf).
	translation bool
	leftOut     diag.List
}

// isText reports whether a value is text (str has already reported one
// that is not).
func (d *fieldDecoder) isText(v any) bool {
	_, ok := v.(string)
	return ok
}

func (d *fieldDecoder) errorf(key []string, format string, args ...any) {
	line := 0
	if d.line != nil {
		line = d.line(key...)
	}
	if line == 0 {
		line = 1
	}
	d.diags.Add(diag.AtLine(d.path, d.src, line, 1, format, args...))
}

// missingf is errorf for a key the page leaves out that it needs (a
// milestone's due date). A translation takes what it leaves out from its
// original, so there the error is kept aside, for a translation that
// turns out to have none (see ShareOriginal).
func (d *fieldDecoder) missingf(key []string, format string, args ...any) {
	d.errorf(key, format, args...)
	d.setAside()
}

// setAside moves the diagnostic just added to leftOut, in a translation.
func (d *fieldDecoder) setAside() {
	if d.translation && len(d.diags) > 0 {
		d.leftOut = append(d.leftOut, d.diags[len(d.diags)-1])
		d.diags = d.diags[:len(d.diags)-1]
	}
}

// warnf is errorf for a warning: a key that does nothing here but does
// no harm, so that content written for another tool still builds.
func (d *fieldDecoder) warnf(key []string, format string, args ...any) {
	d.errorf(key, format, args...)
	d.diags[len(d.diags)-1] = diag.Warning(d.diags[len(d.diags)-1])
}

// form is key set to text as the page's front matter writes it:
// slug: start in YAML, slug = "start" in TOML.
func (d *fieldDecoder) form(key, text string) string {
	if d.yaml {
		return key + ": " + text
	}
	return fmt.Sprintf("%s = %q", key, text)
}

// name is a key path as an author reads it: "tags", or as the key's kind
// names it ("feeling of stage 3" for a journey).
func (d *fieldDecoder) name(key []string) string {
	if len(key) > 0 {
		if kk, ok := d.kindOfKey(key[0]); ok && kk.name != nil {
			if n, ok := kk.name(key); ok {
				return n
			}
		}
	}
	return strings.Join(key, ".")
}

func (d *fieldDecoder) str(v any, key ...string) string {
	switch v := v.(type) {
	case string:
		// A NUL written as \u0000 is no text an author means, and the
		// link stage marks its placeholders with NUL.
		return strings.ReplaceAll(v, "\x00", "\uFFFD")
	case nil:
		return ""
	}
	d.errorf(key, "%s must be text in quotes, not %s", d.name(key), describe(v))
	return ""
}

func (d *fieldDecoder) strs(v any, key ...string) []string {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				d.errorf(append(key[:len(key):len(key)], strconv.Itoa(i)), "item %d of %s must be text in quotes, not %s", i+1, d.name(key), describe(e))
				continue
			}
			out = append(out, strings.ReplaceAll(s, "\x00", "\uFFFD"))
		}
		return out
	case []string:
		return v
	}
	d.errorf(key, "%s must be a list of text, like [\"a\", \"b\"], not %s", d.name(key), describe(v))
	return nil
}

func (d *fieldDecoder) integer(v any, key ...string) (int, bool) {
	switch v := v.(type) {
	case int64:
		return int(v), true
	case uint64:
		return int(v), true
	case int:
		return v, true
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e9 {
			return int(v), true
		}
	}
	d.errorf(key, "%s must be a whole number, not %s", d.name(key), describe(v))
	return 0, false
}

func (d *fieldDecoder) number(v any, key ...string) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case uint64:
		return float64(v), true
	case int:
		return float64(v), true
	case float64:
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v, true
		}
	}
	d.errorf(key, "%s must be a number such as 45 or 4.5, not %s", d.name(key), describe(v))
	return 0, false
}

func (d *fieldDecoder) boolean(v any, key ...string) bool {
	if b, ok := v.(bool); ok {
		return b
	}
	d.errorf(key, "%s must be true or false, not %s", d.name(key), describe(v))
	return false
}

func (d *fieldDecoder) date(v any, key ...string) time.Time {
	switch v := v.(type) {
	case time.Time:
		return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, time.UTC)
	case string:
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t.UTC()
			}
		}
	}
	d.errorf(key, "%s must be a date written like 2026-10-14, not %s", d.name(key), describe(v))
	return time.Time{}
}

func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("the text %q", v)
	case bool:
		return fmt.Sprintf("%v", v)
	case int64, uint64, int, float64:
		return fmt.Sprintf("the number %v", v)
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

func fieldsToFrontMatter(path string, src []byte, fields map[string]any, lines func(...string) int, opts PageOptions) (FrontMatter, diag.List, diag.List) {
	fm := FrontMatter{TOC: true, lines: lines}
	d := &fieldDecoder{path: path, src: src, line: lines, kinds: kinds, opts: opts, yaml: hasDelimLine(stripBOM(src), "---"),
		translation: len(opts.Languages) > 1 && opts.Language != "" && opts.Language != opts.Languages[0]}
	keys := slices.Sorted(maps.Keys(fields))
	other := otherToolFields{}
	for _, k := range keys {
		v := fields[k]
		if slices.Contains(opts.Allow, k) {
			if fm.Params == nil {
				fm.Params = map[string]any{}
			}
			if _, taken := fm.Params[k]; !taken {
				fm.Params[k] = v
			}
			continue
		}
		if !d.decodeKey(&fm, &other, k, v) {
			msg := fmt.Sprintf("unknown front matter key %q", k) + d.suggestKey(k, v,
				"; put your own values under [params], list the key under [frontmatter] allow in site.toml, or remove it")
			d.errorf([]string{k}, "%s", msg)
		}
	}
	if v, written := fields["title"]; written && fm.Title == "" {
		if _, isText := v.(string); isText || v == nil {
			d.errorf([]string{"title"}, "title is empty; write the page's title, or remove the line to take it from the page's first heading")
		}
	}
	for _, kk := range d.kinds {
		if kk.finish != nil {
			kk.finish(d, &fm)
		}
	}
	d.finishOtherTool(&fm, &other)
	return fm, d.diags, d.leftOut
}

// decodeKey sets the field of key k from v, reporting a wrong value at k's
// line, and reports whether k is a key shiftbook knows.
func (d *fieldDecoder) decodeKey(fm *FrontMatter, other *otherToolFields, k string, v any) bool {
	if d.otherTool(fm, other, k, v) {
		return true
	}
	switch k {
	case "title":
		fm.Title = strings.TrimSpace(d.str(v, k))
	case "description":
		fm.Description = d.str(v, k)
	case "date":
		fm.Date = d.date(v, k)
	case "lastmod":
		fm.Lastmod = d.date(v, k)
	case "reviewed":
		fm.Reviewed = d.date(v, k)
	case "translated":
		fm.Translated = d.date(v, k)
	case "weight":
		fm.Weight, _ = d.integer(v, k)
	case "draft":
		fm.Draft = d.boolean(v, k)
	case "unlisted":
		d.unlisted(fm, k, v)
	case "toc":
		fm.TOC = d.boolean(v, k)
	case "autolink":
		fm.NoAutolink = !d.boolean(v, k)
	case "tags":
		fm.Tags = d.strs(v, k)
	case "slug":
		fm.Slug = d.str(v, k)
		if msg := d.slugProblem(k, fm.Slug); msg != "" {
			d.errorf([]string{k}, "%s", msg)
			fm.Slug = ""
		}
	case "owner":
		fm.Owner = d.str(v, k)
	case "focus":
		// focus = "" (an archetype's blank) names none.
		for _, id := range d.strs(v, k) {
			if id = strings.TrimSpace(id); id != "" {
				fm.Focus = append(fm.Focus, id)
			}
		}
	case "reviewEvery":
		if text := d.str(v, k); d.isText(v) {
			p, err := ParsePeriod(text)
			if err != nil {
				d.errorf([]string{k}, "%v", err)
			}
			fm.ReviewEvery = p
		}
	case "layout":
		d.layout(fm, k, d.str(v, k))
	case "params":
		m, ok := v.(map[string]any)
		if !ok {
			d.errorf([]string{k}, "params must be a table ([params] in TOML, params: with indented keys in YAML)")
			return true
		}
		if fm.Params == nil {
			fm.Params = m
		} else {
			for pk, pv := range m {
				fm.Params[pk] = pv
			}
		}
	default:
		kk, ok := d.kindOfKey(k)
		if !ok {
			return false
		}
		kk.decode(d, fm, k, v)
	}
	return true
}

// suggestKey is the did-you-mean of an unknown key k written with value v,
// or otherwise. It never names a key that does nothing here (see
// notDoneKeys): following the hint would only lead to the next error. A
// key near k whose decoding refuses v is named with what it takes,
// as its own decoding says it, so that one mistake is one error.
func (d *fieldDecoder) suggestKey(k string, v any, otherwise string) string {
	sug := diag.Suggest(k, suggestableKeys)
	if sug == "" {
		return otherwise
	}
	trial := &fieldDecoder{path: d.path, src: d.src, line: func(...string) int { return 0 }, kinds: d.kinds, opts: d.opts, yaml: d.yaml}
	trial.decodeKey(&FrontMatter{TOC: true}, &otherToolFields{}, sug, v)
	for _, e := range trial.diags {
		if e.Severity == diag.SeverityError {
			return fmt.Sprintf(": did you mean %q? (%s)", sug, e.Message)
		}
	}
	return fmt.Sprintf(": did you mean %q?", sug)
}

// frontDelim is the line that opens text's front matter, "+++" (TOML) or
// "---" (YAML), or "" when it has none.
func frontDelim(text []byte) string {
	for _, d := range []string{"+++", "---"} {
		if hasDelimLine(text, d) {
			return d
		}
	}
	return ""
}
