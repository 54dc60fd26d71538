package parse

import (
	"bytes"
	"maps"
	"slices"
	"strconv"
)

// TranslationStub is the front matter a translation of the page src
// starts with (shiftbook new page NAME --lang CODE): the page's own as
// written, comments and all, without the keys a translation takes from its
// original (see translation.go): its data, and the tags, weight, owner and
// unlisted it has unless it writes its own. Copied, they would only hold
// today's values, and warn once the original's change. What is left is
// what a translator translates (title, description, a stage's name, a
// lane) and the page's own keys (its dates, slug). left reports whether a
// key was left out. Front matter that cannot be read is kept whole.
func TranslationStub(path string, src []byte) (front []byte, left bool) {
	text := stripBOM(src)
	delim := frontDelim(text)
	if delim == "" {
		return nil, false
	}
	bom := len(src) - len(text)
	fmStart := bom + bytes.IndexByte(text, '\n') + 1
	end, bodyStart := findClosing(src, fmStart, delim)
	if end < 0 {
		return nil, false
	}
	lineOffset := bytes.Count(src[:fmStart], []byte("\n"))
	fields, lines, d := decodeFields(path, src, src[fmStart:end], lineOffset, delim)
	if d != nil {
		return src[:bodyStart], false
	}
	// keep says of each line where a key (or an item of a list) is
	// written whether it stays: a line with anything to keep stays whole.
	keep := map[int]bool{}
	var walk func(path []string, v any, stays bool)
	walk = func(path []string, v any, stays bool) {
		if len(path) > 0 {
			switch shareOf(path) {
			case shareOwn, shareWords:
				stays = true
			case shareUnlessWritten, shareData:
				stays = false
			case shareParts:
				stays = holdsWords(path, v)
			}
			l := lines(path...)
			keep[l] = keep[l] || stays
		}
		if m, ok := v.(map[string]any); ok {
			for _, k := range slices.Sorted(maps.Keys(m)) {
				walk(append(slices.Clip(path), k), m[k], stays)
			}
		} else if list, ok := items(v); ok {
			for i, e := range list {
				walk(append(slices.Clip(path), strconv.Itoa(i)), e, stays)
			}
		}
	}
	walk(nil, fields, true)

	var body [][]byte
	for off := fmStart; off < end; {
		nl := bytes.IndexByte(src[off:end], '\n')
		next := end
		if nl >= 0 {
			next = off + nl + 1
		}
		body = append(body, src[off:next])
		off = next
	}
	// A line with no key of its own goes with the next key when it is
	// blank or a comment (it is about what follows), else with the key
	// above (the rest of a list or of text on several lines).
	stays := make([]bool, len(body))
	written := make([]bool, len(body))
	for i := range body {
		if s, ok := keep[lineOffset+1+i]; ok {
			stays[i], written[i] = s, true
		}
	}
	above := true
	for i := range body {
		if written[i] {
			above = stays[i]
		} else if !blankOrComment(body[i]) {
			stays[i] = above
		}
	}
	below := true
	for i := len(body) - 1; i >= 0; i-- {
		if written[i] || !blankOrComment(body[i]) {
			below = stays[i]
		} else {
			stays[i] = below
		}
	}
	var out bytes.Buffer
	out.Write(src[:fmStart])
	lastBlank, dropped := true, false // at the opening line
	for i, line := range body {
		if !stays[i] {
			left, dropped = true, true
			continue
		}
		isBlank := len(bytes.TrimSpace(line)) == 0
		if isBlank && dropped && lastBlank {
			continue // no run of blank lines where keys were left out
		}
		out.Write(line)
		lastBlank, dropped = isBlank, false
	}
	if left {
		kept := bytes.TrimRight(out.Bytes(), " \t\r\n")
		out.Truncate(len(kept))
		if bytes.Contains(src[:bodyStart], []byte("\r\n")) {
			out.WriteByte('\r')
		}
		out.WriteByte('\n')
	}
	out.Write(src[end:bodyStart])
	return out.Bytes(), left
}

// holdsWords reports whether a value of parts at path holds words a
// translation writes.
func holdsWords(path []string, v any) bool {
	switch shareOf(path) {
	case shareOwn, shareWords:
		return true
	case shareParts:
		if m, ok := v.(map[string]any); ok {
			for k, e := range m {
				if holdsWords(append(slices.Clip(path), k), e) {
					return true
				}
			}
		} else if list, ok := items(v); ok {
			for i, e := range list {
				if holdsWords(append(slices.Clip(path), strconv.Itoa(i)), e) {
					return true
				}
			}
		}
	}
	return false
}

func blankOrComment(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) == 0 || t[0] == '#'
}
