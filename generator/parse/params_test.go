package parse

import (
	"testing"
	"time"
)

func TestParam(t *testing.T) {
	params := map[string]any{
		"version": "2.1",
		"Team":    "CX",
		"contact": map[string]any{"email": "cx@acme.example", "Phone": int64(12)},
		"regions": []any{"North", "South"},
		"since":   time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		"at":      time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC),
		"ok":      true,
	}
	tests := []struct {
		key, want string
		found     bool
	}{
		{"version", "2.1", true},
		{"VERSION", "2.1", true},
		{"team", "CX", true},
		{"contact.email", "cx@acme.example", true},
		{"Contact.phone", "12", true},
		{"regions", "North, South", true},
		{"since", "2026-03-01", true},
		{"at", "2026-03-01T09:30:00Z", true},
		{"ok", "true", true},
		{"missing", "", false},
		{"version.minor", "", false},
		{"contact.fax", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		v, ok := Param(params, tt.key)
		if ok != tt.found || ok && ParamText(v) != tt.want {
			t.Errorf("Param(%q) = %v, %v; want %q, %v", tt.key, v, ok, tt.want, tt.found)
		}
	}
	if got := ParamNames(map[string]any{"b": 1, "a": map[string]any{"c": 2}}); len(got) != 3 || got[0] != "a" || got[1] != "a.c" || got[2] != "b" {
		t.Errorf("ParamNames = %v", got)
	}
}
