package render

import (
	"bufio"
	"encoding/json"
	"io"
)

// A manifest lists every page with its sections' hashes: 20 MB of JSON at
// 20,000 pages, which Encode holds whole (twice, indented) while the pages
// are being written. EncodeTo writes the same bytes page by page.

// EncodeTo writes the manifest as Encode makes it, byte for byte, holding
// one page's JSON at a time.
func (m *Manifest) EncodeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	put := func(s string) {
		if err == nil {
			_, err = bw.WriteString(s)
		}
	}
	value := func(v any) {
		if err != nil {
			return
		}
		var b []byte
		if b, err = json.MarshalIndent(v, " ", " "); err == nil {
			_, err = bw.Write(b)
		}
	}
	first := true
	field := func(name string) {
		if !first {
			put(",")
		}
		first = false
		put("\n \"" + name + "\": ")
	}
	put("{")
	field("format")
	value(m.Format)
	field("version")
	value(m.Version)
	field("pages")
	switch {
	case m.Pages == nil:
		put("null")
	case len(m.Pages) == 0:
		put("[]")
	default:
		put("[")
		for i := range m.Pages {
			if i > 0 {
				put(",")
			}
			put("\n  ")
			if err == nil {
				var b []byte
				if b, err = json.MarshalIndent(&m.Pages[i], "  ", " "); err == nil {
					_, err = bw.Write(b)
				}
			}
		}
		put("\n ]")
	}
	field("definitions")
	value(m.Definitions)
	field("metrics")
	value(m.Metrics)
	field("journeys")
	value(m.Journeys)
	if len(m.Initiatives) > 0 {
		field("initiatives")
		value(m.Initiatives)
	}
	if len(m.Translations) > 0 {
		field("translations")
		value(m.Translations)
	}
	put("\n}\n")
	if err != nil {
		return err
	}
	return bw.Flush()
}
