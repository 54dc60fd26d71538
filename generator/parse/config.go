package parse

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/series"
	"github.com/shiftbook/shiftbook/generator/tomlpos"
)

// ConfigFile is the name of the site configuration at the site root.
const ConfigFile = "site.toml"

// Config is site.toml.
type Config struct {
	Title   string `toml:"title"`
	BaseURL string `toml:"baseURL"`
	// Params are the site's own values, as Hugo's [params]: for {{< param
	// "name" >}} and a theme's {{.Site.Params}}.
	Params   map[string]any `toml:"params"`
	Language string         `toml:"language"`
	Theme    string         `toml:"theme"`
	Version  string         `toml:"version"`

	Build struct {
		Minify bool `toml:"minify"`
		Drafts bool `toml:"drafts"`
		// LinkedFolders are site folders (such as "content") that may be
		// links to a folder outside the site folder.
		LinkedFolders []string `toml:"linkedFolders"`
	} `toml:"build"`

	Data struct {
		Dir        string `toml:"dir"`
		StaleAfter string `toml:"staleAfter"`
		// Columns are further columns the site's data files may have,
		// lower case; see series.Options.
		Columns []string `toml:"columns"`
		// MinN is the fewest responses a value is shown from, for metrics
		// that set no minN of their own; 0: every value is shown.
		MinN int `toml:"minN"`
	} `toml:"data"`

	Glossary struct {
		Autolink bool `toml:"autolink"`
	} `toml:"glossary"`

	Markdown struct {
		Unsafe bool `toml:"unsafe"`
		// HTML is what becomes of raw HTML written in markdown: "drop"
		// (the default), "safe" (a sanitized subset) or "unsafe" (all
		// of it, as unsafe = true).
		HTML string `toml:"html"`
	} `toml:"markdown"`

	Book struct {
		Title    string   `toml:"title"`
		Chapters []string `toml:"chapters"`
		// Scorecard ends the book with a table of every metric; nil means
		// the default, true.
		Scorecard *bool `toml:"scorecard"`
	} `toml:"book"`

	// Dashboard is how /metrics/ groups its table: GroupBy is "" (one
	// table), "tags" (by each metric's first tag) or "owner".
	Dashboard struct {
		GroupBy string `toml:"groupBy"`
	} `toml:"dashboard"`

	// Surveys.MaxPerJourney is the most surveys a journey may ask before
	// the survey map flags it (default 3).
	Surveys struct {
		MaxPerJourney int `toml:"maxPerJourney"`
	} `toml:"surveys"`

	// ReviewEvery is how often every page must be reviewed ("6 months"),
	// unless its section or the page says otherwise; "": never asked.
	ReviewEvery string `toml:"reviewEvery"`
	// Owners gives each owner a contact address, shown on /owners/: an
	// e-mail address or a web address.
	Owners map[string]string `toml:"owners"`

	// FrontMatter.Allow lists a site's own front matter keys: accepted on
	// every page and kept under params, instead of an unknown-key error.
	FrontMatter struct {
		Allow []string `toml:"allow"`
	} `toml:"frontmatter"`

	// LanguageTables are the [languages.CODE] tables as written;
	// Languages is what readLanguages makes of them.
	LanguageTables map[string]languageTable `toml:"languages"`
	// Languages are the site's languages in order, the default first; nil
	// for a site of one language (Language).
	Languages []Language `toml:"-"`
	// LanguagesUnsure is set when [languages] has a mistake that leaves
	// which languages the site has, or which is the default, in doubt:
	// what a file's name says of its language is then not checked.
	LanguagesUnsure bool `toml:"-"`

	// Shortcodes are the names of the theme's shortcode templates
	// (layouts/shortcodes/NAME.html), built-in and the site's own, sorted:
	// found by load, not written in site.toml.
	Shortcodes []string `toml:"-"`
	// Layouts are the names of the theme's page layouts (layouts/NAME.html,
	// baseof.html and a language's own, home.nl.html, aside), for the
	// warning at a page's layout key that names none: found by load; nil
	// when not known.
	Layouts []string `toml:"-"`
	// ReviewPeriod is ReviewEvery decoded.
	ReviewPeriod Period `toml:"-"`
	// StaleAfterDuration is Data.StaleAfter decoded.
	StaleAfterDuration time.Duration `toml:"-"`
	// Source and Lines let later stages report errors at a line of site.toml.
	Source []byte       `toml:"-"`
	Lines  *tomlpos.Map `toml:"-"`
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
	c.Surveys.MaxPerJourney = DefaultMaxSurveys
	return c
}

// knownKeys lists every key site.toml may hold, for unknown-key hints.
var knownKeys = []string{
	"title", "baseURL", "language", "theme", "version", "reviewEvery", "owners",
	"build", "build.minify", "build.drafts", "build.linkedFolders",
	"data", "data.dir", "data.staleAfter", "data.columns", "data.minN",
	"glossary", "glossary.autolink",
	"markdown", "markdown.unsafe", "markdown.html",
	"dashboard", "dashboard.groupBy",
	"surveys", "surveys.maxPerJourney",
	"book", "book.title", "book.chapters",
	"frontmatter", "frontmatter.allow",
	"languages", "params",
}

// ReadConfig decodes site.toml. Unknown keys are errors with a did-you-mean,
// because a misspelt key silently ignored is a setting the author thinks is on.
func ReadConfig(src []byte) (Config, diag.List) {
	cfg := DefaultConfig()
	var diags diag.List
	if d, ok := CheckText(ConfigFile, src); !ok {
		return cfg, diag.List{d}
	}
	// Decode generically first: a syntax error is reported at its place,
	// and a value of the wrong type at its key's line in plain words (the
	// typed decoder's message names Go types and no position).
	var generic map[string]any
	if _, err := toml.Decode(string(src), &generic); err != nil {
		return cfg, diag.List{TOMLError(ConfigFile, src, 0, err)}
	}
	keys := tomlpos.Scan(src)
	if d := checkConfigTypes(src, generic, keys); len(d) > 0 {
		return cfg, d
	}
	md, err := toml.Decode(string(src), &cfg)
	if err != nil {
		return cfg, diag.List{TOMLError(ConfigFile, src, 0, err)}
	}
	cfg.Source, cfg.Lines = src, keys
	undecoded := map[string]bool{}
	for _, k := range md.Undecoded() {
		undecoded[k.String()] = true
	}
	for _, k := range md.Undecoded() {
		name := k.String()
		if unknownParent(k, undecoded) {
			continue // one mistake, one error: the table is reported
		}
		if len(k) > 1 && k[0] == "params" {
			continue // the site's own values, whatever they are (the decoder lists a table's inside [params])
		}
		line := keys.Line(k...)
		if d, ok := unknownLanguageKey(name, src, line); ok {
			diags.Add(d)
			continue
		}
		msg := fmt.Sprintf("unknown key %q in %s", name, ConfigFile)
		remove := "; remove it (the keys shiftbook understands are listed in README.md)"
		if isTable(generic, k) {
			msg = fmt.Sprintf("unknown table [%s] in %s", name, ConfigFile)
			remove = "; remove it and its keys (the tables and keys shiftbook understands are listed in README.md)"
		}
		msg += diag.DidYouMean(name, knownKeys, remove)
		diags.Add(diag.AtLine(ConfigFile, src, line, 1, "%s", msg))
	}
	at := func(key ...string) int { return keys.Line(key...) }
	if cfg.Data.StaleAfter != "" {
		dur, err := ParseDuration(cfg.Data.StaleAfter)
		if err != nil {
			diags.Add(diag.AtLine(ConfigFile, src, at("data", "staleAfter"), 1, "data.staleAfter: %v", err))
		}
		cfg.StaleAfterDuration = dur
	}
	if cfg.ReviewEvery != "" {
		p, err := ParsePeriod(cfg.ReviewEvery)
		if err != nil {
			line := at("reviewEvery")
			diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line), "%v", err))
		}
		cfg.ReviewPeriod = p
	}
	diags.Add(checkContacts(cfg, src, keys)...)
	cfg.Data.Dir = strings.Trim(path.Clean("/"+cfg.Data.Dir), "/")
	diags.Add(checkDataColumns(&cfg, src, keys)...)
	if cfg.Data.MinN < 0 {
		line := at("data", "minN")
		diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line),
			"data.minN must be a whole number of responses, 1 or more (or 0 to show every value), not %d", cfg.Data.MinN))
		cfg.Data.MinN = 0
	}
	if n := cfg.Surveys.MaxPerJourney; n < 1 {
		line := at("surveys", "maxPerJourney")
		diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line),
			"surveys.maxPerJourney must be a whole number of surveys, 1 or more, not %d; it is the most surveys one journey may ask (default %d)", n, DefaultMaxSurveys))
		cfg.Surveys.MaxPerJourney = DefaultMaxSurveys
	}
	for i, f := range cfg.Build.LinkedFolders {
		cfg.Build.LinkedFolders[i] = strings.Trim(path.Clean("/"+f), "/")
	}
	if strings.ContainsAny(cfg.Version, `/\`) || strings.HasPrefix(cfg.Version, ".") {
		diags.Add(diag.AtLine(ConfigFile, src, at("version"), 1,
			"version %q cannot be a folder name; use letters, digits, dots and dashes such as \"2026.4\"", cfg.Version))
	}
	if cfg.BaseURL != "" {
		if err := checkBaseURL(cfg.BaseURL); err != nil {
			line := at("baseURL")
			diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line), "baseURL %q %v", cfg.BaseURL, err))
		}
	}
	diags.Add(readLanguages(&cfg, src, keys)...)
	if !isLanguageTag(cfg.Language) {
		line := at("language")
		diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line),
			"language %q is not a language tag; write one such as \"en\", \"en-GB\", \"de\" or \"pt-BR\" (BCP 47, as in HTML's lang)", cfg.Language))
	}
	switch cfg.Markdown.HTML {
	case "", "drop", "safe", "unsafe":
	default:
		line := at("markdown", "html")
		diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line),
			"markdown.html %q is not a choice; write \"drop\" (raw HTML is left out), \"safe\" (tables, details, kbd, images and links are kept, cleaned) or \"unsafe\" (all of it is kept)", cfg.Markdown.HTML))
	}
	if g := cfg.Dashboard.GroupBy; g != "" && !slices.Contains(DashboardGroups, g) {
		line := at("dashboard", "groupBy")
		msg := fmt.Sprintf("dashboard.groupBy %q is not a way to group metrics", g) + diag.DidYouMean(g, DashboardGroups,
			"; write \"tags\" (by each metric's first tag), \"owner\", or leave it out for one table")
		diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line), "%s", msg))
	}
	if cfg.Theme == "" || strings.ContainsAny(cfg.Theme, `/\`) || strings.HasPrefix(cfg.Theme, ".") {
		diags.Add(diag.AtLine(ConfigFile, src, at("theme"), 1,
			"theme %q is not a folder name under themes/; use a plain name such as \"default\"", cfg.Theme))
	}
	return cfg, diags
}

// checkDataColumns checks [data] columns and writes them in lower case,
// as data files are read.
func checkDataColumns(cfg *Config, src []byte, keys *tomlpos.Map) diag.List {
	var diags diag.List
	seen := map[string]bool{}
	var cols []string
	for i, c := range cfg.Data.Columns {
		key := strings.ToLower(strings.TrimSpace(c))
		at := func(format string, args ...any) {
			if p, ok := keys.At("data", "columns", strconv.Itoa(i)); ok {
				diags.Add(diag.At(ConfigFile, src, p.Key, format, args...))
				return
			}
			line := keys.Line("data", "columns")
			diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line), format, args...))
		}
		switch {
		case key == "":
			at("data.columns holds an empty name; remove it, or write the column's name as in the header of the data files")
		case series.Reads(key):
			at("data.columns names %q, a column shiftbook reads itself; remove it from the list", c)
		case seen[key]:
			at("data.columns names %q twice; remove one", c)
		default:
			seen[key] = true
			cols = append(cols, key)
		}
	}
	cfg.Data.Columns = cols
	return diags
}

// configKinds is the type of each key of site.toml: "text", "bool", "list"
// (of text) or "table".
var configKinds = map[string]string{
	"title": "text", "baseURL": "text", "language": "text", "theme": "text", "version": "text",
	"reviewEvery": "text", "owners": "contacts", "params": "params",
	"build": "table", "build.minify": "bool", "build.drafts": "bool", "build.linkedFolders": "list",
	"data": "table", "data.dir": "text", "data.staleAfter": "text", "data.columns": "list", "data.minN": "whole",
	"glossary": "table", "glossary.autolink": "bool",
	"markdown": "table", "markdown.unsafe": "bool", "markdown.html": "text",
	"book": "table", "book.title": "text", "book.chapters": "list",
	"frontmatter": "table", "frontmatter.allow": "list",
	"dashboard": "table", "dashboard.groupBy": "text",
	"surveys": "table", "surveys.maxPerJourney": "whole",
	"languages": "table",
}

// DashboardGroups are the values of [dashboard] groupBy.
var DashboardGroups = []string{"tags", "owner"}

// checkConfigTypes reports known keys whose value has the wrong type.
// Unknown keys are left to the decoder's Undecoded list.
func checkConfigTypes(src []byte, generic map[string]any, keys *tomlpos.Map) diag.List {
	var diags diag.List
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		names := slices.Sorted(maps.Keys(m))
		for _, k := range names {
			name := k
			if prefix != "" {
				name = prefix + "." + k
			}
			v := m[k]
			shown, ok := v, true
			switch configKindOf(name) {
			case "":
				continue
			case "text":
				_, ok = v.(string)
			case "bool":
				_, ok = v.(bool)
			case "whole":
				_, ok = v.(int64)
			case "list":
				list, isList := v.([]any)
				ok = isList
				for _, e := range list {
					if _, isText := e.(string); !isText && ok {
						shown, ok = e, false
					}
				}
			case "contacts":
				sub, isTable := v.(map[string]any)
				if ok = isTable; ok {
					diags.Add(checkContactTypes(src, sub, keys)...)
				}
			case "params": // any values, the site's own
				_, ok = v.(map[string]any)
			case "table":
				sub, isTable := v.(map[string]any)
				if ok = isTable; ok {
					walk(name, sub)
				}
			}
			if !ok {
				diags.Add(diag.AtLine(ConfigFile, src, keys.Line(strings.Split(name, ".")...), 1,
					"%s must be %s, not %s", name, configKindText[configKindOf(name)], configDescribe(shown)))
			}
		}
	}
	walk("", generic)
	return diags
}

var configKindText = map[string]string{
	"text": "text in quotes", "bool": "true or false", "whole": "a whole number such as 30",
	"list": `a list of text, like ["vision", "plan"]`, "table": "a table, written [NAME] on a line of its own",
	"params": "a table, written [params] on a line of its own",
}

func configDescribe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case bool:
		return fmt.Sprint(v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return "a date"
}

// isLanguageTag reports whether s is a well-formed BCP 47 tag, as HTML's
// lang attribute takes it. x/text also reads "en_US"; a browser does not.
func isLanguageTag(s string) bool {
	for _, r := range s {
		if !(r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	_, err := language.Parse(s)
	return err == nil
}

// RawHTML is what becomes of raw HTML written in markdown: "drop", "safe"
// or "unsafe", from [markdown] html, and unsafe = true.
func (c *Config) RawHTML() string {
	switch {
	case c.Markdown.Unsafe || c.Markdown.HTML == "unsafe":
		return "unsafe"
	case c.Markdown.HTML == "safe":
		return "safe"
	}
	return "drop"
}

// checkContactTypes checks that each owner's contact in [owners] is text.
func checkContactTypes(src []byte, owners map[string]any, keys *tomlpos.Map) diag.List {
	var diags diag.List
	for _, name := range slices.Sorted(maps.Keys(owners)) {
		if _, ok := owners[name].(string); !ok {
			diags.Add(diag.AtLine(ConfigFile, src, keys.Line("owners", name), 1,
				"owners: the contact of %q must be text, an e-mail address or a web address in quotes, not %s", name, configDescribe(owners[name])))
		}
	}
	return diags
}

// checkContacts checks the [owners] table once decoded: a name, and a
// contact that can become a link.
func checkContacts(cfg Config, src []byte, keys *tomlpos.Map) diag.List {
	var diags diag.List
	for _, name := range slices.Sorted(maps.Keys(cfg.Owners)) {
		line := keys.Line("owners", name)
		switch text := cfg.Owners[name]; {
		case strings.TrimSpace(name) == "":
			diags.Add(diag.AtLine(ConfigFile, src, line, 1, "owners: an owner has an empty name; write the owner as pages write it"))
		case !ContactOK(text):
			diags.Add(diag.AtLine(ConfigFile, src, line, valueColumn(src, line),
				"owners: the contact of %q, %q, is not an e-mail address or a web address; write one such as \"cx-insights@example.com\" or \"https://chat.example.com/cx\"", name, text))
		}
	}
	return diags
}

// ContactOK reports whether a contact is an e-mail address (one @, no
// spaces) or an http(s) address: the only two that become links.
func ContactOK(c string) bool {
	if strings.HasPrefix(c, "https://") || strings.HasPrefix(c, "http://") {
		return !strings.ContainsAny(c, " \t\n<>\"")
	}
	local, domain, ok := strings.Cut(c, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(local+domain, " \t\n<>\"@:/")
}

// unknownParent reports whether a table holding key k is itself unknown.
func unknownParent(k toml.Key, undecoded map[string]bool) bool {
	for i := 1; i < len(k); i++ {
		if undecoded[k[:i].String()] {
			return true
		}
	}
	return false
}

// isTable reports whether key k of the decoded document is a table.
func isTable(doc map[string]any, k toml.Key) bool {
	var v any = doc
	for _, part := range k {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		v = m[part]
	}
	_, ok := v.(map[string]any)
	return ok
}
