package parse

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	day := 24 * time.Hour
	good := []struct {
		in   string
		want time.Duration
	}{
		{"45d", 45 * day},
		{"6w", 42 * day},
		{"36h", 36 * time.Hour},
		{"90m", 90 * time.Minute},
		{"1h30m", 90 * time.Minute},
		{"300ms", 300 * time.Millisecond},
		{"1w3d", 10 * day},
		{"1d12h", 36 * time.Hour},
		{"1.5d", 36 * time.Hour},
		{" 45d ", 45 * day},
		{"45 d", 45 * day},
		{"+2d", 2 * day},
	}
	for _, tt := range good {
		got, err := ParseDuration(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	forms := `write a whole number with a unit: d (days), w (weeks), h (hours) or m (minutes), such as "45d", "6w", "36h" or "90m"`
	bad := []struct{ in, want string }{
		{"", `"" is not a duration; ` + forms},
		{"45", `"45" is not a duration; ` + forms},
		{"d", `"d" is not a duration; ` + forms},
		{"3mo", `"3mo" is not a duration; ` + forms},
		{"1y", `"1y" is not a duration; ` + forms},
		{"45 days", `"45 days" is not a duration; ` + forms},
		{"1..5d", `"1..5d" is not a duration; ` + forms},
		{"-3d", `"-3d" is negative; write a duration longer than zero, such as "45d"`},
		{"0d", `"0d" is zero; write a duration longer than zero, such as "45d"`},
		{"0s", `"0s" is zero; write a duration longer than zero, such as "45d"`},
		{"999999999d", `"999999999d" is too long; write a duration of at most a few years, such as "45d"`},
		{"2000000h2000000h", `"2000000h2000000h" is too long; write a duration of at most a few years, such as "45d"`},
		{"1x", `"1x" is not a duration; ` + forms},
	}
	for _, tt := range bad {
		got, err := ParseDuration(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want error %s", tt.in, got, err, tt.want)
		}
	}
}
