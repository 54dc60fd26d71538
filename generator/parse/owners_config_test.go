package parse

import (
	"strings"
	"testing"
)

func TestConfigReviewEveryAndOwners(t *testing.T) {
	src := "title = \"x\"\nreviewEvery = \"6 monhts\"\n[owners]\n\"Head of CX\" = \"cx@example.com\"\n\"Bad\" = 3\n\"Worse\" = \"not an address\"\n\"Web\" = \"https://chat.example.com/cx\"\n"
	cfg, diags := ReadConfig([]byte(src))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `site.toml:5:1: owners: the contact of "Bad" must be text`) {
		t.Fatalf("got %q", got)
	}
	src = strings.Replace(src, "\"Bad\" = 3\n", "", 1)
	cfg, diags = ReadConfig([]byte(src))
	got = got[:0]
	for _, d := range diags {
		got = append(got, d.String())
	}
	joined := strings.Join(got, "\n")
	for _, w := range []string{
		`site.toml:2:15: reviewEvery "6 monhts": "monhts" is not a unit of time: did you mean "months"?`,
		`site.toml:5:11: owners: the contact of "Worse", "not an address", is not an e-mail address or a web address`,
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in\n%s", w, joined)
		}
	}
	if len(got) != 2 {
		t.Errorf("%d errors, want 2:\n%s", len(got), joined)
	}
	if cfg.Owners["Web"] != "https://chat.example.com/cx" || cfg.Owners["Head of CX"] != "cx@example.com" {
		t.Errorf("owners = %v", cfg.Owners)
	}
	cfg, diags = ReadConfig([]byte("reviewEvery = \"1 year\"\n"))
	if len(diags) > 0 || cfg.ReviewPeriod.Years != 1 {
		t.Errorf("reviewEvery 1 year: %v %+v", diags, cfg.ReviewPeriod)
	}
}

func TestFrontMatterReviewEvery(t *testing.T) {
	p, diags := ReadPage("content/a.md", []byte("+++\ntitle = \"A\"\nreviewEvery = \"3 months\"\n+++\nText.\n"))
	if len(diags) > 0 || p.Meta.ReviewEvery.Months != 3 {
		t.Fatalf("%v %+v", diags, p.Meta.ReviewEvery)
	}
	_, diags = ReadPage("content/a.md", []byte("+++\ntitle = \"A\"\nreviewEvery = \"3 mnths\"\n+++\nText.\n"))
	if len(diags) != 1 || !strings.Contains(diags[0].String(), `content/a.md:3:1: reviewEvery "3 mnths": "mnths" is not a unit of time: did you mean "months"?`) {
		t.Errorf("got %v", diags)
	}
}
