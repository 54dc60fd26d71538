package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// A markdown table is often wider than a phone. It is written inside a box
// of its own that scrolls sideways, so the page never does (WCAG 2.1 SC
// 1.4.10, Reflow): a region a keyboard can reach (tabindex=0, so it scrolls
// with the arrow keys) and a screen reader names after the table's columns.
// The theme's CSS (.table-scroll) draws the cue that there is more.

// maxTableLabel caps the region's name: a screen reader reads it every time
// the reader enters the table.
const maxTableLabel = 80

func (r *nodeRenderer) table(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		w.WriteString("</table>\n</div>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<div class="table-scroll content-table" role="region" tabindex="0" aria-label="`)
	r.Writer.Write(w, []byte(tableLabel(node, src)))
	w.WriteString("\">\n<table")
	if node.Attributes() != nil {
		html.RenderAttributes(w, node, extension.TableAttributeFilter)
	}
	w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// tableLabel names a table by its column headings: "Table: Segment,
// Customers, Main need".
func tableLabel(table ast.Node, src []byte) string {
	var cols []string
	for c := table.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != extast.KindTableHeader {
			continue
		}
		for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if text := strings.Join(strings.Fields(plainText(cell, src)), " "); text != "" {
				cols = append(cols, text)
			}
		}
	}
	if len(cols) == 0 {
		return "Table"
	}
	label := "Table: " + strings.Join(cols, ", ")
	if len(label) > maxTableLabel {
		cut := maxTableLabel
		for cut > 0 && !utf8.RuneStart(label[cut]) {
			cut--
		}
		label = strings.TrimRight(label[:cut], " ,") + "…"
	}
	return label
}
