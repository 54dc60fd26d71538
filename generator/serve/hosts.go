package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hosts decides which Host headers the dev server answers. A web page the
// author visits can point its own domain name at 127.0.0.1 (DNS
// rebinding) and then read the unpublished site as if it were its own; the
// browser still sends that domain name as Host, so a server that answers
// only the names of its own address is out of reach. IP addresses cannot be
// rebound, so they are safe when the server listens on them.
type hosts struct {
	names    map[string]bool // exact names, lower case, no port
	suffixes []string        // ".example.org": any name under it
	anyIP    bool            // bound to every interface: any IP address names it
}

// newHosts allows localhost, the loopback addresses, the host of each
// listening address, and the names the author listed with --allow-host.
func newHosts(allow []string, addrs ...string) hosts {
	h := hosts{names: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	for _, a := range addrs {
		host, _, err := net.SplitHostPort(a)
		if err != nil {
			host = a
		}
		host = hostName(host)
		if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
			h.anyIP = true
			continue
		}
		h.names[host] = true
	}
	for _, name := range allow {
		name = hostName(name)
		if strings.HasPrefix(name, ".") {
			h.suffixes = append(h.suffixes, name)
			h.names[name[1:]] = true
			continue
		}
		h.names[name] = true
	}
	return h
}

// hostName reduces a Host value (or a name the author wrote) to the name
// alone: no port, no brackets, lower case, no final dot.
func hostName(host string) string {
	host = strings.TrimSpace(host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimPrefix(strings.TrimSuffix(host, "]"), "[")
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

func (h hosts) allows(hostHeader string) bool {
	name := hostName(hostHeader)
	switch {
	case name == "":
		return false
	case h.names[name], strings.HasSuffix(name, ".localhost"):
		// Browsers resolve every *.localhost name to the loopback address
		// themselves (RFC 6761), so no DNS answer can rebind it.
		return true
	case h.anyIP && net.ParseIP(name) != nil:
		return true
	}
	for _, s := range h.suffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// refuse answers a request the server does not take, saying why and which
// flag allows it.
func refuse(w http.ResponseWriter, format string, args ...any) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, format+"\n", args...)
}

// checkHost answers 403 and returns false when the request's Host is not
// one of the server's own names.
func (h hosts) checkHost(w http.ResponseWriter, r *http.Request) bool {
	if h.allows(r.Host) {
		return true
	}
	name := hostName(r.Host)
	if name == "" {
		refuse(w, "The shiftbook dev server answers only requests that name it (localhost, 127.0.0.1 or [::1]); this request named no host.")
		return false
	}
	refuse(w, "The shiftbook dev server answers only requests for localhost, 127.0.0.1, [::1] and the address it listens on, not %q. "+
		"If you opened the site under that name on purpose, restart it with: shiftbook serve --allow-host %s", name, name)
	return false
}

// checkOrigin answers 403 and returns false when a page of another site
// (another scheme, host or port) opens the request. A browser sends no
// Origin for a page's own same-origin EventSource; that is fine.
func (h hosts) checkOrigin(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Path == "" &&
		strings.EqualFold(u.Host, r.Host) && h.allows(u.Host) {
		return true
	}
	refuse(w, "The shiftbook dev server sends its reload events only to its own pages, not to a page of %q. "+
		"Open the page from the dev server itself (http://%s/).", origin, r.Host)
	return false
}
