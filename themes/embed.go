// Package themes carries the built-in theme inside the binary, so that a
// `go install`ed shiftbook builds any site folder; a site's own themes/NAME
// overrides it file by file.
package themes

import "embed"

// FS holds one folder per built-in theme.
//
//go:embed default
var FS embed.FS
