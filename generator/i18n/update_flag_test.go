package i18n

// Every test package accepts -update, so that `go test ./... -update` runs in
// all of them: the flag is defined once, in testfiles.
import _ "github.com/shiftbook/shiftbook/generator/internal/testfiles"
