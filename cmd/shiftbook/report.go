package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// maxShown caps the diagnostics printed to a terminal, so one systematic
// mistake does not bury it; --all lifts the cap.
const maxShown = 50

// report is how a command prints its diagnostics: the flags every command
// that builds shares.
type report struct {
	strict bool // warnings fail the command too
	all    bool // print every diagnostic, not the first maxShown
}

// reportFlags adds --strict and --all to fs.
func reportFlags(fs *flag.FlagSet) *report {
	r := &report{}
	fs.BoolVar(&r.strict, "strict", false, "fail on warnings too (dropped raw HTML, doubtful autolinks, image names with spaces)")
	fs.BoolVar(&r.all, "all", false, fmt.Sprintf("print every problem, not only the first %d", maxShown))
	return r
}

// print writes diags to w and reports whether the command failed: whether
// any of them is an error. Warnings alone are printed and do not fail.
func (r *report) print(w io.Writer, diags diag.List) bool {
	if len(diags) == 0 {
		return false
	}
	printText(w, diags, r.all)
	return diags.HasErrors()
}

// printDiags prints diagnostics, sorted and capped, and a count.
func printDiags(w io.Writer, diags diag.List) { printText(w, diags, false) }

// printText prints diagnostics for a terminal: sorted, at most maxShown
// unless all, then a count of errors and warnings, and, when the list is
// long enough to need it, a count of each kind.
func printText(w io.Writer, diags diag.List, all bool) {
	diags = diags.Sort()
	for i, d := range diags {
		if i == maxShown && !all {
			fmt.Fprintf(w, "... and %d more (pass --all to see them all)\n", len(diags)-maxShown)
			break
		}
		fmt.Fprintln(w, d.String())
	}
	fmt.Fprintln(w, summary(diags))
	if len(diags) > maxShown {
		for _, k := range countKinds(diags) {
			fmt.Fprintf(w, "  %6d %s\n", k.n, k.kind)
		}
	}
}

// summary is the count line: "3 errors", "1 error, 2 warnings", "1 warning".
func summary(diags diag.List) string {
	warnings := len(diags.Warnings())
	errs := len(diags) - warnings
	var parts []string
	if errs > 0 || warnings == 0 {
		parts = append(parts, plural(errs, "error", "errors"))
	}
	if warnings > 0 {
		parts = append(parts, plural(warnings, "warning", "warnings"))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

type kindCount struct {
	kind string
	n    int
}

// countKinds counts the diagnostics of each kind and severity, most first.
func countKinds(diags diag.List) []kindCount {
	counts := map[string]int{}
	for _, d := range diags {
		kind := d.Kind
		if kind == "" {
			kind = "other"
		}
		noun := "errors"
		if d.Severity == diag.SeverityWarning {
			noun = "warnings"
		}
		counts[kind+" "+noun]++
	}
	out := make([]kindCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, kindCount{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].kind < out[j].kind
	})
	return out
}
