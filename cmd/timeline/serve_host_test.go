package main

import (
	"net"
	"net/http"
	"testing"
)

func TestHostCheck(t *testing.T) {
	loopback := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 8080}
	tests := []struct {
		flag   string
		listen net.Addr
		host   string
		ok     bool
	}{
		{"127.0.0.1:8080", loopback, "127.0.0.1:8080", true},
		{"127.0.0.1:8080", loopback, "localhost:8080", true},
		{"127.0.0.1:8080", loopback, "LOCALHOST.:8080", true},
		{"127.0.0.1:8080", loopback, "story.localhost:8080", true},
		{"127.0.0.1:8080", loopback, "[::1]:8080", true},
		{"127.0.0.1:8080", loopback, "127.0.0.2", true},
		{"127.0.0.1:8080", loopback, "", true},
		{"127.0.0.1:8080", loopback, "evil.example:8080", false},
		{"127.0.0.1:8080", loopback, "localhost.evil.example", false},
		{"127.0.0.1:8080", loopback, "192.168.1.5:8080", false},
		{"192.168.1.5:8080", lan, "192.168.1.5:8080", true},
		{"192.168.1.5:8080", lan, "10.0.0.1:8080", false},
		{"192.168.1.5:8080", lan, "rebound.example", false},
		{"studio.lan:8080", lan, "studio.lan:8080", true},
		{"studio.lan:8080", lan, "Studio.LAN", true},
		{"studio.lan:8080", lan, "other.lan", false},
	}
	for _, tt := range tests {
		if got := newHostCheck(tt.flag, tt.listen).allows(tt.host); got != tt.ok {
			t.Errorf("-addr %s, Host %q: allowed %v, want %v", tt.flag, tt.host, got, tt.ok)
		}
	}
	// On every address: this machine's own are allowed, names are not.
	every := newHostCheck(":8080", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080})
	if !every.allows("127.0.0.1:8080") || every.allows("rebound.example:8080") {
		t.Error("-addr :8080: want loopback allowed and a foreign name refused")
	}
}

// TestServeRefusesForeignHost asks serve for its page under a name that
// is none of its own, as a page whose name was made to point at this
// machine would (DNS rebinding): refused. Under localhost: served.
func TestServeRefusesForeignHost(t *testing.T) {
	url, stderr, stop := startServe(t, copySeeds(t))
	defer stop()
	for host, want := range map[string]int{"rebound.example": http.StatusMisdirectedRequest, "localhost": http.StatusOK} {
		req, err := http.NewRequest(http.MethodGet, url+"index.html", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d\n%s", host, resp.StatusCode, want, stderr)
		}
	}
}
