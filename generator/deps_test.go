package generator_test

// The import policy, as Go's own src/go/build/deps_test.go keeps it: data
// flows one way through the stages, and each third-party library has one
// home. A new import that breaks the policy fails here, naming it.

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/shiftbook/shiftbook/"

// allowed lists, for each package, the project packages it may import.
var allowed = map[string][]string{
	"generator/diag":               {},
	"generator/work":               {},
	"generator/slug":               {},
	"generator/tomlpos":            {},
	"generator/series":             {"generator/diag", "generator/tomlpos"},
	"generator/parse":              {"generator/diag", "generator/tomlpos", "generator/series"},
	"generator/kind":               {"generator/parse"},
	"generator/i18n":               {"generator/diag", "generator/tomlpos", "generator/parse"},
	"generator/markdown":           {"generator/slug"},
	"generator/load":               {"generator/slug", "generator/work", "generator/diag", "generator/parse"},
	"generator/link":               {"generator/slug", "generator/work", "generator/diag", "generator/parse", "generator/kind", "generator/series", "generator/markdown", "generator/load"},
	"generator/render/chart":       {},
	"generator/render/search":      {},
	"generator/render":             {"generator/slug", "generator/work", "generator/diag", "generator/i18n", "generator/parse", "generator/kind", "generator/series", "generator/markdown", "generator/load", "generator/link", "generator/render/chart", "generator/render/search"},
	"generator/publish":            {},
	"generator/pipeline":           {"generator/slug", "generator/work", "generator/diag", "generator/i18n", "generator/parse", "generator/kind", "generator/series", "generator/markdown", "generator/load", "generator/link", "generator/render", "generator/publish", "themes"},
	"generator/serve":              {"generator/diag", "generator/load", "generator/pipeline"},
	"generator/scaffold":           {"generator/slug", "generator/diag", "generator/parse", "generator/kind", "generator/load", "themes"},
	"generator/internal/testfiles": {}, // imported by tests only
	"themes":                       {},
	"generator":                    {}, // holds only this policy test
	"cmd/shiftbook": {"generator/scaffold", "generator/diag", "generator/link", "generator/parse", "generator/load", "generator/render", "generator/pipeline",
		"generator/publish", "generator/serve", "themes"},
}

// homes is where each third-party library may be imported (its prefix).
var homes = map[string][]string{
	"github.com/BurntSushi/toml":         {"generator/parse", "generator/series", "generator/i18n"},
	"github.com/goccy/go-yaml":           {"generator/parse"},
	"github.com/yuin/goldmark":           {"generator/markdown", "generator/link"},
	"github.com/alecthomas/chroma":       {"generator/markdown"},
	"github.com/tdewolff/minify":         {"generator/render"},
	"github.com/fsnotify/fsnotify":       {"generator/serve"},
	"golang.org/x/text":                  {"generator/parse", "generator/render/search", "generator/i18n"}, // BCP 47 language tags; NFD for search folding; numbers and collation per language
	"golang.org/x/net/html":              {"generator/render", "generator/markdown"},                       // reading HTML: the output check, raw HTML in markdown
	"github.com/microcosm-cc/bluemonday": {"generator/markdown"},                                           // [markdown] html = "safe"
	"golang.org/x/sys/unix":              {"generator/publish"},                                            // atomic exchange, locks
}

// testHomes is where a library may be imported by tests only.
var testHomes = map[string][]string{
	"github.com/chromedp/":         {"cmd/shiftbook"}, // the browser tests
	"github.com/tdewolff/parse":    {"cmd/shiftbook"}, // reading the CSS the payload test weighs
	"golang.org/x/tools/txtar":     {"cmd/shiftbook", "generator/link", "generator/pipeline", "generator/serve"},
	"golang.org/x/net/html":        {"cmd/shiftbook"},
	"github.com/BurntSushi/toml":   {"cmd/shiftbook", "generator/tomlpos"},
	"github.com/fsnotify/fsnotify": {"cmd/shiftbook"},
}

// listed is one package as `go list -json` prints it.
type listed struct {
	ImportPath, Dir                    string
	GoFiles                            []string
	Imports, TestImports, XTestImports []string
	TestGoFiles, XTestGoFiles          []string
}

func goList(t *testing.T) []listed {
	t.Helper()
	// go test caches a passing result by the files the test itself reads,
	// and not by what go list reads; walking the folders ties the cached
	// result to them, so a new package or file runs the test again.
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != ".." {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			_, err = os.Stat(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-json", module+"...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("go list: %v\n%s", err, exit.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listed
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		p.ImportPath = strings.TrimPrefix(p.ImportPath, module)
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	return pkgs
}

func TestImportPolicy(t *testing.T) {
	for _, p := range goList(t) {
		ok, known := allowed[p.ImportPath]
		if !known {
			t.Errorf("%s is a new package: add its row to allowed in generator/deps_test.go, listing the stages it may import", p.ImportPath)
			continue
		}
		for _, imp := range p.Imports {
			if rel, ours := strings.CutPrefix(imp, module); ours {
				if !slices.Contains(ok, rel) {
					t.Errorf("%s imports %s: a stage imports only the stages before it (allowed: %v)", p.ImportPath, rel, ok)
				}
				continue
			}
			if isStd(imp) {
				continue
			}
			if where, found := home(homes, imp); !found {
				t.Errorf("%s imports %s, a library the policy does not know: give it a home in generator/deps_test.go (and check it is allowed at all)", p.ImportPath, imp)
			} else if !slices.Contains(where, p.ImportPath) {
				t.Errorf("%s imports %s, whose home is %v", p.ImportPath, imp, where)
			}
		}
		for _, imp := range append(slices.Clone(p.TestImports), p.XTestImports...) {
			if strings.HasPrefix(imp, module) || isStd(imp) || slices.Contains(p.Imports, imp) {
				continue
			}
			where, found := home(homes, imp)
			if twhere, tfound := home(testHomes, imp); tfound {
				where, found = append(slices.Clone(where), twhere...), true
			}
			if !found || !slices.Contains(where, p.ImportPath) {
				t.Errorf("the tests of %s import %s, which has no home there: add it to testHomes in generator/deps_test.go", p.ImportPath, imp)
			}
		}
	}
}

// TestEveryTestPackageAcceptsUpdate keeps `go test ./... -update` working:
// go test passes the flag to every package, and one that does not define it
// fails. The flag lives in testfiles (cmd/shiftbook, outside generator/,
// defines its own).
func TestEveryTestPackageAcceptsUpdate(t *testing.T) {
	const testfiles = module + "generator/internal/testfiles"
	for _, p := range goList(t) {
		if len(p.TestGoFiles)+len(p.XTestGoFiles) == 0 || p.ImportPath == "cmd/shiftbook" {
			continue
		}
		if !slices.Contains(p.TestImports, testfiles) && !slices.Contains(p.XTestImports, testfiles) {
			t.Errorf("the tests of %s do not import generator/internal/testfiles, so `go test ./... -update` fails there: add an update_flag_test.go like generator/diag's", p.ImportPath)
		}
	}
}

// isStd reports whether an import path is in the standard library: its
// first element has no dot.
func isStd(imp string) bool {
	first, _, _ := strings.Cut(imp, "/")
	return !strings.Contains(first, ".")
}

// home finds the entry whose library prefix the import path has.
func home(table map[string][]string, imp string) ([]string, bool) {
	for lib, where := range table {
		if strings.HasPrefix(imp, lib) {
			return where, true
		}
	}
	return nil, false
}

// processWide are the calls that change or read the whole process: the
// program (cmd/) makes them and passes the library options.
var processWide = map[string][]string{
	"os":    {"Getenv", "LookupEnv", "Environ", "Setenv", "Exit"},
	"debug": {"SetMemoryLimit", "SetGCPercent", "SetMaxThreads"},
}

func TestLibraryLeavesTheProcessAlone(t *testing.T) {
	for _, p := range goList(t) {
		if !strings.HasPrefix(p.ImportPath, "generator/") {
			continue
		}
		for _, name := range p.GoFiles {
			path := filepath.Join(p.Dir, name)
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); ok && slices.Contains(processWide[pkg.Name], sel.Sel.Name) {
					t.Errorf("%s/%s calls %s.%s: the library takes such settings as options; cmd/ reads and sets them", p.ImportPath, name, pkg.Name, sel.Sel.Name)
				}
				return true
			})
		}
	}
}
