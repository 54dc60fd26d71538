package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/serve"
)

// syncBuffer is a log that the server writes while the test reads.
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

// TestOnePageCount: build, check and serve count the same pages: every HTML
// page, the generated ones (glossary, tags, book, ...) included.
func TestOnePageCount(t *testing.T) {
	var out, errb bytes.Buffer
	dir := filepath.Join(t.TempDir(), "public")
	if code := run(context.Background(), []string{"build", "-s", "../..", "-o", dir}, &out, &errb); code != 0 {
		t.Fatalf("build: %s", errb.String())
	}
	built := regexp.MustCompile(`built (\d+) pages`).FindStringSubmatch(out.String())
	if built == nil {
		t.Fatalf("build said %q", out.String())
	}
	onDisk := 0
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".html") {
			onDisk++
		}
		return nil
	})
	out.Reset()
	if code := run(context.Background(), []string{"check", "-s", "../.."}, &out, &errb); code != 0 {
		t.Fatalf("check: %s", errb.String())
	}
	checked := regexp.MustCompile(`ok: (\d+) pages`).FindStringSubmatch(out.String())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := &syncBuffer{}
	ready := make(chan string, 1)
	abs, _ := filepath.Abs("../..")
	go serve.New(serve.Options{Dir: abs, Addr: "127.0.0.1:0", Log: log, Ready: func(a string) { ready <- a }}).Run(ctx)
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
		t.Fatal("dev server did not start")
	}
	var served []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if served = regexp.MustCompile(`(\d+) pages`).FindStringSubmatch(log.String()); served != nil {
			break
		}
	}
	if served == nil {
		t.Fatalf("serve logged no page count: %q", log.String())
	}
	if built[1] != served[1] || checked == nil || checked[1] != built[1] || built[1] != strconv.Itoa(onDisk) {
		t.Errorf("build says %s pages, check %v, serve %s, and %d HTML files were written", built[1], checked, served[1], onDisk)
	}
}
