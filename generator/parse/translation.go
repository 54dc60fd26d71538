package parse

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// What a translation shares with its original: "data is shared (numbers
// do not change with language); a metric's page text is translated, its
// data is not". A translation is read on its own, as every page is (so it
// is cached by its own bytes), and given what it shares by ShareOriginal
// once the build knows its original. This file is the one home of the
// rule; each kind's file says which of its keys are words (kindKeys.words).
// Every key is one of these:
//
//   - Its own (shareOwn): title, description, its dates, slug, draft,
//     aliases, layout, params, and a definition's summary and synonyms.
//     Left out, the translation has none.
//   - Words of a kind (shareWords): a journey's persona, a stage's name,
//     touchpoints, pains and lanes, a milestone's or task's name, an
//     initiative's reason, a metric's unit and its survey's wording, a
//     term's abbreviation. The translation's where it writes them, else
//     the original's, so a page is never without them.
//   - Shared unless written (shareUnlessWritten): tags, categories,
//     weight, unlisted (and hidden, bookHidden, toc_hide), owner. The
//     original's, unless the translation writes its own (tags = []: none).
//     new --lang leaves them out, as it does data.
//   - Data (shareData): every other key of a kind and focus: a metric's
//     id, data file, target, scale and dates; an initiative's status,
//     dates and metrics; a stage's feeling, metrics, focus, owner, moment,
//     target feeling and links; the metric a survey measures; a focus
//     area's leader; a task's due date, owner and initiative. Always the
//     original's: a translation that writes another value is warned, at
//     that value, that the original's is used. Only the words change with
//     the language, and one page in one language showing other numbers
//     than the rest would be a mistake no reader could see.
//   - Parts (shareParts): a list or table that holds words and data (the
//     stages, milestones, tasks, a stage's surveys, a metric's survey): the
//     original's, part by part, each item with the words of the
//     translation's item at its place. The items are data: a translation
//     that has more or fewer is warned.
type share uint8

const (
	shareOwn share = iota
	shareWords
	shareUnlessWritten
	shareData
	shareParts
)

// sharedUnlessWritten are the keys any page may write that a translation
// has from its original unless it writes its own.
var sharedUnlessWritten = []string{"tags", "categories", "weight", "sidebar_position", "unlisted", "hidden", "bookHidden", "toc_hide", "owner"}

// commonData are the keys any page may write that are data.
var commonData = []string{"focus"}

// sharedKey reports whether a page keeps the key as written for
// ShareOriginal: a kind's key, or one of commonData.
func sharedKey(k string) bool {
	if slices.Contains(commonData, k) {
		return true
	}
	for _, kk := range kinds {
		if slices.Contains(kk.keys, k) {
			return true
		}
	}
	return false
}

// shareOf is how the key at path (an item of a list named by its index)
// is shared.
func shareOf(path []string) share {
	if len(path) == 0 {
		return shareOwn
	}
	top := path[0]
	switch {
	case slices.Contains(commonData, top):
		return shareData
	case slices.Contains(sharedUnlessWritten, top):
		return shareUnlessWritten
	}
	for _, kk := range kinds {
		if !slices.Contains(kk.keys, top) {
			continue
		}
		for _, w := range kk.own {
			if matchesFrom(path, w) {
				return shareOwn
			}
		}
		for _, w := range kk.words {
			if matchesFrom(path, w) {
				return shareWords
			}
		}
		for _, w := range kk.words {
			if holds(path, w) {
				return shareParts
			}
		}
		return shareData
	}
	return shareOwn
}

// matchesFrom reports whether path is the pattern's key or inside it
// ("stages.*.name": the name of every stage; "*" is any item).
func matchesFrom(path []string, pattern string) bool {
	parts := strings.Split(pattern, ".")
	return len(path) >= len(parts) && prefixMatch(path, parts)
}

// holds reports whether the pattern's key is inside path's.
func holds(path []string, pattern string) bool {
	parts := strings.Split(pattern, ".")
	return len(path) < len(parts) && prefixMatch(path, parts[:len(path)])
}

func prefixMatch(path, parts []string) bool {
	for i, p := range parts {
		if p == "*" {
			if _, err := strconv.Atoi(path[i]); err != nil {
				return false
			}
		} else if p != path[i] {
			return false
		}
	}
	return true
}

// ShareOriginal gives a translation (file is its file's path) what it
// shares with its original, as the rule above says, and returns the
// warnings about data it writes otherwise than its original does. With no
// original (a page in its language only) the translation is its own,
// and the errors about keys it needs but leaves out are returned.
func ShareOriginal(file string, translation, original *Page) diag.List {
	if original == nil {
		return slices.Clone(translation.leftOut)
	}
	t, o := &translation.Meta, &original.Meta
	if !t.Writes("tags") {
		t.Tags = o.Tags
	}
	if !t.Writes("categories") {
		t.Categories = o.Categories
	}
	if !t.Writes("weight") && !t.Writes("sidebar_position") {
		t.Weight = o.Weight
	}
	if t.UnlistedKey == "" {
		t.Unlisted = o.Unlisted
	}
	if !t.Writes("owner") {
		t.Owner = o.Owner
	}
	lines := t.lines
	if lines == nil { // no front matter, or none that could be read
		lines = func(...string) int { return 0 }
	}
	s := &sharer{file: file, src: translation.Source, lines: lines, original: original.Path}
	merged := map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(union(translation.shared, original.shared))) {
		tv, tok := translation.shared[k]
		ov, ook := original.shared[k]
		if v, ok := s.merge([]string{k}, tv, tok, ov, ook); ok {
			merged[k] = v
		}
	}
	// The merged keys are decoded again, as if the translation wrote them
	// all. Each value was checked where it is written, so what this says
	// again is dropped.
	t.Definition, t.Metric, t.Journey, t.Initiative, t.Plan, t.FocusArea, t.Focus =
		DefinitionMeta{}, MetricMeta{}, JourneyMeta{}, InitiativeMeta{}, PlanMeta{}, FocusAreaMeta{}, nil
	d := &fieldDecoder{path: file, src: translation.Source, line: lines, kinds: kinds}
	for _, k := range slices.Sorted(maps.Keys(merged)) {
		d.decodeKey(t, &otherToolFields{}, k, merged[k])
	}
	for _, kk := range kinds {
		if kk.finish != nil {
			kk.finish(d, t)
		}
	}
	translation.sharedLines = s.sharedLines(nil, translation.shared)
	translation.ownLines = map[int]bool{}
	for _, k := range translation.keys {
		if c := shareOf([]string{k}); c != shareData && c != shareParts {
			translation.ownLines[t.Line(k)] = true
		}
	}
	translation.frontLines = bytes.Count(translation.Source[:min(translation.BodyOffset, len(translation.Source))], []byte("\n"))
	translation.shared = merged
	for i := range s.diags {
		s.diags[i].Owner = t.Owner // who keeps the translation, for check --owner
	}
	return s.diags
}

// AboutShared reports whether a diagnostic at line of a translation,
// given its original's data by ShareOriginal, is about that data rather
// than about the translation's own words and keys: the line is in its
// front matter, not one of a key of its own (title, reviewed, a stage's
// name), and holds a key it shares (a stage's table, a metric id) or the
// original said the same (sameAsOriginal: "the data of metric "nps" is
// stale", at the first line). Such a diagnostic is the original's,
// reported there once.
func (p *Page) AboutShared(line int, sameAsOriginal bool) bool {
	if line < 1 || line > p.frontLines || p.ownLines[line] {
		return false
	}
	return sameAsOriginal || p.sharedLines[line]
}

// sharedLines are the lines where the value v at path, written by the
// translation, has data or an item of a list of parts.
func (s *sharer) sharedLines(path []string, v any) map[int]bool {
	out := map[int]bool{}
	var walk func(path []string, v any)
	walk = func(path []string, v any) {
		switch shareOf(path) {
		case shareData:
			out[s.lines(path...)] = true
			return
		case shareParts:
			if isIndex(path[len(path)-1]) {
				out[s.lines(path...)] = true
			}
		default:
			if len(path) > 0 {
				return
			}
		}
		if m, ok := v.(map[string]any); ok {
			for k, e := range m {
				walk(append(slices.Clip(path), k), e)
			}
		} else if list, ok := items(v); ok {
			for i, e := range list {
				walk(append(slices.Clip(path), strconv.Itoa(i)), e)
			}
		}
	}
	walk(path, v)
	delete(out, 0)
	return out
}

// sharer merges a translation's shared keys with its original's.
type sharer struct {
	file     string // the translation's
	src      []byte
	lines    func(...string) int
	original string // the original's path
	diags    diag.List
}

// merge is the value of the key at path, which the translation writes as
// t (when tok) and the original as o (when ook), and whether there is one.
func (s *sharer) merge(path []string, t any, tok bool, o any, ook bool) (any, bool) {
	switch shareOf(path) {
	case shareOwn:
		return t, tok
	case shareWords, shareUnlessWritten:
		if tok {
			return t, true
		}
		return o, ook
	case shareParts:
		if tok && ook {
			if v, ok := s.parts(path, t, o); ok {
				return v, true
			}
		}
	}
	if tok && (!ook || !sameValue(t, o)) {
		s.differs(path, t, o, ook)
	}
	return o, ook
}

// parts merges a table or list of words and data part by part; false when
// the two are not both tables or both lists.
func (s *sharer) parts(path []string, t, o any) (any, bool) {
	if tm, ok := t.(map[string]any); ok {
		om, ok := o.(map[string]any)
		if !ok {
			return nil, false
		}
		out := map[string]any{}
		for _, k := range slices.Sorted(maps.Keys(union(tm, om))) {
			tv, tok := tm[k]
			ov, ook := om[k]
			if v, ok := s.merge(append(slices.Clip(path), k), tv, tok, ov, ook); ok {
				out[k] = v
			}
		}
		return out, true
	}
	tl, ok1 := items(t)
	ol, ok2 := items(o)
	if !ok1 || !ok2 {
		return nil, false
	}
	if len(tl) != len(ol) {
		s.count(path, len(tl), len(ol))
	}
	out := make([]any, len(ol))
	for i, ov := range ol {
		out[i] = ov
		if i < len(tl) {
			out[i], _ = s.merge(append(slices.Clip(path), strconv.Itoa(i)), tl[i], true, ov, true)
		}
	}
	return out, true
}

// differs warns, at the value the translation writes at path, that the
// original's value is used instead.
func (s *sharer) differs(path []string, t, o any, ook bool) {
	name := keyName(path)
	written := "what is written here"
	if v := showValue(t); v != "" {
		written += " (" + v + ")"
	}
	if !ook {
		s.warn(path, fmt.Sprintf("%s: shared by every language, as only words are translated, and %s has none, so %s is not used; remove it here, or add it to %s to have it in every language",
			name, s.original, written, s.original))
		return
	}
	has := showValue(o)
	if has == "" {
		has = "the value"
	}
	s.warn(path, fmt.Sprintf("%s: shared by every language, as only words are translated, so this page has %s from %s, not %s; remove it here, or change it in %s to change it in every language",
		name, has, s.original, written, s.original))
}

// count warns that a list of parts has another number of items than the
// original's.
func (s *sharer) count(path []string, have, want int) {
	var rest string
	switch {
	case have == want+1:
		rest = "the last one written here is not used; write one for each of the original's, in its order"
	case have > want:
		rest = fmt.Sprintf("the last %d written here are not used; write one for each of the original's, in its order", have-want)
	case have == want-1:
		rest = "the last one shows the original's words; translate it too, in the original's order"
	default:
		rest = fmt.Sprintf("the last %d show the original's words; translate them too, in the original's order", want-have)
	}
	s.warn(path, fmt.Sprintf("%s: this translation has %d and %s has %d; they are shared by every language, so the original's are shown, each with the words written here at its place, and %s",
		keyName(path), have, s.original, want, rest))
}

func (s *sharer) warn(path []string, msg string) {
	line := max(s.lines(path...), 1)
	col := 1
	if last := path[len(path)-1]; !isIndex(last) {
		col = ColumnOf(s.src, line, last, true)
	}
	d := diag.Warning(diag.AtLine(s.file, s.src, line, col, "%s", msg))
	d.Kind = "translations"
	s.diags.Add(d)
}

// keyName names a key path as an author reads it: "feeling of stage 2",
// "metric of survey 1 of stage 3".
func keyName(path []string) string {
	var parts []string
	for i := 0; i < len(path); i++ {
		if i+1 < len(path) && isIndex(path[i+1]) {
			n, _ := strconv.Atoi(path[i+1])
			parts = append(parts, fmt.Sprintf("%s %d", strings.TrimSuffix(path[i], "s"), n+1))
			i++
			continue
		}
		parts = append(parts, path[i])
	}
	slices.Reverse(parts)
	return strings.Join(parts, " of ")
}

func isIndex(part string) bool {
	_, err := strconv.Atoi(part)
	return err == nil
}

func union(a, b map[string]any) map[string]any {
	out := make(map[string]any, len(a)+len(b))
	maps.Copy(out, b)
	maps.Copy(out, a)
	return out
}

// items is a list as the decoders give one: TOML's [[tables]] are a list
// of tables.
func items(v any) ([]any, bool) {
	switch v := v.(type) {
	case []any:
		return v, true
	case []map[string]any:
		out := make([]any, len(v))
		for i, m := range v {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

// sameValue reports whether two values as written are the same: 40 and
// 40.0, a date in TOML and in YAML, text that differs only in spacing.
func sameValue(a, b any) bool {
	na, nb := normalValue(a), normalValue(b)
	// Text alone is a list of one (focus = "feel", focus = ["feel"]).
	if list, ok := nb.([]any); ok && len(list) == 1 {
		if _, text := na.(string); text {
			nb = list[0]
		}
	}
	if list, ok := na.([]any); ok && len(list) == 1 {
		if _, text := nb.(string); text {
			na = list[0]
		}
	}
	return reflect.DeepEqual(na, nb)
}

func normalValue(v any) any {
	switch v := v.(type) {
	case int64:
		return float64(v)
	case uint64:
		return float64(v)
	case int:
		return float64(v)
	case time.Time:
		return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, time.UTC).Format(time.RFC3339)
	case string:
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if t, err := time.Parse(layout, v); err == nil {
				return normalValue(t)
			}
		}
		return strings.Join(strings.Fields(v), " ")
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = normalValue(e)
		}
		return out
	case []string:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalValue(e)
		}
		return out
	}
	if list, ok := items(v); ok {
		out := make([]any, len(list))
		for i, e := range list {
			out[i] = normalValue(e)
		}
		return out
	}
	return v
}

// showValue writes a value as a message shows it: 40, "nps.csv",
// 2026-03-10, ["nps", "csat"]; "" for one too long to show.
func showValue(v any) string {
	s := valueText(v)
	if len(s) > 60 {
		return ""
	}
	return s
}

func valueText(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case int64, uint64, int, bool:
		return fmt.Sprint(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			return v.Format("2006-01-02")
		}
		return v.Format(time.RFC3339)
	case map[string]any:
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(v)) {
			parts = append(parts, k+" = "+valueText(v[k]))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case []string:
		return valueText(normalList(v))
	}
	if list, ok := items(v); ok {
		parts := make([]string, len(list))
		for i, e := range list {
			parts[i] = valueText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func normalList(v []string) []any {
	out := make([]any, len(v))
	for i, e := range v {
		out[i] = e
	}
	return out
}

// prefixed is each key with prefix before it.
func prefixed(prefix string, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = prefix + k
	}
	return out
}
