package markdown

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Code highlighting styles: light, and dark for readers whose system is set
// to dark. Both keep comments and strings readable on their backgrounds.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// highlighter renders fenced code with chroma, as CSS classes so one
// stylesheet serves light and dark. Results are cached by (language, code):
// highlighting is the costliest part of rendering, and the same snippet
// recurs across pages and across rebuilds. The cache is emptied when it
// outgrows maxCached bytes, so a long dev-server session does not keep
// every version of every snippet an author ever saved.
type highlighter struct {
	formatter *chromahtml.Formatter
	caching   bool
	mu        sync.RWMutex
	cache     map[string]string // lang + "\x00" + code → HTML
	cached    int               // bytes of keys and values in cache
}

const maxCached = 32 << 20

// preWrapper adds tabindex so a code block that scrolls sideways can be
// scrolled from the keyboard (WCAG 2.1.1).
type preWrapper struct{}

func (preWrapper) Start(code bool, styleAttr string) string {
	if code {
		return `<pre class="chroma" tabindex="0"><code>`
	}
	return `<pre class="chroma" tabindex="0">`
}

func (preWrapper) End(code bool) string {
	if code {
		return "</code></pre>"
	}
	return "</pre>"
}

func newHighlighter(caching bool) *highlighter {
	return &highlighter{caching: caching, cache: map[string]string{}, formatter: chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.TabWidth(4),
		chromahtml.WithPreWrapper(preWrapper{}),
	)}
}

// write highlights code in lang. An unknown language is shown as plain,
// escaped text: a typo in a fence label must not fail the build.
func (h *highlighter) write(w io.Writer, lang, code string) {
	if !h.caching {
		io.WriteString(w, h.render(lang, code))
		return
	}
	key := lang + "\x00" + code
	h.mu.RLock()
	out, ok := h.cache[key]
	h.mu.RUnlock()
	if !ok {
		out = h.render(lang, code)
		h.mu.Lock()
		if h.cached += len(key) + len(out); h.cached > maxCached {
			h.cache, h.cached = map[string]string{}, len(key)+len(out)
		}
		h.cache[key] = out
		h.mu.Unlock()
	}
	io.WriteString(w, out)
}

func (h *highlighter) render(lang, code string) string {
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	label := ""
	if lang != "" {
		label = fmt.Sprintf(` data-lang="%s"`, html.EscapeString(lang))
	}
	if lexer == nil {
		return fmt.Sprintf(`<div class="highlight"%s><pre class="chroma" tabindex="0"><code>%s</code></pre></div>`,
			label, html.EscapeString(code))
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return fmt.Sprintf(`<div class="highlight"%s><pre class="chroma" tabindex="0"><code>%s</code></pre></div>`,
			label, html.EscapeString(code))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="highlight"%s>`, label)
	if err := h.formatter.Format(&b, styles.Get(lightStyle), it); err != nil {
		return fmt.Sprintf(`<div class="highlight"%s><pre class="chroma" tabindex="0"><code>%s</code></pre></div>`,
			label, html.EscapeString(code))
	}
	b.WriteString("</div>")
	return b.String()
}

// HighlightCSS is the stylesheet for highlighted code: the light style, and
// the dark one for readers whose system prefers dark. Each is scoped to its
// scheme, so no light colour is left in force on a dark background where the
// dark style has no rule of its own.
func HighlightCSS() []byte {
	f := chromahtml.New(chromahtml.WithClasses(true))
	var light, dark bytes.Buffer
	_ = f.WriteCSS(&light, styles.Get(lightStyle))
	_ = f.WriteCSS(&dark, styles.Get(darkStyle))
	var b bytes.Buffer
	b.WriteString("@media not all and (prefers-color-scheme: dark) {\n")
	b.Write(light.Bytes())
	b.WriteString("}\n@media (prefers-color-scheme: dark) {\n")
	b.Write(dark.Bytes())
	b.WriteString("}\n")
	return b.Bytes()
}
