package render

import "strings"

// The parts of every page that shiftbook writes in Go (see parts.go)
// escape their values as html/template would where they land, byte for
// byte, so that a part is the same HTML whether the theme's partial or
// shiftbook makes it. TestEscapeMatchesHTMLTemplate and FuzzEscape hold
// each function to html/template's output for the same context.

// htmlReplacement is html/template's table for text and quoted
// attribute values: a plain string is escaped the same way in both.
var htmlReplacement = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// writeText writes s escaped for HTML text or a quoted attribute value,
// as {{.}} does there.
func writeText(b *strings.Builder, s string) {
	// Every character the table replaces is ASCII, and no byte of a
	// longer UTF-8 sequence (nor an invalid byte) is: bytes will do.
	written := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; int(c) < len(htmlReplacement) && htmlReplacement[c] != "" {
			b.WriteString(s[written:i])
			b.WriteString(htmlReplacement[c])
			written = i + 1
		}
	}
	b.WriteString(s[written:])
}

// writeURL writes a link's address into a quoted href, as
// href="{{.}}" does: an address with a scheme other than http, https or
// mailto becomes "#ZgotmplZ", and bytes an address may not hold are
// percent-encoded (valid escapes and reserved characters kept).
func writeURL(b *strings.Builder, s string) {
	if !safeScheme(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	writeURLPart(b, s, true)
}

// writeFragment writes the part of an address after its '#', as
// href="#{{.}}" does: everything but the unreserved characters is
// percent-encoded.
func writeFragment(b *strings.Builder, s string) {
	writeURLPart(b, s, false)
}

// safeScheme is html/template's urlFilter: no scheme, or a safe one.
func safeScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 0 || strings.IndexByte(s[:i], '/') >= 0 {
		return true
	}
	scheme := strings.ToLower(s[:i])
	return scheme == "http" || scheme == "https" || scheme == "mailto"
}

// writeURLPart is html/template's processURLOnto followed by its
// attribute escaping (of which only '&' and '+' can remain).
func writeURLPart(b *strings.Builder, s string, norm bool) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case norm && strings.IndexByte("!#$*,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue // a valid escape is kept
		case norm && c == '&':
			b.WriteString(s[written:i])
			b.WriteString("&amp;")
		case norm && c == '+':
			b.WriteString(s[written:i])
			b.WriteString("&#43;")
		default:
			b.WriteString(s[written:i])
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
		written = i + 1
	}
	b.WriteString(s[written:])
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
