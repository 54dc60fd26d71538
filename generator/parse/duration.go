package parse

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseDuration parses the staleAfter syntax of site.toml: a number with a
// unit, "45d" (days), "6w" (weeks), "36h" (hours), "90m" (minutes), and any
// Go duration such as "1h30m"; units may be combined ("1w3d"). Days are 24
// hours. The duration must be longer than zero.
func ParseDuration(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	bad := func() (time.Duration, error) {
		return 0, fmt.Errorf("%q is not a duration; write a whole number with a unit: d (days), w (weeks), h (hours) or m (minutes), such as \"45d\", \"6w\", \"36h\" or \"90m\"", s)
	}
	if t == "" {
		return bad()
	}
	if t[0] == '-' {
		return 0, fmt.Errorf("%q is negative; write a duration longer than zero, such as \"45d\"", s)
	}
	t = strings.TrimPrefix(t, "+")
	// Rewrite days and weeks as hours for time.ParseDuration.
	var b strings.Builder
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && (t[j] >= '0' && t[j] <= '9' || t[j] == '.') {
			j++
		}
		k := j
		for k < len(t) && !(t[k] >= '0' && t[k] <= '9' || t[k] == '.') {
			k++
		}
		num, unit := t[i:j], strings.TrimSpace(t[j:k])
		if num == "" || unit == "" {
			return bad()
		}
		switch unit {
		case "d", "w":
			f, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return bad()
			}
			hours := f * 24
			if unit == "w" {
				hours *= 7
			}
			if hours > float64(math.MaxInt64/int64(time.Hour)) {
				return 0, fmt.Errorf("%q is too long; write a duration of at most a few years, such as \"45d\"", s)
			}
			b.WriteString(strconv.FormatFloat(hours, 'f', -1, 64) + "h")
		case "ns", "us", "µs", "μs", "ms", "s", "m", "h":
			if _, err := strconv.ParseFloat(num, 64); err != nil {
				return bad()
			}
			b.WriteString(num + unit)
		default:
			return bad()
		}
		i = k
	}
	d, err := time.ParseDuration(b.String())
	if err != nil { // every part is well formed, so the sum is too large
		return 0, fmt.Errorf("%q is too long; write a duration of at most a few years, such as \"45d\"", s)
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q is zero; write a duration longer than zero, such as \"45d\"", s)
	}
	return d, nil
}
