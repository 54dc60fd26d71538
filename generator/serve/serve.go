// Package serve is the dev server: it builds the site into memory, serves
// it, watches the site's files, rebuilds on change from the build caches,
// and tells open browsers to reload, over server-sent events, once the new
// output is in place. A failed build keeps the last good pages and shows the
// errors over them.
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"maps"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/pipeline"
)

// Options configure the dev server.
type Options struct {
	Dir  string // the site folder
	Addr string // host:port; 127.0.0.1 unless the author says otherwise
	// AllowHosts are more names the server answers to, besides localhost,
	// the loopback addresses and the host of Addr (--allow-host). A name
	// starting with a dot allows every name under it.
	AllowHosts []string
	Drafts     bool
	Strict     bool          // warnings fail a rebuild too (--strict)
	Now        time.Time     // a fixed build clock (SOURCE_DATE_EPOCH); zero: now, at each rebuild
	Poll       time.Duration // > 0: poll the file system at this interval instead of fsnotify
	Log        io.Writer     // one line per rebuild
	// Ready, when set, is called with the address served once the first
	// build is done and the server listens.
	Ready func(addr string)
}

// Server holds the current generation of the site and the open browsers.
type Server struct {
	opts    Options
	builder *pipeline.Builder
	hosts   hosts // the Host values answered; set before serving

	mu      sync.RWMutex
	gen     *generation // last good build; nil before the first
	errs    diag.List   // errors of the latest build; nil when it was good
	clients map[*client]bool
	// rebuilds counts finished rebuilds, good or bad, for tests.
	rebuilds int
	// stopped is closed when the server stops: event streams end. Client
	// channels are never closed, so a rebuild that is still sending when
	// the server stops cannot panic.
	stopped  chan struct{}
	stopOnce sync.Once
}

// generation is one good build, its pages rendered on first request.
type generation struct {
	id    int
	built *pipeline.Prepared
	mu    sync.Mutex
	cache map[string][]byte
}

func (g *generation) file(p string) ([]byte, bool) {
	g.mu.Lock()
	b, ok := g.cache[p]
	g.mu.Unlock()
	if ok {
		return b, true
	}
	b, ok = g.built.File(p)
	if ok {
		g.mu.Lock()
		g.cache[p] = b
		g.mu.Unlock()
	}
	return b, ok
}

// client is an open page listening for events.
type client struct {
	page   string // output path of the page it shows, e.g. "vision/index.html"
	events chan event
}

type event struct {
	name string
	data any
}

// New makes a server; Run starts it.
func New(opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{opts: opts, builder: pipeline.New(), hosts: newHosts(opts.AllowHosts, opts.Addr),
		clients: map[*client]bool{}, stopped: make(chan struct{})}
}

// Run builds, listens and serves until ctx is done.
func (s *Server) Run(ctx context.Context) error {
	start := time.Now()
	s.rebuild(ctx, nil)
	if ctx.Err() != nil {
		return nil // stopped during the first build
	}
	ln, err := listen(s.opts.Addr)
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	s.hosts = newHosts(s.opts.AllowHosts, s.opts.Addr, addr)
	if _, port, _ := net.SplitHostPort(s.opts.Addr); addr != s.opts.Addr && port != "0" {
		fmt.Fprintf(s.opts.Log, "port of %s is busy; serving on %s instead\n", s.opts.Addr, addr)
	}
	fmt.Fprintf(s.opts.Log, "serving %s at http://%s/ (first build %s); Ctrl-C stops\n", s.opts.Dir, addr, time.Since(start).Round(time.Millisecond))

	dataDir := "content/data"
	if g := s.current(); g != nil {
		dataDir = g.built.Site.Config.Data.Dir
	}
	var w watcher
	if s.opts.Poll > 0 {
		w = newPollWatcher(ctx, s.opts.Dir, dataDir, s.opts.Poll)
	} else {
		nw, err := newNotifyWatcher(ctx, s.opts.Dir, dataDir)
		if err != nil {
			ln.Close()
			return fmt.Errorf("cannot watch %s: %w; try --poll", s.opts.Dir, err)
		}
		w = nw
	}
	defer w.Close()

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		s.closeClients()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	go func() {
		for b := range w.Batches() {
			s.rebuild(ctx, &b)
		}
	}()
	if s.opts.Ready != nil {
		s.opts.Ready(addr)
	}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listen binds addr; when its port is busy it tries the next ten.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil || !errors.Is(err, syscall.EADDRINUSE) {
		if err != nil {
			return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
		}
		return ln, nil
	}
	host, portText, _ := net.SplitHostPort(addr)
	var port int
	fmt.Sscan(portText, &port)
	for p := port + 1; p <= port+10 && port > 0; p++ {
		if ln, err := net.Listen("tcp", net.JoinHostPort(host, fmt.Sprint(p))); err == nil {
			return ln, nil
		}
	}
	return nil, fmt.Errorf("port %s and the ten after it are busy; pass --addr 127.0.0.1:PORT with a free port", portText)
}

func (s *Server) current() *generation {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// Rebuilds returns how many rebuilds have finished.
func (s *Server) Rebuilds() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.rebuilds
}

// rebuild builds the site again. b is nil for the first build.
func (s *Server) rebuild(ctx context.Context, b *Batch) {
	start := time.Now()
	if b != nil && b.Changes.Has(ChangeConfig) {
		s.builder = pipeline.New() // a new configuration: nothing cached holds
	}
	var seen []string
	if b != nil {
		seen = append([]string{}, b.Paths...) // what the watcher saw: no walk of content/
	}
	prepared, diags := s.builder.Prepare(ctx, pipeline.Options{
		Site: os.DirFS(s.opts.Dir), Drafts: s.opts.Drafts, LiveReload: true, NoMinify: true, DevServer: true, Strict: s.opts.Strict,
		Now: s.opts.Now, Changed: seen,
	})
	if ctx.Err() != nil {
		return // stopping: a cancelled build is no news for the open pages
	}
	what := "first build"
	if b != nil {
		what = describe(b)
	}
	if prepared == nil {
		s.fail(diags)
		s.mu.RLock()
		good := s.gen != nil
		s.mu.RUnlock()
		if good {
			fmt.Fprintf(s.opts.Log, "%s: build failed, still serving the last good pages:\n", what)
		} else {
			// Nothing built yet: there are no good pages to fall back on.
			fmt.Fprintf(s.opts.Log, "%s: build failed; pages show these errors until a save fixes them:\n", what)
		}
		for _, d := range diags {
			fmt.Fprintf(s.opts.Log, "  %s\n", d)
		}
		return
	}
	s.mu.Lock()
	old := s.gen
	id := 1
	if old != nil {
		id = old.id + 1
	}
	gen := &generation{id: id, built: prepared, cache: map[string][]byte{}}
	s.gen = gen
	hadErrors := s.errs != nil
	s.errs = nil
	s.rebuilds++
	clients := s.openClients()
	s.mu.Unlock()

	// The new output is in place: now tell each open page whether it changed.
	changed := map[string]bool{}
	cssOnly := true
	for _, c := range clients {
		if _, seen := changed[c.page]; seen {
			continue
		}
		changed[c.page] = false
		newB, ok := gen.file(c.page)
		var oldB []byte
		oldOK := false
		if old != nil {
			oldB, oldOK = old.file(c.page)
		}
		if !ok && !oldOK {
			continue // a page that is in neither: it shows the 404 page, which a reload would not change
		}
		if !ok || old == nil || sha256.Sum256(newB) != sha256.Sum256(oldB) {
			changed[c.page] = true
			if !ok || old == nil || !sameButStyles(old, gen, oldB, newB) {
				cssOnly = false
			}
		}
	}
	if old != nil && !sameFiles(old.built.Static, gen.built.Static) {
		// A picture or file of content/ or static/ changed, came or went:
		// the page's HTML may be the same, but what it shows is not. Any
		// page may show it (the theme too), so every open page reloads.
		for _, c := range clients {
			changed[c.page], cssOnly = true, false
		}
	}
	var pages []string
	for p, ch := range changed {
		if ch {
			pages = append(pages, p)
		}
	}
	for _, c := range clients {
		switch {
		case hadErrors:
			c.send(event{"ok", map[string]any{"pages": pages}})
		case changed[c.page] && cssOnly:
			c.send(event{"css", map[string]any{"styles": styles(gen)}})
		case changed[c.page]:
			c.send(event{"reload", map[string]any{"pages": pages}})
		}
	}
	st := prepared.Stats
	fmt.Fprintf(s.opts.Log, "%s: %d files parsed, %d bodies rendered, %d pages, %d reloaded, %s\n",
		what, st.FilesParsed, st.BodiesRendered, prepared.Renderer.Pages(), len(pages), time.Since(start).Round(100*time.Microsecond))
	for _, d := range diags { // warnings: the build succeeded
		fmt.Fprintf(s.opts.Log, "  %s\n", d)
	}
}

// sameFiles reports whether two builds copy the same files, with the same
// bytes, as they are.
func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for p, data := range a {
		if other, ok := b[p]; !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}

func describe(b *Batch) string {
	if len(b.Paths) == 1 {
		return b.Paths[0] + " changed"
	}
	return fmt.Sprintf("%d files changed (%s, ...)", len(b.Paths), b.Paths[0])
}

// styles lists the stylesheet URLs of a generation, root-relative.
func styles(g *generation) []string {
	var out []string
	for _, p := range g.built.Paths() {
		if strings.HasPrefix(p, "assets/") && strings.HasSuffix(p, ".css") {
			out = append(out, p)
		}
	}
	return out
}

// sameButStyles reports whether two versions of a page differ only in the
// fingerprinted names of their stylesheets: a CSS-only change, which the
// browser applies by swapping stylesheets instead of reloading.
func sameButStyles(old, cur *generation, a, b []byte) bool {
	oldStyles, newStyles := styles(old), styles(cur)
	if len(oldStyles) != len(newStyles) {
		return false
	}
	for i := range oldStyles {
		a = []byte(strings.ReplaceAll(string(a), oldStyles[i], newStyles[i]))
	}
	return string(a) == string(b)
}

// openClients lists the open pages' connections, to send to once s.mu is
// released; the caller holds s.mu.
func (s *Server) openClients() []*client {
	return slices.Collect(maps.Keys(s.clients))
}

func (s *Server) fail(diags diag.List) {
	s.mu.Lock()
	s.errs = diags
	s.rebuilds++
	clients := s.openClients()
	s.mu.Unlock()
	ev := event{"error", errorPayload(diags)}
	for _, c := range clients {
		c.send(ev)
	}
}

type errorItem struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Source  string `json:"source,omitempty"`
	Text    string `json:"text"`
}

func errorPayload(diags diag.List) map[string]any {
	items := make([]errorItem, 0, len(diags))
	for _, d := range diags {
		items = append(items, errorItem{d.Path, d.Line, d.Col, d.Message, d.Source, d.String()})
	}
	return map[string]any{"errors": items}
}

func (c *client) send(e event) {
	select {
	case c.events <- e:
	default: // a slow browser misses an event rather than stalling rebuilds
	}
}

func (s *Server) closeClients() {
	s.stopOnce.Do(func() { close(s.stopped) })
}

// ServeHTTP serves the current generation from memory.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.checkHost(w, r) {
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/_shiftbook/events":
		if !s.hosts.checkOrigin(w, r) {
			return
		}
		s.serveEvents(w, r)
		return
	case "/_shiftbook/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadJS)
		return
	}
	p, ok := outputPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad request: the path leaves the site", http.StatusBadRequest)
		return
	}
	g := s.current()
	if g == nil {
		s.serveNoSite(w)
		return
	}
	body, found := g.file(p)
	if !found && !strings.HasSuffix(p, "index.html") && path.Ext(p) == "" {
		// /vision → /vision/ when that is a page.
		if _, isDir := g.file(p + "/index.html"); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !found {
		status = http.StatusNotFound
		p = "404.html"
		if body, found = g.file(p); !found {
			http.NotFound(w, r)
			return
		}
	}
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

// outputPath maps a URL path to an output file, refusing anything that could
// leave the site: "..", backslashes, NUL, and empty segments.
func outputPath(urlPath string) (string, bool) {
	if strings.ContainsAny(urlPath, "\\\x00") || !strings.HasPrefix(urlPath, "/") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	p := strings.TrimPrefix(urlPath, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	if strings.Contains(p, "//") {
		return "", false
	}
	return p, true
}

func (s *Server) serveNoSite(w http.ResponseWriter) {
	s.mu.RLock()
	errs := s.errs
	s.mu.RUnlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head><body><main><h1>The site does not build yet</h1><p>Fix these and save; this page reloads by itself.</p><pre>`)
	for _, d := range errs {
		fmt.Fprintf(w, "%s\n", html.EscapeString(d.String()))
	}
	fmt.Fprint(w, `</pre></main><script src="/_shiftbook/reload.js"></script></body></html>`)
}

// serveEvents streams server-sent events to one page.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	page, ok := outputPath(r.URL.Query().Get("page"))
	if !ok {
		page = "index.html"
	}
	c := &client{page: page, events: make(chan event, 16)}
	s.mu.Lock()
	s.clients[c] = true
	errs := s.errs
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.clients[c] {
			delete(s.clients, c)
		}
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n")
	if errs != nil {
		writeEvent(w, event{"error", errorPayload(errs)})
	} else {
		writeEvent(w, event{"hello", map[string]any{"page": page}})
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.stopped:
			return
		case e := <-c.events:
			writeEvent(w, e)
			flusher.Flush()
		}
	}
}

func writeEvent(w io.Writer, e event) {
	data, _ := json.Marshal(e.data)
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, data)
}
