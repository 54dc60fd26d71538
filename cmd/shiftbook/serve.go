package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/shiftbook/shiftbook/generator/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[-s DIR] [--addr 127.0.0.1:1313] [--drafts] [--poll]",
		"Serve the site from memory, rebuild on every save and reload open pages.", stderr)
	src := fs.String("s", ".", "the site `folder` (holding site.toml)")
	addr := fs.String("addr", "127.0.0.1:1313", "`host:port` to listen on; 127.0.0.1 keeps the site on this computer")
	drafts := fs.Bool("drafts", false, "include pages marked draft = true (they are marked as drafts)")
	poll := fs.Bool("poll", false, "poll for changes every 500ms, for folders where change events do not arrive (network shares, some containers)")
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	dir, err := siteFS(*src)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook serve: %v\n", err)
		return exitUsage
	}
	opts := serve.Options{Dir: dir, Addr: *addr, Drafts: *drafts, Log: stdout}
	if *poll {
		opts.Poll = 500 * time.Millisecond
	}
	if err := serve.New(opts).Run(ctx); err != nil {
		fmt.Fprintf(stderr, "shiftbook serve: %v\n", err)
		return exitContent
	}
	return exitOK
}
