//go:build unix

package main

// Ctrl-C and SIGTERM: every command that works on a whole site stops within
// a second at any stage, removes what it staged, leaves its output as it
// was, and exits 128 + the signal. These tests run this test binary again as
// the shiftbook program (TestMain calls main), so real signals reach the
// real signal handling.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	if os.Getenv("SHIFTBOOK_TEST_MAIN") == "1" {
		main() // the child process: os.Args are shiftbook's
		return
	}
	code := m.Run()
	noteSkippedJudges()
	os.Exit(code)
}

// codeSite writes n pages with two highlighted code blocks each: the link
// stage (markdown and highlighting) takes most of its build. Each page is
// a few milliseconds of work, so that the pages in hand when the signal
// comes end soon even on a machine busy with other work.
func codeSite(t *testing.T, dir string, n int) {
	t.Helper()
	var code strings.Builder
	for i := range 8 {
		fmt.Fprintf(&code, "func step%d(x int) (int, error) { if x > %d { return x * %d, nil }; return 0, fmt.Errorf(\"bad %%d\", x) }\n", i, i, i)
	}
	writeSite(t, dir, n, func(i int) string {
		return fmt.Sprintf("## Part one\n\nText of page %d.\n\n```go\n%s```\n\n## Part two\n\n```go\n%s```\n", i, code.String(), code.String())
	})
}

// wideSite writes n short pages: the link stage is short and writing the
// pages (the render stage) takes most of the build.
func wideSite(t *testing.T, dir string, n int) {
	t.Helper()
	writeSite(t, dir, n, func(i int) string { return fmt.Sprintf("## Part one\n\nText of page %d.\n", i) })
}

func writeSite(t *testing.T, dir string, n int, body func(i int) string) {
	t.Helper()
	files := map[string]string{"site.toml": "title = \"Big\"\nversion = \"2026.1\"\n", "content/_index.md": "+++\ntitle = \"Home\"\n+++\nHome.\n"}
	for i := range n {
		files[fmt.Sprintf("content/s%d/p%d.md", i/50, i)] = fmt.Sprintf("+++\ntitle = \"Page %d\"\n+++\n%s", i, body(i))
	}
	writeFiles(t, dir, files)
}

// snapshot lists every file and folder under dir with its mode and content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = info.Mode().String()
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] += " " + string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// child is the shiftbook program running in another process.
type child struct {
	cmd    *exec.Cmd
	done   chan struct{}
	mu     sync.Mutex
	stdout bytes.Buffer
	stderr bytes.Buffer
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], args...), done: make(chan struct{})}
	c.cmd.Env = append(os.Environ(), "SHIFTBOOK_TEST_MAIN=1", "GOMAXPROCS=2")
	c.cmd.Stdout = lockedWriter{&c.mu, &c.stdout}
	c.cmd.Stderr = lockedWriter{&c.mu, &c.stderr}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.cmd.Wait(); close(c.done) }()
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			c.cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

func (c *child) output() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stdout.String() + c.stderr.String()
}

func (c *child) running() bool {
	select {
	case <-c.done:
		return false
	default:
		return true
	}
}

// waitUntil polls cond until it holds or the child ends; it reports whether
// the child is still running with cond true.
func (c *child) waitUntil(cond func() bool, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) && c.running() {
		if cond() {
			return c.running()
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// stop sends sig and fails unless the child ends within a second with
// 128 + sig. It returns false, failing nothing, when the child had
// finished its work and exited 0 before the signal reached it (a race
// the caller answers with a larger site).
func (c *child) stop(t *testing.T, sig syscall.Signal) bool {
	t.Helper()
	sent := time.Now()
	if err := c.cmd.Process.Signal(sig); err != nil {
		if errors.Is(err, os.ErrProcessDone) {
			// It ended between the last look and the signal (seen on a
			// loaded machine): done before the signal, as the caller
			// learns from false.
			<-c.done
			return false
		}
		t.Fatal(err)
	}
	select {
	case <-c.done:
	case <-time.After(time.Second):
		// Where it is: SIGQUIT makes a Go program print every goroutine.
		c.cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-c.done:
		case <-time.After(2 * time.Second):
			c.cmd.Process.Kill()
			<-c.done
		}
		var stacks []string
		for _, line := range strings.Split(c.output(), "\n") {
			if strings.HasPrefix(line, "goroutine ") || strings.Contains(line, "shiftbook/") {
				stacks = append(stacks, line)
			}
		}
		t.Fatalf("still running 1 s after %v; its goroutines:\n%s", sig, strings.Join(stacks, "\n"))
	}
	took := time.Since(sent)
	if c.cmd.ProcessState.ExitCode() == 0 && !strings.Contains(c.output(), "stopped") {
		return false
	}
	if got, want := c.cmd.ProcessState.ExitCode(), 128+int(sig); got != want {
		t.Fatalf("exit status %d after %v, want %d; output:\n%s", got, sig, want, c.output())
	}
	if !strings.Contains(c.output(), "stopped") {
		t.Errorf("nothing says the command stopped; output:\n%s", c.output())
	}
	t.Logf("%v: stopped in %s", sig, took.Round(time.Millisecond))
	return true
}

// stagedPages counts the pages written into a staging folder in dir.
func stagedPages(dir string) int {
	n := 0
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && strings.Contains(e.Name(), "staging") {
			filepath.WalkDir(filepath.Join(dir, e.Name()), func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.Name() == "index.html" {
					n++
				}
				return nil
			})
		}
	}
	return n
}

// interrupt runs one case: makes a site of n pages, starts the command,
// waits for the moment to signal, signals and checks. When the command
// finished before that moment (a fast machine), it tries again with a
// site twice as large.
func interrupt(t *testing.T, n int, makeSite func(*testing.T, string, int), prepare func(t *testing.T, work, site string) (args []string, ready func(*child) bool, check func()), sig syscall.Signal) {
	t.Helper()
	for range 4 {
		work := t.TempDir()
		site := filepath.Join(work, "site")
		makeSite(t, site, n)
		args, ready, check := prepare(t, work, site)
		c := startChild(t, args...)
		// serve says "serving" once its first build is done.
		served := func() bool { return strings.Contains(c.output(), "serving ") }
		came := c.waitUntil(func() bool { return ready(c) || served() }, 60*time.Second)
		if served() || !c.running() && c.cmd.ProcessState.ExitCode() == 0 {
			t.Logf("%d pages: done before the signal; trying a larger site", n)
			n *= 2
			continue // the cleanup stops a child still serving
		}
		if !came {
			t.Fatalf("the moment to signal never came; output:\n%s", c.output())
		}
		if !c.stop(t, sig) {
			t.Logf("%d pages: done as the signal was sent; trying a larger site", n)
			n *= 2
			continue
		}
		check()
		return
	}
	t.Fatal("every site built before the signal")
}

// busy is the moment d after the start, once the child has also worked
// for a while: on a machine busy with other work a process may take long
// to start at all, and a signal before it listens for signals would end it
// as any program ends, not as shiftbook stops.
func busy(d time.Duration) func(c *child) bool {
	start := time.Now()
	return func(c *child) bool { return time.Since(start) >= d && c.cpu() >= 300*time.Millisecond }
}

// cpu is the processor time the child has used, from /proc; where there is
// no /proc it reports enough.
func (c *child) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.cmd.Process.Pid))
	if err != nil {
		return time.Hour
	}
	// Fields after the command name (in parentheses): utime and stime
	// are the 12th and 13th, in clock ticks (100 a second on Linux).
	fields := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(fields) < 13 {
		return time.Hour
	}
	var utime, stime int64
	fmt.Sscan(fields[11], &utime)
	fmt.Sscan(fields[12], &stime)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// oldOutput fills dir with an earlier build and returns a check that it is
// still there, unchanged, with nothing left beside it.
func oldOutput(t *testing.T, parent, name string) func() {
	t.Helper()
	dir := filepath.Join(parent, name)
	for p, text := range map[string]string{"index.html": "the old home\n", "s0/p0/index.html": "an old page\n"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644)
	}
	before, beside := snapshot(t, dir), names(t, parent)
	return func() {
		if after := snapshot(t, dir); !maps.Equal(before, after) {
			t.Errorf("the output changed:\nbefore %v\nafter  %v", before, after)
		}
		if now := names(t, parent); !slices.Equal(beside, now) {
			t.Errorf("left beside the output: %v, want %v", now, beside)
		}
	}
}

func TestSignalStopsBuild(t *testing.T) {
	cases := []struct {
		name  string
		pages int
		site  func(*testing.T, string, int)
		sig   syscall.Signal
		when  func(out string) func(*child) bool
	}{
		{"SIGINT while rendering bodies", 1000, codeSite, syscall.SIGINT, func(string) func(*child) bool { return busy(time.Second) }},
		{"SIGTERM while rendering bodies", 1000, codeSite, syscall.SIGTERM, func(string) func(*child) bool { return busy(time.Second) }},
		{"SIGINT while writing pages", 1500, wideSite, syscall.SIGINT, func(out string) func(*child) bool {
			return func(*child) bool { return stagedPages(filepath.Dir(out)) >= 20 }
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			interrupt(t, c.pages, c.site, func(t *testing.T, work, site string) ([]string, func(*child) bool, func()) {
				parent := filepath.Join(work, "out")
				os.Mkdir(parent, 0o755)
				check := oldOutput(t, parent, "public")
				out := filepath.Join(parent, "public")
				return []string{"build", "-s", site, "-o", out}, c.when(out), check
			}, c.sig)
		})
	}
}

func TestSignalStopsCheck(t *testing.T) {
	interrupt(t, 1000, codeSite, func(t *testing.T, work, site string) ([]string, func(*child) bool, func()) {
		return []string{"check", "-s", site}, busy(time.Second), func() {}
	}, syscall.SIGINT)
}

func TestSignalStopsPublish(t *testing.T) {
	interrupt(t, 1000, codeSite, func(t *testing.T, work, site string) ([]string, func(*child) bool, func()) {
		// An edition published earlier, from a small site.
		small := filepath.Join(work, "small")
		wideSite(t, small, 3)
		parent := filepath.Join(work, "www")
		dest := filepath.Join(parent, "cx")
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"publish", "-s", small, "--dest", dest, "--version", "2026.0"}, &stdout, &stderr); code != 0 {
			t.Fatalf("first publish: %s", stderr.String())
		}
		before, beside := snapshot(t, dest), names(t, parent)
		return []string{"publish", "-s", site, "--dest", dest}, busy(time.Second), func() {
			if !maps.Equal(before, snapshot(t, dest)) {
				t.Error("the published tree changed")
			}
			if now := names(t, parent); !slices.Equal(beside, now) {
				t.Errorf("left beside DEST: %v, want %v", now, beside)
			}
		}
	}, syscall.SIGINT)
}

func TestSignalStopsServe(t *testing.T) {
	t.Run("SIGINT during the first build", func(t *testing.T) {
		// serve builds faster (no minifying, pages made when asked for).
		interrupt(t, 4000, codeSite, func(t *testing.T, work, site string) ([]string, func(*child) bool, func()) {
			return []string{"serve", "-s", site, "--addr", "127.0.0.1:0"}, busy(time.Second), func() {}
		}, syscall.SIGINT)
	})
	t.Run("SIGTERM while serving", func(t *testing.T) {
		site := filepath.Join(t.TempDir(), "site")
		wideSite(t, site, 3)
		c := startChild(t, "serve", "-s", site, "--addr", "127.0.0.1:0")
		if !c.waitUntil(func() bool { return strings.Contains(c.output(), "serving ") }, 30*time.Second) {
			t.Fatalf("serve did not start; output:\n%s", c.output())
		}
		if !c.stop(t, syscall.SIGTERM) {
			t.Fatalf("serve ended by itself, with 0; output:\n%s", c.output())
		}
	})
}
