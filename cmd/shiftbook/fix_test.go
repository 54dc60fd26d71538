package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/shiftbook/shiftbook/generator/diag"
)

func TestApplyFixes(t *testing.T) {
	src := []byte("[a](#One) [b](#Two) [c](#Three)\n")
	fix := func(start, end int, repl string) diag.Diagnostic {
		return diag.At("content/a.md", src, start, "anchor").WithFix(src, start, end, repl)
	}
	tests := []struct {
		name  string
		diags diag.List
		file  string // the file as it is when the fixes are applied
		want  string
		made  int
		fails bool
	}{
		{"two fixes, applied from the end", diag.List{fix(5, 8, "one"), fix(15, 18, "two")}, string(src),
			"[a](#one) [b](#two) [c](#Three)\n", 2, false},
		{"overlapping fixes: the later is kept, the other left", diag.List{fix(5, 8, "one"), fix(6, 8, "NE")}, string(src),
			"[a](#ONE) [b](#Two) [c](#Three)\n", 1, false},
		{"a file changed since the check is not touched", diag.List{fix(5, 8, "one")}, "[a](#Uno)\n",
			"[a](#Uno)\n", 0, true},
		{"no fix, no write", diag.List{diag.At("content/a.md", src, 0, "broken")}, string(src), string(src), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "content", "a.md")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(tt.file), 0o640); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			made, err := applyFixes(dir, tt.diags, &out)
			if (err != nil) != tt.fails || made != tt.made {
				t.Errorf("applyFixes = %d, %v; want %d, failure %v", made, err, tt.made, tt.fails)
			}
			got, _ := os.ReadFile(p)
			if string(got) != tt.want {
				t.Errorf("file = %q; want %q", got, tt.want)
			}
			if info, err := os.Stat(p); err == nil && info.Mode().Perm() != 0o640 {
				t.Errorf("mode = %v; want 0640 kept", info.Mode().Perm())
			}
			if bytes.Count(out.Bytes(), []byte("fixed:")) != tt.made {
				t.Errorf("printed %q; want one line a change", out.String())
			}
		})
	}
}
