package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

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

// Ctrl-C while DEST's editions are being linked into the new tree (seconds
// for a large DEST) stops the publish at the next folder, DEST unchanged.
func TestCancelWhileKeepingEditions(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	mustPublish(t, Options{Dest: dest, Version: "2026.3", Now: day1, Build: edition("2026.3").builder(nil)})
	before := treeHash(t, dest)
	for _, step := range []string{stepLock, stepKeep} {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := Publish(ctx, Options{Dest: dest, Version: "2026.4", Now: day2, Build: edition("2026.4").builder(nil),
			failAt: func(at string) error {
				if at == step {
					cancel() // as the signal handler does, in the middle of the step
				}
				return nil
			}})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled at %s: err = %v, want context.Canceled", step, err)
		}
		if treeHash(t, dest) != before {
			t.Errorf("cancelled at %s: DEST changed", step)
		}
		if l := leftovers(t, dest); len(l) > 0 {
			t.Errorf("cancelled at %s: left behind %v", step, l)
		}
	}
	// The walks themselves stop: nothing is cloned or checked once ctx is done.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	copyDir := filepath.Join(t.TempDir(), "copy")
	if err := linkTree(ctx, dest, copyDir); !errors.Is(err, context.Canceled) {
		t.Errorf("linkTree after cancel: %v", err)
	}
	if _, err := os.Lstat(copyDir); err == nil {
		t.Error("linkTree cloned after cancel")
	}
	if _, err := canReplace(ctx, dest, "test"); !errors.Is(err, context.Canceled) {
		t.Errorf("canReplace after cancel: %v", err)
	}
}
