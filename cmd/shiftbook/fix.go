package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// applyFixes makes, in place, every edit the diagnostics are certain of,
// and prints each. A file is written only when every fix for it still finds
// the text it replaces (the file has not changed since it was read); fixes
// that overlap are left, as the tool cannot be sure of both. It returns how
// many edits it made.
func applyFixes(dir string, diags diag.List, out io.Writer) (int, error) {
	byFile := map[string][]diag.Diagnostic{}
	for _, d := range diags {
		if d.Fix != nil {
			byFile[d.Path] = append(byFile[d.Path], d)
		}
	}
	paths := make([]string, 0, len(byFile))
	for p := range byFile {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	made := 0
	for _, p := range paths {
		n, err := fixFile(filepath.Join(dir, filepath.FromSlash(p)), byFile[p], out)
		if err != nil {
			return made, fmt.Errorf("%s: %w", p, err)
		}
		made += n
	}
	return made, nil
}

// fixFile applies the fixes of one file, from its end to its start so that
// the offsets of those before stay right.
func fixFile(file string, ds []diag.Diagnostic, out io.Writer) (int, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Fix.Start > ds[j].Fix.Start })
	text := src
	limit := len(src) + 1 // the start of the last fix applied: the next must end before it
	var done []diag.Diagnostic
	for _, d := range ds {
		f := d.Fix
		if f.End > len(src) || string(src[f.Start:f.End]) != f.Old {
			return 0, fmt.Errorf("changed since it was checked; run check --fix again")
		}
		if f.End > limit || (f.End == limit && f.Start == f.End) {
			continue // overlaps the one after it
		}
		text = append(append(append([]byte{}, text[:f.Start]...), f.Replacement...), text[f.End:]...)
		limit = f.Start
		done = append(done, d)
	}
	if len(done) == 0 {
		return 0, nil
	}
	if err := writeInPlace(file, text); err != nil {
		return 0, err
	}
	for i := len(done) - 1; i >= 0; i-- {
		d := done[i]
		fmt.Fprintf(out, "%s: fixed: %q is now %q\n", d.Position(), d.Fix.Old, d.Fix.Replacement)
	}
	return len(done), nil
}

// writeInPlace replaces file with data through a temporary file beside it,
// keeping its permissions, so that a failed write leaves it as it was.
func writeInPlace(file string, data []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".shiftbook-fix-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removed on failure
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
