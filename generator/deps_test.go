package generator_test

// The import policy, as Go's own src/go/build/deps_test.go keeps it: data
// flows one way through the stages, and each third-party library has one
// home. A new import that breaks the policy fails here, naming it.

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/shiftbook/shiftbook/"

// allowed lists, for each package, the project packages it may import.
var allowed = map[string][]string{
	"generator/diag":               {},
	"generator/tomlpos":            {},
	"generator/parse":              {"generator/diag", "generator/tomlpos"},
	"generator/markdown":           {},
	"generator/series":             {"generator/diag", "generator/tomlpos"},
	"generator/load":               {"generator/diag", "generator/parse"},
	"generator/link":               {"generator/diag", "generator/parse", "generator/series", "generator/markdown", "generator/load"},
	"generator/render/chart":       {},
	"generator/render":             {"generator/diag", "generator/parse", "generator/series", "generator/markdown", "generator/load", "generator/link", "generator/render/chart"},
	"generator/publish":            {},
	"generator/pipeline":           {"generator/diag", "generator/parse", "generator/series", "generator/markdown", "generator/load", "generator/link", "generator/render", "generator/publish", "themes"},
	"generator/serve":              {"generator/diag", "generator/load", "generator/pipeline"},
	"generator/internal/testfiles": {}, // imported by tests only
}

// homes is where each third-party library may be imported (its prefix).
var homes = map[string][]string{
	"github.com/BurntSushi/toml":         {"generator/parse", "generator/series"},
	"github.com/goccy/go-yaml":           {"generator/parse"},
	"github.com/yuin/goldmark":           {"generator/markdown", "generator/link"},
	"github.com/alecthomas/chroma":       {"generator/markdown"},
	"github.com/tdewolff/minify":         {"generator/render"},
	"github.com/fsnotify/fsnotify":       {"generator/serve"},
	"golang.org/x/text":                  {"generator/parse"},                        // BCP 47 language tags
	"golang.org/x/net/html":              {"generator/render", "generator/markdown"}, // reading HTML: the output check, raw HTML in markdown
	"github.com/microcosm-cc/bluemonday": {"generator/markdown"},                     // [markdown] html = "safe"
}

func TestImportPolicy(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	for pkg, ok := range allowed {
		imports := importsOf(t, filepath.Join(root, pkg))
		for _, imp := range imports {
			if rel, ours := strings.CutPrefix(imp, module); ours {
				if !contains(ok, rel) {
					t.Errorf("%s imports %s: a stage imports only the stages before it (allowed: %v)", pkg, rel, ok)
				}
				continue
			}
			for lib, where := range homes {
				if strings.HasPrefix(imp, lib) && !contains(where, pkg) {
					t.Errorf("%s imports %s, whose home is %v", pkg, imp, where)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// importsOf lists the imports of a package's non-test files.
func importsOf(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			seen[p] = true
		}
	}
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
