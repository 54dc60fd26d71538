package link

import (
	"bytes"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shiftbook/shiftbook/generator/markdown"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// resolveCached resolves files with the body cache of an earlier build,
// hashing each file as the pipeline does.
func resolveCached(t *testing.T, files map[string]string, cache *Bodies) *Site {
	t.Helper()
	var inputs []Input
	for _, p := range slices.Sorted(maps.Keys(files)) {
		page, diags := parse.ReadPage(p, []byte(files[p]))
		if len(diags) > 0 {
			t.Fatalf("%s: %v", p, diags.Err())
		}
		h := fnv.New64a()
		h.Write([]byte(files[p]))
		inputs = append(inputs, Input{Page: page, Hash: h.Sum64()})
	}
	s, _, _ := Resolve(parse.DefaultConfig(), inputs, nil, Files{}, testNow, markdown.New(markdown.Options{}), cache)
	return s
}

// A definition edited keeps the bodies that cannot change: those that
// mention none of the names it added, removed or changed. Every body is
// the one a build with no cache makes.
func TestBodiesKeptWhenTermsChange(t *testing.T) {
	files := map[string]string{
		"content/_index.md":               page("Home", "Our customers and their journey.\n"),
		"content/care.md":                 page("Care", "Every Client matters; see the [[customer]].\n"),
		"content/other.md":                page("Other", "Nothing to link here.\n"),
		"content/typo.md":                 page("Typo", "A [[custmer]] typo.\n"),
		"content/definitions/customer.md": "+++\ntitle = \"Customer\"\nsummary = \"Someone who buys.\"\n+++\nText.\n",
	}
	cache := NewBodies()
	first := resolveCached(t, files, cache)
	bodies := map[string]*Body{}
	for _, p := range first.Pages {
		bodies[p.Path] = p.Body
	}
	for _, tc := range []struct {
		name, def string
		redone    []string // bodies made again; the others are kept
	}{
		{"summary edited", "+++\ntitle = \"Customer\"\nsummary = \"Someone who pays.\"\n+++\nText.\n",
			[]string{"content/definitions/customer.md"}},
		{"synonym added", "+++\ntitle = \"Customer\"\nsynonyms = [\"client\"]\n+++\nText.\n",
			[]string{"content/definitions/customer.md", "content/care.md", "content/typo.md"}},
		{"synonym removed", "+++\ntitle = \"Customer\"\n+++\nText.\n",
			[]string{"content/definitions/customer.md", "content/care.md", "content/typo.md"}},
		{"title changed", "+++\ntitle = \"Patron\"\n+++\nText.\n",
			[]string{"content/definitions/customer.md", "content/_index.md", "content/care.md", "content/typo.md"}},
	} {
		files["content/definitions/customer.md"] = tc.def
		s := resolveCached(t, files, cache)
		fresh := resolveCached(t, files, nil)
		for _, p := range s.Pages {
			if p.Virtual {
				continue
			}
			want := fresh.ByPath(p.Path).Body
			if string(p.Body.HTML) != string(want.HTML) || !slices.Equal(p.Body.Uses, want.Uses) || len(p.Body.Diags) != len(want.Diags) {
				t.Errorf("%s: %s is\n%q\nnot, as a fresh build makes it,\n%q", tc.name, p.Path, p.Body.HTML, want.HTML)
			}
			if kept := p.Body == bodies[p.Path]; kept == slices.Contains(tc.redone, p.Path) {
				t.Errorf("%s: %s kept = %v", tc.name, p.Path, kept)
			}
			bodies[p.Path] = p.Body
		}
	}
}

func TestMentionsAny(t *testing.T) {
	for _, tc := range []struct {
		src   string
		words []string
		want  bool
	}{
		{"Our Clients", []string{"client"}, true},
		{"our CLIENT", []string{"client"}, true},
		{"no such word", []string{"client"}, false},
		{"cli", []string{"client"}, false},
		{"", []string{"client"}, false},
		{"anything", nil, false},
		{"a &#99;lient", []string{"client"}, true},
		{"Ärger", []string{"ärger"}, true},
		{"customer-centric", []string{"customer-centric"}, true},
	} {
		if got := mentionsAny([]byte(tc.src), tc.words); got != tc.want {
			t.Errorf("mentionsAny(%q, %q) = %v, want %v", tc.src, tc.words, got, tc.want)
		}
	}
}

// containsFoldBefore is containsFold as it was, looking both cases up
// again at every candidate: the reference the faster one is held to.
func containsFoldBefore(s []byte, w string) bool {
	c := w[0]
	if c >= utf8.RuneSelf {
		return bytes.Contains(bytes.ToLower(s), []byte(w))
	}
	up := c
	if 'a' <= c && c <= 'z' {
		up = c - 'a' + 'A'
	}
	for len(s) >= len(w) {
		i := bytes.IndexByte(s, c)
		if up != c {
			if j := bytes.IndexByte(s, up); j >= 0 && (i < 0 || j < i) {
				i = j
			}
		}
		if i < 0 || len(s)-i < len(w) {
			return false
		}
		if bytes.EqualFold(s[i:i+len(w)], []byte(w)) {
			return true
		}
		s = s[i+1:]
	}
	return false
}

func FuzzContainsFold(f *testing.F) {
	for _, tc := range [][2]string{{"Net Promoter Score", "score"}, {"ss sS Ss SYNONYM", "synonym"}, {"a-b", "-b"}, {"Kelvin \u212a", "k"}, {"", "x"}} {
		f.Add(tc[0], tc[1])
	}
	f.Fuzz(func(t *testing.T, s, w string) {
		w = strings.ToLower(w)
		if w == "" {
			return
		}
		if got, want := containsFold([]byte(s), w), containsFoldBefore([]byte(s), w); got != want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", s, w, got, want)
		}
	})
}
