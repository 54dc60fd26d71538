package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkOutsideTheSiteIsAnError: a file in content/ that is a link to a
// file outside the site folder is served by no command and copied by none;
// each says which link and what to do.
func TestLinkOutsideTheSiteIsAnError(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	secret := filepath.Join(root, "passwd")
	writeFiles(t, site, map[string]string{
		"site.toml":             "title = \"T\"\nversion = \"2026.1\"\n",
		"content/_index.md":     "+++\ntitle = \"Home\"\n+++\nHome.\n",
		"content/vision/a.md":   "+++\ntitle = \"A\"\n+++\nA.\n",
		"../passwd":             "root:x:0:0:the secret\n",
		"content/vision/ok.txt": "a file of the site\n",
	})
	if err := os.Symlink(secret, filepath.Join(site, "content/vision/passwd.txt")); err != nil {
		t.Skipf("cannot make links here: %v", err)
	}
	const want = "content/vision/passwd.txt: is a link to "
	out := filepath.Join(root, "public")
	dest := filepath.Join(root, "cx")
	for _, args := range [][]string{
		{"build", "-s", site, "-o", out},
		{"check", "-s", site},
		{"publish", "-s", site, "--dest", dest},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, &stdout, &stderr)
		if code != exitContent || !strings.Contains(stderr.String(), want) || !strings.Contains(stderr.String(), "outside the site folder") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 1 and %q", args[0], code, stderr.String(), want)
		}
		if strings.Contains(stdout.String()+stderr.String(), "the secret") {
			t.Errorf("%s shows the linked file", args[0])
		}
	}
	for _, p := range []string{out, dest} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}

	// serve: the build fails, so the page that says so is all there is;
	// neither it nor the address of the link shows the file.
	addr := startDevServer(t, site)
	for _, path := range []string{"/vision/passwd.txt", "/"} {
		resp, err := http.Get(addr + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK || strings.Contains(string(body), "the secret") {
			t.Errorf("serve %s: %d %.300q", path, resp.StatusCode, body)
		}
		if path == "/" && !strings.Contains(string(body), want) {
			t.Errorf("serve / does not name the link: %.300q", body)
		}
	}
}
