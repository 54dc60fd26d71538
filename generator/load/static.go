package load

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// StaticDir is the folder of files published at the root of the output as
// they are, as Hugo's and Docusaurus's static/ folder is: static/img/logo.png
// is /img/logo.png. Its name is not part of a URL.
const StaticDir = "static"

// fileRoots are the folders whose files are published: pages and files
// under content/, files under static/. A walk visits them in this order,
// which is walkOrder's.
var fileRoots = []string{ContentDir, StaticDir}

// StaticURL is the one home of the address a file of the site (not a page)
// is published at: its path below content/ or static/, from the root of the
// output. "content/img/a.png" and "static/img/a.png" are both "/img/a.png".
func StaticURL(file string) string {
	for _, root := range fileRoots {
		if rel, ok := strings.CutPrefix(file, root+"/"); ok {
			return "/" + rel
		}
	}
	return "/" + file
}

// StaticOutput is the output path of a file of the site: StaticURL without
// its leading slash ("img/a.png").
func StaticOutput(file string) string { return StaticURL(file)[1:] }

// inStatic reports a path under static/: a file there is copied as it is,
// whatever its name (static/notes.md is no page).
func inStatic(p string) bool { return strings.HasPrefix(p, StaticDir+"/") }

// rootOf is the folder of fileRoots that p is in, or "".
func rootOf(p string) string {
	for _, root := range fileRoots {
		if p == root || strings.HasPrefix(p, root+"/") {
			return root
		}
	}
	return ""
}

// sameAddress reports files of content/ and static/ that would be published
// at the same address: one error naming both, and the file of static/ is
// left out (so nothing else reports it again).
func sameAddress(files []File) ([]File, diag.List) {
	var diags diag.List
	byURL := make(map[string]string, len(files))
	for _, f := range files {
		if !inStatic(f.Path) {
			byURL[StaticURL(f.Path)] = f.Path
		}
	}
	kept := files[:0]
	for _, f := range files {
		if other, ok := byURL[StaticURL(f.Path)]; ok && inStatic(f.Path) {
			diags.Add(diag.File(f.Path, "this file and %s would both be published as %s; keep one of them: delete or rename the other",
				other, StaticURL(f.Path)))
			continue
		}
		kept = append(kept, f)
	}
	return kept, diags
}

// Elsewhere finds files of the site folder that are not published (outside
// content/ and static/) whose path ends with a link's path, for the message
// of a link to a file the site does not have: a site moved from Docusaurus
// or Hugo without its static/ folder, or with its pictures in another
// folder, or in a Hugo theme's static/. The site folder is walked once, on
// the first call, skipping the folders whose files are published or read
// already (content/, static/, layouts/, the data folder), hidden and
// ignored names, node_modules, and the output folders of shiftbook, Hugo
// and Docusaurus.
func Elsewhere(fsys fs.FS, dataDir string) func(rel string) []string {
	var once sync.Once
	var files []string
	list := func() {
		// At the root: the folders a build reads, and the output folders.
		// (A Hugo theme's own static/, themes/NAME/static/, is looked in.)
		skip := map[string]bool{ContentDir: true, StaticDir: true, "layouts": true,
			"public": true, "resources": true, "build": true}
		if dataDir != "" {
			skip[dataDir] = true
		}
		const most = 20000 // a folder of this many files is not walked further
		_ = fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || p == "." {
				return nil
			}
			if Ignored(e.Name()) || skip[p] || e.Name() == "node_modules" {
				if e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if len(files) >= most {
				return fs.SkipAll
			}
			if e.IsDir() {
				if _, err := fs.Stat(fsys, path.Join(p, "404.html")); err == nil {
					if _, err := fs.Stat(fsys, path.Join(p, "sitemap.xml")); err == nil {
						return fs.SkipDir // the output of a build
					}
				}
				return nil
			}
			if e.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		slices.Sort(files)
	}
	return func(rel string) []string {
		once.Do(list)
		rel = strings.TrimPrefix(rel, "/")
		if rel == "" {
			return nil
		}
		var found []string
		for _, f := range files {
			if f == rel || strings.HasSuffix(f, "/"+rel) {
				found = append(found, f)
			}
		}
		return found
	}
}
