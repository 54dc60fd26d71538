package parse

import (
	"slices"
	"strings"
	"testing"
)

func TestFocusKeys(t *testing.T) {
	tests := []struct {
		name       string
		fm         string
		wantFocus  []string
		wantLeader string
		wantErr    string
	}{
		{"one focus area", `focus = "feel"`, []string{"feel"}, "", ""},
		{"a list of focus areas", `focus = ["voice", "measurement"]`, []string{"voice", "measurement"}, "", ""},
		{"a leader, spacing normalised", "leader = \"  Chief   Customer Officer \"", nil, "Chief Customer Officer", ""},
		{"a blank focus names none", `focus = ""`, nil, "", ""},
		{"a focus that is not text", `focus = 3`, nil, "", "content/p.md:2:1: focus must be a list of text"},
		{"a leader that is not text", `leader = ["a"]`, nil, "", "content/p.md:2:1: leader must be text"},
		{"a misspelt leader key", `lead = "CCO"`, nil, "", `unknown front matter key "lead": did you mean "leader"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage(pagePath, []byte("+++\n"+tt.fm+"\n+++\nBody\n"))
			if tt.wantErr != "" {
				if len(diags) != 1 || !strings.Contains(diags[0].String(), tt.wantErr) {
					t.Fatalf("diagnostics = %v, want one containing %q", diags, tt.wantErr)
				}
				return
			}
			if len(diags) != 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			if !slices.Equal(p.Meta.Focus, tt.wantFocus) || p.Meta.FocusArea.Leader != tt.wantLeader {
				t.Errorf("focus = %q, leader = %q; want %q, %q", p.Meta.Focus, p.Meta.FocusArea.Leader, tt.wantFocus, tt.wantLeader)
			}
		})
	}
}

func TestStageFocus(t *testing.T) {
	p, diags := ReadPage(pagePath, []byte("+++\n[[stages]]\nname = \"First bill\"\nfocus = \"feel\"\n+++\n"))
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if st := p.Meta.Journey.Stages; len(st) != 1 || !slices.Equal(st[0].Focus, []string{"feel"}) {
		t.Errorf("stages = %+v", st)
	}
}
