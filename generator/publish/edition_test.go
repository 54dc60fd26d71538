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
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
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

// allSteps are the checkpoints of a publish before DEST changes.
var allSteps = []string{stepLock, stepRead, stepBuild, stepAliases, stepVersions, stepIndex, stepKeep, stepSwap}

func TestFailureAtEachStepLeavesDestUnchanged(t *testing.T) {
	setups := []struct {
		name    string
		before  []string // versions published first
		version string
	}{
		{"first publish into a new folder", nil, "2026.3"},
		{"a new edition", []string{"2026.3"}, "2026.4"},
		{"a republish", []string{"2026.3", "2026.4"}, "2026.4"},
	}
	for _, s := range setups {
		for _, step := range append(allSteps, "build-error", "cancelled") {
			t.Run(s.name+"/"+step, func(t *testing.T) {
				dest := filepath.Join(t.TempDir(), "site")
				for _, v := range s.before {
					mustPublish(t, Options{Dest: dest, Version: v, Now: day1, Build: edition(v).builder(nil)})
				}
				if len(s.before) > 0 {
					// Things publish does not own are kept too.
					os.WriteFile(filepath.Join(dest, "CNAME"), []byte("cx.example\n"), 0o644)
					os.Mkdir(filepath.Join(dest, ".git"), 0o755)
					os.WriteFile(filepath.Join(dest, ".git", "HEAD"), []byte("ref: refs/heads/gh-pages\n"), 0o644)
				}
				before := treeHash(t, dest)
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				injected := errors.New("injected failure")
				opts := Options{Dest: dest, Version: s.version, Now: day2, Build: edition(s.version).builder(nil)}
				switch step {
				case "build-error":
					opts.Build = func(ctx context.Context, dir, prev string) error {
						os.WriteFile(filepath.Join(dir, "half.html"), []byte("half"), 0o644)
						return injected
					}
				case "cancelled":
					opts.Build = func(ctx context.Context, dir, prev string) error {
						cancel()
						return edition(s.version).builder(nil)(ctx, dir, prev)
					}
				default:
					opts.failAt = func(at string) error {
						if at == step {
							return injected
						}
						return nil
					}
				}
				_, err := Publish(ctx, opts)
				if err == nil {
					t.Fatal("publish succeeded; want the injected failure")
				}
				if step != "cancelled" && !errors.Is(err, injected) {
					t.Errorf("error %v does not wrap the injected failure", err)
				}
				if after := treeHash(t, dest); after != before {
					t.Errorf("DEST changed after a failure at %s", step)
				}
				if l := leftovers(t, dest); len(l) > 0 {
					t.Errorf("left behind after a failure: %v", l)
				}
				// And the next publish works.
				mustPublish(t, Options{Dest: dest, Version: s.version, Now: day2, Build: edition(s.version).builder(nil)})
			})
		}
	}
}

// TestHelperProcess is not a test: TestKilledAtEachStep runs the test
// binary again as a publish that dies (os.Exit, so no deferred cleanup
// runs, as with SIGKILL) at one step.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("PUBLISH_HELPER")
	if mode == "" {
		t.Skip("helper process only")
	}
	dest, version := os.Getenv("PUBLISH_DEST"), os.Getenv("PUBLISH_VERSION")
	opts := Options{Dest: dest, Version: version, Now: day2, Build: edition(version).builder(nil),
		OnNote: func(msg string) { fmt.Fprintln(os.Stderr, "note: "+msg) }}
	switch {
	case strings.HasPrefix(mode, "die:"):
		step := strings.TrimPrefix(mode, "die:")
		opts.failAt = func(at string) error {
			if at == step {
				os.Exit(3)
			}
			return nil
		}
	case mode == "hold":
		// Hold the lock until told to go on.
		build := opts.Build
		opts.Build = func(ctx context.Context, dir, prev string) error {
			os.WriteFile(os.Getenv("PUBLISH_STARTED"), nil, 0o644)
			for {
				if _, err := os.Stat(os.Getenv("PUBLISH_RELEASE")); err == nil {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			return build(ctx, dir, prev)
		}
	}
	if _, err := Publish(context.Background(), opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

func helper(t *testing.T, mode, dest, version string, extra ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "PUBLISH_HELPER="+mode, "PUBLISH_DEST="+dest, "PUBLISH_VERSION="+version)
	cmd.Env = append(cmd.Env, extra...)
	return cmd
}

func TestKilledAtEachStep(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process per step")
	}
	for _, step := range append(allSteps, stepCleanup) {
		t.Run(step, func(t *testing.T) {
			tmp := t.TempDir()
			dest := filepath.Join(tmp, "site")
			mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
			before := treeHash(t, dest)
			// What DEST must be if the publish gets through: the same
			// publish, not killed, into a copy.
			ref := filepath.Join(tmp, "ref")
			if err := copyTree(context.Background(), dest, ref); err != nil {
				t.Fatal(err)
			}
			mustPublish(t, Options{Dest: ref, Version: "2026.4", Now: day2, Build: edition("2026.4").builder(nil)})
			published := treeHash(t, ref)

			out, err := helper(t, "die:"+step, dest, "2026.4").CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 3 {
				t.Fatalf("helper did not die at %s: %v\n%s", step, err, out)
			}
			got := treeHash(t, dest)
			switch step {
			case stepCleanup: // after the swap: DEST is the new tree, whole
				if got != published {
					t.Error("killed after the swap, DEST is not the complete new tree")
				}
			default:
				if got != before {
					t.Errorf("killed at %s, DEST changed", step)
				}
			}
			// The next publish clears what the killed one left.
			mustPublish(t, Options{Dest: dest, Version: "2026.4", Now: day2, Build: edition("2026.4").builder(nil)})
			if l := leftovers(t, dest); len(l) > 0 {
				t.Errorf("still left behind: %v", l)
			}
			if got := treeHash(t, dest); got != published {
				t.Error("after a good publish, DEST differs from the reference")
			}
		})
	}
}

func TestRecoverAfterKillBetweenRenames(t *testing.T) {
	// Where the kernel cannot exchange two folders, swapIn renames DEST away
	// first; a publish killed right then leaves no DEST. The next publish
	// puts the old tree back before anything else.
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
	before := treeHash(t, dest)
	stage := filepath.Join(tmp, ".site.publish-123")
	os.Mkdir(stage, 0o755)
	if err := os.Rename(dest, stage+oldSuffix); err != nil {
		t.Fatal(err)
	}
	entries, err := List(filepath.Join(tmp, "site"))
	if err == nil {
		t.Fatalf("List found %v in a missing DEST", entries)
	}
	res, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.3", Now: day1, Aliases: []string{"latest"},
		Build: edition("2026.3").builder(nil), failAt: func(step string) error {
			if step == stepBuild {
				return errors.New("stop here")
			}
			return nil
		}})
	if err == nil {
		t.Fatalf("publish succeeded: %+v", res)
	}
	if got := treeHash(t, dest); got != before {
		t.Error("the old tree was not put back")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

func TestConcurrentPublishes(t *testing.T) {
	t.Run("the second fails at once with a clear message", func(t *testing.T) {
		dest := filepath.Join(t.TempDir(), "site")
		started, release := make(chan struct{}), make(chan struct{})
		done := make(chan error)
		go func() {
			_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.3", Now: day1,
				Build: func(ctx context.Context, dir, prev string) error {
					close(started)
					<-release
					return edition("2026.3").builder(nil)(ctx, dir, prev)
				}})
			done <- err
		}()
		<-started
		_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.4", Now: day1, Build: edition("2026.4").builder(nil)})
		var busy *BusyError
		if !errors.As(err, &busy) {
			t.Fatalf("second publish: %v; want a BusyError", err)
		}
		if msg := err.Error(); !strings.Contains(msg, "another publish into "+dest+" is running") || !strings.Contains(msg, fmt.Sprintf("pid %d", os.Getpid())) {
			t.Errorf("message %q does not say who holds the lock", msg)
		}
		close(release)
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if got := readEntries(t, dest); len(got) != 1 || got[0].Version != "2026.3" {
			t.Errorf("versions.json = %+v, want 2026.3 alone", got)
		}
	})
	t.Run("with Wait they are serialised", func(t *testing.T) {
		dest := filepath.Join(t.TempDir(), "site")
		const n = 6
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []error
		waited := 0
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				v := fmt.Sprintf("2026.%d", i+1)
				_, err := Publish(context.Background(), Options{Dest: dest, Version: v, Now: day1, Wait: 30 * time.Second,
					OnWait: func(msg string) {
						mu.Lock()
						waited++
						mu.Unlock()
					},
					Build: func(ctx context.Context, dir, prev string) error {
						time.Sleep(20 * time.Millisecond) // overlap the others
						return edition(v).builder(nil)(ctx, dir, prev)
					}})
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		if waited == 0 {
			t.Error("no publish was told it waits")
		}
		got := readEntries(t, dest)
		var versions []string
		for _, e := range got {
			versions = append(versions, e.Version)
		}
		if want := []string{"2026.6", "2026.5", "2026.4", "2026.3", "2026.2", "2026.1"}; !reflect.DeepEqual(versions, want) {
			t.Errorf("versions.json lists %v, want %v", versions, want)
		}
		if !got[0].Has(Latest) {
			t.Errorf("latest is not on the newest edition: %+v", got)
		}
		for _, v := range versions {
			if _, err := os.Stat(filepath.Join(dest, v, "index.html")); err != nil {
				t.Error(err)
			}
		}
	})
	t.Run("across processes", func(t *testing.T) {
		if runtime.GOOS == "windows" || testing.Short() {
			t.Skip("uses flock and a child process")
		}
		tmp := t.TempDir()
		dest := filepath.Join(tmp, "site")
		startedFile, releaseFile := filepath.Join(tmp, "started"), filepath.Join(tmp, "release")
		child := helper(t, "hold", dest, "2026.3", "PUBLISH_STARTED="+startedFile, "PUBLISH_RELEASE="+releaseFile)
		var out bytes.Buffer
		child.Stdout, child.Stderr = &out, &out
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			if _, err := os.Stat(startedFile); err == nil {
				break
			}
			if time.Now().After(deadline) {
				child.Process.Kill()
				t.Fatalf("the child publish never started: %s", out.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.4", Now: day1, Build: edition("2026.4").builder(nil)})
		var busy *BusyError
		if !errors.As(err, &busy) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", child.Process.Pid)) {
			t.Errorf("publish while another process holds the lock: %v; want a BusyError naming pid %d", err, child.Process.Pid)
		}
		os.WriteFile(releaseFile, nil, 0o644)
		if err := child.Wait(); err != nil {
			t.Fatalf("child publish: %v\n%s", err, out.String())
		}
		mustPublish(t, Options{Dest: dest, Version: "2026.4", Now: day1, Build: edition("2026.4").builder(nil)})
		if got := readEntries(t, dest); len(got) != 2 {
			t.Errorf("versions.json = %+v, want both editions", got)
		}
	})
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

func TestRepublishOlderEditionNeedsReplace(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.1", Now: day1, Build: edition("2026.1").builder(nil)})
	mustPublish(t, Options{Dest: dest, Version: "2026.2", Now: day1, Build: edition("2026.2").builder(nil)})
	before := treeHash(t, dest)

	// A site.toml that still says 2026.1: refused, DEST untouched.
	fresh := edition("2026.1")
	fresh["index.html"] = "<p>today's content</p>"
	_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.1", Now: day2, Build: fresh.builder(nil)})
	var older *OlderEditionError
	if !errors.As(err, &older) || older.Version != "2026.1" || older.Newest != "2026.2" {
		t.Fatalf("republishing the older 2026.1: err = %v; want an OlderEditionError naming 2026.2", err)
	}
	for _, s := range []string{"2026.2 is newer", `set version = "2026.3" in site.toml`, "--replace"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("message lacks %q: %v", s, err)
		}
	}
	if treeHash(t, dest) != before {
		t.Error("the refused publish changed DEST")
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}

	// An older version that was never published is added: nothing is lost.
	mustPublish(t, Options{Dest: dest, Version: "2025.9", Now: day2, Build: edition("2025.9").builder(nil)})

	// The nightly republish of the newest edition needs no flag.
	res := mustPublish(t, Options{Dest: dest, Version: "2026.2", Now: day2, Build: edition("2026.2").builder(nil)})
	if !res.Replaced || !res.Entry.Has(Latest) {
		t.Errorf("nightly republish of 2026.2: replaced %v, aliases %v; want replaced, latest", res.Replaced, res.Entry.Aliases)
	}

	// The hotfix, on purpose: 2026.1 replaced, latest stays on 2026.2.
	res = mustPublish(t, Options{Dest: dest, Version: "2026.1", Now: day2, Replace: true, Build: fresh.builder(nil)})
	if !res.Replaced || len(res.Entry.Aliases) != 0 {
		t.Errorf("hotfix of 2026.1: replaced %v, aliases %v; want replaced, no alias", res.Replaced, res.Entry.Aliases)
	}
	if got := files(t, filepath.Join(dest, "2026.1"))["index.html"]; got != "<p>today's content</p>" {
		t.Errorf("2026.1/index.html = %q after the hotfix", got)
	}
	if e := readEntries(t, dest); e[0].Version != "2026.2" || !e[0].Has(Latest) {
		t.Errorf("after the hotfix versions.json starts with %+v; want 2026.2 with latest", e[0])
	}
}

func TestNextVersion(t *testing.T) {
	for v, want := range map[string]string{
		"2026.4": "2026.5", "2026.9": "2026.10", "2026.09": "2026.10", "v3": "v4", "7": "8",
		"2026.4-rc1": "", "1.0+build": "", "latest": "",
	} {
		if got := NextVersion(v); got != want {
			t.Errorf("NextVersion(%q) = %q, want %q", v, got, want)
		}
	}
}
