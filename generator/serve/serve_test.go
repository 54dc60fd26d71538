package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// site writes a small site into a temp folder.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":                 "title = \"Test\"\n",
		"content/_index.md":         "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
		"content/guide/_index.md":   "+++\ntitle = \"Guide\"\n+++\nThe guide.\n",
		"content/guide/one.md":      "+++\ntitle = \"Page one\"\n+++\nFirst text.\n",
		"content/guide/two.md":      "+++\ntitle = \"Page two\"\n+++\nSecond text, see [one](one.md).\n",
		"content/data/nps.csv":      "date,value\n2026-01-31,40\n2026-02-28,42\n",
		"content/metrics/_index.md": "+++\ntitle = \"Metrics\"\n+++\n",
		"content/metrics/nps.md":    "+++\ntitle = \"NPS\"\nmetric = \"nps\"\ndirection = \"up\"\ntarget = 45\ndata = \"nps.csv\"\n+++\nNow {{< metric \"nps\" >}}.\n",
	}
	for name, text := range files {
		write(t, dir, name, text)
	}
	return dir
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// saveAtomically saves as vim, VS Code and JetBrains do: write a temp file
// beside the original and rename it over.
func saveAtomically(t *testing.T, dir, name, text string) {
	t.Helper()
	tmp := filepath.Join(dir, filepath.Dir(name), ".~"+filepath.Base(name)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

type running struct {
	srv  *Server
	base string
}

func start(t *testing.T, dir string, poll time.Duration) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	srv := New(Options{Dir: dir, Addr: "127.0.0.1:0", Poll: poll, Ready: func(a string) { ready <- a }})
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop")
		}
	})
	select {
	case a := <-ready:
		return &running{srv: srv, base: "http://" + a}
	case err := <-done:
		t.Fatalf("server stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	return nil
}

func (r *running) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(r.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls until the page at path contains want.
func (r *running) waitFor(t *testing.T, path, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if _, body := r.get(t, path); strings.Contains(body, want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	_, body := r.get(t, path)
	t.Fatalf("%s never contained %q; last body:\n%.600s", path, want, body)
}

// events subscribes to the server-sent events of a page.
type events struct {
	ch chan sse
}

type sse struct {
	name string
	data map[string]any
}

func (r *running) subscribe(t *testing.T, page string) *events {
	t.Helper()
	req, _ := http.NewRequest("GET", r.base+"/_shiftbook/events?page="+page, nil)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	e := &events{ch: make(chan sse, 32)}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				var d map[string]any
				_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &d)
				e.ch <- sse{name, d}
			}
		}
	}()
	if first := e.next(t); first.name != "hello" && first.name != "error" {
		t.Fatalf("first event %q, want hello", first.name)
	}
	return e
}

func (e *events) next(t *testing.T) sse {
	t.Helper()
	select {
	case ev := <-e.ch:
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event")
	}
	return sse{}
}

func TestWatchReloads(t *testing.T) {
	cases := []struct {
		name    string
		page    string // output path the browser shows
		url     string
		change  func(t *testing.T, dir string)
		want    string
		wantEvt string
	}{
		{"plain write", "guide/one/index.html", "/guide/one/", func(t *testing.T, dir string) {
			write(t, dir, "content/guide/one.md", "+++\ntitle = \"Page one\"\n+++\nPlainWriteText.\n")
		}, "PlainWriteText", "reload"},
		{"atomic rename save", "guide/one/index.html", "/guide/one/", func(t *testing.T, dir string) {
			saveAtomically(t, dir, "content/guide/one.md", "+++\ntitle = \"Page one\"\n+++\nRenamedSaveText.\n")
		}, "RenamedSaveText", "reload"},
		{"new folder with a new page", "index.html", "/", func(t *testing.T, dir string) {
			write(t, dir, "content/extra/_index.md", "+++\ntitle = \"ExtraSection\"\n+++\n")
		}, "ExtraSection", "reload"},
		{"delete", "guide/index.html", "/guide/two/", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "content/guide/one.md"))
			write(t, dir, "content/guide/two.md", "+++\ntitle = \"Page two\"\n+++\nNo link now.\n")
		}, "No link now", ""},
		{"data file edit", "metrics/nps/index.html", "/metrics/nps/", func(t *testing.T, dir string) {
			write(t, dir, "content/data/nps.csv", "date,value\n2026-01-31,40\n2026-02-28,42\n2026-03-31,47.5\n")
		}, "47.5", "reload"},
		{"theme edit", "guide/one/index.html", "/guide/one/", func(t *testing.T, dir string) {
			write(t, dir, "themes/default/layouts/partials/pager.html", "<p>ThemePagerEdit</p>")
		}, "ThemePagerEdit", "reload"},
		{"site.toml edit", "guide/one/index.html", "/guide/one/", func(t *testing.T, dir string) {
			write(t, dir, "site.toml", "title = \"RenamedSiteTitle\"\n")
		}, "RenamedSiteTitle", "reload"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := site(t)
			r := start(t, dir, 0)
			ev := r.subscribe(t, "/"+tc.page)
			tc.change(t, dir)
			r.waitFor(t, tc.url, tc.want)
			if tc.name == "delete" {
				if code, _ := r.get(t, "/guide/one/"); code != 404 {
					t.Fatalf("deleted page still served: %d", code)
				}
			}
			if tc.wantEvt != "" {
				got := ev.next(t)
				if got.name != tc.wantEvt {
					t.Fatalf("event %q, want %q", got.name, tc.wantEvt)
				}
				pages, _ := got.data["pages"].([]any)
				if len(pages) == 0 || pages[0] != tc.page {
					t.Fatalf("reload names %v, want %s", pages, tc.page)
				}
			}
		})
	}
}

// TestStaticFolderWatched: a static/ folder made while serving is watched
// (real fsnotify events): its new file is served at the root and fixes the
// page's link; an edit of it reloads the open page, whose HTML is the
// same; deleting it is the link's error again, naming where it goes.
func TestStaticFolderWatched(t *testing.T) {
	dir := site(t)
	write(t, dir, "content/_index.md", "+++\ntitle = \"Home\"\n+++\n![Logo](/img/logo.png)\n")
	r := start(t, dir, 0)
	ev := r.subscribe(t, "/index.html") // the first build failed: the link goes nowhere
	write(t, dir, "static/img/logo.png", "logo one")
	if got := ev.next(t); got.name != "ok" {
		t.Fatalf("event %q after static/ was made, want ok", got.name)
	}
	if code, body := r.get(t, "/img/logo.png"); code != 200 || body != "logo one" {
		t.Fatalf("/img/logo.png: %d %q", code, body)
	}
	saveAtomically(t, dir, "static/img/logo.png", "logo two")
	got := ev.next(t)
	if pages, _ := got.data["pages"].([]any); got.name != "reload" || len(pages) != 1 || pages[0] != "index.html" {
		t.Fatalf("event %q naming %v after the file was edited, want reload of index.html", got.name, got.data["pages"])
	}
	if _, body := r.get(t, "/img/logo.png"); body != "logo two" {
		t.Fatalf("/img/logo.png after the edit: %q", body)
	}
	os.Remove(filepath.Join(dir, "static/img/logo.png"))
	got = ev.next(t)
	if got.name != "error" {
		t.Fatalf("event %q after the file was deleted, want error", got.name)
	}
	errs, _ := got.data["errors"].([]any)
	if len(errs) == 0 || !strings.Contains(errs[0].(map[string]any)["text"].(string), "content/_index.md:4:1: link to /img/logo.png, which is neither a page nor a file of the site; put the file at static/img/logo.png") {
		t.Fatalf("errors %v", errs)
	}
}

func TestOneEditReparsesOneFile(t *testing.T) {
	dir := site(t)
	r := start(t, dir, 0)
	before := r.srv.Rebuilds()
	write(t, dir, "content/guide/two.md", "+++\ntitle = \"Page two\"\n+++\nEdited once.\n")
	r.waitFor(t, "/guide/two/", "Edited once")
	if r.srv.Rebuilds() != before+1 {
		t.Fatalf("%d rebuilds for one save, want 1", r.srv.Rebuilds()-before)
	}
	st := r.srv.current().built.Stats
	if st.FilesParsed != 1 || st.BodiesRendered != 1 {
		t.Fatalf("parsed %d files and rendered %d bodies, want 1 and 1", st.FilesParsed, st.BodiesRendered)
	}
}

func TestTitleChangeReachesEveryPage(t *testing.T) {
	dir := site(t)
	r := start(t, dir, 0)
	write(t, dir, "content/guide/two.md", "+++\ntitle = \"Renamed second\"\n+++\nSecond text.\n")
	r.waitFor(t, "/guide/two/", "Renamed second")
	for _, u := range []string{"/guide/", "/guide/one/"} {
		if _, body := r.get(t, u); !strings.Contains(body, "Renamed second") {
			t.Errorf("%s does not show the new title in its navigation", u)
		}
	}
}

func TestErrorOverlayAndRecovery(t *testing.T) {
	dir := site(t)
	r := start(t, dir, 0)
	ev := r.subscribe(t, "/guide/one/index.html")
	write(t, dir, "content/guide/one.md", "+++\ntitle = \"Page one\nbroken\n+++\nText.\n")
	got := ev.next(t)
	if got.name != "error" {
		t.Fatalf("event %q, want error", got.name)
	}
	errs := got.data["errors"].([]any)
	first := errs[0].(map[string]any)
	if first["path"] != "content/guide/one.md" || first["line"].(float64) != 2 {
		t.Fatalf("error at %v:%v, want content/guide/one.md:2", first["path"], first["line"])
	}
	if !strings.Contains(first["text"].(string), "content/guide/one.md:2:") {
		t.Fatalf("error text %q lacks path:line:col", first["text"])
	}
	// The last good page is still served.
	if code, body := r.get(t, "/guide/one/"); code != 200 || !strings.Contains(body, "First text") {
		t.Fatalf("last good page not served: %d", code)
	}
	write(t, dir, "content/guide/one.md", "+++\ntitle = \"Page one\"\n+++\nFixedText.\n")
	got = ev.next(t)
	if got.name != "ok" {
		t.Fatalf("event %q, want ok", got.name)
	}
	r.waitFor(t, "/guide/one/", "FixedText")
}

func TestCSSOnlyChangeSwapsStyles(t *testing.T) {
	dir := site(t)
	css, err := os.ReadFile(filepath.Join("..", "..", "themes", "default", "assets", "css", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	r := start(t, dir, 0)
	ev := r.subscribe(t, "/guide/one/index.html")
	write(t, dir, "themes/default/assets/css/site.css", string(css)+"\n.test-only{color:red}\n")
	got := ev.next(t)
	if got.name != "css" {
		t.Fatalf("event %q, want css", got.name)
	}
}

func TestPollWatcher(t *testing.T) {
	dir := site(t)
	r := start(t, dir, 50*time.Millisecond)
	write(t, dir, "content/guide/one.md", "+++\ntitle = \"Page one\"\n+++\nPolledChange here.\n")
	r.waitFor(t, "/guide/one/", "PolledChange")
}

func TestServing(t *testing.T) {
	dir := site(t)
	write(t, dir, "content/guide/draft.md", "+++\ntitle = \"Secret draft\"\ndraft = true\n+++\nDraft text.\n")
	r := start(t, dir, 0)
	cases := []struct {
		path     string
		status   int
		ctype    string
		contains string
	}{
		{"/", 200, "text/html", "Welcome"},
		{"/guide/one/", 200, "text/html", "/_shiftbook/reload.js"},
		{"/sitemap.xml", 404, "text/html", "Page not found"}, // no baseURL: no sitemap, as a build writes none
		{"/no/such/page/", 404, "text/html", "Page not found"},
		{"/guide/draft/", 404, "text/html", ""},
		{"/../site.toml", 400, "", ""},
		{"/%2e%2e/site.toml", 400, "", ""},
		{"/guide/..%2f..%2fsite.toml", 400, "", ""},
		{"/guide\\..\\site.toml", 400, "", ""},
		{"/_shiftbook/reload.js", 200, "text/javascript", "EventSource"},
	}
	for _, tc := range cases {
		req, _ := http.NewRequest("GET", r.base, nil)
		req.URL.RawPath = ""
		req.URL.Opaque = tc.path // sent as written, not cleaned by the client
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.ctype) {
			t.Errorf("%s: content type %q, want %s", tc.path, resp.Header.Get("Content-Type"), tc.ctype)
		}
		if !strings.Contains(string(body), tc.contains) {
			t.Errorf("%s: body lacks %q", tc.path, tc.contains)
		}
		if strings.Contains(string(body), "title = \"Test\"") {
			t.Errorf("%s: served site.toml", tc.path)
		}
	}
}

// The dev server does not warn of a missing baseURL, normal on this
// computer, on its first build nor on any rebuild; with baseURL it serves
// the sitemap a build writes.
func TestNoBaseURLWarning(t *testing.T) {
	dir := site(t)
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	srv := New(Options{Dir: dir, Addr: "127.0.0.1:0", Log: &log, Ready: func(a string) { ready <- a }})
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	r := &running{srv: srv, base: "http://" + <-ready}
	write(t, dir, "content/guide/one.md", "+++\ntitle = \"Page one\"\n+++\nEdited.\n")
	r.waitFor(t, "/guide/one/", "Edited")
	write(t, dir, "site.toml", "title = \"Test\"\nbaseURL = \"https://cx.example.com/\"\n")
	r.waitFor(t, "/sitemap.xml", "<loc>https://cx.example.com/guide/one/</loc>")
	cancel()
	<-done
	if strings.Contains(log.String(), "baseURL") {
		t.Errorf("the dev server warned of baseURL:\n%s", log.String())
	}
}

// syncBuffer is a bytes.Buffer the server's goroutines may write to while
// the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestDraftsMarked(t *testing.T) {
	dir := site(t)
	write(t, dir, "content/guide/draft.md", "+++\ntitle = \"Secret draft\"\ndraft = true\n+++\nDraft text.\n")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	srv := New(Options{Dir: dir, Addr: "127.0.0.1:0", Drafts: true, Ready: func(a string) { ready <- a }})
	go srv.Run(ctx)
	base := "http://" + <-ready
	resp, err := http.Get(base + "/guide/draft/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "draft-banner") {
		t.Fatalf("draft page: status %d, banner shown: %v", resp.StatusCode, strings.Contains(string(body), "draft-banner"))
	}
}

func TestBusyPortMovesOn(t *testing.T) {
	dir := site(t)
	first := start(t, dir, 0)
	addr := strings.TrimPrefix(first.base, "http://")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	srv := New(Options{Dir: dir, Addr: addr, Ready: func(a string) { ready <- a }})
	go srv.Run(ctx)
	select {
	case got := <-ready:
		if got == addr {
			t.Fatalf("second server claims the busy %s", addr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("second server did not start")
	}
}
