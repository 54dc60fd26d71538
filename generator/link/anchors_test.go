package link

import "testing"

func TestCertainAnchor(t *testing.T) {
	ids := []string{"our-promise", "days-1-to-30", "faq", "faq-1", "été-2026"}
	tests := []struct {
		frag, want string
		ok         bool
	}{
		{"Our-Promise", "our-promise", true},    // case
		{"our_promise", "our-promise", true},    // underscores (kramdown, Hugo's older ids)
		{"our--promise", "our-promise", true},   // doubled dash
		{"Our Promise", "our-promise", true},    // heading text, as some writers link
		{"days-1-to-30.", "days-1-to-30", true}, // trailing punctuation
		{"ÉTÉ-2026", "été-2026", true},          // case beyond ASCII
		{"our-promise", "", false},              // already right: nothing to fix
		{"our-promis", "", false},               // a misspelling is only a suggestion
		{"FAQ", "faq", true},
		{"faq_1", "faq-1", true},
		{"", "", false},
		{"---", "", false},
	}
	for _, tt := range tests {
		got, ok := certainAnchor(tt.frag, ids)
		if got != tt.want || ok != tt.ok {
			t.Errorf("certainAnchor(%q) = %q, %v; want %q, %v", tt.frag, got, ok, tt.want, tt.ok)
		}
	}
	// Two ids that fit: not certain.
	if got, ok := certainAnchor("A_B", []string{"a-b", "a_b"}); ok {
		t.Errorf("certainAnchor with two candidates = %q; want none", got)
	}
}

// FuzzCertainAnchor: any fragment and id, however odd, gives no panic, and
// a certain answer is one of the ids, differs from the fragment, and means
// the same once case and separators are set aside.
func FuzzCertainAnchor(f *testing.F) {
	f.Add("Our_Promise", "our-promise")
	f.Add("ÉTÉ", "été")
	f.Add("--", "-")
	f.Fuzz(func(t *testing.T, frag, id string) {
		got, ok := certainAnchor(frag, []string{id, "other"})
		if !ok {
			return
		}
		if got != id && got != "other" || got == frag || anchorKey(got) != anchorKey(frag) {
			t.Fatalf("certainAnchor(%q) = %q", frag, got)
		}
	})
}
