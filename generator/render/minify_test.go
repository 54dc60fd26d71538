package render

import (
	"strings"
	"testing"
)

func TestTemplateMinifyKeepsTrimMarkers(t *testing.T) {
	m := newMinifier()
	got := string(m.template([]byte("<p>{{- .A -}} <span> {{.B}} </span>\n  {{- .C }}</p>")))
	if strings.Contains(got, "{{-") || strings.Contains(got, "-}}") {
		t.Errorf("trim markers left in %q", got)
	}
	if !strings.Contains(got, "{{ .A }}<span>") {
		t.Errorf("trimmed space came back: %q", got)
	}
}
