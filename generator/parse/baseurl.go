package parse

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/shiftbook/shiftbook/generator/diag"
)

// CheckBaseURL is the rule of site.toml's baseURL for an address given
// elsewhere (shiftbook new site --base-url); the error reads after the
// address.
func CheckBaseURL(s string) error { return checkBaseURL(s) }

// checkBaseURL accepts an absolute http or https address with a host and
// nothing a reader's browser would take for something else: baseURL lands
// in sitemap.xml and in every link of the 404 page, so a quote or an angle
// bracket in it would end an attribute and start markup. The error reads
// after `baseURL "..."`.
func checkBaseURL(s string) error {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return errors.New("holds a space or an invisible character; a web address has none (write a space as %20)")
		case strings.ContainsRune(`"'<>\^{|}`+"`", r):
			return fmt.Errorf("holds %q, which a web address cannot hold; write the address as the browser shows it, such as \"https://cx.example.com/\"", r)
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return errors.New("is not a web address; write the full address of the published site, such as \"https://cx.example.com/\"")
	}
	switch {
	case strings.HasPrefix(s, "//") && u.Host != "":
		return fmt.Errorf("has no https: in front; write baseURL = %q", "https:"+s)
	case strings.HasPrefix(s, "/"):
		return fmt.Errorf("is only a folder; baseURL is the full address of the published site, with https:// and its host name in front, such as baseURL = %q", "https://cx.example.com"+s)
	case looksLikeHost(s):
		better := "https://" + s
		if !strings.Contains(s, "/") {
			better += "/"
		}
		return fmt.Errorf("has no https:// in front; write baseURL = %q", better)
	case u.Scheme != "http" && u.Scheme != "https":
		return errors.New("must start with https:// (or http://): it is the full address of the published site, such as \"https://cx.example.com/\"")
	case u.Host == "" || u.Opaque != "":
		return errors.New("has no host name; write the full address of the published site, such as \"https://cx.example.com/\"")
	case u.User != nil:
		return errors.New("holds a user name or password; sitemap.xml would publish them, so remove them (the address is public)")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(s, "#"):
		return errors.New("holds a ? or # part; baseURL is the address of the site's root folder only, such as \"https://cx.example.com/cx/\"")
	}
	return nil
}

// looksLikeHost reports whether s, which has no scheme a browser knows, is
// a host name (with a port and a folder, perhaps) written without https://:
// "cx.example.com", "cx.example.com/docs/", "localhost:1313". url.Parse
// reads "cx.example.com:8080" as the scheme "cx.example.com".
func looksLikeHost(s string) bool {
	if strings.Contains(s, "://") || strings.HasPrefix(s, "/") {
		return false
	}
	host, _, _ := strings.Cut(s, "/")
	name, port, hasPort := strings.Cut(host, ":")
	if hasPort && (port == "" || strings.Trim(port, "0123456789") != "") {
		return false // a scheme such as javascript: or mailto:
	}
	if name != "localhost" && (!strings.Contains(name, ".") || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".")) {
		return false
	}
	for _, r := range name {
		if !(r == '.' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// HasSitemap reports whether the site gets a sitemap.xml: only with
// baseURL, since a sitemap lists whole addresses
// ("https://cx.example.com/plan/"), never paths, which validators and
// search engines reject (MissingBaseURL is the warning that says so).
func (c *Config) HasSitemap() bool { return c.BaseURL != "" }

// MissingBaseURL is the warning of a site without baseURL: without the
// site's own address shiftbook writes no sitemap.xml (its addresses must be
// whole, and a validator rejects paths), the pages' hreflang links to their
// translations are relative (valid HTML, but search engines ignore them),
// and printed pages show no addresses. It is one warning a build, at the
// empty baseURL when one is written, else at site.toml; nil when baseURL is
// set (a wrong one is an error of ReadConfig). The dev server does not ask:
// a site on this computer has no published address.
func MissingBaseURL(cfg *Config) diag.List {
	if cfg.BaseURL != "" {
		return nil
	}
	affected := "sitemap.xml (the list of pages for search engines) is left out"
	if len(cfg.Languages) > 1 {
		affected += ", search engines cannot tell which pages are translations of each other,"
	}
	affected += " and printed pages show links without their web address"
	const example = `baseURL = "https://cx.example.com/"`
	var d diag.Diagnostic
	if cfg.Lines != nil {
		if line := cfg.Lines.Line("baseURL"); line > 0 {
			d = diag.AtLine(ConfigFile, cfg.Source, line, valueColumn(cfg.Source, line),
				"baseURL is empty, so %s; write the address the site is published at, such as %s", affected, example)
		}
	}
	if d.Path == "" {
		d = diag.File(ConfigFile, "baseURL is not set, so %s; add the address the site is published at, such as %s", affected, example)
	}
	return diag.List{diag.Warning(d)}
}

// valueColumn is the column where the value of the "key = value" on line
// starts (1 if the line cannot be read), so an error points at the value.
func valueColumn(src []byte, line int) int {
	if line <= 0 {
		return 1
	}
	lines := bytes.SplitN(src, []byte("\n"), line+1)
	if len(lines) < line {
		return 1
	}
	text := lines[line-1]
	if line == 1 {
		text = stripBOM(text) // not a character the author sees
	}
	eq := bytes.IndexByte(text, '=')
	if eq < 0 {
		return 1
	}
	col := eq + 1
	for col < len(text) && (text[col] == ' ' || text[col] == '\t') {
		col++
	}
	// Columns count characters, as the rest of the diagnostics do.
	return len([]rune(string(text[:col]))) + 1
}
