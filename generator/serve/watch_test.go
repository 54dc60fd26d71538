package serve

import "testing"

// TestWatchedSkipsEditorTemporaries: the files editors write for a moment
// while saving never reach a batch, so the log names the file the author
// saved.
func TestWatchedSkipsEditorTemporaries(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"content/vision/promise.md", true},
		{"content/data/nps.csv", true},
		{"themes/default/layouts/page.html", true},
		{"themes/default/layouts/page.tmpl", true}, // not a temporary file
		{"content/2026.md", true},
		{"site.toml", true},
		{"content/4913", false},                        // vim's write probe
		{"content/promise.md~", false},                 // vim, emacs backups
		{"content/.promise.md.swp", false},             // vim swap
		{"content/promise.md___jb_tmp___", false},      // JetBrains
		{"content/promise.md___jb_old___", false},      // JetBrains
		{"content/promise.md.kate-swp", false},         // Kate
		{"content/promise.md.sb-1a2b3c4d-Xy9Z", false}, // macOS safe save
		{"content/promise.md.tmp.84213", false},        // atomic writers
		{"content/#promise.md#", false},                // emacs autosave
		{"content/.#promise.md", false},                // emacs lock
		{"content/.goutputstream-ABC123", false},       // GNOME
		{"content/slides.pdf.crdownload", false},       // a download not finished
		{"static/img/logo.png", true},                  // published at the root as it is
		{"static/img/.logo.png.swp", false},
		{"README.md", false}, // outside the site's folders
		{"staticky/a.png", false},
	}
	for _, tt := range tests {
		if got := watched(tt.rel, "content/data"); got != tt.want {
			t.Errorf("watched(%q) = %v; want %v", tt.rel, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		rel  string
		want Change
	}{
		{"site.toml", ChangeConfig},
		{"content/vision/promise.md", ChangeContent},
		{"content/data/nps.csv", ChangeData},
		{"themes/default/layouts/page.html", ChangeTheme},
		{"layouts/page.html", ChangeTheme},
		{"static/img/logo.png", ChangeContent},
		{"README.md", ChangeNone},
	}
	for _, tt := range tests {
		if got := classify(tt.rel, "content/data"); got != tt.want {
			t.Errorf("classify(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

func TestBatchChanges(t *testing.T) {
	b := makeBatch(map[string]bool{"content/a.md": true, "content/data/x.csv": true, "notes.txt": true}, "content/data")
	for c, want := range map[Change]bool{ChangeContent: true, ChangeData: true, ChangeConfig: false, ChangeTheme: false, ChangeNone: false} {
		if b.Changes.Has(c) != want {
			t.Errorf("batch has %v = %v, want %v", c, !want, want)
		}
	}
	if got := ChangeTheme.String(); got != "theme" {
		t.Errorf("ChangeTheme.String() = %q", got)
	}
}
