package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shiftbook/shiftbook/generator/link"
)

// DashboardData is /metrics/ as its layout sees it: a summary on top, the
// headline tiles, then the table of every metric in groups.
type DashboardData struct {
	Summary  string // "5 of 12 on track, 1 stale"
	Counts   []StatusCount
	Headline []*MetricData
	Groups   []MetricGroup
	All      []*MetricData // every metric, by weight then title
	Grouped  bool          // the site groups the table ([dashboard] groupBy)
}

// StatusCount is how many metrics have a status, for the counts on top.
type StatusCount struct {
	Status, Text string
	N            int
}

// MetricGroup is a group of the dashboard's table.
type MetricGroup struct {
	Name, ID string
	Metrics  []*MetricData
}

// dashboardData orders the metrics by weight (metrics without one last),
// then title, as navigation does; counts their statuses; picks the
// headline metrics (those marked headline = true, else the first); and
// groups them as [dashboard] groupBy says. Each metric's title is marked
// with its language where it is not around, the dashboard page's.
func (r *run) dashboardData(around string) *DashboardData {
	pages := make([]*link.Page, 0, len(r.site.Metrics))
	for _, m := range r.site.Metrics {
		pages = append(pages, m.Page)
	}
	link.SortPages(pages)
	d := &DashboardData{}
	for _, p := range pages {
		d.All = append(d.All, r.metricOn(p.Metric, around))
	}
	counts := map[string]int{}
	stale := 0
	for _, m := range d.All {
		if !m.HasData && m.Held != "" {
			counts["held"]++ // it has data, held back: not "without data"
		} else {
			counts[m.Status]++
		}
		if m.Stale {
			stale++
		}
		if m.Headline {
			d.Headline = append(d.Headline, m)
		}
	}
	if len(d.Headline) == 0 && len(d.All) > 0 {
		d.Headline = d.All[:1]
	}
	for _, s := range []struct{ key, status string }{
		{"on-track", "on-track"}, {"off-track", "off-track"}, {"no-target", "no-target"}, {"held", "no-data"}, {"no-data", "no-data"},
	} {
		if n := counts[s.key]; n > 0 {
			d.Counts = append(d.Counts, StatusCount{Status: s.status, Text: r.text.T("dashboard.label_" + strings.ReplaceAll(s.key, "-", "_")), N: n})
		}
	}
	if stale > 0 {
		d.Counts = append(d.Counts, StatusCount{Status: "stale", Text: r.text.T("dashboard.label_stale"), N: stale})
	}
	d.Summary = r.dashboardSummary(len(d.All), counts, stale)
	d.Groups, d.Grouped = groupMetrics(d.All, r.site.Config.Dashboard.GroupBy, r.text.T("dashboard.other"))
	return d
}

// dashboardSummary is the one line on top: "5 of 12 on track, 1 stale".
func (r *run) dashboardSummary(total int, counts map[string]int, stale int) string {
	if total == 0 {
		return r.text.T("dashboard.none")
	}
	parts := []string{r.text.N("dashboard.on_track", total, "on", strconv.Itoa(counts["on-track"]))}
	for _, c := range []struct {
		key string
		n   int
	}{{"off_track", counts["off-track"]}, {"stale", stale}, {"held", counts["held"]}, {"no_data", counts["no-data"]}} {
		if c.n > 0 {
			parts = append(parts, r.text.T("dashboard.count_"+c.key, "n", strconv.Itoa(c.n)))
		}
	}
	return strings.Join(parts, ", ")
}

// groupMetrics splits ordered metrics into groups by key ("tags": a
// metric's first tag; "owner"), groups in the order of their first metric,
// metrics without the key last under otherName ("Other"). With no key there is one
// group.
func groupMetrics(all []*MetricData, key, otherName string) ([]MetricGroup, bool) {
	keyOf := func(m *MetricData) string {
		switch key {
		case "tags":
			if len(m.Tags) > 0 {
				return m.Tags[0]
			}
		case "owner":
			return m.Owner
		}
		return ""
	}
	if key == "" {
		return []MetricGroup{{Metrics: all}}, false
	}
	var groups []MetricGroup
	index := map[string]int{}
	var other []*MetricData
	for _, m := range all {
		k := keyOf(m)
		if k == "" {
			other = append(other, m)
			continue
		}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			name := k
			if key == "tags" {
				rs := []rune(name)
				name = strings.ToUpper(string(rs[:1])) + string(rs[1:])
			}
			groups = append(groups, MetricGroup{Name: name, ID: fmt.Sprintf("group-%d", i+1)})
		}
		groups[i].Metrics = append(groups[i].Metrics, m)
	}
	if len(other) > 0 {
		groups = append(groups, MetricGroup{Name: otherName, ID: "group-other", Metrics: other})
	}
	return groups, true
}
