package markdown

import (
	"regexp"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// A bare address in text (https://… or www.…) is a link, as on GitHub,
// found by goldmark's linkify with these patterns. They are goldmark's
// own but for one thing: a run of { in the address must be followed by a
// character other than % or <, so that an address stops before a
// shortcode call written right after it (https://example.com/v{{% param
// version %}}, as pages moved from Hugo have them). goldmark's pattern
// takes {{% into the address, and the rest of the call was shown on the
// page as text. A single { inside an address (/users/{id}) is kept.
const (
	linkifyPathChar      = "-a-zA-Z0-9@:%_+.~#$!?&/=\\(\\);,'\">\\^}\\[\\]`"
	linkifyAfterBraces   = "-a-zA-Z0-9@:_+.~#$!?&/=\\(\\);,'\">\\^}\\[\\]`"
	linkifyPath          = `(?:[/#?](?:[` + linkifyPathChar + `]|\{+[` + linkifyAfterBraces + `])*)?`
	linkifyURLPattern    = `^(?:http|https|ftp)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?` + linkifyPath
	linkifyWWWURLPattern = `^www\.[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+` + linkifyPath
)

// linkifyOptions are the parser options that give linkify these patterns.
func linkifyOptions() []parser.Option {
	return []parser.Option{
		extension.WithLinkifyURLRegexp(regexp.MustCompile(linkifyURLPattern)),
		extension.WithLinkifyWWWRegexp(regexp.MustCompile(linkifyWWWURLPattern)),
	}
}
