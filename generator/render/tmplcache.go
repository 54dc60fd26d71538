package render

import (
	"hash/maphash"
	"html/template"
	"maps"
	"sync"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
)

// TemplateCache keeps a theme's templates parsed between the builds of the
// dev server, which would otherwise parse and clone them on every save
// (about a sixth of a rebuild). The template functions are bound to the
// render that runs them, so each render needs a set of its own: the cache
// keeps one parsed set per theme version that is never run, and a spare
// copy of it made in the background after each build, ready for the next.
// A render binds its functions to the copy it takes (Funcs, before the copy
// is first run). It is safe for concurrent use; the zero value is ready.
type TemplateCache struct {
	mu   sync.Mutex
	seed maphash.Seed
	sets map[string]*cachedSet // by variant: "plain", "minified"
}

// cachedSet is one variant of a theme version's templates.
type cachedSet struct {
	key    uint64     // the theme's sources it was parsed from (themeKey)
	base   *Templates // parsed, never run: only copied
	spares chan *Templates
}

// maxSpares bounds the copies kept ready: one per language a rebuild
// renders is enough.
const maxSpares = 4

// themeKey identifies a theme's sources: every path and its bytes.
func (c *TemplateCache) themeKey(theme load.Theme) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, p := range theme.Paths("layouts") {
		h.WriteString(p)
		h.WriteByte(0)
		h.Write(theme.Files[p].Data)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// templates gives a render its own copy of the theme's templates, parsed
// with transform (nil: as written), its functions those of funcs. A nil
// cache parses them afresh. unbound are functions of the same names bound
// to nothing, for the set that is kept: bound to this render, it would keep
// this build's whole site in memory for as long as the theme is unchanged.
func (c *TemplateCache) templates(theme load.Theme, variant string, funcs, unbound template.FuncMap, transform func([]byte) []byte) (*Templates, diag.List) {
	if c == nil {
		return parseTemplateSet(theme, funcs, transform)
	}
	c.mu.Lock()
	if c.sets == nil {
		c.seed, c.sets = maphash.MakeSeed(), map[string]*cachedSet{}
	}
	key := c.themeKey(theme)
	set := c.sets[variant]
	if set == nil || set.key != key {
		c.mu.Unlock()
		base, diags := parseTemplateSet(theme, funcs, transform)
		if len(diags) > 0 {
			return base, diags // a broken theme is not kept: the next save parses again
		}
		base.bind(unbound)
		set = &cachedSet{key: key, base: base, spares: make(chan *Templates, maxSpares)}
		c.mu.Lock()
		c.sets[variant] = set
	}
	c.mu.Unlock()
	var t *Templates
	select {
	case t = <-set.spares:
	default:
		t = set.base.copy()
	}
	if t == nil {
		return parseTemplateSet(theme, funcs, transform)
	}
	go func() {
		// The next render's copy, made while the author reads this one.
		if spare := set.base.copy(); spare != nil {
			select {
			case set.spares <- spare:
			default:
			}
		}
	}()
	t.bind(funcs)
	return t, nil
}

// copy is a set of the same templates that can be bound and run on its
// own (html/template copies each parse tree: running a template escapes it
// in place); nil if html/template refuses, which it does only for a set
// that has run. Its layouts' sets are made from its own copy.
func (t *Templates) copy() *Templates {
	if t.pristine == nil {
		return nil
	}
	out := &Templates{layouts: make(map[string]*layoutSet, len(t.layouts)), sources: t.sources}
	var err error
	if out.common, err = t.pristine.Clone(); err != nil {
		return nil
	}
	if out.pristine, err = t.pristine.Clone(); err != nil {
		return nil
	}
	for name, l := range t.layouts {
		out.layouts[name] = &layoutSet{text: l.text}
	}
	return out
}

// bind makes funcs, and the set's own partialCached and slot, the functions
// its templates call. It must come before any of them runs; the layouts'
// sets, copied from pristine later, take them from it.
func (t *Templates) bind(funcs template.FuncMap) {
	funcs = maps.Clone(funcs)
	funcs["partialCached"] = t.partialCached
	funcs["slot"] = slot
	for _, set := range []*template.Template{t.common, t.pristine} {
		if set != nil {
			set.Funcs(funcs)
		}
	}
}
