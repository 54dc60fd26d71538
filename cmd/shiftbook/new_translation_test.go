package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewTranslation: new page NAME --lang CODE writes NAME.CODE.md beside
// the original, its front matter copied but for what a translation shares
// with its original, and its text under a note saying it is still to be
// translated; the site still checks clean (the note is a
// callout). It refuses a language the site does not have, the default
// language, a page that does not exist and a translation that does.
func TestNewTranslation(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) { addFiles(t, dir, map[string]string{rel: text}) }
	write("site.toml", "title = \"T\"\n[languages.en]\n[languages.nl]\n")
	write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHome.\n")
	write("content/vision/promise.md", "+++\ntitle = \"Our promise\"\nowner = \"CX\"\n+++\nThe promise.\n")
	code, stdout, stderr := runArgs(t, "new", "page", "vision/promise", "--lang", "nl", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, filepath.Join("content", "vision", "promise.nl.md")) {
		t.Errorf("stdout %q does not name the new file", stdout)
	}
	got, err := os.ReadFile(filepath.Join(dir, "content", "vision", "promise.nl.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The owner is the original's, unless the translation names its own:
	// left out of the stub, as are the data a translation shares.
	want := "+++\ntitle = \"Our promise\"\n+++\n\n> [!NOTE]\n> This page is still to be translated into Nederlands: translate its title and text below,\n> then remove this note and add translated = YYYY-MM-DD (the day) to the front matter.\n" +
		"> What it shares with the original (its numbers, statuses, due dates, owners, tags)\n> is left out: the page has the original's, in every language.\n\nThe promise.\n"
	if string(got) != want {
		t.Errorf("translation:\n%s\nwant:\n%s", got, want)
	}
	if code, _, stderr := runArgs(t, "check", "-s", dir); code != 0 {
		t.Errorf("check after new --lang: exit %d\n%s", code, stderr)
	}
	// The stub is listed as unfinished until its note is removed.
	unfinished := "unfinished (1), the note of new --lang still in the text:\n    content/vision/promise.nl.md\n"
	if _, stdout, _ := runArgs(t, "check", "--translations", "-s", dir); !strings.Contains(stdout, unfinished) {
		t.Errorf("check --translations after new --lang does not list the stub as unfinished:\n%s", stdout)
	}
	write("content/vision/promise.nl.md", "+++\ntitle = \"Onze belofte\"\nowner = \"CX\"\n+++\nDe belofte.\n")
	if _, stdout, _ := runArgs(t, "check", "--translations", "-s", dir); strings.Contains(stdout, "unfinished") || !strings.Contains(stdout, "1 of 2 pages translated") {
		t.Errorf("check --translations once the note is removed:\n%s", stdout)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"vision/promise", "--lang", "nl"}, "already exists"},
		{[]string{"vision/promise", "--lang", "de"}, `"de" is not one of the site's languages: a page can be translated into nl (Nederlands); use one of those, or add [languages.de] to site.toml`},
		{[]string{"vision/promise", "--lang", "en"}, "default language"},
		{[]string{"vision/nowhere", "--lang", "nl"}, "there is no page"},
	} {
		code, _, stderr := runArgs(t, append(append([]string{"new", "page"}, tt.args...), "-s", dir)...)
		if code == 0 || !strings.Contains(stderr, tt.want) {
			t.Errorf("new page %v: exit %d, stderr %q; want an error saying %q", tt.args, code, stderr, tt.want)
		}
	}
}

// TestNewTranslationLanguageCase: --lang in any letter case names the file
// with the code as site.toml spells it, and a translation already there
// under another letter case of the code, or in another form of the page
// (promise/index.nl.md), is refused by name rather than doubled.
func TestNewTranslationLanguageCase(t *testing.T) {
	for _, tt := range []struct {
		name     string
		tables   string // the [languages] tables of site.toml
		existing string // a translation already in content/vision/, if any
		lang     string
		want     string // the file written, under content/vision/
		wantErr  string
	}{
		{name: "upper case typed", tables: "[languages.en]\n[languages.nl]\n", lang: "NL", want: "promise.nl.md"},
		{name: "mixed case typed", tables: "[languages.en]\n[languages.nl]\n", lang: "Nl", want: "promise.nl.md"},
		{name: "region as site.toml spells it", tables: "[languages.en]\n[languages.pt-BR]\n", lang: "pt-br", want: "promise.pt-BR.md"},
		{name: "existing in upper case", tables: "[languages.en]\n[languages.nl]\n", existing: "promise.NL.md", lang: "nl",
			wantErr: filepath.Join("content", "vision", "promise.NL.md") + " already exists: it is the Nederlands translation of " + filepath.Join("content", "vision", "promise.md") + "; edit it, or remove it to start again"},
		{name: "existing as typed", tables: "[languages.en]\n[languages.nl]\n", existing: "promise.nl.md", lang: "NL",
			wantErr: filepath.Join("content", "vision", "promise.nl.md") + " already exists: it is the Nederlands translation"},
		{name: "existing in the folder form", tables: "[languages.en]\n[languages.nl]\n", existing: "promise/index.Nl.md", lang: "nl",
			wantErr: filepath.Join("content", "vision", "promise", "index.Nl.md") + " already exists: it is the Nederlands translation"},
		{name: "another language's file is no obstacle", tables: "[languages.en]\n[languages.nl]\n[languages.de]\n", existing: "promise.de.md", lang: "NL", want: "promise.nl.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"site.toml":                 "title = \"T\"\n" + tt.tables,
				"content/_index.md":         "+++\ntitle = \"Home\"\n+++\nHome.\n",
				"content/vision/promise.md": "+++\ntitle = \"Our promise\"\n+++\nThe promise.\n",
			}
			if tt.existing != "" {
				files["content/vision/"+tt.existing] = "+++\ntitle = \"Al vertaald\"\n+++\nAl vertaald.\n"
			}
			addFiles(t, dir, files)
			code, stdout, stderr := runArgs(t, "new", "page", "vision/promise", "--lang", tt.lang, "-s", dir)
			if tt.wantErr != "" {
				// The files are named from the folder -s gave.
				stderr = strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
				if code != 1 || !strings.Contains(stderr, tt.wantErr) {
					t.Errorf("exit %d, stderr %q; want exit 1 saying %q", code, stderr, tt.wantErr)
				}
				if tt.existing != "" {
					if got, _ := os.ReadFile(filepath.Join(dir, "content", "vision", filepath.FromSlash(tt.existing))); !strings.Contains(string(got), "Al vertaald") {
						t.Errorf("the existing translation was changed:\n%s", got)
					}
				}
				entries, _ := os.ReadDir(filepath.Join(dir, "content", "vision"))
				for _, e := range entries {
					if e.Name() != "promise.md" && e.Name() != tt.existing && e.Name() != "promise" {
						t.Errorf("a refused new --lang wrote %s", e.Name())
					}
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, filepath.Join("content", "vision", tt.want)) {
				t.Errorf("stdout %q does not name %s", stdout, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "content", "vision", tt.want)); err != nil {
				t.Error(err)
			}
			if code, _, stderr := runArgs(t, "check", "-s", dir); code != 0 {
				t.Errorf("check after new --lang: exit %d\n%s", code, stderr)
			}
		})
	}
}
