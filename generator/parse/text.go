// Package parse turns one input file into data: a page's front matter and
// body, or a data file's series. It knows nothing of other files.
package parse

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// CheckText reports the first byte that makes src unusable as text: invalid
// UTF-8 or a NUL byte (a binary file saved with a text extension).
func CheckText(path string, src []byte) (diag.Diagnostic, bool) {
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return diag.Diagnostic{}, true // the common case, checked a word at a time
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return diag.At(path, src, i,
				"invalid UTF-8 (byte 0x%02x); save the file as UTF-8 in your editor", src[i]), false
		}
		if r == 0 {
			return diag.At(path, src, i, "NUL byte: this looks like a binary file; save it as plain UTF-8 text"), false
		}
		i += size
	}
	return diag.Diagnostic{}, true
}

// TOMLError turns a TOML decoding error into a diagnostic. lineOffset is the
// number of lines of the file before the TOML text starts, so the position is
// a line of the whole file.
func TOMLError(path string, file []byte, lineOffset int, err error) diag.Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		// Position.Start is a byte offset in the TOML text (after a byte
		// order mark, which the decoder skips); Position.Col counts bytes
		// and is sometimes on the line before. Use Start where it falls on
		// the reported line, else the start of that line.
		line := pe.Position.Line + lineOffset
		lineStart := diag.OffsetOf(file, line, 1)
		lineEnd := len(file)
		if nl := bytes.IndexByte(file[lineStart:], '\n'); nl >= 0 {
			lineEnd = lineStart + nl
		}
		base := diag.OffsetOf(file, lineOffset+1, 1)
		if bytes.HasPrefix(file[base:], []byte("\xef\xbb\xbf")) {
			base += 3
		}
		off := base + pe.Position.Start
		if off < lineStart || off > lineEnd {
			off = lineStart
		}
		return diag.At(path, file, off, "invalid TOML: %s", plainTOML(pe.Message))
	}
	return diag.AtLine(path, file, lineOffset+1, 1, "invalid TOML: %s", plainTOML(err.Error()))
}

// stripBOM drops a UTF-8 byte order mark, which some Windows editors write.
func stripBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

// TextDigest is the FNV-1a hash of src as a reader gets it: without a
// byte-order mark, and with every line ending (CRLF, a lone CR) read as
// LF. A file saved by another editor, or checked out on Windows, hashes the
// same as long as its text is the same, so the changes page does not call
// it changed.
func TextDigest(src []byte) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	src = stripBOM(src)
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
		}
		h = (h ^ uint64(c)) * prime
	}
	return h
}
