package link

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// external reports destinations that leave the site: a scheme (https:,
// mailto:, tel:) or a protocol-relative //host.
func external(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	u, err := url.Parse(dest)
	return err == nil && u.Scheme != ""
}

// resolveLinks maps every link and image of a page to a site-absolute URL,
// reporting those that point at no page, file or anchor.
func (s *Site) resolveLinks(p *Page) diag.List {
	var diags diag.List
	p.Targets = make([]string, len(p.Body.Links))
	for i, l := range p.Body.Links {
		target, msg := s.resolve(p, l.Dest)
		if msg != "" {
			d := diag.At(p.Path, p.Source, p.BodyOffset+l.Offset, "%s", msg)
			d.Kind = "links"
			if start, end, repl, ok := s.anchorFix(p, l); ok {
				d = d.WithFix(p.Source, start, end, repl)
			}
			diags.Add(d)
			continue
		}
		p.Targets[i] = target
		if l.Image {
			if d, ok := spacedImage(p, l, target); ok {
				diags.Add(d)
			}
		}
	}
	return diags
}

// spacedImage warns about an image whose file name has a space: the page
// shows it, but the address breaks when it is copied into mail, chat or
// another tool, and the file is awkward to link by hand.
func spacedImage(p *Page, l markdown.Link, target string) (diag.Diagnostic, bool) {
	file, _, _ := strings.Cut(target, "#")
	name := path.Base(file)
	if !strings.ContainsAny(name, " \t") {
		return diag.Diagnostic{}, false
	}
	better := strings.Join(strings.Fields(name), "-")
	d := diag.Warning(diag.At(p.Path, p.Source, p.BodyOffset+l.Offset,
		"image %q has a space in its file name; rename the file to %q and change the link to match", name, better))
	d.Kind = "images"
	return d, true
}

// resolve returns the site-absolute URL (with fragment) of a destination
// written in page p, or a message saying why it goes nowhere.
//
// A destination ending in .md is a file path, relative to the page's file
// (or to content/ when it starts with /). Any other destination is a URL,
// relative to the page's URL as a browser would take it; a file that is not
// a page (an image) is first looked for beside the page's file.
func (s *Site) resolve(p *Page, dest string) (string, string) {
	if ref, ok := markdown.RefDest(dest); ok {
		return s.resolveRef(p, ref)
	}
	if name, ok := markdown.CallIn(dest); ok {
		return "", callInAddress(name)
	}
	raw, frag, _ := strings.Cut(dest, "#")
	if q := strings.IndexByte(raw, '?'); q >= 0 {
		raw = raw[:q] // before unescaping: %3F is a ? of the file name
	}
	if unescaped, err := url.PathUnescape(raw); err == nil {
		raw = unescaped
	}
	var target *Page
	var targetURL string
	switch {
	case raw == "":
		target, targetURL = p, p.URL
	case strings.EqualFold(path.Ext(raw), ".md"):
		file := path.Join(path.Dir(p.Path), raw)
		if strings.HasPrefix(raw, "/") {
			file = path.Join(load.ContentDir, raw)
		}
		target = s.pageByFile(file)
		if target == nil {
			if f := s.staticFile(load.StaticURL(file)); f != "" {
				return f + fragment(frag), "" // a file of static/ (notes.md), no page
			}
			if d, ok := s.drafts[file]; ok {
				return "", s.draftLink(raw, d)
			}
			return "", fmt.Sprintf("link to %s, which does not exist%s", raw, s.suggestFile(p, raw, file))
		}
		targetURL = target.URL
	default:
		u := raw
		if !strings.HasPrefix(u, "/") {
			u = path.Join(p.URL, raw)
		}
		u = path.Clean("/" + u)
		if ext := path.Ext(u); ext != "" && s.ByURL[u+"/"] == nil && s.Generated[u+"/"] == nil {
			// A dot in the last part names a file, unless a page has that
			// name ("node.js.md" is the page /node.js/).
			// A file: beside the page's file first (how authors think of
			// images), then as a URL.
			besideFile := load.StaticURL(path.Join(path.Dir(p.Path), raw))
			if f := s.staticFile(besideFile); !strings.HasPrefix(raw, "/") && f != "" {
				return f + fragment(frag), ""
			}
			if f := s.staticFile(u); f != "" {
				return f + fragment(frag), ""
			}
			switch {
			case (u == "/sitemap.xml" || u == "/index.xml") && !s.Config.HasSitemap():
				// The feed's links are absolute, as the sitemap's are.
				return "", fmt.Sprintf("link to %s, which is written only when site.toml sets baseURL (the address the site is published at, such as baseURL = \"https://cx.example.com/\"); add baseURL, or remove the link", raw)
			case u == "/index.xml" || u == "/sitemap.xml" || u == "/404.html":
				return u, ""
			}
			return "", s.missingFile(raw, u)
		}
		if u != "/" {
			u += "/"
		}
		// As a browser reads it, from the page's address; else as GitHub
		// reads it, from the file's folder (the two differ for every page
		// that is not a folder's own page). Either in any letter case: the
		// link is written with the address's own. The second reading is
		// made only when the first finds nothing (most links are found).
		readings := func(yield func(string) bool) {
			if !yield(u) || strings.HasPrefix(raw, "/") {
				return
			}
			fromFile := path.Clean("/" + path.Join(path.Dir(strings.TrimPrefix(p.Path, load.ContentDir+"/")), raw))
			if fromFile != "/" {
				fromFile += "/"
			}
			if fromFile != u {
				yield(fromFile)
			}
		}
		for c := range readings {
			if target = s.ByURL[strings.ToLower(c)]; target != nil {
				break
			}
			if anchors, ok := s.Generated[strings.ToLower(c)]; ok {
				c = strings.ToLower(c)
				if frag != "" && !anchors[frag] {
					return "", fmt.Sprintf("link to %s#%s: %s has no anchor %q", raw, frag, c, frag)
				}
				return c + fragment(frag), ""
			}
		}
		if target == nil {
			shown := raw
			if raw != u {
				shown += " (" + u + ")"
			}
			if d, ok := s.drafts[u]; ok {
				return "", s.draftLink(raw, d)
			}
			return "", fmt.Sprintf("link to %s, which is not a page of the site%s", shown, s.suggestURL(u))
		}
		targetURL = target.URL
	}
	if frag != "" && !target.Anchors[frag] && !target.Unread {
		if translatedAway(p, target) {
			return targetURL, ""
		}
		return "", missingAnchor(dest, frag, target)
	}
	return targetURL + fragment(frag), ""
}

// missingFile is the message of a link to a file the site does not
// have. A link from the root (/img/logo.png, as Hugo and Docusaurus sites
// link the files of their static/ folder) says where the file goes, and
// names the file when it is elsewhere in the site folder, not published.
func (s *Site) missingFile(raw, u string) string {
	msg := fmt.Sprintf("link to %s, which is neither a page nor a file of the site", raw)
	if !strings.HasPrefix(raw, "/") {
		return msg + "; put the file under content/ or fix the path"
	}
	want := load.StaticDir + u
	if s.elsewhere != nil {
		if found := s.elsewhere(u); len(found) > 0 {
			if len(found) > 3 {
				found = append(found[:3:3], fmt.Sprintf("%d more", len(found)-3))
			}
			verb, it := "is", "it"
			if len(found) > 1 {
				verb, it = "are", "the one you mean"
			}
			return msg + fmt.Sprintf("; %s %s in the site folder, but only the files under %s/ and %s/ are published: move %s to %s, which is published as %s",
				diag.Words(found), verb, load.StaticDir, load.ContentDir, it, want, u)
		}
	}
	return msg + fmt.Sprintf("; put the file at %s (the files of %s/ are published at the site's root, as in Hugo and Docusaurus) or at %s%s, or fix the path",
		want, load.StaticDir, load.ContentDir, u)
}

func fragment(f string) string {
	if f == "" {
		return ""
	}
	return "#" + f
}

// suggestFile is the did-you-mean of a link to a missing file, written
// as the link must be written: relative to the page's folder, or from
// content/ when the link starts with /.
func (s *Site) suggestFile(from *Page, raw, file string) string {
	written := func(target string) string {
		if strings.HasPrefix(raw, "/") {
			return strings.TrimPrefix(target, load.ContentDir)
		}
		return relPath(path.Dir(from.Path), target)
	}
	// "vision.md" for the folder vision/ is the commonest slip: its page is
	// vision/_index.md (or its README.md or index.md).
	for _, index := range []string{"/_index.md", "/index.md", "/README.md"} {
		if f := strings.TrimSuffix(file, path.Ext(file)) + index; s.byPath[f] != nil {
			return diag.DidYouMeanAs(written(f))
		}
	}
	paths := make([]string, 0, len(s.byPath))
	for p := range s.byPath {
		if p != from.Path { // a page does not link to itself by name
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	// The whole paths share much, so the file names must be close too.
	if sug := diag.Suggest(file, paths); sug != "" && diag.Suggest(path.Base(file), []string{path.Base(sug)}) != "" {
		return diag.DidYouMeanAs(written(sug))
	}
	return "; check the file name and the ../ steps"
}

// relPath is the relative path from folder dir to file target, both
// slash paths from the site root.
func relPath(dir, target string) string {
	from := strings.Split(dir, "/")
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	parts := make([]string, 0, len(from)-i+len(to)-i)
	for range from[i:] {
		parts = append(parts, "..")
	}
	return strings.Join(append(parts, to[i:]...), "/")
}

func (s *Site) suggestURL(u string) string {
	urls := slices.Sorted(maps.Keys(s.ByURL))
	// As for files: the last parts must be close too, or "/a/b/x/" would
	// suggest any "/a/b/" page.
	if sug := diag.Suggest(u, urls); sug != "" && diag.Suggest(path.Base(u), []string{path.Base(sug)}) != "" {
		return diag.DidYouMeanAs(sug)
	}
	return "; relative links are taken from the page's own address, or from its file's folder as GitHub does; or link to the .md file instead"
}

// resolveBook lists the book's chapters: [book] chapters of site.toml (a
// section folder or a page path each), else every section that is not part
// of the reference (definitions and metrics, which the book gives as its
// glossary and scorecard), by weight. Journeys are chapters: they are how
// the company wants customers to experience its offering.
func (s *Site) resolveBook() diag.List {
	var diags diag.List
	if len(s.Config.Book.Chapters) == 0 {
		for _, c := range s.Home.Children {
			if k, ok := kind.InFolder(c.Section); ok && k.Reference {
				continue
			}
			s.Book = append(s.Book, c)
		}
		return nil
	}
	var known []string
	for u := range s.ByURL {
		known = append(known, strings.Trim(u, "/"))
	}
	sort.Strings(known)
	for _, ch := range s.Config.Book.Chapters {
		name := strings.Trim(strings.TrimSuffix(strings.TrimPrefix(ch, load.ContentDir+"/"), ".md"), "/")
		name = strings.TrimSuffix(name, "/_index")
		p := s.ByURL["/"+slug.URLPart(name)+"/"]
		if name == "" {
			p = nil
		}
		if p == nil {
			msg := fmt.Sprintf("book chapter %q is not a section or page of content/", ch) + diag.DidYouMean(name, known, "")
			diags.Add(diag.AtLine(parse.ConfigFile, s.Config.Source, s.Config.Lines.Line("book", "chapters"), 1, "%s", msg))
			continue
		}
		s.Book = append(s.Book, p)
	}
	return diags
}

func (s *Site) draftLink(raw string, draft *parse.Page) string {
	fm := draft.Meta
	switch {
	case fm.Draft:
		return fmt.Sprintf("link to %s, which is a draft (%s has draft = true) and is left out of the site; remove draft = true when it is ready, or build with --drafts", raw, draft.Path)
	case !fm.PublishDate.IsZero() && s.Now.Before(fm.PublishDate):
		return fmt.Sprintf("link to %s, which is left out of the site until its publishDate, %s (%s); link to it from then, or build with --drafts", raw, when(fm.PublishDate), draft.Path)
	default:
		return fmt.Sprintf("link to %s, which is left out of the site since its expiryDate, %s (%s); remove the link, or the expiryDate", raw, when(fm.ExpiryDate), draft.Path)
	}
}

// when is a date as an author wrote it: with the time only when it has one.
func when(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04 UTC")
}

// Published reports whether a page is in a build made at now: its
// publishDate is not after now, and its expiryDate not before.
func Published(fm *parse.FrontMatter, now time.Time) bool {
	if !fm.PublishDate.IsZero() && now.Before(fm.PublishDate) {
		return false
	}
	return fm.ExpiryDate.IsZero() || now.Before(fm.ExpiryDate)
}

// pageByFile is the page of a content file: by its path; else in another
// letter case (Windows and macOS open it, so the author's preview
// worked); else, named with one of the site's languages
// (guide/README.zh-CN.md, pay.en.md, as sites written for GitHub, Hugo or
// mkdocs-static-i18n link their translations), the page in the language
// being built.
func (s *Site) pageByFile(file string) *Page {
	if p := s.byPath[file]; p != nil {
		return p
	}
	if p := s.byFoldedPath[strings.ToLower(file)]; p != nil {
		return p
	}
	if plain, ok := s.withoutLanguage(file); ok {
		if p := s.byPath[plain]; p != nil {
			return p
		}
		return s.byFoldedPath[strings.ToLower(plain)]
	}
	return nil
}

// withoutLanguage takes the code of one of the site's languages out of a
// markdown file's name: "content/pay.fr.md" → "content/pay.md".
func (s *Site) withoutLanguage(file string) (string, bool) {
	if len(s.Config.Languages) == 0 {
		return "", false
	}
	plain, code, ok := load.LanguageSuffix(file)
	if !ok {
		return "", false
	}
	for _, l := range s.Config.Languages {
		if strings.EqualFold(code, l.Code) {
			return plain, true
		}
	}
	return "", false
}

// staticFile is the address of the file of the site a link to u leads
// to, or "": on a site of several languages, the file named with the
// language being built first (image.fr.png for image.png on a French
// page, as mkdocs-static-i18n names them), then u, then the file named
// with the default language's code (image.en.png).
func (s *Site) staticFile(u string) string {
	if len(s.Config.Languages) == 0 {
		if s.Static[u] != "" {
			return u
		}
		return ""
	}
	def := s.Config.DefaultLanguage().Code
	candidates := []string{u, withLanguage(u, def)}
	if s.Config.Language != "" && s.Config.Language != def {
		candidates = append([]string{withLanguage(u, s.Config.Language)}, candidates...)
	}
	for _, c := range candidates {
		if c != "" && s.Static[c] != "" {
			return c
		}
	}
	return ""
}

// withLanguage names a file's translation into code: "/img/a.png", "fr"
// → "/img/a.fr.png"; "" for a name without an extension.
func withLanguage(u, code string) string {
	ext := path.Ext(u)
	if ext == "" || strings.HasSuffix(strings.TrimSuffix(u, ext), "/") {
		return ""
	}
	return strings.TrimSuffix(u, ext) + "." + code + ext
}
