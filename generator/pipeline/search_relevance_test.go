package pipeline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestSearchRelevanceOnCorpus builds the 1,000-page corpus of
// ../shared/bench and searches every definition by its title and its
// keywords (abbreviation, synonyms) with the theme's own search code: each
// must find its definition first. It runs site.js in Node over the index as
// written, so it checks the Go index and the script's ranking together.
func TestSearchRelevanceOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-page site")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	dir := corpus(t, 1000)
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Site: os.DirFS(dir), Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	if _, diags := ToDir(context.Background(), opts, out); len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	cmd := exec.Command(node, "../render/testdata/search.node.js", "../../themes/default/assets/js/site.js", "-", filepath.Join(out, "search"))
	cmd.Env = append(os.Environ(), "SEARCH_RELEVANCE=1")
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	t.Logf("%s", res)
}
