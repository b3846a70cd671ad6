package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// parseAddress reads an address given to "timeline add": an absolute
// http or https URL with a host, its fragment dropped (a browser never
// sends it). Any other scheme is refused, and so is an address with a
// user name or password in it, which the sidecar would keep.
func parseAddress(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("not a web address: %w", err)
	}
	switch u.Scheme {
	case "http", "https":
	case "":
		return nil, errors.New("not a web address: it does not begin with http:// or https://")
	default:
		return nil, fmt.Errorf("refused scheme %q: only http and https addresses are fetched", u.Scheme)
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return nil, errors.New("not a web address: no host after http:// or https://")
	}
	if u.User != nil {
		return nil, errors.New("refused: an address with a user name or password in it")
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// trackingPrefixes and trackingNames are the query parameters that say
// where a reader came from, not which page they asked for: analytics
// campaigns (utm_, Matomo, Piwik), comScore and AT Internet (ns_, at_:
// the BBC's), ad click ids, newsletter ids. They do not make two
// addresses different, and are not kept in a sidecar.
var (
	trackingPrefixes = []string{"utm_", "ns_", "at_", "pk_", "mtm_", "hsa_"}
	trackingNames    = []string{"ito", "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid",
		"twclid", "ttclid", "li_fat_id", "igshid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc",
		"_hsmi", "mkt_tok", "ocid", "cmpid", "icid", "xtor", "smid", "smtyp", "s_cid", "ref_src",
		"ref_url", "wt.mc_id", "wt.tsrc", "__twitter_impression"}
)

// isTracking reports whether a query parameter of this name is one of
// tracking (trackingPrefixes, trackingNames), whatever its case.
func isTracking(name string) bool {
	name = strings.ToLower(name)
	if slices.Contains(trackingNames, name) {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// queryParts returns the parts of a raw query ("a=1&b=2") that are not
// tracking parameters, as written and in their order.
func queryParts(rawQuery string) []string {
	var kept []string
	for part := range strings.SplitSeq(rawQuery, "&") {
		if part == "" {
			continue
		}
		name, _, _ := strings.Cut(part, "=")
		if unescaped, err := url.QueryUnescape(name); err == nil {
			name = unescaped
		}
		if !isTracking(name) {
			kept = append(kept, part)
		}
	}
	return kept
}

// withoutTracking returns a copy of u without its tracking parameters
// and fragment: the address a sidecar records.
func withoutTracking(u *url.URL) *url.URL {
	c := *u
	c.RawQuery = strings.Join(queryParts(u.RawQuery), "&")
	c.ForceQuery = false
	c.Fragment, c.RawFragment = "", ""
	return &c
}

// addressKey returns what two addresses of one page have in common:
// the host in lower case without "www." or a default port, the path
// without a trailing slash, the query without tracking parameters and
// in order; not the scheme (http and https), nor the fragment.
func addressKey(u *url.URL) string {
	host := strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	p := strings.TrimRight((&url.URL{Path: u.Path}).EscapedPath(), "/")
	parts := queryParts(u.RawQuery)
	for i, part := range parts {
		name, value, _ := strings.Cut(part, "=")
		n, err1 := url.QueryUnescape(name)
		v, err2 := url.QueryUnescape(value)
		if err1 == nil && err2 == nil {
			parts[i] = url.QueryEscape(n) + "=" + url.QueryEscape(v)
		}
	}
	slices.Sort(parts)
	if len(parts) > 0 {
		return host + p + "?" + strings.Join(parts, "&")
	}
	return host + p
}

// keyOfAddress returns the addressKey of a raw address found in a
// source or page, and false when it is no http or https address.
func keyOfAddress(raw string) (string, bool) {
	u, err := parseAddress(raw)
	if err != nil {
		return "", false
	}
	return addressKey(u), true
}

// maxNameStem bounds the length of a saved page's name without its
// extension: a path of a few folders and it stays far under the 260
// characters Windows allows by default.
const maxNameStem = 80

// pageExtensions are the extensions of addresses that name the program
// that serves a page, or say it is a page or text: dropped from a name,
// which gets its own extension.
var pageExtensions = []string{".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".cfm", ".cms", ".txt"}

// windowsDeviceStem matches a name Windows keeps for a device, whatever
// follows its first dot ("nul.example.com_a.html" is one).
var windowsDeviceStem = regexp.MustCompile(`^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)`)

// fileNameOf returns the name under which a page fetched from u is
// saved, ext (".html" or ".txt") ending it: its host without "www." and
// its path, folders joined by "_", in lower case (two names that differ
// only in case are one file on some systems); of ASCII letters, digits,
// '.', '_' and '-' only, the rest made '-'; at most maxNameStem bytes
// before ext; never hidden, never a Windows device's name. Two
// addresses may give one name: nameFor makes them apart.
func fileNameOf(u *url.URL, ext string) string {
	p := u.Path
	for _, e := range pageExtensions {
		if len(p) > len(e) && strings.EqualFold(path.Ext(p), e) {
			p = p[:len(p)-len(e)]
			break
		}
	}
	parts := []string{strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")}
	for seg := range strings.SplitSeq(p, "/") {
		if seg != "" {
			parts = append(parts, seg)
		}
	}
	stem := nameSafe(strings.Join(parts, "_"))
	if len(stem) > maxNameStem {
		stem = strings.TrimRight(stem[:maxNameStem], "._-")
	}
	if stem == "" {
		stem = "page"
	}
	if m := windowsDeviceStem.FindStringSubmatch(stem); m != nil {
		stem = m[1] + "-" + stem[len(m[1]):]
	}
	return stem + ext
}

// nameSafe returns s in lower case with every byte but ASCII letters,
// digits, '.', '_' and '-' made '-', runs of '-' made one, and no '.',
// '_' or '-' at either end.
func nameSafe(s string) string {
	var b strings.Builder
	last := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '.', c == '_', c == '-':
		default:
			c = '-'
		}
		if c != '-' || last != '-' {
			b.WriteByte(c)
		}
		last = c
	}
	return strings.Trim(b.String(), "._-")
}

// nameFor returns a name for a page whose fileNameOf is name and whose
// addressKey is key, such that taken(its stem) is false: name itself,
// else its stem with "-" and eight hex digits of the SHA-256 of key (the
// same address gets the same suffix), else that and "-2", "-3"... The
// stem is what must be free, not only the name: a page's sidecar is
// named by it, and "a.txt" and "a.html" would share "a.yaml".
func nameFor(name, key string, taken func(stem string) bool) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if !taken(stem) {
		return name
	}
	sum := sha256.Sum256([]byte(key))
	stem += "-" + hex.EncodeToString(sum[:4])
	for n := 1; ; n++ {
		s := stem
		if n > 1 {
			s = fmt.Sprintf("%s-%d", stem, n)
		}
		if !taken(s) {
			return s + ext
		}
	}
}
