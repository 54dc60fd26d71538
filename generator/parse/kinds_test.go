package parse

import (
	"strconv"
	"testing"
)

// TestKindKeysAreTheirs keeps each front matter key in one place: a kind's
// key is neither a key every page has, nor another kind's, nor another
// tool's, so its decoding is the only one.
func TestKindKeysAreTheirs(t *testing.T) {
	owner := map[string]string{}
	for _, k := range commonKeys {
		owner[k] = "the common keys"
	}
	for _, k := range otherToolKeys {
		owner[k] = "the other tools' keys"
	}
	for i, kk := range kinds {
		if kk.decode == nil || len(kk.keys) == 0 {
			t.Errorf("kinds[%d] has no keys or no decode", i)
		}
		for _, k := range kk.keys {
			if o, taken := owner[k]; taken {
				t.Errorf("key %q of kinds[%d] is also one of %s", k, i, o)
			}
			owner[k] = "kinds[" + strconv.Itoa(i) + "]"
		}
	}
}
