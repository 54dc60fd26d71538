package parse

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

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
