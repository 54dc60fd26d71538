package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewTranslation: new page NAME --lang CODE writes NAME.CODE.md beside
// the original, its front matter copied and its text under a note saying it
// is still to be translated; the site still checks clean (the note is a
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
	want := "+++\ntitle = \"Our promise\"\nowner = \"CX\"\n+++\n\n> [!NOTE]\n> This page is still to be translated into Nederlands: translate its title and text below,\n> then remove this note and add translated = YYYY-MM-DD (the day) to the front matter.\n\nThe promise.\n"
	if string(got) != want {
		t.Errorf("translation:\n%s\nwant:\n%s", got, want)
	}
	if code, _, stderr := runArgs(t, "check", "-s", dir); code != 0 {
		t.Errorf("check after new --lang: exit %d\n%s", code, stderr)
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
