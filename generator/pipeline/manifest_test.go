package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shiftbook/shiftbook/generator/render"
)

// siteCopy reads the example site's site.toml and content/ into memory,
// each file passed through edit.
func siteCopy(t *testing.T, edit func(name string, data []byte) []byte) fstest.MapFS {
	t.Helper()
	site := os.DirFS(exampleSite)
	m := fstest.MapFS{}
	add := func(name string) {
		data, err := fs.ReadFile(site, name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: edit(name, data), Mode: 0o644}
	}
	add("site.toml")
	err := fs.WalkDir(site, "content", func(name string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			add(name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func manifestOf(t *testing.T, site fs.FS) []byte {
	t.Helper()
	sink := newMemSink()
	if _, diags := New().Build(context.Background(), Options{Site: site, Now: exampleNow}, sink); diags.HasErrors() {
		t.Fatalf("build: %v", diags.Err())
	}
	return sink.files[render.ManifestFile]
}

// A copy of the site saved with CRLF line endings and a byte-order mark on
// every file reads the same, so its manifest, and the changes page that
// compares manifests, must be the same too.
func TestManifestIgnoresLineEndingsAndBOM(t *testing.T) {
	textFile := func(name string) bool {
		for _, ext := range []string{".md", ".toml", ".csv", ".json"} {
			if strings.HasSuffix(name, ext) {
				return true
			}
		}
		return false
	}
	asIs := siteCopy(t, func(_ string, data []byte) []byte { return data })
	windows := siteCopy(t, func(name string, data []byte) []byte {
		if !textFile(name) {
			return data
		}
		crlf := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		return append([]byte("\xef\xbb\xbf"), crlf...)
	})
	want := manifestOf(t, asIs)
	if got := manifestOf(t, windows); !bytes.Equal(got, want) {
		t.Errorf("the CRLF + BOM copy has another manifest.json:\n%s\nwant\n%s", got, want)
	}
	// And a real change still shows.
	edited := siteCopy(t, func(name string, data []byte) []byte {
		if name == "content/vision/_index.md" {
			return append(data, []byte("\nOne more sentence.\n")...)
		}
		return data
	})
	if bytes.Equal(manifestOf(t, edited), want) {
		t.Error("a page with a new sentence has the same manifest.json")
	}
}
