package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/pipeline"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the site has errors an author can fix
	exitUsage   = 2 // the command line is wrong
	// exitStopped is a command stopped by Ctrl-C (128 + SIGINT); main
	// reports 128 + the signal that came, so SIGTERM gives 143.
	exitStopped = 130
)

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "[-s DIR] [-o DIR] [--drafts] [--strict]", "build the site into a folder (default public/)", runBuild},
		{"serve", "[-s DIR] [--addr HOST:PORT]", "serve the site with live reload while you write", runServe},
		{"check", "[-s DIR] [--drafts] [--strict] [--format F]", "validate everything, write nothing", runCheck},
		{"publish", "[-s DIR] --dest DIR [--version V]", "publish an edition, keeping earlier ones (--list, --delete V)", runPublish},
		{"new", newArgs, "start a site, or a page from its kind's template", runNew},
		{"version", "", "print the version", runVersion},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "shiftbook builds a customer-experience microsite from markdown and live metric data.")
	fmt.Fprintln(w, "\nUsage:\n  shiftbook COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %-34s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"shiftbook COMMAND --help\" for a command's flags.")
}

// run is the whole program: it parses args, runs a command and returns the
// exit status. It never calls os.Exit, so tests drive it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	fmt.Fprintf(stderr, "shiftbook: unknown command %q%s\n\n", args[0], diag.DidYouMean(args[0], names, ""))
	usage(stderr)
	return exitUsage
}

// newFlags makes a flag set that prints its usage in the house style.
func newFlags(name, argsHelp, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: shiftbook %s %s\n\n%s\n\nFlags:\n", name, argsHelp, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses, accepting --flag as well as -flag. It returns the exit
// status to stop with, or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) int {
	if code := parseQuietly(fs, args, stdout); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "shiftbook %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	return -1
}

// parseQuietly parses once. The flag package prints the usage itself on
// -help and on errors; it is kept quiet during Parse so that --help prints
// once, to stdout, and an error once, to the flag set's output. It returns
// the exit status to stop with, or -1 to go on.
func parseQuietly(fs *flag.FlagSet, args []string, stdout io.Writer) int {
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if err == nil {
		return -1
	}
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	fs.Usage()
	return exitUsage
}

// shownSite is the site folder as the github and json formats name files
// from it: relative to the working folder when it is inside it (GitHub
// annotates paths from the repository's root), slash separated.
func shownSite(dir string) string {
	if filepath.IsAbs(dir) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				dir = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(dir))
}

// stopped says that a command stopped when asked to (Ctrl-C, SIGTERM)
// before it finished, and that what it writes to is as it was.
func stopped(stderr io.Writer, name, unchanged string) int {
	if unchanged != "" {
		fmt.Fprintf(stderr, "shiftbook %s: stopped; %s is as it was\n", name, unchanged)
	} else {
		fmt.Fprintf(stderr, "shiftbook %s: stopped\n", name)
	}
	return exitStopped
}

func siteFS(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("site folder %s does not exist; pass -s with the folder that holds site.toml", dir)
	}
	if err != nil {
		return "", fmt.Errorf("site folder %s: %w", dir, err)
	}
	if !info.IsDir() {
		return "", fmt.Errorf("site folder %s is not a folder", dir)
	}
	return abs, nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[-s DIR] [-o DIR] [--drafts] [--strict] [--all] [--compare DIR]", "Build the site into a folder. The folder is replaced only when the build succeeds.", stderr)
	src := fs.String("s", ".", "the site `folder` (holding site.toml)")
	out := fs.String("o", "", "the output `folder` (default DIR/public)")
	drafts := fs.Bool("drafts", false, "include pages marked draft = true")
	rep := reportFlags(fs)
	compare := fs.String("compare", "", "an earlier build's `folder` (holding its manifest.json): /changes/ lists what changed since")
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	dir, err := siteFS(*src)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook build: %v\n", err)
		return exitUsage
	}
	prev, err := readPrevious(*compare)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook build: --compare: %v\n", err)
		return exitUsage
	}
	if *out == "" {
		*out = filepath.Join(dir, "public")
	}
	now, bad := clockDiag()
	if bad != nil {
		rep.print(stdout, stderr, bad)
		return exitContent
	}
	res, diags := pipeline.ToDir(ctx, pipeline.Options{Site: os.DirFS(dir), Drafts: *drafts, Previous: prev, Strict: rep.strict,
		Now: now, MemoryLimit: memoryLimit}, *out)
	if res == nil && ctx.Err() != nil {
		return stopped(stderr, "build", *out)
	}
	if rep.print(stdout, stderr, diags) {
		return exitContent
	}
	s := res.Stats
	fmt.Fprintf(stdout, "built %d pages into %s in %s\n", s.PagesRendered, *out, s.Duration.Round(1e6))
	return exitOK
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[-s DIR] [--drafts] [--strict] [--all] [--format F] [--fix] [--owner NAME] [--translations]", "Check the whole site (front matter, links, terms, metrics, data, templates) and write nothing.", stderr)
	src := fs.String("s", ".", "the site `folder` (holding site.toml)")
	drafts := fs.Bool("drafts", false, "check pages marked draft = true as well")
	rep := reportFlags(fs)
	rep.formatFlag(fs)
	fix := fs.Bool("fix", false, "make the changes the tool is certain of (an anchor in another case or id style), print each, then check again")
	owner := fs.String("owner", "", "print only what this `owner` must do (overdue reviews, stale data), as pages name them: --owner \"Head of CX Insights\"")
	translations := fs.Bool("translations", false, "list, per language, the pages not translated yet and the translations out of date, unfinished (the note of new --lang still in them) or not published yet")
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	if msg := rep.checkFormat(); msg != "" {
		fmt.Fprintf(stderr, "shiftbook check: %s\n", msg)
		return exitUsage
	}
	rep.site = shownSite(*src)
	dir, err := siteFS(*src)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook check: %v\n", err)
		return exitUsage
	}
	now, bad := clockDiag()
	if bad != nil {
		rep.print(stdout, stderr, bad)
		return exitContent
	}
	// A translation report is still news when the content has errors.
	opts := pipeline.Options{Site: os.DirFS(dir), Drafts: *drafts, Strict: rep.strict, Now: now, ModelOnError: *translations}
	builder := pipeline.New()
	res, diags := builder.Build(ctx, opts, discard{})
	if *fix {
		n, err := applyFixes(dir, diags, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "shiftbook check --fix: %v\n", err)
			return exitContent
		}
		if n > 0 {
			// What is left, checked afresh.
			builder = pipeline.New()
			res, diags = builder.Build(ctx, opts, discard{})
		}
	}
	if res == nil && ctx.Err() != nil {
		return stopped(stderr, "check", "")
	}
	var owned *link.Owner
	if *owner != "" {
		var msg string
		if owned, diags, msg = forOwner(res, diags, *owner); msg != "" {
			fmt.Fprintf(stderr, "shiftbook check --owner: %s\n", msg)
			return exitUsage
		}
	}
	reportOut := stdout
	if rep.format != "text" {
		reportOut = stderr // stdout holds only annotations or JSON
	}
	if rep.print(stdout, stderr, diags) {
		if *translations {
			printTranslations(reportOut, builder.Model())
		}
		return exitContent
	}
	if *translations {
		printTranslations(reportOut, res)
	}
	if owned != nil {
		okOut := stdout
		if rep.format != "text" {
			okOut = stderr
		}
		fmt.Fprintf(okOut, "ok: %s owns %s; %s, %s\n", owned.Name, plural(len(owned.Pages), "page", "pages"),
			plural(len(owned.Overdue), "review overdue", "reviews overdue"), plural(len(owned.Stale), "metric with stale data", "metrics with stale data"))
		return exitOK
	}
	found := "no problems found"
	if len(diags) > 0 {
		found = "no errors"
	}
	okOut := stdout
	if rep.format != "text" {
		okOut = stderr // stdout holds only annotations or JSON
	}
	fmt.Fprintf(okOut, "ok: %s, %s, %s, %s\n", plural(res.Stats.PagesRendered, "page", "pages"),
		plural(len(res.Site.Metrics), "metric", "metrics"), plural(len(res.Site.Terms.List), "term", "terms"), found)
	return exitOK
}

// discard is a sink that keeps nothing: check renders every page, so that
// template errors are found, but writes none.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", "Print shiftbook's version.", stderr)
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(info))
	return exitOK
}

// versionLine says which shiftbook this is: the module version, and the
// commit it was built from (marked when the checkout had uncommitted
// changes), as the Go toolchain recorded them. A build without that record
// says how to get one instead of a bare "(devel)".
func versionLine(info *debug.BuildInfo) string {
	if info == nil {
		return "shiftbook (version unknown: built without module information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	line := "shiftbook " + v
	if rev == "" {
		if v == "(devel)" {
			line += ", commit unknown (built with -buildvcs=false or outside a git checkout; go build ./cmd/shiftbook in a checkout records it)"
		}
		return line + ", " + info.GoVersion
	}
	commit := "commit " + rev[:min(12, len(rev))]
	if when != "" {
		commit += " of " + when
	}
	if modified {
		commit += ", with uncommitted changes"
	}
	return line + ", " + commit + ", " + info.GoVersion
}
