// Package load reads a site from a file system: site.toml, the content
// tree, the data folder and the theme stack. It decodes configuration and
// classifies files; it parses no page.
package load

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/parse"
)

// ConfigFile is the name of the site configuration at the site root.
const ConfigFile = "site.toml"

// Config is site.toml.
type Config struct {
	Title    string `toml:"title"`
	BaseURL  string `toml:"baseURL"`
	Language string `toml:"language"`
	Theme    string `toml:"theme"`
	Version  string `toml:"version"`

	Build struct {
		Minify bool `toml:"minify"`
		Drafts bool `toml:"drafts"`
	} `toml:"build"`

	Data struct {
		Dir        string `toml:"dir"`
		StaleAfter string `toml:"staleAfter"`
	} `toml:"data"`

	Glossary struct {
		Autolink bool `toml:"autolink"`
	} `toml:"glossary"`

	Markdown struct {
		Unsafe bool `toml:"unsafe"`
	} `toml:"markdown"`

	Book struct {
		Title    string   `toml:"title"`
		Chapters []string `toml:"chapters"`
	} `toml:"book"`

	// StaleAfterDuration is Data.StaleAfter decoded.
	StaleAfterDuration time.Duration `toml:"-"`
	// Source and Lines let later stages report errors at a line of site.toml.
	Source []byte         `toml:"-"`
	Lines  parse.TOMLKeys `toml:"-"`
}

// DefaultConfig is what a site gets for every key it leaves out.
func DefaultConfig() Config {
	var c Config
	c.Title = "Customer Experience"
	c.Language = "en"
	c.Theme = "default"
	c.Version = "dev"
	c.Build.Minify = true
	c.Data.Dir = "content/data"
	c.Data.StaleAfter = "45d"
	c.Glossary.Autolink = true
	return c
}

// knownKeys lists every key site.toml may hold, for unknown-key hints.
var knownKeys = []string{
	"title", "baseURL", "language", "theme", "version",
	"build", "build.minify", "build.drafts",
	"data", "data.dir", "data.staleAfter",
	"glossary", "glossary.autolink",
	"markdown", "markdown.unsafe",
	"book", "book.title", "book.chapters",
}

// ParseConfig decodes site.toml. Unknown keys are errors with a did-you-mean,
// because a misspelt key silently ignored is a setting the author thinks is on.
func ParseConfig(src []byte) (Config, diag.List) {
	cfg := DefaultConfig()
	var diags diag.List
	if d, ok := parse.CheckText(ConfigFile, src); !ok {
		return cfg, diag.List{d}
	}
	md, err := toml.Decode(string(src), &cfg)
	if err != nil {
		return cfg, diag.List{parse.TOMLError(ConfigFile, src, 0, err)}
	}
	keys := parse.LocateTOMLKeys(src)
	cfg.Source, cfg.Lines = src, keys
	for _, k := range md.Undecoded() {
		name := k.String()
		line := keys.Line(k...)
		msg := fmt.Sprintf("unknown key %q in %s", name, ConfigFile)
		if s := diag.Suggest(name, knownKeys); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		} else {
			msg += "; remove it (the keys shiftbook understands are listed in README.md)"
		}
		diags.Add(diag.AtLine(ConfigFile, src, line, 1, "%s", msg))
	}
	at := func(key ...string) int { return keys.Line(key...) }
	if cfg.Data.StaleAfter != "" {
		dur, err := parse.ParseDuration(cfg.Data.StaleAfter)
		if err != nil {
			diags.Add(diag.AtLine(ConfigFile, src, at("data", "staleAfter"), 1, "data.staleAfter: %v", err))
		}
		cfg.StaleAfterDuration = dur
	}
	cfg.Data.Dir = strings.Trim(path.Clean("/"+cfg.Data.Dir), "/")
	if strings.ContainsAny(cfg.Version, `/\`) || strings.HasPrefix(cfg.Version, ".") {
		diags.Add(diag.AtLine(ConfigFile, src, at("version"), 1,
			"version %q cannot be a folder name; use letters, digits, dots and dashes such as \"2026.4\"", cfg.Version))
	}
	if cfg.Theme == "" || strings.ContainsAny(cfg.Theme, `/\`) || strings.HasPrefix(cfg.Theme, ".") {
		diags.Add(diag.AtLine(ConfigFile, src, at("theme"), 1,
			"theme %q is not a folder name under themes/; use a plain name such as \"default\"", cfg.Theme))
	}
	return cfg, diags
}
