package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/themes"
)

// siteArchetypes is the folder of the built-in theme that holds the files of
// a new site. go:embed skips names starting with "_" or ".", so they are
// stored without that first character and renamed on the way out.
const siteArchetypes = "default/archetypes/site"

var siteRenames = map[string]string{"index.md": "_index.md", "gitignore": ".gitignore"}

// NewSite writes the built-in starter site into dir, a new or empty folder,
// dated by clock, published at baseURL ("": not known yet), and returns the
// files written (slash paths from dir). On an error nothing it wrote is
// left.
func NewSite(dir string, clock func() (time.Time, error), baseURL string) ([]string, error) {
	fail := func(format string, a ...any) ([]string, error) {
		return nil, fmt.Errorf(format, a...)
	}
	created := false
	switch entries, err := os.ReadDir(dir); {
	case errors.Is(err, fs.ErrNotExist):
		created = true
	case err != nil:
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return fail("%s is a file, not a folder; choose a new folder", dir)
		}
		return fail("cannot read %s: %v", dir, err)
	case len(entries) > 0:
		return fail("%s is not empty; choose a new folder or an empty one, so that nothing is overwritten", dir)
	}
	now, err := clock()
	if err != nil {
		return fail("%v", err)
	}
	data := newData("site", "Customer Experience", "", now)
	data.BaseURL = baseURL

	type file struct {
		rel  string
		data []byte
	}
	var files []file
	err = fs.WalkDir(themes.FS, siteArchetypes, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, siteArchetypes+"/")
		if to, ok := siteRenames[path.Base(rel)]; ok {
			rel = path.Join(path.Dir(rel), to)
		}
		src, err := fs.ReadFile(themes.FS, p)
		if err != nil {
			return err
		}
		d := data
		d.Path = rel
		out, err := execTemplate(load.BuiltinPrefix+p, src, d)
		if err != nil {
			return err
		}
		files = append(files, file{rel, out})
		return nil
	})
	if err == nil && len(files) == 0 {
		err = errors.New("the built-in theme has no starter site")
	}
	if err != nil {
		return fail("%v", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail("%v", err)
	}
	for _, f := range files {
		if err := createFile(dir, f.rel, f.data); err != nil {
			// The folder was empty: take back what was written.
			if created {
				os.RemoveAll(dir)
			} else if entries, rerr := os.ReadDir(dir); rerr == nil {
				for _, e := range entries {
					os.RemoveAll(filepath.Join(dir, e.Name()))
				}
			}
			return fail("%v", err)
		}
	}
	rels := make([]string, len(files))
	for i, f := range files {
		rels[i] = f.rel
	}
	return rels, nil
}
