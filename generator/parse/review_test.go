package parse

import (
	"strings"
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	reviewed := time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in, due, err string
	}{
		{in: "6 months", due: "2027-02-28"},
		{in: "6months", due: "2027-02-28"},
		{in: "90 days", due: "2026-11-29"},
		{in: "90d", due: "2026-11-29"},
		{in: "2 weeks", due: "2026-09-14"},
		{in: "1 year", due: "2027-08-31"},
		{in: "1 Quarter", due: "2026-11-30"},
		{in: "1 year 6 months", due: "2028-02-29"},
		{in: "18 months", due: "2028-02-29"},
		{in: "6 monhts", err: `did you mean "months"?`},
		{in: "6", err: "without a unit"},
		{in: "", err: "empty"},
		{in: "0 days", err: "no time at all"},
		{in: "six months", err: "not a period"},
		{in: "-3 days", err: "not a period"},
		{in: "500 years", err: "hundred years"},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParsePeriod(%q) error = %v, want one saying %q", tt.in, err, tt.err)
			}
		case err != nil:
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
		default:
			if got := p.After(reviewed).Format("2006-01-02"); got != tt.due {
				t.Errorf("ParsePeriod(%q) after %s = %s, want %s", tt.in, reviewed.Format("2006-01-02"), got, tt.due)
			}
		}
	}
}

func TestOwnerKey(t *testing.T) {
	if OwnerKey("Head of  CX insights ") != OwnerKey("head of CX Insights") {
		t.Error("case and spacing make another owner")
	}
	if OwnerKey("Head of CX") == OwnerKey("Head of CX Insights") {
		t.Error("two owners share a key")
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"6 months", "90d", "1 year 6 months", "", "x", "99999999999999 days"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err == nil {
			if p.IsZero() {
				t.Fatalf("%q: no error and no period", s)
			}
			p.After(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC))
		}
	})
}
