package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path"
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
	strict bool   // warnings fail the command too
	all    bool   // print every diagnostic, not the first maxShown
	format string // "text", "github" or "json"
	// site is the site folder as given on the command line, slash
	// separated: the github and json formats name files from where the
	// command runs (a repository's root), not from the site.
	site string
}

// Output formats of check.
var formats = []string{"text", "github", "json"}

// reportFlags adds --strict and --all to fs.
func reportFlags(fs *flag.FlagSet) *report {
	r := &report{}
	fs.BoolVar(&r.strict, "strict", false, "fail on warnings too (dropped raw HTML, doubtful autolinks, image names with spaces)")
	fs.BoolVar(&r.all, "all", false, fmt.Sprintf("print every problem, not only the first %d", maxShown))
	return r
}

// formatFlag adds --format to fs, for check.
func (r *report) formatFlag(fs *flag.FlagSet) {
	fs.StringVar(&r.format, "format", "text", "how to print problems: text (for people), github (GitHub Actions annotations on stdout) or json (one object a line on stdout, for editors)")
}

// checkFormat returns a usage message when --format names no format.
func (r *report) checkFormat() string {
	for _, f := range formats {
		if r.format == f {
			return ""
		}
	}
	return fmt.Sprintf("--format %q%s", r.format, diag.DidYouMean(r.format, formats, "; use text, github or json"))
}

// print writes diags and reports whether the command failed: whether any of
// them is an error. Warnings alone are printed and do not fail. Text goes
// to stderr; annotations and JSON go to stdout, where their readers look,
// with the count on stderr.
func (r *report) print(stdout, stderr io.Writer, diags diag.List) bool {
	if len(diags) == 0 {
		return false
	}
	switch r.format {
	case "github":
		printGitHub(stdout, r.file, diags)
		fmt.Fprintln(stderr, summary(diags))
	case "json":
		printJSON(stdout, r.file, diags)
		fmt.Fprintln(stderr, summary(diags))
	default:
		printText(stderr, diags, r.all)
	}
	return diags.HasErrors()
}

// file is the path of a diagnostic's file from where the command runs.
func (r *report) file(p string) string {
	if r.site == "" || r.site == "." {
		return p
	}
	return path.Join(r.site, p)
}

// printGitHub prints one workflow command a diagnostic, which GitHub shows
// as an annotation on the line of the pull request's diff:
// ::error file=F,line=L,col=C,title=T::message
func printGitHub(w io.Writer, file func(string) string, diags diag.List) {
	for _, d := range diags.Sort() {
		props := []string{"file=" + escapeProperty(file(d.Path))}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line))
			if d.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Col))
			}
		}
		if d.Kind != "" {
			props = append(props, "title=shiftbook "+escapeProperty(d.Kind))
		}
		msg := strings.Join(append([]string{d.Message}, d.Notes...), "\n")
		fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), escapeData(msg))
	}
}

// escapeData escapes a workflow command's message as the runner reads it.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as a message,
// and the separators of properties too.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// jsonDiag is a diagnostic as editors read it, one a line.
type jsonDiag struct {
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Severity string   `json:"severity"`
	Kind     string   `json:"kind,omitempty"`
	Owner    string   `json:"owner,omitempty"` // who is to act on it (an overdue review, stale data)
	Message  string   `json:"message"`
	Notes    []string `json:"notes,omitempty"`
	Source   string   `json:"source,omitempty"`
	Fix      *jsonFix `json:"fix,omitempty"`
}

// jsonFix is an edit that certainly repairs the problem: replace the bytes
// [start, end) of the file with replacement.
type jsonFix struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Old         string `json:"old"`
	Replacement string `json:"replacement"`
}

func printJSON(w io.Writer, file func(string) string, diags diag.List) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range diags.Sort() {
		j := jsonDiag{File: file(d.Path), Line: d.Line, Col: d.Col, Severity: d.Severity.String(),
			Kind: d.Kind, Owner: d.Owner, Message: d.Message, Notes: d.Notes, Source: d.Source}
		if d.Fix != nil {
			j.Fix = &jsonFix{Start: d.Fix.Start, End: d.Fix.End, Old: d.Fix.Old, Replacement: d.Fix.Replacement}
		}
		_ = enc.Encode(j) // a failed write to stdout has nowhere to be reported
	}
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
