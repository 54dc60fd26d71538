package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/serve"
)

// startDevServer runs the dev server on the site in dir until the test
// ends, and gives its address ("http://127.0.0.1:PORT", no trailing slash).
func startDevServer(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ready := make(chan string, 1)
	go serve.New(serve.Options{Dir: dir, Addr: "127.0.0.1:0", Log: io.Discard, Ready: func(a string) { ready <- a }}).Run(ctx)
	var addr string
	select {
	case addr = <-ready:
	case <-time.After(30 * time.Second):
		t.Fatal("dev server did not start")
	}
	if !strings.HasPrefix(addr, "http") {
		addr = "http://" + addr
	}
	return strings.TrimSuffix(addr, "/")
}
