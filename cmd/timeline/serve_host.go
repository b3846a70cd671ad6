package main

import (
	"net"
	"net/netip"
	"strings"
)

// hostCheck tells which Host a request to serve may name: a loopback
// name (localhost, and names under .localhost, which browsers send to
// the loopback address), a loopback address, the address serve listens
// on or the name it was given, and, when it listens on every address,
// the addresses of this machine. Any other name may be one that a page
// of another site made point at this machine (DNS rebinding), to read
// what serve serves from the user's browser.
type hostCheck struct {
	// names are the names allowed besides the loopback ones, lower case.
	names map[string]bool
	// addrs are the addresses allowed besides the loopback ones; any
	// says that every address of this machine is.
	addrs map[netip.Addr]bool
	any   bool
}

// newHostCheck returns the check for serve given the address flag (as
// the user wrote it) and listening on listen.
func newHostCheck(flag string, listen net.Addr) *hostCheck {
	hc := &hostCheck{names: map[string]bool{}, addrs: map[netip.Addr]bool{}}
	for _, hostport := range []string{flag, listen.String()} {
		host, _, err := net.SplitHostPort(hostport)
		if err != nil {
			continue
		}
		if a, err := netip.ParseAddr(host); err == nil {
			hc.addrs[a.Unmap()] = true
			hc.any = hc.any || a.IsUnspecified()
		} else if host != "" {
			hc.names[strings.ToLower(strings.TrimSuffix(host, "."))] = true
		} else {
			hc.any = true // ":8080": every address
		}
	}
	if hc.any {
		if ifaddrs, err := net.InterfaceAddrs(); err == nil {
			for _, ia := range ifaddrs {
				if p, err := netip.ParsePrefix(ia.String()); err == nil {
					hc.addrs[p.Addr().Unmap()] = true
				}
			}
		}
	}
	return hc
}

// allows reports whether a request for host (a Host header: a name or
// an address, with or without a port) may be answered. A request with
// no Host (HTTP/1.0) is not a browser's: it is.
func (hc *hostCheck) allows(host string) bool {
	if hc == nil || host == "" {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(host, "]"), "["), ".")
	if a, err := netip.ParseAddr(host); err == nil {
		a = a.Unmap()
		return a.IsLoopback() || hc.addrs[a]
	}
	host = strings.ToLower(host)
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || hc.names[host]
}
