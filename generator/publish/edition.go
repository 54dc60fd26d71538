package publish

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// A published folder (DEST) holds one folder per edition, one folder per
// alias (a full copy of the edition it points at, so that any static host
// serves it without rewrites), versions.json listing the editions newest
// first, and index.html sending readers to the latest:
//
//	DEST/versions.json
//	DEST/2026.4/
//	DEST/2026.3/
//	DEST/latest/      a copy of 2026.4
//	DEST/index.html   → latest/
//
// Every change is made the same way: a complete new tree is staged beside
// DEST (.DEST.publish-*), holding the new edition, its aliases, versions.json
// and index.html, and every other entry of DEST hard-linked, so that earlier
// editions are the very same files; then the staged tree and DEST are
// swapped in one rename. A publish that fails or is killed before the swap
// leaves DEST as it was; one killed after it leaves the new DEST complete.
// A lock file beside DEST (.DEST.publish.lock) serialises publishes.

// Latest is the alias that index.html and the banner of older editions
// point at.
const Latest = "latest"

// DateLayout is how versions.json writes publish dates.
const DateLayout = "2006-01-02"

// Entry is one edition as versions.json lists it.
type Entry struct {
	Version   string   `json:"version"`
	Title     string   `json:"title"`
	Aliases   []string `json:"aliases"`
	Published string   `json:"published"` // DateLayout, from the build clock
}

// Has reports whether the edition carries alias.
func (e Entry) Has(alias string) bool { return slices.Contains(e.Aliases, alias) }

// Options say what to publish where.
type Options struct {
	Dest    string   // the published folder
	Version string   // the edition; see CheckName
	Title   string   // shown in the version switcher; default: the title it had, else Version
	Aliases []string // nil: "latest" when Version is the newest edition, none when it is older
	// Replace allows republishing an edition that is not the newest (a
	// hotfix). Without it that is refused with an *OlderEditionError: a
	// site.toml whose version was not bumped would otherwise overwrite a
	// published edition with today's content.
	Replace bool
	Now     time.Time
	// SiteTitle and Language dress DEST/index.html.
	SiteTitle, Language string
	// Wait is how long to wait for another publish into Dest to finish;
	// 0 fails at once with a *BusyError. OnWait, if set, is told once that
	// this publish is waiting, and why.
	Wait   time.Duration
	OnWait func(msg string)
	// OnNote, if set, is told of what the publish could not tidy up beside
	// DEST (an old tree it could not remove), which does not fail it.
	OnNote func(msg string)
	// Build writes the whole site of the edition into dir, an empty folder.
	// previous is the folder of the edition it follows in Dest, for the
	// changes page, or "" when there is none.
	Build func(ctx context.Context, dir, previous string) error

	// failAt, when set, is called at each step; an error stops the publish
	// there as a failure would. Tests use it to check that no step leaves
	// Dest changed.
	failAt func(step string) error
}

// The steps of a change to DEST, in order; failAt is called with each.
// Until "swap" is done, DEST is untouched.
const (
	stepLock     = "lock"     // take the lock, clear leftovers of killed runs
	stepRead     = "read"     // read versions.json
	stepBuild    = "build"    // build the edition into the staged tree
	stepAliases  = "aliases"  // copy the edition to each alias folder
	stepVersions = "versions" // write versions.json
	stepIndex    = "index"    // write index.html
	stepKeep     = "keep"     // hard-link every other entry of DEST
	stepSwap     = "swap"     // swap the staged tree and DEST
	stepCleanup  = "cleanup"  // remove the old tree (after the swap: DEST is new)
)

// Result says what a publish did.
type Result struct {
	Entry    Entry   // the edition as versions.json now lists it
	Previous string  // the edition it was compared with; "" for the first
	Replaced bool    // the version had been published before
	Editions []Entry // versions.json, newest first
}

// Publish builds an edition and adds it to Dest, or replaces it there if
// it was published before. Earlier editions are not touched.
func Publish(ctx context.Context, opts Options) (*Result, error) {
	if opts.Build == nil {
		return nil, errors.New("publish: no Build function")
	}
	if opts.Dest == "" {
		return nil, errors.New("no destination folder given")
	}
	v := opts.Version
	if err := CheckName("version", v); err != nil {
		return nil, err
	}
	var aliases []string
	for _, a := range opts.Aliases {
		if err := CheckName("alias", a); err != nil {
			return nil, err
		}
		if strings.EqualFold(a, v) {
			return nil, fmt.Errorf("alias %q is the version itself; an alias must be another name", a)
		}
		if !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	t, err := begin(ctx, opts.Dest, opts.Wait, opts.OnWait, opts.OnNote, opts.failAt)
	if err != nil {
		return nil, err
	}
	defer t.end()

	for _, e := range t.entries {
		if e.Version != v && strings.EqualFold(e.Version, v) {
			return nil, fmt.Errorf("version %q differs from the published %q only in upper and lower case; some file systems cannot hold both, so use %q or another name", v, e.Version, e.Version)
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, v) {
				return nil, fmt.Errorf("%q is already an alias of edition %s; choose another version name", a, e.Version)
			}
		}
		for _, a := range aliases {
			if strings.EqualFold(a, e.Version) {
				return nil, fmt.Errorf("alias %q is the name of edition %s; choose another alias", a, e.Version)
			}
		}
	}
	newest := "" // the newest published edition, if newer than v
	published := false
	for _, e := range t.entries {
		published = published || e.Version == v
		if Compare(e.Version, v) > 0 && (newest == "" || Compare(e.Version, newest) > 0) {
			newest = e.Version
		}
	}
	if published && newest != "" && !opts.Replace {
		return nil, &OlderEditionError{Version: v, Newest: newest}
	}
	if opts.Aliases == nil && newest == "" {
		aliases = []string{Latest}
	}

	res := &Result{}
	prev := "" // the newest edition older than v
	entries := make([]Entry, 0, len(t.entries)+1)
	entry := Entry{Version: v, Title: opts.Title, Published: dateOf(opts.Now)}
	for _, e := range t.entries {
		switch {
		case e.Version == v:
			res.Replaced = true
			if entry.Title == "" {
				entry.Title = e.Title
			}
			entry.Aliases = append(entry.Aliases, e.Aliases...)
			continue
		case Compare(e.Version, v) < 0 && (prev == "" || Compare(e.Version, prev) > 0):
			prev = e.Version
		}
		e.Aliases = slices.DeleteFunc(slices.Clone(e.Aliases), func(a string) bool { return slices.Contains(aliases, a) })
		entries = append(entries, e)
	}
	if entry.Title == "" {
		entry.Title = v
	}
	for _, a := range aliases {
		if !entry.Has(a) {
			entry.Aliases = append(entry.Aliases, a)
		}
	}
	sort.Strings(entry.Aliases)
	entries = append(entries, entry)
	sortEntries(entries)

	previousDir := ""
	if prev != "" {
		res.Previous = prev
		if info, err := os.Stat(filepath.Join(t.dest, prev)); err == nil && info.IsDir() {
			previousDir = filepath.Join(t.dest, prev)
		}
	}
	err = t.commit(ctx, func(stage string) error {
		dir := filepath.Join(stage, v)
		if err := t.step(stepBuild); err != nil {
			return err
		}
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		t.skip[v] = true
		if err := opts.Build(ctx, dir, previousDir); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := t.step(stepAliases); err != nil {
			return err
		}
		for _, a := range entry.Aliases {
			t.skip[a] = true
			if err := copyTree(ctx, dir, filepath.Join(stage, a)); err != nil {
				return fmt.Errorf("cannot copy edition %s to alias %s: %w", v, a, err)
			}
		}
		return t.writeTop(stage, entries, opts.SiteTitle, opts.Language)
	})
	if err != nil {
		return nil, err
	}
	res.Entry = entry
	res.Editions = entries
	return res, nil
}

// OlderEditionError refuses to republish an edition older than the newest
// one without Options.Replace.
type OlderEditionError struct {
	Version, Newest string
}

func (e *OlderEditionError) Error() string {
	msg := fmt.Sprintf("edition %s is already published, and %s is newer: publishing again would replace %s with this content. ", e.Version, e.Newest, e.Version)
	if next := NextVersion(e.Newest); next != "" {
		msg += fmt.Sprintf("For a new edition, set version = %q in site.toml (or pass --version %s). ", next, next)
	} else {
		msg += fmt.Sprintf("For a new edition, set version in site.toml to a version after %s (or pass --version). ", e.Newest)
	}
	return msg + fmt.Sprintf("To fix the published %s on purpose (a hotfix), pass --replace", e.Version)
}

// NextVersion suggests the version after v by adding one to its last
// number ("2026.4" → "2026.5"); "" when v does not end in a number or is a
// pre-release, where the next name is the author's choice.
func NextVersion(v string) string {
	if strings.ContainsAny(v, "-+") {
		return ""
	}
	i := len(v)
	for i > 0 && v[i-1] >= '0' && v[i-1] <= '9' {
		i--
	}
	digits := v[i:]
	if digits == "" || len(digits) > 9 {
		return ""
	}
	n := 0
	for _, c := range digits {
		n = n*10 + int(c-'0')
	}
	return v[:i] + fmt.Sprintf("%0*d", len(digits), n+1)
}

// DeleteOptions say which edition to remove from which folder.
type DeleteOptions struct {
	Dest    string
	Version string
	// Move points aliases (name → version) at other editions. An alias the
	// deleted edition carries goes with it, except Latest, which must be
	// moved: index.html and the old editions' banners need it.
	Move      map[string]string
	SiteTitle string
	Language  string
	Wait      time.Duration
	OnWait    func(msg string)
	OnNote    func(msg string) // as in Options

	failAt func(step string) error
}

// NeedAliasError refuses to delete the edition an alias that must stay
// (Latest) points at, until the caller says where it goes.
type NeedAliasError struct {
	Version, Alias string
	Suggest        string // the newest other edition, if any
}

func (e *NeedAliasError) Error() string {
	msg := fmt.Sprintf("edition %s is the one %q points at, so it is not deleted", e.Version, e.Alias)
	if e.Suggest != "" {
		return msg + fmt.Sprintf("; say which edition %q should point at instead, such as %s", e.Alias, e.Suggest)
	}
	return msg + "; it is the only edition"
}

// Delete removes one edition (and the aliases it carries) from Dest on
// purpose. Every other edition is kept as it is.
func Delete(ctx context.Context, opts DeleteOptions) ([]Entry, error) {
	if opts.Dest == "" {
		return nil, errors.New("no destination folder given")
	}
	v := opts.Version
	if err := CheckName("version", v); err != nil {
		return nil, err
	}
	for a, to := range opts.Move {
		if err := CheckName("alias", a); err != nil {
			return nil, err
		}
		if to == v {
			return nil, fmt.Errorf("alias %q cannot point at %s: that is the edition being deleted", a, v)
		}
	}
	t, err := begin(ctx, opts.Dest, opts.Wait, opts.OnWait, opts.OnNote, opts.failAt)
	if err != nil {
		return nil, err
	}
	defer t.end()
	var gone *Entry
	versions := map[string]bool{}
	for i, e := range t.entries {
		versions[e.Version] = true
		if e.Version == v {
			gone = &t.entries[i]
		}
	}
	if gone == nil {
		return nil, fmt.Errorf("%s holds no edition %q; shiftbook publish --list shows the editions", opts.Dest, v)
	}
	for a, to := range opts.Move {
		if !versions[to] {
			return nil, fmt.Errorf("alias %q cannot point at %q: %s holds no such edition", a, to, opts.Dest)
		}
		if versions[a] {
			return nil, fmt.Errorf("alias %q is the name of an edition; choose another alias", a)
		}
	}
	if gone.Has(Latest) && opts.Move[Latest] == "" {
		e := &NeedAliasError{Version: v, Alias: Latest}
		for _, o := range t.entries {
			if o.Version != v {
				e.Suggest = o.Version
				break
			}
		}
		return nil, e
	}
	var entries []Entry
	for _, e := range t.entries {
		if e.Version == v {
			continue
		}
		e.Aliases = slices.DeleteFunc(slices.Clone(e.Aliases), func(a string) bool { _, moved := opts.Move[a]; return moved })
		for a, to := range opts.Move {
			if to == e.Version {
				e.Aliases = append(e.Aliases, a)
			}
		}
		sort.Strings(e.Aliases)
		entries = append(entries, e)
	}
	err = t.commit(ctx, func(stage string) error {
		t.skip[v] = true
		for _, a := range gone.Aliases {
			t.skip[a] = true
		}
		if err := t.step(stepAliases); err != nil {
			return err
		}
		for _, a := range slices.Sorted(maps.Keys(opts.Move)) {
			t.skip[a] = true
			if err := copyTree(ctx, filepath.Join(t.dest, opts.Move[a]), filepath.Join(stage, a)); err != nil {
				return fmt.Errorf("cannot copy edition %s to alias %s: %w", opts.Move[a], a, err)
			}
		}
		return t.writeTop(stage, entries, opts.SiteTitle, opts.Language)
	})
	if err != nil {
		return nil, err
	}
	return entries, nil
}

// List reads the editions published in dest, newest first.
func List(dest string) ([]Entry, error) {
	info, err := os.Stat(dest)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist: nothing is published there yet", dest)
		}
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dest)
	}
	entries, _, err := readVersions(dest)
	return entries, err
}

// ReadVersions decodes versions.json, checking every name in it: the names
// become paths, so a damaged or hostile file must not lead outside DEST.
func ReadVersions(data []byte) ([]Entry, error) {
	var entries []Entry
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, err
	}
	seen := map[string]string{}
	for i, e := range entries {
		if err := CheckName("version", e.Version); err != nil {
			return nil, err
		}
		names := append([]string{e.Version}, e.Aliases...)
		for j, n := range names {
			if j > 0 {
				if err := CheckName("alias", n); err != nil {
					return nil, err
				}
			}
			key := strings.ToLower(n)
			if other, dup := seen[key]; dup {
				return nil, fmt.Errorf("%q is listed twice (also as %q)", n, other)
			}
			seen[key] = n
		}
		if entries[i].Aliases == nil {
			entries[i].Aliases = []string{}
		}
		if entries[i].Title == "" {
			entries[i].Title = e.Version
		}
	}
	sortEntries(entries)
	return entries, nil
}

// EncodeVersions is versions.json for entries, newest first.
func EncodeVersions(entries []Entry) []byte {
	if entries == nil {
		entries = []Entry{}
	}
	for i := range entries {
		if entries[i].Aliases == nil {
			entries[i].Aliases = []string{}
		}
	}
	data, _ := json.MarshalIndent(entries, "", "  ")
	return append(data, '\n')
}

// sortEntries puts the newest edition first.
func sortEntries(entries []Entry) {
	sort.SliceStable(entries, func(i, j int) bool { return Compare(entries[i].Version, entries[j].Version) > 0 })
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Format(DateLayout)
}

// Front returns where DEST/index.html sends readers: the folder of the
// edition carrying Latest, else the newest edition; "" when there is none.
func Front(entries []Entry) string {
	for _, e := range entries {
		if e.Has(Latest) {
			return Latest + "/"
		}
	}
	if len(entries) > 0 {
		return entries[0].Version + "/"
	}
	return ""
}

var indexTemplate = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="{{.Language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Target}}">
<link rel="canonical" href="{{.Target}}">
<title>{{.Title}}</title>
</head>
<body>
<p>{{.Title}} has moved to its latest edition: <a href="{{.Target}}">{{.Target}}</a></p>
</body>
</html>
`))

// IndexHTML is DEST/index.html: a relative redirect, so it works under any
// path prefix and on any static host.
func IndexHTML(target, siteTitle, language string) []byte {
	if siteTitle == "" {
		siteTitle = "This site"
	}
	if language == "" {
		language = "en"
	}
	var b bytes.Buffer
	_ = indexTemplate.Execute(&b, struct{ Target, Title, Language string }{target, siteTitle, language})
	return b.Bytes()
}
