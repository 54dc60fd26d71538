package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Nothing outside the site folder is ever read: a link in the site (a
// symbolic link, as git and every file system keep them) is followed only
// as far as the site folder. A link to a file outside it
// (content/notes.txt -> /etc/passwd) would publish that file; it is an
// error naming the link. The content folder, and a site folder named in
// [build] linkedFolders, may itself be a link to a folder elsewhere: the
// site then reaches into that folder, and no further. The content folder
// needs no setting because linking it whole is a deliberate act at the
// site's root (content kept in another checkout, a generated corpus as
// ../shared/bench lays out), not a file slipped in among the pages.

// linkGuard follows links inside fsys lexically, with fs.ReadLink, so that
// it needs no path on disk and treats every file system alike.
type linkGuard struct {
	fsys    fs.FS
	linked  map[string]bool   // folders that may be links to outside
	checked map[string]string // folder → its problem ("" when fine)
}

func newLinkGuard(fsys fs.FS, linkedFolders []string) *linkGuard {
	g := &linkGuard{fsys: fsys, linked: map[string]bool{ContentDir: true}, checked: map[string]string{}}
	for _, f := range linkedFolders {
		g.linked[f] = true
	}
	return g
}

// errOutside is a link whose target leaves the site folder.
type errOutside struct{ link, target string }

func (e errOutside) Error() string {
	return fmt.Sprintf("%s is a link to %s, outside the site folder", e.link, e.target)
}

// maxLinks bounds how many links one path may go through (as the kernel
// bounds it), so that a loop of links ends.
const maxLinks = 40

// resolve follows every link in p, a slash path inside fsys, and returns
// the path it names inside fsys. It fails with errOutside when a link leads
// out of the site folder, or out of a linked folder it went into.
func (g *linkGuard) resolve(p string) (string, error) {
	todo := strings.Split(p, "/")
	var done []string
	floor := 0 // done[:floor] is a linked folder: ".." may not leave it
	hops := 0
	lastLink, lastTarget := p, p // the link being followed, for the error
	for len(todo) > 0 {
		part := todo[0]
		todo = todo[1:]
		switch part {
		case "", ".":
			continue
		case "..":
			if len(done) <= floor {
				return "", errOutside{link: lastLink, target: lastTarget}
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(done, part)...)
		info, err := fs.Lstat(g.fsys, cur)
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = append(done, part)
			continue
		}
		if floor == 0 && g.linked[cur] {
			// A folder the site says may live elsewhere: what is below it
			// is read through the link, and may not climb out of it.
			done = append(done, part)
			floor = len(done)
			continue
		}
		if hops++; hops > maxLinks {
			return "", fmt.Errorf("%s goes through more than %d links (a loop of links?)", p, maxLinks)
		}
		target, err := fs.ReadLink(g.fsys, cur)
		if err != nil {
			return "", err
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) || len(target) > 1 && target[1] == ':' {
			return "", errOutside{link: cur, target: target}
		}
		lastLink, lastTarget = cur, target
		todo = append(strings.Split(target, "/"), todo...)
	}
	return path.Join(done...), nil
}

// folder reports the problem of a folder a walk starts from (content/, the
// data folder, themes/NAME), once per folder: "" when it is inside the
// site, or a linked folder.
func (g *linkGuard) folder(dir string) string {
	if problem, ok := g.checked[dir]; ok {
		return problem
	}
	problem := ""
	if _, err := g.resolve(dir); err != nil {
		var out errOutside
		switch {
		case errors.As(err, &out) && out.link == dir:
			problem = fmt.Sprintf("is a link to %s, a folder outside the site folder; to build from it, "+
				"add linkedFolders = [%q] under [build] in site.toml, or move the folder into the site", out.target, dir)
		case errors.As(err, &out):
			problem = fmt.Sprintf("is inside %s, a link to %s outside the site folder; to build from it, "+
				"add linkedFolders = [%q] under [build] in site.toml", out.link, out.target, out.link)
		case errors.Is(err, fs.ErrNotExist):
			// A folder that is not there: the walk says so, or skips it.
		default:
			problem = fmt.Sprintf("cannot be read: %v", err)
		}
	}
	g.checked[dir] = problem
	return problem
}

// file checks a link met in a walk: it must name a file inside the site
// folder (or inside the linked folder it is in).
func (g *linkGuard) file(p string) *diag.Diagnostic {
	_, err := g.resolve(p)
	if err == nil {
		return nil
	}
	var out errOutside
	var d diag.Diagnostic
	switch {
	case errors.As(err, &out) && out.link == p:
		d = diag.File(p, "is a link to %s, outside the site folder, and shiftbook never serves or copies a file from outside it; "+
			"copy the file into the site folder instead of linking to it", out.target)
	case errors.As(err, &out):
		d = diag.File(p, "is a link that leads outside the site folder (through %s, a link to %s); "+
			"copy the file into the site folder instead of linking to it", out.link, out.target)
	default:
		d = diag.File(p, "is a link to something that cannot be read (%v); fix or remove the link", err)
	}
	return &d
}
