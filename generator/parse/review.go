package parse

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// Period is how often a page must be reviewed: reviewEvery, written in
// site.toml, in a section's _index.md (for its pages) or on a page. Months
// and years are calendar months and years, as people count them: a page
// reviewed on 31 August with reviewEvery = "6 months" is due on 28 February.
type Period struct {
	Years, Months, Days int
	Text                string // as written, for messages: "6 months"
}

// IsZero reports whether no period is set.
func (p Period) IsZero() bool { return p.Years == 0 && p.Months == 0 && p.Days == 0 }

// After is the moment the period ends, counted from t.
func (p Period) After(t time.Time) time.Time {
	if p.Months == 0 && p.Years == 0 {
		return t.AddDate(0, 0, p.Days)
	}
	// AddDate would roll 31 August + 6 months over into March; the
	// period ends on the last day of the month instead.
	y, m, d := t.Date()
	first := time.Date(y+p.Years, m+time.Month(p.Months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), t.Hour(), t.Minute(), t.Second(), 0, time.UTC).AddDate(0, 0, p.Days)
}

// periodUnits maps each unit people write to days, months or years.
var periodUnits = map[string]struct{ days, months int }{
	"day": {1, 0}, "days": {1, 0}, "d": {1, 0},
	"week": {7, 0}, "weeks": {7, 0}, "w": {7, 0},
	"month": {0, 1}, "months": {0, 1}, "mo": {0, 1},
	"quarter": {0, 3}, "quarters": {0, 3},
	"year": {0, 12}, "years": {0, 12}, "y": {0, 12},
}

var periodUnitNames = []string{"days", "weeks", "months", "quarters", "years"}

// ParsePeriod reads a review period such as "6 months", "90 days",
// "2 weeks", "1 year" or "1 year 6 months".
func ParsePeriod(s string) (Period, error) {
	fields := strings.Fields(strings.ToLower(s))
	p := Period{Text: strings.Join(strings.Fields(s), " ")}
	example := `write a whole number and a unit, such as "6 months", "90 days", "2 weeks" or "1 year"`
	if len(fields) == 0 {
		return p, fmt.Errorf("reviewEvery is empty; %s", example)
	}
	for i := 0; i < len(fields); i++ {
		num, unit := fields[i], ""
		// "6months" and "90d" are written without a space too.
		if j := strings.IndexFunc(num, func(r rune) bool { return r < '0' || r > '9' }); j > 0 {
			num, unit = num[:j], num[j:]
		} else if i+1 < len(fields) {
			i++
			unit = fields[i]
		}
		n, err := strconv.Atoi(num)
		if err == nil && n > 36600 {
			return p, fmt.Errorf("reviewEvery %q is more than a hundred years; %s", s, example)
		}
		if err != nil || n < 0 {
			return p, fmt.Errorf("reviewEvery %q is not a period; %s", s, example)
		}
		u, ok := periodUnits[unit]
		if !ok {
			if unit == "" {
				return p, fmt.Errorf("reviewEvery %q has a number without a unit; %s", s, example)
			}
			return p, fmt.Errorf("reviewEvery %q: %q is not a unit of time%s", s, unit,
				diag.DidYouMean(unit, periodUnitNames, "; "+example))
		}
		p.Days += n * u.days
		p.Years += n * u.months / 12
		p.Months += n * u.months % 12
	}
	if p.IsZero() {
		return p, fmt.Errorf("reviewEvery %q is no time at all; %s", s, example)
	}
	if p.Years > 100 || p.Days > 36600 {
		return p, fmt.Errorf("reviewEvery %q is more than a hundred years; %s", s, example)
	}
	return p, nil
}

// OwnerKey is the form two spellings of one owner share: letter case and
// spacing do not make another owner ("Head of CX insights", "Head of  CX
// Insights").
func OwnerKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}
