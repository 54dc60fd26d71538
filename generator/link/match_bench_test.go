package link

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// BenchmarkTermsMatch matches a vocabulary like the bench corpus's (a
// thousand terms whose words are the words of the prose) against prose.
func BenchmarkTermsMatch(b *testing.B) {
	adjectives := strings.Fields("modular durable proactive empathetic explicit qualitative accessible absolute consistent digital lagging measurable operational trusted weekly effortless predictable relative")
	nouns := strings.Fields("workflow app customer principle capability journey backlog handoff release advocacy moment target forecast baseline partner channel churn ticket queue")
	rng := rand.New(rand.NewSource(1))
	files := map[string]string{}
	for i := range 1000 {
		title := fmt.Sprintf("%s %s %d", capitalize(adjectives[rng.Intn(len(adjectives))]), capitalize(nouns[rng.Intn(len(nouns))]), i)
		files[fmt.Sprintf("content/definitions/t%d.md", i)] = page(title, "")
	}
	s, diags := resolveFiles(b, files)
	if len(diags) > 0 {
		b.Fatal(diags.Err())
	}
	var text strings.Builder
	for text.Len() < 1<<20 {
		switch rng.Intn(4) {
		case 0:
			text.WriteString(adjectives[rng.Intn(len(adjectives))])
		case 1:
			text.WriteString(nouns[rng.Intn(len(nouns))])
		default:
			text.WriteString(strings.Fields("the each and of reliably improves shapes across within")[rng.Intn(9)])
		}
		text.WriteString(" ")
	}
	src := []byte(text.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		s.Terms.match(src)
	}
}

// capitalize upper-cases the first letter of an ASCII word.
func capitalize(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
