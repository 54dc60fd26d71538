package search

import "strings"

// Postings are written as text a script decodes in a few lines: numbers as
// base64 VLQ (five bits a character, lowest first, the sixth bit saying
// more follow, as in source maps), so a gap between two documents under 32
// takes one character; a document set dense enough is a bitset instead.

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

const (
	// sep ends one part of a posting (site.js: decodePosting).
	sep = '.'
	// bitsetMark starts a document set written as a bitset: each character
	// holds six documents, lowest first, from document 0.
	bitsetMark = '~'
)

func writeVLQ(b *strings.Builder, v int) {
	for {
		d := v & 31
		v >>= 5
		if v > 0 {
			b.WriteByte(alphabet[d|32])
			continue
		}
		b.WriteByte(alphabet[d])
		return
	}
}

// writeDocs writes an ascending document set as gaps (the first document,
// then each one's distance from the one before less one) or as a bitset,
// whichever is shorter.
func writeDocs(b *strings.Builder, docs []int) {
	var gaps strings.Builder
	prev := -1
	for _, d := range docs {
		writeVLQ(&gaps, d-prev-1)
		prev = d
	}
	if bits := (prev + 6) / 6; len(docs) > 0 && bits+1 < gaps.Len() {
		set := make([]byte, bits)
		for _, d := range docs {
			set[d/6] |= 1 << (d % 6)
		}
		b.WriteByte(bitsetMark)
		for _, c := range set {
			b.WriteByte(alphabet[c])
		}
		return
	}
	b.WriteString(gaps.String())
}
