package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[-s DIR] [--addr 127.0.0.1:1313] [--allow-host NAME]... [--drafts] [--poll] [--strict]",
		"Serve the site from memory, rebuild on every save and reload open pages.\n"+
			"It answers only requests for localhost, 127.0.0.1, [::1], the --addr host and --allow-host names.", stderr)
	src := fs.String("s", ".", "the site `folder` (holding site.toml)")
	addr := fs.String("addr", "127.0.0.1:1313", "`host:port` to listen on; 127.0.0.1 keeps the site on this computer")
	var allow hostList
	fs.Var(&allow, "allow-host", "also answer requests for this host `name` (repeatable; \".example.org\" allows every name under it), for a name that points at this computer")
	drafts := fs.Bool("drafts", false, "include pages marked draft = true (they are marked as drafts)")
	poll := fs.Bool("poll", false, "poll for changes every 500ms, for folders where change events do not arrive (network shares, some containers)")
	strict := fs.Bool("strict", false, "treat warnings as errors: a rebuild with warnings is not served")
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	dir, err := siteFS(*src)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook serve: %v\n", err)
		return exitUsage
	}
	if _, err := os.Stat(filepath.Join(dir, parse.ConfigFile)); errors.Is(err, iofs.ErrNotExist) {
		// Nothing to serve, not even an error page worth a browser.
		fmt.Fprintf(stderr, "shiftbook serve: %s has no %s; run serve in a site folder, pass -s DIR, or start a site with \"shiftbook new site DIR\"\n", *src, parse.ConfigFile)
		return exitContent
	}
	now, err := buildClock()
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook serve: %v\n", err)
		return exitUsage
	}
	opts := serve.Options{Dir: dir, Addr: *addr, AllowHosts: allow, Drafts: *drafts, Strict: *strict, Log: stdout, Now: now}
	if *poll {
		opts.Poll = 500 * time.Millisecond
	}
	if err := serve.New(opts).Run(ctx); err != nil {
		fmt.Fprintf(stderr, "shiftbook serve: %v\n", err)
		return exitContent
	}
	if ctx.Err() != nil {
		return stopped(stderr, "serve", "")
	}
	return exitOK
}

// hostList collects the repeated --allow-host values.
type hostList []string

func (l *hostList) String() string { return strings.Join(*l, ", ") }

func (l *hostList) Set(name string) error {
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, "/ \t") {
		return fmt.Errorf("%q is not a host name; write the name alone, such as --allow-host cx.dev.example", name)
	}
	*l = append(*l, name)
	return nil
}
