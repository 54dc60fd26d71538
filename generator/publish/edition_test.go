package publish

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

var (
	day1 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
)

// site is a fake build: the files an edition holds.
type site map[string]string

// builder returns a Build function writing s, and records the previous
// edition's folder it was given.
func (s site) builder(prev *string) func(ctx context.Context, dir, previous string) error {
	return func(ctx context.Context, dir, previous string) error {
		if prev != nil {
			*prev = previous
		}
		for name, text := range s {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
}

func edition(version string) site {
	return site{
		"index.html":                "<p>home " + version + "</p>",
		"vision/promise/index.html": "<p>promise " + version + "</p>",
		"assets/site.css":           "body{}",
		"manifest.json":             `{"version":"` + version + `"}`,
	}
}

func mustPublish(t *testing.T, opts Options) *Result {
	t.Helper()
	res, err := Publish(context.Background(), opts)
	if err != nil {
		t.Fatalf("publish %s: %v", opts.Version, err)
	}
	return res
}

// treeHash hashes every path, kind, permission, content and link target
// under dir: equal hashes mean the trees are the same byte for byte. A
// missing dir hashes as "absent".
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return "absent"
	}
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%v\x00", rel, info.Mode())
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			fmt.Fprintf(h, "->%s", target)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write(data)
		}
		h.Write([]byte{0})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// files reads every regular file under dir by relative path.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// inodes maps every file under dir to its FileInfo, to tell whether a later
// publish left the very same files in place.
func inodes(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := os.Stat(p)
		out[p] = info
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFiles(t *testing.T, before map[string]os.FileInfo, dir string) {
	t.Helper()
	after := inodes(t, dir)
	if len(after) != len(before) {
		t.Errorf("%s: %d files, had %d", dir, len(after), len(before))
	}
	for p, info := range before {
		a, ok := after[p]
		switch {
		case !ok:
			t.Errorf("%s is gone", p)
		case !os.SameFile(info, a) || !a.ModTime().Equal(info.ModTime()):
			t.Errorf("%s was rewritten; an earlier edition must be left as it is", p)
		}
	}
}

func readEntries(t *testing.T, dest string) []Entry {
	t.Helper()
	entries, err := List(dest)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// leftovers lists what publish left beside dest other than its lock file.
func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(dest))
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(dest)+".publish-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestPublishTwoEditions(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	var prev1, prev2 string
	res := mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, SiteTitle: "CX", Build: edition("2026.3").builder(&prev1)})
	if res.Previous != "" || prev1 != "" || res.Replaced {
		t.Errorf("first edition: previous %q, build got %q, replaced %v; want none", res.Previous, prev1, res.Replaced)
	}
	first := inodes(t, filepath.Join(dest, "2026.3"))
	firstHash := treeHash(t, filepath.Join(dest, "2026.3"))

	res = mustPublish(t, Options{Dest: dest, Version: "2026.4", Now: day2, SiteTitle: "CX", Build: edition("2026.4").builder(&prev2)})
	if res.Previous != "2026.3" || prev2 != filepath.Join(dest, "2026.3") {
		t.Errorf("second edition: previous %q, build got %q; want 2026.3 and its folder", res.Previous, prev2)
	}

	want := []Entry{
		{Version: "2026.4", Title: "2026.4", Aliases: []string{"latest"}, Published: "2026-04-01"},
		{Version: "2026.3", Title: "2026.3", Aliases: []string{}, Published: "2026-03-01"},
	}
	if got := readEntries(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("versions.json:\n got %+v\nwant %+v", got, want)
	}
	raw, _ := os.ReadFile(filepath.Join(dest, VersionsFile))
	if !bytes.Equal(raw, EncodeVersions(want)) {
		t.Errorf("versions.json is not as written:\n%s", raw)
	}
	// The first edition is the very same files, untouched.
	sameFiles(t, first, filepath.Join(dest, "2026.3"))
	if got := treeHash(t, filepath.Join(dest, "2026.3")); got != firstHash {
		t.Error("the first edition changed")
	}
	// latest/ is a real folder holding a copy of 2026.4.
	if info, err := os.Lstat(filepath.Join(dest, "latest")); err != nil || !info.IsDir() {
		t.Fatalf("latest is not a folder: %v", err)
	}
	if got, want := files(t, filepath.Join(dest, "latest")), files(t, filepath.Join(dest, "2026.4")); !reflect.DeepEqual(got, want) {
		t.Errorf("latest/ differs from 2026.4/")
	}
	a, _ := os.Stat(filepath.Join(dest, "latest", "index.html"))
	b, _ := os.Stat(filepath.Join(dest, "2026.4", "index.html"))
	if os.SameFile(a, b) {
		t.Error("latest/ shares its files with 2026.4/; an alias is a copy")
	}
	index, _ := os.ReadFile(filepath.Join(dest, IndexFile))
	for _, s := range []string{`http-equiv="refresh" content="0; url=latest/"`, `<a href="latest/">`, "<title>CX</title>"} {
		if !strings.Contains(string(index), s) {
			t.Errorf("index.html lacks %q:\n%s", s, index)
		}
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

func TestRepublishReplacesOnlyThatEdition(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
	mustPublish(t, Options{Dest: dest, Version: "2026.4", Now: day1, Title: "Spring", Build: edition("2026.4").builder(nil)})
	first := inodes(t, filepath.Join(dest, "2026.3"))

	fresh := edition("2026.4")
	fresh["index.html"] = "<p>fresh data</p>"
	delete(fresh, "vision/promise/index.html")
	var prev string
	res := mustPublish(t, Options{Dest: dest, Version: "2026.4", Now: day2, Build: fresh.builder(&prev)})
	if !res.Replaced || res.Previous != "2026.3" || prev != filepath.Join(dest, "2026.3") {
		t.Errorf("republish: replaced %v, previous %q (%q); want true, 2026.3", res.Replaced, res.Previous, prev)
	}
	sameFiles(t, first, filepath.Join(dest, "2026.3"))
	for _, dir := range []string{"2026.4", "latest"} {
		got := files(t, filepath.Join(dest, dir))
		if got["index.html"] != "<p>fresh data</p>" {
			t.Errorf("%s/index.html = %q, want the new build", dir, got["index.html"])
		}
		if _, ok := got["vision/promise/index.html"]; ok {
			t.Errorf("%s still holds a page the new build dropped", dir)
		}
	}
	want := []Entry{
		{Version: "2026.4", Title: "Spring", Aliases: []string{"latest"}, Published: "2026-04-01"},
		{Version: "2026.3", Title: "2026.3", Aliases: []string{}, Published: "2026-03-01"},
	}
	if got := readEntries(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("versions.json:\n got %+v\nwant %+v", got, want)
	}
}

func TestAliases(t *testing.T) {
	tests := []struct {
		name    string
		steps   []Options // Dest and Build are filled in
		want    map[string][]string
		front   string
		folders []string // alias folders that must exist
		gone    []string // and must not
	}{
		{
			name:  "an older edition gets no alias by default",
			steps: []Options{{Version: "2026.4"}, {Version: "2026.3"}},
			want:  map[string][]string{"2026.4": {"latest"}, "2026.3": {}},
			front: "latest/", folders: []string{"latest"},
		},
		{
			name:  "natural order: 2026.10 is newer than 2026.9",
			steps: []Options{{Version: "2026.9"}, {Version: "2026.10"}},
			want:  map[string][]string{"2026.10": {"latest"}, "2026.9": {}},
			front: "latest/",
		},
		{
			name:  "an explicit alias moves from one edition to another",
			steps: []Options{{Version: "2026.4", Aliases: []string{"latest", "stable"}}, {Version: "2026.5-beta", Aliases: []string{"latest"}}},
			want:  map[string][]string{"2026.5-beta": {"latest"}, "2026.4": {"stable"}},
			front: "latest/", folders: []string{"latest", "stable"},
		},
		{
			name:  "no alias at all: index.html sends readers to the newest edition",
			steps: []Options{{Version: "1.0", Aliases: []string{}}, {Version: "2.0", Aliases: []string{}}},
			want:  map[string][]string{"2.0": {}, "1.0": {}},
			front: "2.0/", gone: []string{"latest"},
		},
		{
			name:  "a republish keeps the aliases the edition had",
			steps: []Options{{Version: "1.0", Aliases: []string{"stable", "latest"}}, {Version: "1.0", Aliases: []string{}}},
			want:  map[string][]string{"1.0": {"latest", "stable"}},
			front: "latest/", folders: []string{"latest", "stable"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "site")
			for _, o := range tt.steps {
				o.Dest, o.Now, o.Build = dest, day1, edition(o.Version).builder(nil)
				mustPublish(t, o)
			}
			entries := readEntries(t, dest)
			got := map[string][]string{}
			for _, e := range entries {
				got[e.Version] = e.Aliases
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("aliases = %v, want %v", got, tt.want)
			}
			if f := Front(entries); f != tt.front {
				t.Errorf("index.html sends readers to %q, want %q", f, tt.front)
			}
			for _, e := range entries {
				for _, a := range e.Aliases {
					if g, w := files(t, filepath.Join(dest, a)), files(t, filepath.Join(dest, e.Version)); !reflect.DeepEqual(g, w) {
						t.Errorf("%s/ is not a copy of %s/", a, e.Version)
					}
				}
			}
			for _, f := range tt.folders {
				if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
					t.Errorf("alias folder %s: %v", f, err)
				}
			}
			for _, f := range tt.gone {
				if _, err := os.Stat(filepath.Join(dest, f)); err == nil {
					t.Errorf("%s exists; it must not", f)
				}
			}
		})
	}
}

func TestCheckName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
		says string
	}{
		{"2026.4", true, ""},
		{"v1.2.3-rc1+build_7", true, ""},
		{"latest", true, ""},
		{"", false, "empty"},
		{"..", false, "not a folder name"},
		{".", false, "not a folder name"},
		{"../x", false, "leading dot"},
		{"a/b", false, "slash"},
		{`a\b`, false, "slash"},
		{"/abs", false, "slash"},
		{"my edition", false, "space"},
		{" 2026.4", false, "space"},
		{"2026.4\n", false, "space"},
		{".hidden", false, "leading dot"},
		{"-rf", false, `leading '-'`},
		{"a:b", false, `':'`},
		{"index.html", false, "file publish writes"},
		{"Versions.json", false, "file publish writes"},
		{strings.Repeat("9", 65), false, "longer than 64"},
		{"é", false, "'é'"},
	}
	for _, tt := range tests {
		err := CheckName("version", tt.name)
		switch {
		case tt.ok && err != nil:
			t.Errorf("CheckName(%q) = %v, want ok", tt.name, err)
		case !tt.ok && err == nil:
			t.Errorf("CheckName(%q) = ok, want an error", tt.name)
		case !tt.ok && !strings.Contains(err.Error(), tt.says):
			t.Errorf("CheckName(%q) = %q, want it to say %q", tt.name, err, tt.says)
		}
	}
}

func TestPublishRefusesBadNames(t *testing.T) {
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
	before := treeHash(t, dest)
	tests := []struct {
		version string
		aliases []string
		says    string
	}{
		{"..", nil, "not a folder name"},
		{"../../etc", nil, "cannot be a folder name"},
		{"a/b", nil, "slash"},
		{"my edition", nil, "space"},
		{"", nil, "empty"},
		{"2026.4", []string{"../up"}, "alias"},
		{"2026.4", []string{"2026.4"}, "the version itself"},
		{"2026.4", []string{"2026.3"}, "the name of edition 2026.3"},
		{"latest", nil, "already an alias"},
		{"LATEST", nil, "already an alias"},
	}
	for _, tt := range tests {
		_, err := Publish(context.Background(), Options{Dest: dest, Version: tt.version, Aliases: tt.aliases, Now: day2,
			Build: edition(tt.version).builder(nil)})
		if err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("publish %q %v: %v; want an error saying %q", tt.version, tt.aliases, err, tt.says)
		}
	}
	if treeHash(t, dest) != before {
		t.Error("a refused publish changed DEST")
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 2 { // site and its lock file
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside DEST: %v", names)
	}
}

func TestHostileVersionsFile(t *testing.T) {
	for _, text := range []string{
		`[{"version":"../../etc","aliases":[]}]`,
		`[{"version":"2026.4","aliases":["../x"]}]`,
		`[{"version":"2026.4","aliases":[]},{"version":"2026.4","aliases":[]}]`,
		`{"version":"2026.4"}`,
	} {
		dest := filepath.Join(t.TempDir(), "site")
		os.MkdirAll(dest, 0o755)
		os.WriteFile(filepath.Join(dest, VersionsFile), []byte(text), 0o644)
		before := treeHash(t, dest)
		_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.5", Now: day1, Build: edition("2026.5").builder(nil)})
		if err == nil || !strings.Contains(err.Error(), VersionsFile) {
			t.Errorf("versions.json %s: publish said %v; want it refused, naming the file", text, err)
		}
		if treeHash(t, dest) != before {
			t.Errorf("versions.json %s: DEST changed", text)
		}
	}
}

func TestDestThatIsNotAnEditionsFolder(t *testing.T) {
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "notes.txt"), []byte("mine"), 0o644)
	_, err := Publish(context.Background(), Options{Dest: dest, Version: "1.0", Now: day1, Build: edition("1.0").builder(nil)})
	if err == nil || !strings.Contains(err.Error(), "not a folder of published editions") {
		t.Errorf("publish into a folder of other files: %v", err)
	}
	// A fresh gh-pages checkout holds only hidden files: fine, and kept.
	dest = filepath.Join(t.TempDir(), "pages")
	os.MkdirAll(filepath.Join(dest, ".git"), 0o755)
	os.WriteFile(filepath.Join(dest, ".git", "HEAD"), []byte("ref"), 0o644)
	os.WriteFile(filepath.Join(dest, ".nojekyll"), nil, 0o644)
	git := inodes(t, filepath.Join(dest, ".git"))
	mustPublish(t, Options{Dest: dest, Version: "1.0", Now: day1, Build: edition("1.0").builder(nil)})
	sameFiles(t, git, filepath.Join(dest, ".git"))
	if _, err := os.Stat(filepath.Join(dest, ".nojekyll")); err != nil {
		t.Error(err)
	}
}

func TestDelete(t *testing.T) {
	setup := func(t *testing.T) string {
		dest := filepath.Join(t.TempDir(), "site")
		for _, v := range []string{"2026.2", "2026.3", "2026.4"} {
			mustPublish(t, Options{Dest: dest, Version: v, Now: day1, Build: edition(v).builder(nil)})
		}
		return dest
	}
	t.Run("an older edition", func(t *testing.T) {
		dest := setup(t)
		keep := inodes(t, filepath.Join(dest, "2026.2"))
		entries, err := Delete(context.Background(), DeleteOptions{Dest: dest, Version: "2026.3"})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 2 || entries[0].Version != "2026.4" || entries[1].Version != "2026.2" {
			t.Errorf("entries %+v", entries)
		}
		if _, err := os.Stat(filepath.Join(dest, "2026.3")); err == nil {
			t.Error("2026.3 is still there")
		}
		sameFiles(t, keep, filepath.Join(dest, "2026.2"))
	})
	t.Run("the latest is refused", func(t *testing.T) {
		dest := setup(t)
		before := treeHash(t, dest)
		_, err := Delete(context.Background(), DeleteOptions{Dest: dest, Version: "2026.4"})
		var need *NeedAliasError
		if !errors.As(err, &need) || need.Suggest != "2026.3" {
			t.Fatalf("delete latest: %v; want a NeedAliasError suggesting 2026.3", err)
		}
		if treeHash(t, dest) != before {
			t.Error("a refused delete changed DEST")
		}
	})
	t.Run("the latest, moving latest to another edition", func(t *testing.T) {
		dest := setup(t)
		keep := inodes(t, filepath.Join(dest, "2026.3"))
		_, err := Delete(context.Background(), DeleteOptions{Dest: dest, Version: "2026.4", Move: map[string]string{"latest": "2026.3"}})
		if err != nil {
			t.Fatal(err)
		}
		got := readEntries(t, dest)
		if len(got) != 2 || !got[0].Has(Latest) || got[0].Version != "2026.3" {
			t.Errorf("entries %+v", got)
		}
		if g, w := files(t, filepath.Join(dest, "latest")), files(t, filepath.Join(dest, "2026.3")); !reflect.DeepEqual(g, w) {
			t.Error("latest/ is not a copy of 2026.3/")
		}
		sameFiles(t, keep, filepath.Join(dest, "2026.3"))
	})
	t.Run("unknown edition", func(t *testing.T) {
		dest := setup(t)
		if _, err := Delete(context.Background(), DeleteOptions{Dest: dest, Version: "2019.1"}); err == nil || !strings.Contains(err.Error(), "no edition") {
			t.Errorf("delete unknown: %v", err)
		}
	})
	t.Run("failure at each step", func(t *testing.T) {
		for _, step := range []string{stepLock, stepRead, stepAliases, stepVersions, stepIndex, stepKeep, stepSwap} {
			dest := setup(t)
			before := treeHash(t, dest)
			_, err := Delete(context.Background(), DeleteOptions{Dest: dest, Version: "2026.4", Move: map[string]string{"latest": "2026.3"},
				failAt: func(at string) error {
					if at == step {
						return errors.New("injected")
					}
					return nil
				}})
			if err == nil {
				t.Errorf("%s: delete succeeded", step)
			}
			if treeHash(t, dest) != before {
				t.Errorf("%s: DEST changed", step)
			}
		}
	})
}

func TestCompare(t *testing.T) {
	newestFirst := []string{"2027.1", "2026.10", "2026.9", "2026.4.1", "2026.4", "2026.04", "2026.4-rc2", "2026.4.rc1", "2025.12", "10", "9", "1.0", "1", "b", "a"}
	shuffled := append([]string(nil), newestFirst...)
	sort.Strings(shuffled)
	sort.SliceStable(shuffled, func(i, j int) bool { return Compare(shuffled[i], shuffled[j]) > 0 })
	if !reflect.DeepEqual(shuffled, newestFirst) {
		t.Errorf("order:\n got %v\nwant %v", shuffled, newestFirst)
	}
	for _, a := range newestFirst {
		if Compare(a, a) != 0 {
			t.Errorf("Compare(%q, %q) != 0", a, a)
		}
		for _, b := range newestFirst {
			if Compare(a, b) != -Compare(b, a) {
				t.Errorf("Compare(%q, %q) is not antisymmetric", a, b)
			}
		}
	}
}

func TestListAndIndexHTML(t *testing.T) {
	if _, err := List(filepath.Join(t.TempDir(), "nothing")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("List of a missing folder: %v", err)
	}
	if entries, err := List(t.TempDir()); err != nil || len(entries) != 0 {
		t.Errorf("List of an empty folder: %v %v", entries, err)
	}
	html := string(IndexHTML("latest/", `A & "B"`, "de"))
	for _, s := range []string{`<html lang="de">`, `<title>A &amp; &#34;B&#34;</title>`, `url=latest/`} {
		if !strings.Contains(html, s) {
			t.Errorf("index.html lacks %s:\n%s", s, html)
		}
	}
}

func TestDestBehindSymlink(t *testing.T) {
	tmp := t.TempDir()
	real := filepath.Join(tmp, "real[1]")
	link := filepath.Join(tmp, "www")
	os.Mkdir(real, 0o755)
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	mustPublish(t, Options{Dest: link, Version: "1.0", Now: day1, Build: edition("1.0").builder(nil)})
	mustPublish(t, Options{Dest: link, Version: "2.0", Now: day1, Build: edition("2.0").builder(nil)})
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("DEST is no longer a symbolic link: %v", err)
	}
	if got := readEntries(t, real); len(got) != 2 {
		t.Errorf("the folder behind the link holds %+v", got)
	}
	if l := leftovers(t, real); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}
