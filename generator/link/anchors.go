package link

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/markdown"
)

// missingAnchor is the message for a link, written as dest, to a fragment
// that target has no id for. It quotes the link as the author wrote it, and
// shows how ids are made with a heading of the target page itself.
func missingAnchor(dest, frag string, target *Page) string {
	msg := fmt.Sprintf("link to %s: %s has no heading with the id %q", dest, target.Path, frag)
	ids := slices.Sorted(maps.Keys(target.Anchors))
	if sug, ok := certainAnchor(frag, ids); ok {
		return msg + diag.DidYouMeanAs("#"+sug) + " (shiftbook check --fix makes the change)"
	}
	if sug := diag.Suggest(frag, ids); sug != "" {
		return msg + diag.DidYouMeanAs("#"+sug)
	}
	if h, ok := exampleHeading(target); ok {
		return msg + fmt.Sprintf("; an id is its heading's text in lower case with dashes: %s %s is #%s",
			strings.Repeat("#", h.Level), h.Text, h.ID)
	}
	return msg + "; that page has no headings to link to: link to the page itself, or add a heading there"
}

// exampleHeading is the first heading of target that has an id and text.
func exampleHeading(target *Page) (markdown.Heading, bool) {
	if target.Body == nil {
		return markdown.Heading{}, false
	}
	for _, h := range target.Body.Headings {
		if h.ID != "" && strings.TrimSpace(h.Text) != "" {
			return h, true
		}
	}
	return markdown.Heading{}, false
}

// certainAnchor returns the one id that frag means, when frag differs from
// it only in letter case or in how another tool makes ids from heading text
// (spaces, underscores, repeated dashes, punctuation): "#Our_Promise" and
// "#our--promise" both mean "our-promise". Two ids that fit make it
// uncertain.
func certainAnchor(frag string, ids []string) (string, bool) {
	want := anchorKey(frag)
	if want == "" {
		return "", false
	}
	found := ""
	for _, id := range ids {
		if anchorKey(id) == want {
			if found != "" {
				return "", false
			}
			found = id
		}
	}
	if found == frag {
		return "", false
	}
	return found, found != ""
}

// anchorKey is an id with everything that id schemes disagree on removed:
// letter case, and the separators between words.
func anchorKey(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '.':
			sep = true
		}
	}
	return b.String()
}

// anchorFix is the edit that repairs a link to a fragment target has under
// another spelling, when the tool is certain of it: one id fits, and the
// destination is found, written once, where the link starts. ok is false
// otherwise; the error then stands without a fix.
func (s *Site) anchorFix(p *Page, l markdown.Link) (start, end int, replacement string, ok bool) {
	base, frag, found := strings.Cut(l.Dest, "#")
	if !found || frag == "" || p.Source == nil {
		return 0, 0, "", false
	}
	var anchors map[string]bool
	if base == "" {
		anchors = p.Anchors
	} else {
		u, msg := s.resolve(p, base)
		if msg != "" {
			return 0, 0, "", false
		}
		t := s.ByURL[u]
		if t == nil {
			return 0, 0, "", false
		}
		anchors = t.Anchors
	}
	id, ok := certainAnchor(frag, slices.Sorted(maps.Keys(anchors)))
	if !ok {
		return 0, 0, "", false
	}
	// The destination as written, in the link's own parentheses: between
	// the link's start and the end of its paragraph.
	from := p.BodyOffset + l.Offset
	if from < 0 || from > len(p.Source) {
		return 0, 0, "", false
	}
	window := p.Source[from:]
	if par := bytes.Index(window, []byte("\n\n")); par >= 0 {
		window = window[:par]
	}
	at := -1
	for _, open := range []string{"(" + l.Dest, "(<" + l.Dest + ">"} {
		i := bytes.Index(window, []byte(open))
		if i < 0 {
			continue
		}
		if bytes.Count(window, []byte(open)) > 1 {
			return 0, 0, "", false
		}
		after := i + len(open)
		if after < len(window) && !bytes.ContainsRune([]byte(") \t\n\r"), rune(window[after])) && !strings.HasSuffix(open, ">") {
			continue // a longer destination that starts the same
		}
		at = i + strings.Index(open, "#") + 1
		break
	}
	if at < 0 {
		return 0, 0, "", false
	}
	return from + at, from + at + len(frag), id, true
}
