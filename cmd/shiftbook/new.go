package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/scaffold"
)

const newArgs = "site DIR | KIND NAME [-s DIR] [--lang CODE]"

const newHelp = `Start a new site, or a new page from the theme's archetype (template) for its kind.

  shiftbook new site DIR                  a small working site in a new or empty folder
  shiftbook new site DIR --base-url URL   the same, published at URL (site.toml's baseURL)
  shiftbook new definition NAME           content/definitions/NAME.md
  shiftbook new metric NAME               content/metrics/NAME.md and a data file for it
  shiftbook new initiative NAME           content/initiatives/NAME.md, with milestones
  shiftbook new focus-area NAME           content/focus-areas/NAME.md
  shiftbook new journey NAME              content/journeys/NAME.md
  shiftbook new plan NAME                 content/plan/NAME.md, with dated tasks
  shiftbook new page NAME                 content/NAME.md; NAME may hold folders: vision/our-promise
  shiftbook new page NAME --lang nl       content/NAME.nl.md: a translation of the page NAME, the
                                          words of its front matter copied (its data, tags and
                                          owner are the original's), its text marked to be translated

NAME becomes the file name in lowercase with dashes, and the title: net-promoter-score
gives "Net Promoter Score"; a NAME with spaces or capitals is the title as typed. An
existing file is never overwritten. The archetype is themes/THEME/archetypes/KIND.md
of the site if it has one, else the built-in one.`

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", newArgs, newHelp, stderr)
	src := fs.String("s", ".", "the site `folder` (holding site.toml) to add the page to")
	lang := fs.String("lang", "", "start a translation of the existing page NAME into this `language` of site.toml")
	baseURL := fs.String("base-url", "", "new site: the `address` the site is published at, such as https://cx.example.com/ (site.toml's baseURL)")
	pos, code := parseInterleaved(fs, args, stdout)
	if code >= 0 {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shiftbook new: "+format+"\n\n", a...)
		fs.Usage()
		return exitUsage
	}
	if len(pos) == 0 {
		return usageErr("say what to create: site DIR, or definition, journey, metric or page NAME")
	}
	kind := pos[0]
	if kind == "site" {
		sSet := false
		fs.Visit(func(f *flag.Flag) { sSet = sSet || f.Name == "s" })
		switch {
		case sSet:
			return usageErr("new site takes the new folder as its argument, not -s: shiftbook new site DIR")
		case len(pos) < 2:
			return usageErr("say which folder to create the site in: shiftbook new site DIR")
		case len(pos) > 2:
			return usageErr("new site takes one folder, not %d; put a name with spaces in quotes", len(pos)-1)
		}
		if *baseURL != "" {
			if err := parse.CheckBaseURL(*baseURL); err != nil {
				return usageErr("--base-url %q %v", *baseURL, err)
			}
		}
		return newSite(pos[1], *baseURL, stdout, stderr)
	}
	if *baseURL != "" {
		return usageErr("--base-url is for new site: shiftbook new site DIR --base-url ADDRESS; for a page, set baseURL in site.toml")
	}
	if _, ok := scaffold.Kinds[kind]; !ok {
		names := scaffold.KindNames()
		return usageErr("unknown kind %q%s", kind,
			diag.DidYouMean(kind, names, "; choose "+strings.Join(names[:len(names)-1], ", ")+" or "+names[len(names)-1]))
	}
	switch {
	case len(pos) < 2:
		return usageErr("say the name of the new %s: shiftbook new %s NAME", kind, kind)
	case len(pos) > 2:
		return usageErr("new %s takes one name; put a name with spaces in quotes: shiftbook new %s %q",
			kind, kind, strings.Join(pos[1:], " "))
	}
	name, err := scaffold.ParseName(kind, pos[1])
	if err != nil {
		return usageErr("%v", err)
	}
	if *lang != "" {
		return newTranslation(*src, name, *lang, stdout, stderr)
	}
	return newPage(*src, kind, name, stdout, stderr)
}

// newTranslation is new KIND NAME --lang CODE.
func newTranslation(siteDir string, name scaffold.Name, lang string, stdout, stderr io.Writer) int {
	dir, err := siteFS(siteDir)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook new: %v\n", err)
		return exitUsage
	}
	page, err := scaffold.NewTranslation(dir, siteDir, name, lang)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "created %s: translate it, then remove the note at its top\n", filepath.Join(siteDir, filepath.FromSlash(page.Path)))
	return exitOK
}

// parseInterleaved parses flags that come before, between or after the
// positional arguments (shiftbook new metric nps -s site). It returns the
// positional arguments, and the exit status to stop with or -1 to go on.
func parseInterleaved(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, int) {
	var pos []string
	rest := args
	for {
		if code := parseQuietly(fs, rest, stdout); code >= 0 {
			return nil, code
		}
		if fs.NArg() == 0 {
			return pos, -1
		}
		// After "--" every argument is positional.
		consumed := len(rest) - fs.NArg()
		if consumed > 0 && rest[consumed-1] == "--" {
			return append(pos, fs.Args()...), -1
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

// newPage writes a page of kind into the site in siteDir and says what it did.
func newPage(siteDir, kind string, name scaffold.Name, stdout, stderr io.Writer) int {
	dir, err := siteFS(siteDir)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook new: %v\n", err)
		return exitUsage
	}
	shown := func(rel string) string { return filepath.Join(siteDir, filepath.FromSlash(rel)) }
	page, err := scaffold.NewPage(dir, siteDir, kind, name, todayClock)
	if page.Data != "" {
		fmt.Fprintf(stdout, "using the existing data file %s\n", shown(page.Data))
	}
	var broken *scaffold.ArchetypeError
	switch {
	case errors.As(err, &broken):
		fmt.Fprintf(stderr, "shiftbook new: %v:\n", err)
		printDiags(stderr, broken.Diags)
		return exitContent
	case err != nil:
		fmt.Fprintf(stderr, "shiftbook new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "created %s\n", shown(page.Path))
	if page.WaitFor != "" {
		fmt.Fprintf(stdout, "it shows \"No data yet\" until %s exists: a date,value header, then one row per date\n", shown(page.WaitFor))
	}
	return exitOK
}

// newSite writes the built-in starter site into dir and lists what it wrote.
func newSite(dir, baseURL string, stdout, stderr io.Writer) int {
	files, err := scaffold.NewSite(dir, todayClock, baseURL)
	if err != nil {
		fmt.Fprintf(stderr, "shiftbook new site: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "created a new site in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", filepath.Join(dir, filepath.FromSlash(f)))
	}
	q := dir
	if strings.ContainsAny(q, " \t'\"$") {
		q = strconv.Quote(q)
	}
	fmt.Fprintf(stdout, "\nNext: shiftbook check -s %s, then shiftbook build -s %s (the site is written to %s).\n",
		q, q, filepath.Join(dir, "public"))
	if baseURL == "" {
		fmt.Fprintf(stdout, "Before the site is published, set its address, baseURL, in %s.\n", filepath.Join(dir, "site.toml"))
	}
	return exitOK
}
