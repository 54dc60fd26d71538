package search

import (
	"encoding/json"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// TestTokensMatchScript: the Go tokenizer finds the words site.js finds,
// or the browser would look up words the index does not have.
func TestTokensMatchScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	texts := []string{
		"Net Promoter Score (NPS)", "Gdańsk, GDAŃSK & Łódź", "Straße ÆSIR œuvre Ørsted", "İstanbul ıi",
		"ΟΔΥΣΣΕΥΣ σοφός", "é\u0301te\u0301 cafe\u0301", "東京 タワー ｶﾀｶﾅ ＡＢＣ１２３", "emoji 😀 between",
		"a-b_c.d/e:f", "31% 1,100 v2.0", "  ", "", "Ⅻ ǅemal ﬁne", "tab\there\u00a0nbsp", "\u2028line\u2029",
	}
	got := make([][]string, len(texts))
	for i, s := range texts {
		got[i] = Tokens(s)
		if got[i] == nil {
			got[i] = []string{}
		}
	}
	in, _ := json.Marshal(texts)
	script := `require(process.argv[1]); const S = globalThis.ShiftbookSearch;
		console.log(JSON.stringify(JSON.parse(process.argv[2]).map((s) => S.tokens(s))))`
	out, err := exec.Command(node, "-e", script, "../../../themes/default/assets/js/site.js", string(in)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var want [][]string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("node printed %s: %v", out, err)
	}
	for i := range texts {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("Tokens(%q) = %q, site.js finds %q", texts[i], got[i], want[i])
		}
	}
}

func TestFilesDeterministicAndEscaped(t *testing.T) {
	docs := []Doc{
		{Title: "Zeta </script><b>", URL: "z/", Text: "a & b \u2028 c"},
		{Title: "Alpha", URL: "a/", Kind: "definition", Keywords: []string{"AL", "first letter"}, Text: "alpha beta"},
		{Title: "Alpha", URL: "b/", Kind: "metric", Text: "beta"},
	}
	a, err := Files(docs)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Files(docs)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same documents give different files")
	}
	paths := Paths(len(docs))
	if len(a) != len(paths) {
		t.Errorf("%d files, Paths lists %d", len(a), len(paths))
	}
	for _, p := range paths {
		s := string(a[p])
		for _, bad := range []string{"<", ">", "&", "\u2028"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s holds %q unescaped: %s", p, bad, s)
			}
		}
	}
	// Documents are numbered by title length, then URL.
	for n, url := range []string{"a/", "b/", "z/"} {
		if !strings.Contains(string(a[docPath(n)]), `"u":"`+url+`"`) {
			t.Errorf("document %d is not %s: %s", n, url, a[docPath(n)])
		}
	}
	if !strings.Contains(string(a[ManifestPath]), `"n":3`) {
		t.Errorf("manifest: %s", a[ManifestPath])
	}
}

func TestWriteDocs(t *testing.T) {
	for _, tt := range []struct {
		docs []int
		want string
	}{
		{nil, ""},
		{[]int{0}, "A"},
		{[]int{0, 1, 2}, "~H"}, // as a bitset, one character is shorter than three gaps
		{[]int{0, 3}, "AC"},
		{[]int{40}, "oB"}, // 40 = 8 + 1*32: low five bits first, the sixth bit says more follow
		{[]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "~//"},
	} {
		var b strings.Builder
		writeDocs(&b, tt.docs)
		if b.String() != tt.want {
			t.Errorf("writeDocs(%v) = %q, want %q", tt.docs, b.String(), tt.want)
		}
	}
}

// Fold's and Tokens' ASCII paths give what the general ones give, for
// ASCII text and for ASCII mixed with letters to decompose, marks to drop
// (after ASCII letters too), letters spelled otherwise and broken UTF-8.
func TestASCIIFastPaths(t *testing.T) {
	for _, s := range []string{"", "Hello, World", "NPS-2026 Q3: 41.5%", "a_b\tc\nd", "~!@#$%^&*()[]{}<>?/\\|`'\"", "ALL CAPS and lower 09 az AZ",
		"Gdańsk CAFÉ naïve", "e\u0301 x\u0323\u0301y", "Straße ÆØ Œuvre Łódź", "“quoted” — dash…", "\xffabc\xfe DEF", "ǅ ΣΑΣ ς İstanbul", "日本語テキスト abc", "ﬁ ﬀ ①"} {
		if got, want := Fold(s), foldRunes(s); got != want {
			t.Errorf("Fold(%q) = %q, general path %q", s, got, want)
		}
		var want []string
		start := -1
		f := foldRunes(s)
		for i, r := range f {
			word := inRanges(r, wordRanges)
			switch {
			case word && start < 0:
				start = i
			case !word && start >= 0:
				want = append(want, f[start:i])
				start = -1
			}
		}
		if start >= 0 {
			want = append(want, f[start:])
		}
		if got := Tokens(s); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Tokens(%q) = %q, want %q", s, got, want)
		}
	}
}
