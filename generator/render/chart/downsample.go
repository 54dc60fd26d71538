package chart

import "time"

// Large series are drawn from fewer points than they hold: a line of
// 200,000 points on a plot 500 units wide draws 400 points on every unit,
// makes a page of megabytes and shows nothing more than a line through the
// first, lowest, highest and last point of each unit's width.
//
// The method (M4 aggregation, Jugel et al., VLDB 2014): the plot's width is
// cut into drawBuckets columns of equal time; of the points in a column the
// line keeps the first, the lowest, the highest and the last, in date
// order. The lowest and highest value of the whole series are therefore
// always drawn, and so are the first and the latest point; the result
// depends on the data alone. Series of at most 4 × drawBuckets points are
// drawn whole. The summary a chart states (latest value, range, target) is
// always computed from every point, never from the drawn ones.

// drawBuckets is the number of columns a large series is reduced to: about
// one per viewBox unit of the line chart's plot.
const drawBuckets = 500

// downsample returns the points to draw of pts (sorted by date): pts
// itself when it is small, else its M4 reduction to at most 4 × buckets
// points.
func downsample(pts []Point, buckets int) []Point {
	if buckets < 1 || len(pts) <= 4*buckets {
		return pts
	}
	t0, t1 := seconds(pts[0].Date), seconds(pts[len(pts)-1].Date)
	span := t1 - t0
	column := func(t time.Time) int {
		if !(span > 0) {
			return 0
		}
		c := int((seconds(t) - t0) / span * float64(buckets))
		return min(max(c, 0), buckets-1)
	}
	out := make([]Point, 0, 4*buckets)
	for i := 0; i < len(pts); {
		c := column(pts[i].Date)
		first, lo, hi := i, i, i
		j := i + 1
		for ; j < len(pts) && column(pts[j].Date) == c; j++ {
			if pts[j].Value < pts[lo].Value {
				lo = j
			}
			if pts[j].Value > pts[hi].Value {
				hi = j
			}
		}
		last := j - 1
		// The four in date order, each once.
		keep := [4]int{first, min(lo, hi), max(lo, hi), last}
		prev := -1
		for _, k := range keep {
			if k != prev {
				out = append(out, pts[k])
				prev = k
			}
		}
		i = j
	}
	return out
}
