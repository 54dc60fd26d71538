package load

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// Translation is a page's text in another language than the default: a
// markdown file beside its original with the language's code before .md
// (content/vision/promise.nl.md translates content/vision/promise.md).
type Translation struct {
	File
	// Lang is the code of its language, one of [languages] of site.toml.
	Lang string
	// Original is the path of the default-language file it translates.
	Original string
}

// LanguageSuffix splits the language code off a markdown file's name:
// "promise.nl.md" → "promise.md", "nl". ok is false when the name has no
// second dot.
func LanguageSuffix(p string) (original, code string, ok bool) {
	dir, name := path.Split(p)
	stem := name[:len(name)-len(path.Ext(name))]
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return "", "", false
	}
	return dir + stem[:i] + path.Ext(name), stem[i+1:], true
}

// splitTranslations takes the translations out of pages, for a site with
// [languages]: a file named with a configured language's code is a
// translation; one named with a code the site does not have is an error
// listing the languages it has. A file named with the default language's
// code (pay.en.md, as Hugo and mkdocs-static-i18n allow) is the page
// without it (pay.md), unless that file is there too; renamed maps each
// such page to its file. A site without [languages] keeps every file a
// page, as before it could have any.
func splitTranslations(cfg parse.Config, pages []File) (kept []File, out []Translation, renamed map[string]string, diags diag.List) {
	if len(cfg.Languages) == 0 {
		return pages, nil, nil, nil
	}
	def := cfg.Languages[0]
	byCode := map[string]parse.Language{}
	var othersNamed []string
	for _, l := range cfg.Languages {
		byCode[strings.ToLower(l.Code)] = l
		if l.Code != def.Code {
			othersNamed = append(othersNamed, fmt.Sprintf("%s (%s)", l.Code, l.Name))
		}
	}
	originals := map[string]string{} // page address → its file
	addresses := map[string]bool{}   // the address of every file, suffix and all
	for _, f := range pages {
		addresses[pageKey(f.Path)] = true
	}
	type suffixed struct {
		File
		original, code string
		lang           parse.Language
	}
	var inDefault []suffixed
	for _, f := range pages {
		original, code, ok := LanguageSuffix(f.Path)
		lang, configured := byCode[strings.ToLower(code)]
		// A suffix not configured is meant as a language when it is a
		// known code, or shaped as one beside the page it would translate
		// (promise.xx.md beside promise.md); else it is part of the name.
		meant := parse.LooksLikeLanguage(strings.ToLower(code)) ||
			parse.ShapedLikeLanguage(code) && addresses[pageKey(original)]
		switch {
		case !ok || !configured && !meant:
			kept = append(kept, f)
			originals[pageKey(f.Path)] = f.Path
		case !configured:
			// No did-you-mean: every two-letter code is near every other;
			// the list of the site's languages is the help.
			msg := fmt.Sprintf("%q is not one of the site's languages.", code) +
				" This file is neither a page nor a translation: the languages a translation can be in are " +
				strings.Join(othersNamed, ", ") + fmt.Sprintf("; rename the file, or add [languages.%s] to site.toml", code)
			if len(othersNamed) == 0 {
				msg = fmt.Sprintf("%q is not one of the site's languages. This file is neither a page nor a translation: the site has one language, %s (%s), whose pages have no code in their names; rename the file, or add [languages.%s] to site.toml to make it a translation", code, def.Name, def.Code, code)
			}
			diags.Add(diag.AtLine(f.Path, f.Data, 1, 1, "%s", msg))
		case lang.Code == def.Code:
			inDefault = append(inDefault, suffixed{File: f, original: original, code: code, lang: lang})
		default:
			out = append(out, Translation{File: f, Lang: lang.Code, Original: original})
		}
	}
	// The default language's code in a name: the page itself when no file
	// is named without it (and no other file with it, in another case),
	// else one file too many.
	sort.SliceStable(inDefault, func(i, j int) bool { return inDefault[i].Path < inDefault[j].Path })
	for _, f := range inDefault {
		key := pageKey(f.original)
		if other, taken := originals[key]; taken {
			shown := other
			if r, ok := renamed[other]; ok {
				shown = r
			}
			diags.Add(diag.AtLine(f.Path, f.Data, 1, 1,
				"this file and %s are both the %s page at %s (%s is the site's default language, which a file's name may leave out); keep one of them: move what this file has that the other lacks into it, then remove this one",
				shown, f.lang.Name, key, f.lang.Code))
			continue
		}
		if renamed == nil {
			renamed = map[string]string{}
		}
		renamed[f.original] = f.Path
		originals[key] = f.original
		kept = append(kept, File{Path: f.original, Data: f.Data, Same: f.Same})
	}
	// Two files translating one page into one language: the page's
	// address decides what "one page" is, so vision/promise.nl.md and
	// vision/promise/index.nl.md are the same.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	seen := map[string]string{}
	var unique []Translation
	for _, t := range out {
		key := t.Lang + " " + pageKey(t.Original)
		if first, dup := seen[key]; dup {
			diags.Add(diag.AtLine(t.Path, t.Data, 1, 1,
				"%s is a second translation of the same page into %s; %s is one already; keep one of them",
				t.Path, byCode[strings.ToLower(t.Lang)].Name, first))
			continue
		}
		seen[key] = t.Path
		unique = append(unique, t)
		if found, ok := originals[pageKey(t.Original)]; ok {
			unique[len(unique)-1].Original = found
		} else if !strings.HasSuffix(t.Original, "/_index.md") || !sectionHasPages(t.Original, originals) {
			// The page is in its own language only (as Hugo and
			// mkdocs-static-i18n publish it); a section page of a folder
			// of pages translates the section page made for the folder.
			name := byCode[strings.ToLower(t.Lang)].Name
			diags.Add(diag.Warning(diag.AtLine(t.Path, t.Data, 1, 1,
				"this translation has no original: there is no %s, so the page is in %s only; write the original, or, if this file translates another page, rename it to that page's name with .%s before .md",
				t.Original, name, t.Lang)))
		}
	}
	if cfg.LanguagesUnsure {
		// site.toml's error says what to fix; advice on file names made
		// from a languages table in doubt could only mislead (rename the
		// original's translation over it).
		return kept, unique, renamed, nil
	}
	return kept, unique, renamed, diags
}

// sectionHasPages reports whether the folder of the section page index
// (content/vision/_index.md) holds a page of the default language, so
// that the section is made for it without a file of its own.
func sectionHasPages(index string, originals map[string]string) bool {
	prefix := strings.TrimSuffix(pageKey(index), "/") + "/"
	for key := range originals {
		if strings.HasPrefix(key, prefix) && key != prefix {
			return true
		}
	}
	return false
}

// StubNote begins the sentence of the note new --lang puts at the top of a
// translation it starts ("This page is still to be translated into
// Nederlands: ..."): while the note is there, the translation is
// unfinished. It is here, not in the scaffold, so that what writes the
// note and what looks for it cannot drift apart.
const StubNote = "This page is still to be translated into "

// Unfinished reports whether a translation's markdown still holds the note
// of StubNote: in a blockquote (the callout new --lang writes), however
// its lines were wrapped since.
func Unfinished(body []byte) bool {
	if !bytes.Contains(body, []byte("still")) {
		return false // the common case, a finished translation: no work
	}
	var quote []byte // the text of the blockquote being read
	for line := range bytes.Lines(body) {
		if rest, quoted := bytes.CutPrefix(bytes.TrimLeft(line, " \t"), []byte(">")); quoted {
			quote = append(append(quote, ' '), rest...)
			continue
		}
		if holdsNote(quote) {
			return true
		}
		quote = quote[:0]
	}
	return holdsNote(quote)
}

// holdsNote reports whether a blockquote's text holds StubNote, its words
// spaced in any way.
func holdsNote(quote []byte) bool {
	return len(quote) > 0 && bytes.Contains(bytes.Join(bytes.Fields(quote), []byte(" ")), []byte(strings.TrimSpace(StubNote)))
}

// pageKey is the address a content file's page has, before any slug.
func pageKey(p string) string {
	base := path.Base(p)
	section := base == "_index.md" || base == "index.md" || base == "README.md"
	return slug.PageURL(p, "", section)
}
