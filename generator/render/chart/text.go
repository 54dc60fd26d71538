package chart

import (
	"strings"
	"time"
)

// Text is the interface text a chart writes, in the language of the page
// it is on: the theme's strings by key (chart.*, feeling.*), days and
// months as the language writes them, and numbers with its separators.
// *i18n.Text is one.
type Text interface {
	T(key string, pairs ...string) string
	N(key string, n int, pairs ...string) string
	Date(t time.Time) string    // "2 Jan 2026"
	Month(t time.Time) string   // "Jan 2026"
	Localize(num string) string // "12.5" → "12,5" in Dutch
}

// localNum is a number formatted here ("12.5", "1.5k", "−3") in the language.
func localNum(w Text, s string) string {
	body := strings.TrimRight(s, "kMBT")
	return w.Localize(body) + s[len(body):]
}

// value is formatValue in the language.
func value(w Text, v float64) string { return localNum(w, formatValue(v)) }

// feelingLabel is the name of a feeling in the language ("happy").
func feelingLabel(w Text, f int) string { return w.T("feeling." + FeelingWord(f)) }
