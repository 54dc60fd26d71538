package pipeline

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/render"
	"github.com/shiftbook/shiftbook/generator/slug"
)

// A site with [languages] is built once per language: the default
// language's pages as a site of their own, and, for each other language,
// the same pages with each one that has a translation replaced by it (its
// path stays the original's, so that links and [[terms]] resolve within
// the language), the others shown in the default language with a banner.
// Every page thus exists in every language.

// translationInputs pairs the parsed translations with the pages they
// translate: language code → original's path → the translation, its page
// named by the original's path, with what it shares with its original
// (parse.ShareOriginal: its data, and the words and tags it leaves out).
// The diagnostics are those of sharing.
func translationInputs(site *load.Site, pages, parsed []link.Input) (map[string]map[string]link.Input, diag.List) {
	out := map[string]map[string]link.Input{}
	originals := map[string]link.Input{}
	for _, in := range pages {
		originals[in.Page.Path] = in
	}
	var diags diag.List
	for i, t := range site.Translations {
		in := parsed[i]
		page := *in.Page
		page.Path = t.Original
		in.Page, in.File = &page, t.Path
		o, ok := originals[t.Original]
		switch {
		case !ok:
			diags.Add(parse.ShareOriginal(t.Path, &page, nil)...)
		case !o.Unread:
			// An original that could not be read has nothing to share,
			// and its error is reported already.
			diags.Add(parse.ShareOriginal(t.Path, &page, o.Page)...)
		}
		if ok {
			in.Original = o.Page
		}
		if out[t.Lang] == nil {
			out[t.Lang] = map[string]link.Input{}
		}
		out[t.Lang][t.Original] = in
	}
	return out, diags
}

// TranslationState is what check --translations says of a translation
// file beyond what its language's site shows: a translation left out of
// the build is not a page that was never translated, and a stub of new
// --lang is a page not translated yet although it has its file.
type TranslationState struct {
	File string // the translation's file
	// Held, when set, says why the translation is not published: "draft",
	// or the publishDate or expiryDate that keeps it out of a build made
	// now. A build without --drafts leaves it out and shows the page in
	// the default language; with --drafts it is still not done.
	Held string
	// Unfinished is set while the note new --lang writes at the top is
	// still in its text (load.Unfinished).
	Unfinished bool
}

// translationStates are the TranslationState of every translation, by
// language code and original's path, for a build made at now.
func translationStates(translated map[string]map[string]link.Input, now time.Time) map[string]map[string]TranslationState {
	out := make(map[string]map[string]TranslationState, len(translated))
	for code, byPath := range translated {
		states := make(map[string]TranslationState, len(byPath))
		for original, t := range byPath {
			m := &t.Page.Meta
			st := TranslationState{File: t.File, Unfinished: load.Unfinished(t.Page.Body)}
			switch {
			case m.Draft:
				st.Held = "draft"
			case !m.PublishDate.IsZero() && now.Before(m.PublishDate):
				st.Held = "publishDate " + m.PublishDate.Format("2006-01-02")
			case !link.Published(m, now):
				st.Held = "expiryDate " + m.ExpiryDate.Format("2006-01-02")
			}
			states[original] = st
		}
		out[code] = states
	}
	return out
}

// languageInputs are the pages of one language: each default-language
// page, or its translation where there is one (and it is not a draft left
// out), and then the translations of pages the default language does not
// have (the page is in this language only; a translated section page of a
// folder the default language has no section page for). Each is a copy,
// so that a build that drops sources once a body is rendered drops the
// default language's without dropping this language's.
func languageInputs(inputs []link.Input, translated map[string]link.Input) []link.Input {
	out := make([]link.Input, len(inputs), len(inputs)+len(translated))
	have := make(map[string]bool, len(inputs))
	for i, in := range inputs {
		have[in.Page.Path] = true
		if t, ok := translated[in.Page.Path]; ok && !t.Draft && !in.Draft {
			out[i] = t
			continue
		}
		page := *in.Page
		in.Page = &page
		in.Fallback = !in.Draft
		out[i] = in
	}
	var own []string
	for path := range translated {
		if !have[path] {
			own = append(own, path)
		}
	}
	slices.Sort(own)
	for _, path := range own {
		out = append(out, translated[path])
	}
	return out
}

// renameFiles gives the diagnostics about a page read from a file of
// another name (content/pay.en.md, the page content/pay.md; see
// load.Site.Renamed) that file's name.
func renameFiles(diags diag.List, renamed map[string]string) diag.List {
	if len(renamed) == 0 {
		return diags
	}
	for i, d := range diags {
		if file, ok := renamed[d.Path]; ok {
			d.Path = file
		}
		for page, file := range renamed {
			if strings.Contains(d.Message, page) {
				d.Message = replacePath(d.Message, page, file)
			}
		}
		diags[i] = d
	}
	return diags
}

// languageRemap gives the diagnostics of a language's site the path of
// the translation file they are about, and drops those already seen, and
// those about the data a translation shares with its original, which the
// default language's site reports at the original (parse.AboutShared;
// said holds what that site said, by saidKey).
func languageRemap(diags diag.List, trans map[string]link.Input, seen, said map[string]bool) diag.List {
	var out diag.List
	for _, d := range diags {
		if t, ok := trans[d.Path]; ok && !t.Draft {
			if t.Original != nil && t.Page.AboutShared(d.Line, said[saidKey(d)]) {
				continue
			}
			d.Path = t.File
		}
		for original, t := range trans {
			// The other page a message names is its translation too.
			if !t.Draft && strings.Contains(d.Message, original) {
				d.Message = replacePath(d.Message, original, t.File)
			}
		}
		if key := d.String(); !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// saidKey is what a diagnostic says where, but for its line: a
// translation's diagnostic about its original's data says what the
// original's does, on a line of its own file.
func saidKey(d diag.Diagnostic) string {
	return fmt.Sprintf("%s\x00%d\x00%s", d.Path, d.Severity, d.Message)
}

// renderLanguages are the trees of the site's languages: the default at
// the root, each other under its code.
func renderLanguages(cfg parse.Config) []render.Language {
	var out []render.Language
	for i, l := range cfg.Languages {
		prefix := ""
		if i > 0 {
			prefix = slug.LanguagePrefix(l.Code)
		}
		out = append(out, render.Language{Code: l.Code, Name: l.Name, Direction: l.Direction, Prefix: prefix})
	}
	return out
}

// shareBodies gives each page of a language shown untranslated the body
// the default language rendered: the same markdown, made once. Its links
// and the tooltips of its terms are filled in per language (see
// link.PlaceTerm).
func shareBodies(inputs []link.Input, original *link.Site) {
	if original == nil {
		return
	}
	for i := range inputs {
		if !inputs[i].Fallback {
			continue
		}
		if p := original.ByPath(inputs[i].Page.Path); p != nil && p.Body != nil {
			inputs[i].Body = p.Body
		}
	}
}

// behindTranslations warns of each translation whose original changed
// after it was translated (see link.TranslationBehind), at the key its day
// is written in (see link.TranslationBasis).
func behindTranslations(cfg parse.Config, translated map[string]map[string]link.Input) diag.List {
	var diags diag.List
	for _, l := range cfg.Languages {
		for _, t := range translated[l.Code] {
			changed, behind := link.TranslationBehind(t.Original, t.Page)
			if !behind {
				continue
			}
			key, basis := link.TranslationBasis(t.Page)
			// Without translated or reviewed the translation's own
			// dates stand in, and the message says which it went by.
			since := fmt.Sprintf("after it was translated (%s = %s)", key, basis.Format("2006-01-02"))
			if key == "lastmod" || key == "date" {
				since = fmt.Sprintf("after this translation's own %s (%s; it has no translated date)", key, basis.Format("2006-01-02"))
			}
			d := diag.Warning(diag.AtLine(t.File, t.Page.Source, max(t.Page.Meta.Line(key), 1), 1,
				"this translation into %s may be out of date: %s changed on %s, %s; bring it up to date with its original, then set translated to that day",
				l.Name, t.Original.Path, changed.Format("2006-01-02"), since))
			d.Kind = "translations"
			d.Owner = t.Page.Meta.Owner
			diags.Add(d)
		}
	}
	return diags
}

// emptyTranslations warns of each translation that has front matter but
// no text while its original has text: its readers would see an empty
// page where the original's text (with the banner) says more.
func emptyTranslations(cfg parse.Config, translated map[string]map[string]link.Input) diag.List {
	var diags diag.List
	for _, l := range cfg.Languages {
		for _, t := range translated[l.Code] {
			if t.Original == nil || t.Page == nil || t.Unread || len(bytes.TrimSpace(t.Page.Body)) > 0 || len(bytes.TrimSpace(t.Original.Body)) == 0 {
				continue
			}
			line := max(bytes.Count(t.Page.Source[:min(t.Page.BodyOffset, len(t.Page.Source))], []byte("\n")), 1)
			d := diag.Warning(diag.AtLine(t.File, t.Page.Source, line, 1,
				"this translation into %s has no text, but %s has: its readers see an empty page; translate the text below the front matter, or remove this file to show them the original with a note that it is not translated",
				l.Name, t.Original.Path))
			d.Kind = "translations"
			diags.Add(d)
		}
	}
	return diags
}

// languageAddressClashes reports the default language's pages whose
// addresses are in another language's tree (content/nl.md is /nl/, the
// Dutch home page): that tree would write over them. A folder of such
// pages (content/nl/…, as Hugo's one-folder-per-language layout has them)
// is one mistake, reported once, at its first page.
func languageAddressClashes(cfg parse.Config, site *link.Site) diag.List {
	var diags diag.List
	if len(cfg.Languages) < 2 || site == nil {
		return nil
	}
	for _, l := range cfg.Languages[1:] {
		prefix := "/" + slug.LanguagePrefix(l.Code)
		folder := load.ContentDir + prefix
		inFolder, first := 0, ""
		for _, p := range site.Pages {
			if p.Virtual || (p.URL != prefix && !strings.HasPrefix(p.URL, prefix)) {
				continue
			}
			if strings.HasPrefix(strings.ToLower(p.Path), folder) {
				if inFolder++; first == "" || p.Path < first {
					first = p.Path
				}
				continue
			}
			diags.Add(diag.AtLine(p.Path, p.Source, 1, 1,
				"this page would be written to %s, where the %s pages are: rename the file, or give it another address with slug", p.URL, l.Name))
		}
		if inFolder > 0 {
			diags.Add(diag.AtLine(first, site.ByPath(first).Source, 1, 1,
				"the folder %s holds %d pages whose addresses start with %s, where the %s pages are; a translation sits beside its original with the language in its name (vision/promise.%s.md for vision/promise.md): move each page there and rename it, or rename the folder",
				strings.TrimSuffix(folder, "/"), inFolder, prefix, l.Name, l.Code))
		}
	}
	return diags
}

// replacePath replaces each mention of the file path old in msg by new:
// where old is followed by the end, a space or punctuation, not by more
// of a longer name (content/plan.md is not in content/plan.md.bak).
func replacePath(msg, old, new string) string {
	var b strings.Builder
	for {
		i := strings.Index(msg, old)
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		end := i + len(old)
		b.WriteString(msg[:i])
		if end < len(msg) && pathByte(msg[end]) {
			b.WriteString(old)
		} else {
			b.WriteString(new)
		}
		msg = msg[end:]
	}
}

// pathByte reports whether c may continue a file path in a message.
func pathByte(c byte) bool {
	return c == '/' || c == '.' || c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
