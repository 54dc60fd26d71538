package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// newConfig is what a new page needs from site.toml.
type newConfig struct {
	theme   string
	dataDir string // slash path from the site folder
}

func readNewConfig(dir, shownDir string) (newConfig, error) {
	src, err := os.ReadFile(filepath.Join(dir, parse.ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return newConfig{}, fmt.Errorf("no site.toml in %s; run shiftbook new in a site folder, pass -s DIR, or start a site with \"shiftbook new site DIR\"", shownDir)
	}
	if err != nil {
		return newConfig{}, fmt.Errorf("cannot read %s: %v", filepath.Join(shownDir, parse.ConfigFile), err)
	}
	// Only the theme and the data folder matter here: a site.toml with other
	// problems still gets its new page, and check reports them.
	cfg, diags := parse.ReadConfig(src)
	for _, d := range diags {
		if strings.Contains(d.Message, "invalid TOML") {
			return newConfig{}, errors.New(d.String())
		}
	}
	if cfg.Theme == "" || strings.ContainsAny(cfg.Theme, `/\`) || strings.HasPrefix(cfg.Theme, ".") {
		return newConfig{}, fmt.Errorf("%s: theme %q is not a folder name under themes/; use a plain name such as \"default\"", parse.ConfigFile, cfg.Theme)
	}
	dataDir := strings.Trim(path.Clean("/"+cfg.Data.Dir), "/")
	return newConfig{theme: cfg.Theme, dataDir: dataDir}, nil
}

// Page is a page NewPage wrote, and what to tell its author.
type Page struct {
	Path string // the file written, from the site folder (slash path)
	// Data is the existing data file a new metric uses, from the site
	// folder; WaitFor, when there is none, is the file it waits for.
	Data, WaitFor string
}

// ArchetypeError is an archetype that makes a page with errors.
type ArchetypeError struct {
	Kind  string
	Diags diag.List
}

func (e *ArchetypeError) Error() string {
	return fmt.Sprintf("the %s archetype makes a page with errors; fix the archetype", e.Kind)
}

// NewPage writes a new page of kind from its archetype into the site in
// dir (an absolute folder; shown is how the author wrote it, for messages),
// dated by clock. It never overwrites a file. The Page it returns says what
// it found (a metric's data file) even when it then fails.
func NewPage(dir, shown, kind string, name Name, clock func() (time.Time, error)) (Page, error) {
	var res Page
	cfg, err := readNewConfig(dir, shown)
	if err != nil {
		return res, err
	}
	now, err := clock()
	if err != nil {
		return res, err
	}
	rel := name.ContentPath()
	if cfg.dataDir != "" && strings.HasPrefix(rel, cfg.dataDir+"/") {
		return res, fmt.Errorf("%s is in the data folder %s/, where pages are not read; choose another folder", rel, cfg.dataDir)
	}
	shownPath := func(rel string) string { return filepath.Join(shown, filepath.FromSlash(rel)) }
	if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
		return res, fmt.Errorf("%s already exists; edit it, or choose another name", shownPath(rel))
	}
	if other := sameAddress(dir, name); other != "" {
		return res, fmt.Errorf("%s already has the address that %s would have; edit it, or choose another name", shownPath(other), shownPath(rel))
	}
	data := newData(kind, name.Title, name.Slug, now)
	data.Path = rel
	site := os.DirFS(dir)

	// A new metric uses the data file the analysts made, if there is one.
	// Else it waits for real numbers: no data file and no target, so that
	// the site shows "No data yet" rather than an example row judged
	// against a target of 0 ("On track").
	if kind == "metric" {
		for _, ext := range []string{".csv", ".json", ".toml"} {
			p := path.Join(cfg.dataDir, data.ID+ext)
			if _, err := fs.Stat(site, p); err == nil {
				data.Data = data.ID + ext
				res.Data = p
				break
			}
		}
	}
	if other, err := sameTitle(site, kind, data.Title); err != nil {
		return res, err
	} else if other != "" {
		return res, fmt.Errorf("%s already has the title %q; edit it, or choose another name", shownPath(other), data.Title)
	}
	out, err := execArchetype(site, cfg.theme, kind+".md", data)
	if err != nil {
		return res, err
	}
	// An archetype that writes a broken page is found now, not at the next build.
	if _, diags := parse.ReadPage(rel, out); diags.HasErrors() {
		return res, &ArchetypeError{Kind: kind, Diags: diags}
	}
	if err := createFile(dir, rel, out); err != nil {
		return res, err
	}
	res.Path = rel
	if kind == "metric" && data.Data == "" {
		res.WaitFor = path.Join(cfg.dataDir, data.ID+".csv")
	}
	return res, nil
}

// sameTitle returns the definition or metric page that already has title
// (in any letter case), for a new page of that kind: two pages with one
// title make two terms that mean the same, or a dashboard with the same
// name twice. A definition's abbreviation and synonyms count as titles too.
// Other kinds may share titles.
func sameTitle(site fs.FS, kind, title string) (string, error) {
	section := map[string]string{"definition": "definitions", "metric": "metrics"}[kind]
	if section == "" {
		return "", nil
	}
	found := ""
	err := fs.WalkDir(site, path.Join(load.ContentDir, section), func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if found != "" || e.IsDir() || !strings.EqualFold(path.Ext(p), ".md") {
			return nil
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		page, _ := parse.ReadPage(p, src) // a page with errors still has a title
		if page == nil {
			return nil
		}
		names := []string{page.Meta.Title}
		if kind == "definition" {
			names = append(append(names, page.Meta.Definition.Abbr), page.Meta.Definition.Synonyms...)
		}
		for _, n := range names {
			if n != "" && strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(title)) {
				found = p
			}
		}
		return nil
	})
	return found, err
}

// sameAddress returns a content file that the site publishes at the address
// the new page would have (content/vision.md and content/vision/_index.md are
// both /vision/; so are Vision.md and vision.md), or "".
func sameAddress(dir string, n Name) string {
	folder := path.Join(append([]string{load.ContentDir}, n.Dir...)...)
	clean := func(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), "-")) }
	var candidates []string
	if n.Slug == "_index" {
		if len(n.Dir) == 0 {
			return ""
		}
		parent, base := path.Dir(folder), path.Base(folder)
		if entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(parent))); err == nil {
			for _, e := range entries {
				if ext := path.Ext(e.Name()); !e.IsDir() && strings.EqualFold(ext, ".md") && clean(strings.TrimSuffix(e.Name(), ext)) == clean(base) {
					candidates = append(candidates, path.Join(parent, e.Name()))
				}
			}
		}
		candidates = append(candidates, path.Join(folder, "index.md"))
	} else {
		entries, _ := os.ReadDir(filepath.Join(dir, filepath.FromSlash(folder)))
		for _, e := range entries {
			name := e.Name()
			if ext := path.Ext(name); !e.IsDir() && strings.EqualFold(ext, ".md") && clean(strings.TrimSuffix(name, ext)) == n.Slug {
				candidates = append(candidates, path.Join(folder, name))
			}
			if e.IsDir() && clean(name) == n.Slug {
				candidates = append(candidates, path.Join(folder, name, "_index.md"), path.Join(folder, name, "index.md"))
			}
		}
	}
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(c))); err == nil {
			return c
		}
	}
	return ""
}

// createFile writes a new file under dir, never replacing one.
func createFile(dir, rel string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; edit it, or choose another name", rel)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p)
	}
	return err
}
