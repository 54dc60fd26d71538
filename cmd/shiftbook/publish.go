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
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/pipeline"
	"github.com/shiftbook/shiftbook/generator/publish"
	"github.com/shiftbook/shiftbook/generator/render"
)

const publishArgs = `[-s DIR] --dest DIR [--version V] [--alias NAME]... [--title T] [--drafts] [--wait D] [--replace]
       shiftbook publish --dest DIR --list
       shiftbook publish --dest DIR --delete V [--alias latest=OTHER]`

const publishSummary = `Build the site as one edition into DEST/V/ and keep every edition published before.
DEST/versions.json lists the editions newest first; each alias (latest unless this is
an older edition) is a full copy of its edition, DEST/latest/, so any static host serves
it; DEST/index.html sends readers to latest/. Nothing in DEST changes until the new
edition is complete, and then everything changes in one step. Republishing an edition
older than the newest (a hotfix) needs --replace.`

// aliasList collects repeated --alias flags.
type aliasList struct {
	names []string
	set   bool
}

func (a *aliasList) String() string { return strings.Join(a.names, ",") }

func (a *aliasList) Set(s string) error {
	a.set = true
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			a.names = append(a.names, n)
		}
	}
	return nil
}

func runPublish(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("publish", publishArgs, publishSummary, stderr)
	src := fs.String("s", ".", "the site `folder` (holding site.toml)")
	dest := fs.String("dest", "", "the published `folder` holding every edition (required)")
	version := fs.String("version", "", "the edition's `name`, such as 2026.4 (default: version in site.toml)")
	var aliases aliasList
	fs.Var(&aliases, "alias", "an alias `name` for this edition, repeatable (default: latest, if no published edition is newer);\nwith --delete, NAME=VERSION points an alias at another edition")
	title := fs.String("title", "", "the edition's `title` in versions.json (default: the version)")
	drafts := fs.Bool("drafts", false, "include pages marked draft = true")
	rep := reportFlags(fs)
	wait := fs.Duration("wait", 0, "how long to wait for another publish into DEST to finish, such as 5m (default: stop at once)")
	replace := fs.Bool("replace", false, "allow republishing an edition that is not the newest (a hotfix of an older edition)")
	list := fs.Bool("list", false, "print the published editions, newest first")
	del := fs.String("delete", "", "remove the edition `V` and the aliases it carries (latest only with --alias latest=OTHER)")
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shiftbook publish: "+format+"\n", a...)
		return exitUsage
	}
	if *dest == "" {
		return usageErr("--dest is required: the folder that holds every published edition")
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *list || *del != "" {
		mode, allowed := "--list", map[string]bool{"dest": true, "list": true}
		if *del != "" {
			mode, allowed = "--delete", map[string]bool{"dest": true, "delete": true, "alias": true, "wait": true, "s": true}
		}
		for _, name := range []string{"list", "delete", "version", "title", "drafts", "alias", "wait", "s", "replace"} {
			if given[name] && !allowed[name] && "--"+name != mode {
				return usageErr("--%s cannot be used with %s", name, mode)
			}
		}
	}
	switch {
	case *list:
		return listEditions(*dest, stdout, stderr)
	case *del != "":
		return deleteEdition(ctx, *dest, *del, *src, aliases.names, *wait, stdout, stderr)
	}

	dir, err := siteFS(*src)
	if err != nil {
		return usageErr("%v", err)
	}
	cfg := parse.DefaultConfig()
	if data, err := os.ReadFile(filepath.Join(dir, parse.ConfigFile)); err == nil {
		var diags diag.List
		if cfg, diags = parse.ReadConfig(data); diags.HasErrors() {
			printDiags(stderr, diags)
			return exitContent
		}
	}
	v := *version
	if v == "" {
		v = cfg.Version
		if err := publish.CheckName("version", v); err != nil {
			fmt.Fprintf(stderr, "%s: %v; or pass --version\n", parse.ConfigFile, err)
			return exitContent
		}
	} else if err := publish.CheckName("version", v); err != nil {
		return usageErr("--version: %v", err)
	}
	for _, a := range aliases.names {
		if strings.Contains(a, "=") {
			return usageErr("--alias %s: NAME=VERSION is for --delete; to publish, give the alias name alone", a)
		}
		if err := publish.CheckName("alias", a); err != nil {
			return usageErr("--alias: %v", err)
		}
	}
	now, err := todayClock()
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return exitUsage
	}
	var (
		diags diag.List
		stats pipeline.Stats
	)
	opts := publish.Options{
		Dest: *dest, Version: v, Title: *title, Now: now,
		SiteTitle: cfg.Title, Language: cfg.Language,
		Wait: *wait, Replace: *replace,
		OnWait: func(msg string) { fmt.Fprintf(stderr, "shiftbook publish: %s\n", msg) },
		OnNote: func(msg string) { fmt.Fprintf(stderr, "shiftbook publish: note: %s\n", msg) },
		Build: func(ctx context.Context, out, previous string) error {
			prev, err := readPrevious(previous)
			if err != nil {
				// An edition published before shiftbook wrote manifests:
				// the changes page says that it cannot compare.
				fmt.Fprintf(stderr, "shiftbook publish: note: %v\n", err)
				prev = &render.Manifest{Version: filepath.Base(previous)}
			}
			res, d := pipeline.New().Build(ctx, pipeline.Options{Site: os.DirFS(dir), Drafts: *drafts, Now: now,
				Version: v, Previous: prev, Published: true, Strict: rep.strict}, publish.NewDirSink(out))
			diags = d
			if res == nil {
				return d.Err()
			}
			stats = res.Stats
			return nil
		},
	}
	if aliases.set {
		opts.Aliases = append([]string{}, aliases.names...)
	}
	res, err := publish.Publish(ctx, opts)
	if (err != nil || diags.HasErrors()) && ctx.Err() != nil {
		return stopped(stderr, "publish", *dest)
	}
	if rep.print(stdout, stderr, diags) {
		return exitContent
	}
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook publish: %v\n", err)
		var busy *publish.BusyError
		if errors.As(err, &busy) {
			fmt.Fprintf(stderr, "\tto wait for it instead, pass --wait 10m\n")
		}
		return exitContent
	}
	verb := "published"
	if res.Replaced {
		verb = "republished"
	}
	name := res.Entry.Version
	if len(res.Entry.Aliases) > 0 {
		name += " (" + strings.Join(res.Entry.Aliases, ", ") + ")"
	}
	against := "it is the first edition"
	if res.Previous != "" {
		against = "/changes/ compares it with " + res.Previous
	}
	fmt.Fprintf(stdout, "%s edition %s into %s: %d pages in %s; %s\n", verb, name,
		filepath.Join(*dest, res.Entry.Version), stats.PagesRendered, stats.Duration.Round(1e6), against)
	return exitOK
}

func listEditions(dest string, stdout, stderr io.Writer) int {
	entries, err := publish.List(dest)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook publish: %v\n", err)
		return exitContent
	}
	if len(entries) == 0 {
		fmt.Fprintf(stdout, "no editions are published in %s\n", dest)
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tPUBLISHED\tALIASES\tTITLE")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Version, e.Published, strings.Join(e.Aliases, ", "), e.Title)
	}
	tw.Flush()
	return exitOK
}

func deleteEdition(ctx context.Context, dest, version, src string, aliases []string, wait time.Duration, stdout, stderr io.Writer) int {
	move := map[string]string{}
	for _, a := range aliases {
		name, to, ok := strings.Cut(a, "=")
		if !ok || name == "" || to == "" {
			fmt.Fprintf(stderr, "shiftbook publish: with --delete, --alias takes NAME=VERSION, such as latest=2026.3, not %q\n", a)
			return exitUsage
		}
		move[name] = to
	}
	opts := publish.DeleteOptions{Dest: dest, Version: version, Move: move, Wait: wait,
		OnWait: func(msg string) { fmt.Fprintf(stderr, "shiftbook publish: %s\n", msg) },
		OnNote: func(msg string) { fmt.Fprintf(stderr, "shiftbook publish: note: %s\n", msg) }}
	// index.html is rewritten: dress it as publish does, when the site is at hand.
	if data, err := os.ReadFile(filepath.Join(src, parse.ConfigFile)); err == nil {
		if cfg, diags := parse.ReadConfig(data); len(diags) == 0 {
			opts.SiteTitle, opts.Language = cfg.Title, cfg.Language
		}
	}
	entries, err := publish.Delete(ctx, opts)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook publish: %v\n", err)
		var need *publish.NeedAliasError
		if errors.As(err, &need) && need.Suggest != "" {
			fmt.Fprintf(stderr, "\tshiftbook publish --dest %s --delete %s --alias %s=%s\n", dest, version, need.Alias, need.Suggest)
		}
		return exitContent
	}
	fmt.Fprintf(stdout, "deleted edition %s from %s; %d editions remain\n", version, dest, len(entries))
	return exitOK
}

// readPrevious reads the manifest of an earlier build in dir; "" means none.
func readPrevious(dir string) (*render.Manifest, error) {
	if dir == "" {
		return nil, nil
	}
	file := filepath.Join(dir, render.ManifestFile)
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		if _, derr := os.Stat(dir); derr != nil {
			return nil, fmt.Errorf("%s does not exist", dir)
		}
		return nil, fmt.Errorf("%s has no %s: it was not built by this shiftbook (every build writes one at its root)", dir, render.ManifestFile)
	}
	if err != nil {
		return nil, err
	}
	m, err := render.ReadManifest(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return m, nil
}
