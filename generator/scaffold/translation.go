package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/shiftbook/shiftbook/generator/load"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// NewTranslation starts a translation of an existing page into lang, one
// of the site's languages other than the default: the file beside the
// original with the language's code before .md (promise.nl.md), holding
// the original's front matter as it is, but for the keys a translation
// shares with its original (parse.TranslationStub: its data, tags, weight
// and owner), and its text, under a note that says the text is still to
// be translated (shown on the page, so readers see it too, until the
// translator removes it). It never overwrites a file.
func NewTranslation(dir, shown string, name Name, lang string) (Page, error) {
	var res Page
	src, err := os.ReadFile(filepath.Join(dir, parse.ConfigFile))
	if err != nil {
		return res, fmt.Errorf("no site.toml in %s; run shiftbook new in a site folder, or pass -s DIR", shown)
	}
	cfg, _ := parse.ReadConfig(src)
	var codes, named []string
	var target *parse.Language
	for i, l := range cfg.Languages {
		if i > 0 {
			codes = append(codes, l.Code)
			named = append(named, l.Code+" ("+l.Name+")")
		}
		if strings.EqualFold(l.Code, lang) {
			target = &cfg.Languages[i]
		}
	}
	switch {
	case len(cfg.Languages) < 2:
		return res, fmt.Errorf("the site has one language: add [languages.%s] (and the default language's table) to site.toml first", lang)
	case target == nil:
		// As load says of a file named so: the list is the help (every
		// two-letter code is near every other).
		return res, fmt.Errorf("%q is not one of the site's languages: a page can be translated into %s; use one of those, or add [languages.%s] to site.toml", lang, strings.Join(named, ", "), lang)
	case target.Code == cfg.Languages[0].Code:
		return res, fmt.Errorf("%s is the site's default language, the one pages are written in; translate into %s", target.Name, strings.Join(codes, ", "))
	}
	rel := name.ContentPath()
	stem := strings.TrimSuffix(rel, ".md")
	var original string
	for _, p := range []string{rel, stem + "/_index.md", stem + "/index.md"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
			original = p
			break
		}
	}
	if original == "" {
		return res, fmt.Errorf("there is no page %s to translate; name a page the site has, as its path under %s/ without .md", filepath.Join(shown, filepath.FromSlash(rel)), load.ContentDir)
	}
	text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(original)))
	if err != nil {
		return res, fmt.Errorf("cannot read %s: %v", original, err)
	}
	// The code as site.toml spells it: the file names and the tables
	// agree, whatever case --lang was typed in.
	out := path.Join(path.Dir(original), strings.TrimSuffix(path.Base(original), ".md")+"."+target.Code+".md")
	existing, err := existingTranslation(dir, stem, target.Code)
	if err != nil {
		return res, err
	}
	if existing != "" {
		return res, fmt.Errorf("%s already exists: it is the %s translation of %s; edit it, or remove it to start again",
			filepath.Join(shown, filepath.FromSlash(existing)), target.Name, filepath.Join(shown, filepath.FromSlash(original)))
	}
	front, body := splitFrontMatter(text)
	stub, left := parse.TranslationStub(original, text)
	if stub != nil {
		front = stub
	}
	var b bytes.Buffer
	b.Write(front)
	if len(front) > 0 && !bytes.HasSuffix(front, []byte("\n")) {
		b.WriteByte('\n')
	}
	key := "translated = YYYY-MM-DD"
	if bytes.HasPrefix(front, []byte("---")) {
		key = "translated: YYYY-MM-DD"
	}
	// check --translations lists the translation as unfinished while
	// this note is there (load.Unfinished).
	fmt.Fprintf(&b, "\n> [!NOTE]\n> %s%s: translate its title and text below,\n> then remove this note and add %s (the day) to the front matter.\n", load.StubNote, target.Name, key)
	if left {
		b.WriteString("> What it shares with the original (its numbers, statuses, due dates, owners, tags)\n> is left out: the page has the original's, in every language.\n")
	}
	b.WriteString("\n")
	b.Write(bytes.TrimLeft(body, "\n"))
	if err := createFile(dir, out, b.Bytes()); err != nil {
		return res, err
	}
	res.Path = out
	return res, nil
}

// existingTranslation is the file, if any, that already translates the
// page stem (content/vision/promise) into code: in any of the page's forms
// (promise, promise/index, promise/_index) and with the code in any letter
// case, since the build reads promise.NL.md as Dutch too and would report
// a second translation.
func existingTranslation(dir, stem, code string) (string, error) {
	for _, form := range []string{stem, stem + "/_index", stem + "/index"} {
		folder, base := path.Split(form)
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(folder)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		for _, e := range entries {
			name := e.Name()
			suffix, ok := strings.CutPrefix(name, base+".")
			if !ok || !strings.HasSuffix(suffix, ".md") {
				continue
			}
			if strings.EqualFold(strings.TrimSuffix(suffix, ".md"), code) {
				return folder + name, nil
			}
		}
	}
	return "", nil
}

// splitFrontMatter cuts a page into its front matter (the +++ or ---
// lines and what is between them) and its text.
func splitFrontMatter(src []byte) (front, body []byte) {
	for _, fence := range []string{"+++", "---"} {
		if !bytes.HasPrefix(src, []byte(fence+"\n")) && !bytes.HasPrefix(src, []byte(fence+"\r\n")) {
			continue
		}
		rest := src[len(fence)+1:]
		for i := 0; i < len(rest); {
			end := bytes.IndexByte(rest[i:], '\n')
			line := rest[i:]
			if end >= 0 {
				line = rest[i : i+end]
			}
			if strings.TrimRight(string(line), "\r") == fence {
				cut := len(fence) + 1 + i + len(line)
				if end >= 0 {
					cut++
				}
				return src[:cut], src[cut:]
			}
			if end < 0 {
				break
			}
			i += end + 1
		}
	}
	return nil, src
}
