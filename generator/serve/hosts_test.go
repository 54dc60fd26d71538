package serve

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestHostsAllowed(t *testing.T) {
	cases := []struct {
		addr  string
		allow []string
		host  string
		want  bool
	}{
		{"127.0.0.1:1313", nil, "localhost", true},
		{"127.0.0.1:1313", nil, "localhost:1314", true},
		{"127.0.0.1:1313", nil, "LOCALHOST.:1313", true},
		{"127.0.0.1:1313", nil, "127.0.0.1:1313", true},
		{"127.0.0.1:1313", nil, "[::1]:1313", true},
		{"127.0.0.1:1313", nil, "[::1]", true},
		{"127.0.0.1:1313", nil, "cx.localhost:1313", true},
		{"127.0.0.1:1313", nil, "evil.example", false},
		{"127.0.0.1:1313", nil, "evil.example:1313", false},
		{"127.0.0.1:1313", nil, "localhost.evil.example", false},
		{"127.0.0.1:1313", nil, "127.0.0.1.nip.io", false},
		{"127.0.0.1:1313", nil, "192.168.1.20:1313", false},
		{"127.0.0.1:1313", nil, "", false},
		{"127.0.0.1:1313", []string{"cx.dev.example"}, "cx.dev.example:1313", true},
		{"127.0.0.1:1313", []string{"CX.dev.example"}, "cx.dev.example", true},
		{"127.0.0.1:1313", []string{"cx.dev.example"}, "a.cx.dev.example", false},
		{"127.0.0.1:1313", []string{".dev.example"}, "a.dev.example", true},
		{"127.0.0.1:1313", []string{".dev.example"}, "dev.example", true},
		{"127.0.0.1:1313", []string{".dev.example"}, "evildev.example", false},
		{"mybox.lan:1313", nil, "mybox.lan:1313", true},
		{"192.168.1.20:1313", nil, "192.168.1.20:1313", true},
		{"192.168.1.20:1313", nil, "192.168.1.21:1313", false},
		{"0.0.0.0:1313", nil, "192.168.1.20:1313", true},
		{"0.0.0.0:1313", nil, "[fe80::1]:1313", true},
		{"0.0.0.0:1313", nil, "mybox.lan:1313", false},
		{":1313", nil, "10.0.0.7", true},
		{"[::]:1313", nil, "evil.example", false},
	}
	for _, c := range cases {
		if got := newHosts(c.allow, c.addr).allows(c.host); got != c.want {
			t.Errorf("--addr %s --allow-host %v: Host %q allowed = %v, want %v", c.addr, c.allow, c.host, got, c.want)
		}
	}
}

// TestForeignHostAndOriginRefused is the DNS rebinding attack: a page of
// evil.example whose name now points at 127.0.0.1 asks the dev server for
// pages, the search index and the reload stream.
func TestForeignHostAndOriginRefused(t *testing.T) {
	dir := site(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	srv := New(Options{Dir: dir, Addr: "127.0.0.1:0", AllowHosts: []string{"cx.dev.example"}, Ready: func(a string) { ready <- a }})
	go srv.Run(ctx)
	var addr string
	select {
	case addr = <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	port := addr[strings.LastIndex(addr, ":"):]

	request := func(path, host, origin string) (int, string) {
		t.Helper()
		rctx, rcancel := context.WithTimeout(ctx, 5*time.Second)
		defer rcancel()
		req, _ := http.NewRequestWithContext(rctx, "GET", "http://"+addr+path, nil)
		req.Host = host
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.Header.Get("Content-Type") == "text/event-stream" {
			return resp.StatusCode, "" // a stream: the status is the answer
		}
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	cases := []struct {
		path, host, origin string
		want               int
		wantText           string
	}{
		{"/", "evil.example", "", 403, "--allow-host evil.example"},
		{"/guide/one/", "evil.example" + port, "", 403, "--allow-host evil.example"},
		{"/search/index.js", "evil.example" + port, "", 403, "--allow-host evil.example"},
		{"/_shiftbook/events?page=/index.html", "evil.example" + port, "", 403, "--allow-host evil.example"},
		{"/_shiftbook/reload.js", "evil.example" + port, "", 403, ""},
		{"/guide/one/", "localhost" + port, "", 200, "First text"},
		{"/guide/one/", "127.0.0.1" + port, "", 200, "First text"},
		{"/guide/one/", "[::1]" + port, "", 200, "First text"},
		{"/guide/one/", "cx.dev.example" + port, "", 200, "First text"},
		{"/_shiftbook/events?page=/index.html", "localhost" + port, "", 200, ""},
		{"/_shiftbook/events?page=/index.html", "localhost" + port, "http://localhost" + port, 200, ""},
		{"/_shiftbook/events?page=/index.html", "cx.dev.example" + port, "http://cx.dev.example" + port, 200, ""},
		{"/_shiftbook/events?page=/index.html", "localhost" + port, "http://evil.example", 403, "only to its own pages"},
		{"/_shiftbook/events?page=/index.html", "localhost" + port, "http://localhost:5173", 403, "only to its own pages"},
		{"/_shiftbook/events?page=/index.html", "localhost" + port, "null", 403, "only to its own pages"},
	}
	for _, c := range cases {
		status, body := request(c.path, c.host, c.origin)
		if status != c.want || !strings.Contains(body, c.wantText) {
			t.Errorf("GET %s Host %s Origin %q: %d %.200q, want %d with %q", c.path, c.host, c.origin, status, body, c.want, c.wantText)
		}
	}
}
