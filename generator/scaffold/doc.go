// Package scaffold makes new things from the theme's archetypes: a starter
// site (shiftbook new site) and a page of a kind (shiftbook new metric NAME),
// named, dated and placed so that the next build reads it without errors.
// It never overwrites a file. The command line parses flags and prints what
// this package returns.
package scaffold
