package link

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/kind"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/series"
)

// unusedData warns at each data file no metric reads: it is not shown
// anywhere, which the author of a nightly export would not guess. A file
// named for a language (nps.fr.csv) gets its own words: data is shared
// by every language, so such a file is never read, as a page's translation
// would be. Warnings, never errors: a file kept for later does no harm.
func (s *Site) unusedData(data map[string]*series.File) diag.List {
	read := map[*series.File]bool{}
	for _, m := range s.Metrics {
		if m.Series != nil {
			read[m.Series] = true
		}
	}
	// A metric page whose front matter did not read, or whose data key
	// names a file not found, may be the one meant to read a file: its
	// own error (with its did-you-mean) is the one mistake.
	unsure := slices.ContainsFunc(s.Pages, func(p *Page) bool { return p.Broken && p.Section == folder(kind.Metric) }) ||
		slices.ContainsFunc(s.Metrics, func(m *Metric) bool { return m.Series == nil && m.Page.Meta.Metric.Data != "" })
	var diags diag.List
	for _, file := range slices.Sorted(maps.Keys(data)) {
		f := data[file]
		if f == nil || read[f] {
			continue // nil: it did not read, and its errors say so
		}
		rel := strings.TrimPrefix(file, s.Config.Data.Dir+"/")
		if shared, code, ok := s.languageNamed(rel, data); ok {
			diags.Add(diag.Warning(diag.AtLine(file, nil, 1, 1,
				"%s is named for a language (%s), but data is shared: a metric's numbers are the same in every language, so no metric reads this file; keep one file for every language (%s), put figures that differ by market in a segment column, or remove this file",
				rel, code, shared)))
			continue
		}
		if unsure {
			continue
		}
		diags.Add(diag.Warning(diag.AtLine(file, nil, 1, 1,
			"no metric reads %s, so it is shown nowhere; name it in a metric's data key (data = %q), or remove the file", rel, rel)))
	}
	return diags
}

// languageNamed reports whether a data file's name carries a language
// code before its extension, as a page's translation would (nps.fr.csv),
// with the name the one shared file has (nps.csv). A code is read as the
// load stage reads one in a page's name: one of the site's languages, a
// code ISO 639-1 knows, or two letters beside the file they would
// translate.
func (s *Site) languageNamed(rel string, data map[string]*series.File) (shared, code string, ok bool) {
	ext := path.Ext(rel)
	stem := strings.TrimSuffix(rel, ext)
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 || strings.Contains(stem[i:], "/") {
		return "", "", false
	}
	shared, code = stem[:i]+ext, stem[i+1:]
	_, beside := data[path.Join(s.Config.Data.Dir, shared)]
	configured := slices.ContainsFunc(s.Config.LanguageCodes(), func(c string) bool { return strings.EqualFold(c, code) })
	if configured || parse.LooksLikeLanguage(strings.ToLower(code)) || parse.ShapedLikeLanguage(code) && beside {
		return shared, code, true
	}
	return "", "", false
}
