package pipeline

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/i18n"
	"github.com/shiftbook/shiftbook/themes"
)

// TestThemeTablesComplete: every translation table the built-in theme
// ships holds every key of the English one, and no other.
func TestThemeTablesComplete(t *testing.T) {
	read := func(name string) []byte {
		b, err := fs.ReadFile(themes.FS, "default/i18n/"+name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	en, diags := i18n.Read("en.toml", read("en.toml"), nil)
	if len(diags) > 0 {
		t.Fatalf("en.toml: %v", diags)
	}
	entries, err := fs.ReadDir(themes.FS, "default/i18n")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 3 {
		t.Fatalf("the theme ships %d tables; want English, Dutch and one more", len(entries))
	}
	for _, e := range entries {
		code := strings.TrimSuffix(e.Name(), path.Ext(e.Name()))
		table, diags := i18n.Read(e.Name(), read(e.Name()), en.Keys())
		if len(diags) > 0 {
			t.Errorf("%s: %v", e.Name(), diags)
		}
		if missing := i18n.New(code, table, en).Missing(); len(missing) > 0 {
			t.Errorf("%s leaves out %v", e.Name(), missing)
		}
	}
}
