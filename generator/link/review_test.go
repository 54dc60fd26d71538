package link

import (
	"strings"
	"testing"
)

// Fixes found in review, each with the case that showed it.

func TestDottedPageNameIsAPage(t *testing.T) {
	s, diags := resolveFiles(t, map[string]string{
		"content/definitions/node.js.md": "+++\ntitle = \"Node.js\"\nsummary = \"A runtime.\"\n+++\nIt runs code.\n",
		"content/guide.md":               "+++\ntitle = \"Guide\"\n+++\nWe use Node.js here, see [it](../definitions/node.js/).\n",
	})
	if len(diags) > 0 {
		t.Fatalf("a page named with a dot cannot be linked: %v", diags.Err())
	}
	if s.ByURL["/definitions/node.js/"] == nil {
		t.Fatal("no page at /definitions/node.js/")
	}
}

func TestIndexFileIsTheSectionPage(t *testing.T) {
	s, diags := resolveFiles(t, map[string]string{
		"content/index.md":      "+++\ntitle = \"Home\"\n+++\nHome.\n",
		"content/team/index.md": "+++\ntitle = \"Team\"\n+++\nThe team.\n",
		"content/team/ana.md":   "+++\ntitle = \"Ana\"\n+++\nAna.\n",
	})
	if len(diags) > 0 {
		t.Fatal(diags.Err())
	}
	if k := s.ByURL["/"].Kind; k != KindHome {
		t.Errorf("content/index.md is a %s, want the home page", k)
	}
	team := s.ByURL["/team/"]
	if team.Kind != KindSection || len(team.Children) != 1 {
		t.Errorf("team/index.md is a %s with %d children, want the section with its page", team.Kind, len(team.Children))
	}
}

func TestTitleOfAFolderWithoutIndex(t *testing.T) {
	if got := titleFromSlug("über-uns"); got != "Über Uns" {
		t.Errorf("titleFromSlug(über-uns) = %q", got)
	}
}

func TestSearchTextCutsAtACharacter(t *testing.T) {
	text := searchText(strings.Repeat("漢", MaxSearchText))
	if strings.ContainsRune(text, '\uFFFD') || !strings.HasPrefix(text, "漢") {
		t.Errorf("search text cut inside a character: %q…", text[len(text)-8:])
	}
}
