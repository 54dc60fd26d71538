package parse

import (
	"strings"
	"testing"
)

// FuzzBlueprint reads a fuzzed lane, links and target_feeling of a stage,
// in TOML and in YAML front matter. Invariants: no panic, every diagnostic
// inside the file (checkPageInvariants), and what is read is what the map
// can draw: every lane item has text, every link names a journey and a
// stage on a line of the file, a to-be feeling is in -2..2; and a value
// read without a diagnostic is kept (a lane is not dropped silently).
func FuzzBlueprint(f *testing.F) {
	for _, s := range [][3]string{
		{`["Calls", { text = "Waits", failure = true }]`, `["agent#solo"]`, `1`},
		{`"one item"`, `"j#s"`, `-2`},
		{`[{ text = "", failure = true }, { failure = false }, [1], 3]`, `["#", "j#", "#s", " j # s "]`, `3`},
		{`[{ text = "a", failur = true, x = 1 }]`, `[]`, `"happy"`},
		{`["<b>\u0000</b>", "é"]`, `["a#b#c"]`, `1.5`},
		{`{ text = "t" }`, `4`, `true`},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Add(`[Calls, {text: Waits, failure: true}]`, `[agent#solo]`, `~`)
	f.Add(`- a`, `{a: b}`, `[1]`)
	f.Fuzz(func(t *testing.T, lane, links, target string) {
		if strings.ContainsAny(lane+links+target, "\n\r") {
			return
		}
		for _, src := range []string{
			"+++\ntitle = \"J\"\n[[stages]]\nname = \"A\"\nfeeling = 0\nbackstage = " + lane + "\nlinks = " + links + "\ntarget_feeling = " + target + "\n+++\nBody.\n",
			"---\ntitle: J\nstages:\n  - name: A\n    feeling: 0\n    backstage: " + lane + "\n    links: " + links + "\n    target_feeling: " + target + "\n---\nBody.\n",
		} {
			checkPageInvariants(t, pagePath, []byte(src))
			p, diags := ReadPage(pagePath, []byte(src))
			if p == nil {
				continue
			}
			lines := strings.Count(src, "\n") + 1
			for _, st := range p.Meta.Journey.Stages {
				for _, it := range st.Backstage {
					if strings.TrimSpace(it.Text) == "" {
						t.Errorf("a lane item without text: %+v", it)
					}
				}
				for _, l := range st.Links {
					if l.Journey == "" || l.Stage == "" || l.Line < 1 || l.Line > lines {
						t.Errorf("link %+v: no journey or stage, or outside the file", l)
					}
				}
				if st.HasTarget && (st.TargetFeeling < -2 || st.TargetFeeling > 2) {
					t.Errorf("to-be feeling %d outside -2..2", st.TargetFeeling)
				}
			}
			if len(diags) == 0 && len(p.Meta.Journey.Stages) == 1 && strings.HasPrefix(lane, `["x`) && len(p.Meta.Journey.Stages[0].Backstage) == 0 {
				t.Errorf("lane %s read as nothing, without a word", lane)
			}
		}
	})
}
