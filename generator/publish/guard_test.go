//go:build unix

package publish

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// otherUser runs publishes as a user that, unlike root, is held to file
// modes: the test's own user when it is not root, else "nobody" through a
// copy of the test binary it can run. It skips when neither is possible.
type otherUser struct {
	t    *testing.T
	tmp  string // a folder the user owns
	exe  string // the test binary, runnable by the user ("" when in-process)
	cred *syscall.Credential
}

func newOtherUser(t *testing.T) *otherUser {
	t.Helper()
	tmp, err := os.MkdirTemp("", "publish-user-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { makeWritable(tmp); os.RemoveAll(tmp) })
	u := &otherUser{t: t, tmp: tmp}
	if os.Geteuid() != 0 {
		return u
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("running as root and there is no user nobody to run publish as: %v", err)
	}
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)
	u.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	// The go tool's build folder is root's alone: nobody runs a copy.
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	u.exe = filepath.Join(tmp, "publish.test")
	if err := copyExe(self, u.exe); err != nil {
		t.Skip(err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(tmp, uid, gid); err != nil {
		t.Skipf("cannot give a folder to nobody: %v", err)
	}
	return u
}

func copyExe(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// makeWritable undoes the tests' chmods so that the folder can be removed.
func makeWritable(dir string) {
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
}

// publish publishes version into dest as the user; it returns stderr and
// whether it succeeded.
func (u *otherUser) publish(dest, version string) (string, bool) {
	u.t.Helper()
	if u.exe == "" {
		var notes strings.Builder
		_, err := Publish(context.Background(), Options{Dest: dest, Version: version, Now: day2, Build: edition(version).builder(nil),
			OnNote: func(msg string) { notes.WriteString("note: " + msg + "\n") }})
		if err != nil {
			return notes.String() + err.Error(), false
		}
		return notes.String(), true
	}
	cmd := exec.Command(u.exe, "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "PUBLISH_HELPER=publish", "PUBLISH_DEST="+dest, "PUBLISH_VERSION="+version, "HOME="+u.tmp, "TMPDIR="+u.tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: u.cred}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		u.t.Fatalf("cannot run publish as nobody: %v", err)
	}
	return string(out), err == nil
}

// names lists a folder's entries, to see that a refused publish left DEST's
// parent as it was.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestReadOnlyFolderInDest(t *testing.T) {
	tests := []struct {
		name     string
		readOnly string // relative to DEST; "." is DEST itself
	}{
		{"a folder inside an edition", "2026.3/vision"},
		{"DEST itself", "."},
		{"an edition's root", "2026.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := newOtherUser(t)
			dest := filepath.Join(u.tmp, "site")
			if out, ok := u.publish(dest, "2026.3"); !ok {
				t.Fatalf("first publish failed:\n%s", out)
			}
			ro := filepath.Join(dest, tt.readOnly)
			if err := os.Chmod(ro, 0o555); err != nil {
				t.Fatal(err)
			}
			before, beside := treeHash(t, dest), names(t, u.tmp)
			out, ok := u.publish(dest, "2026.4")
			if ok {
				t.Fatalf("publish succeeded with %s read-only:\n%s", tt.readOnly, out)
			}
			for _, s := range []string{filepath.Clean(ro) + " is a read-only folder", "write permission", "chmod u+w " + filepath.Clean(ro), "nothing was changed"} {
				if !strings.Contains(out, s) {
					t.Errorf("the message lacks %q:\n%s", s, out)
				}
			}
			if treeHash(t, dest) != before {
				t.Error("the refused publish changed DEST")
			}
			if got := names(t, u.tmp); !slices.Equal(got, beside) {
				t.Errorf("the folder holding DEST changed: %v, was %v", got, beside)
			}
			// Once the folder is writable again, the next publish goes through
			// (no "left by an earlier publish") and keeps its mode.
			if err := os.Chmod(ro, 0o755); err != nil {
				t.Fatal(err)
			}
			if out, ok := u.publish(dest, "2026.4"); !ok || out != "" {
				t.Fatalf("publish after chmod u+w: ok %v\n%s", ok, out)
			}
			if l := leftovers(t, dest); len(l) > 0 {
				t.Errorf("left behind: %v", l)
			}
		})
	}
}

// A leftover beside DEST that cannot be removed is reported as what it is,
// and the publish goes on: DEST itself is complete.
func TestUnremovableLeftoverDoesNotBlock(t *testing.T) {
	u := newOtherUser(t)
	dest := filepath.Join(u.tmp, "site")
	if out, ok := u.publish(dest, "2026.3"); !ok {
		t.Fatalf("first publish failed:\n%s", out)
	}
	left := filepath.Join(u.tmp, ".site.publish-123", "vision")
	if err := os.MkdirAll(left, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(left, "index.html"), []byte("old"), 0o644)
	if u.cred != nil {
		filepath.Walk(filepath.Dir(left), func(p string, _ os.FileInfo, _ error) error {
			return os.Lchown(p, int(u.cred.Uid), int(u.cred.Gid))
		})
	}
	if err := os.Chmod(left, 0o555); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"2026.4", "2026.5"} {
		out, ok := u.publish(dest, v)
		if !ok {
			t.Fatalf("publish %s failed beside an unremovable leftover:\n%s", v, out)
		}
		for _, s := range []string{filepath.Dir(left) + " could not be removed", "permission denied", "itself is complete", "does not stop later publishes"} {
			if !strings.Contains(out, s) {
				t.Errorf("publish %s: the note lacks %q:\n%s", v, s, out)
			}
		}
		if strings.Contains(out, "left by an earlier publish that was stopped") {
			t.Errorf("the leftover is called a stopped publish:\n%s", out)
		}
	}
	if e := readEntries(t, dest); len(e) != 3 || e[0].Version != "2026.5" {
		t.Errorf("versions.json: %+v", e)
	}
}

// chattr sets an inode flag, or skips the test where that is not possible
// (not root, or a file system without flags); the flag is cleared again
// when the test ends.
func chattr(t *testing.T, flag, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("chattr +i needs root")
	}
	if out, err := exec.Command("chattr", "+"+flag, path).CombinedOutput(); err != nil {
		t.Skipf("chattr +%s %s: %v %s", flag, path, err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-"+flag, path).Run() })
}

func TestImmutableInDest(t *testing.T) {
	tests := []struct {
		name, flag, path, says string
	}{
		{"an immutable file", "i", "2026.3/vision/promise/index.html", "is immutable (chattr +i)"},
		{"an append-only file", "a", "2026.3/assets/site.css", "is append-only (chattr +a)"},
		{"an immutable folder", "i", "2026.3/vision", "is immutable (chattr +i)"},
		{"DEST immutable", "i", ".", "is immutable (chattr +i)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			dest := filepath.Join(tmp, "site")
			mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
			p := filepath.Clean(filepath.Join(dest, tt.path))
			chattr(t, tt.flag, p)
			before, beside := treeHash(t, dest), names(t, tmp)
			_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.4", Now: day2, Build: edition("2026.4").builder(nil)})
			var stuck *StuckError
			if !errors.As(err, &stuck) {
				t.Fatalf("publish with %s: err = %v; want a StuckError", tt.path, err)
			}
			if want := p + " " + tt.says; !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "chattr -"+tt.flag+" "+p) {
				t.Errorf("the message lacks %q and the chattr to run:\n%v", want, err)
			}
			if treeHash(t, dest) != before {
				t.Error("the refused publish changed DEST")
			}
			if got := names(t, tmp); !slices.Equal(got, beside) {
				t.Errorf("the folder holding DEST changed: %v, was %v", got, beside)
			}
		})
	}
}

// An immutable file in a leftover beside DEST: reported, not blocking.
func TestImmutableLeftover(t *testing.T) {
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
	left := filepath.Join(tmp, ".site.publish-9", "index.html")
	os.MkdirAll(filepath.Dir(left), 0o755)
	os.WriteFile(left, []byte("old"), 0o644)
	chattr(t, "i", left)
	var notes []string
	_, err := Publish(context.Background(), Options{Dest: dest, Version: "2026.4", Now: day2, Build: edition("2026.4").builder(nil),
		OnNote: func(msg string) { notes = append(notes, msg) }})
	if err != nil {
		t.Fatalf("publish beside an immutable leftover: %v", err)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], filepath.Dir(left)+" could not be removed (operation not permitted)") {
		t.Errorf("notes = %q; want one naming the leftover", notes)
	}
}

// DEST's mode and inode flags are the new DEST's after a publish.
func TestDestModeAndFlagsKept(t *testing.T) {
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
	if err := os.Chmod(dest, 0o750|os.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	flags := false
	if os.Geteuid() == 0 {
		flags = exec.Command("chattr", "+d", dest).Run() == nil // nodump
	}
	mustPublish(t, Options{Dest: dest, Version: "2026.4", Now: day2, Build: edition("2026.4").builder(nil)})
	info, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if got := keptMode(info.Mode()); got != 0o750|os.ModeSetgid {
		t.Errorf("DEST's mode is %v after a publish, was %v", got, 0o750|os.ModeSetgid)
	}
	if !flags {
		t.Log("chattr +d not possible here: flags not checked")
		return
	}
	if got, err := dirFlags(dest); err != nil || got&0x40 == 0 {
		t.Errorf("DEST lost its nodump flag (lsattr d): flags %#x, %v", got, err)
	}
}

// A build's output folder is replaced the same way: an immutable file in the
// old output stops the build before it swaps, naming the file.
func TestReplaceDirRefusesWhatItCannotRemove(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	write := func(stage string) error {
		return os.WriteFile(filepath.Join(stage, "index.html"), []byte("new"), 0o644)
	}
	if err := ReplaceDir(dir, write); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "index.html")
	chattr(t, "i", file)
	before := treeHash(t, dir)
	filled := false
	err := ReplaceDir(dir, func(stage string) error { filled = true; return write(stage) })
	var stuck *StuckError
	if !errors.As(err, &stuck) || !strings.Contains(err.Error(), "cannot build into "+dir) || !strings.Contains(err.Error(), file+" is immutable") {
		t.Fatalf("err = %v; want a StuckError naming %s", err, file)
	}
	if filled {
		t.Error("the build ran although its output could not be swapped in")
	}
	if treeHash(t, dir) != before {
		t.Error("the refused build changed the output")
	}
	if got := names(t, filepath.Dir(dir)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("left beside the output: %v", got)
	}
}
