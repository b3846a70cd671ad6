package read

import (
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		text    string
		offset  int
		wantErr string
	}{
		{"plain", []byte("Hello."), "Hello.", 0, ""},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBFHello."), "Hello.", 3, ""},
		{"UTF-16LE", []byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0x1F, 0x20}, "Hi‟", -1, ""},
		{"UTF-16BE", []byte{0xFE, 0xFF, 0, 'H', 0, 'i'}, "Hi", -1, ""},
		{"empty", []byte(""), "", 0, "empty"},
		{"only white space", []byte(" \n\t\r\n"), "", 0, "empty"},
		{"NUL", []byte("ab\x00cd"), "", 0, "binary"},
		{"control characters", []byte(strings.Repeat("\x01\x02 text", 10)), "", 0, "binary"},
		{"invalid UTF-8", []byte("caf\xe9 au lait"), "", 0, "offset 3"},
		{"invalid UTF-8 after BOM", []byte("\xEF\xBB\xBFcaf\xe9"), "", 0, "offset 6"},
		{"odd UTF-16", []byte{0xFF, 0xFE, 'H'}, "", 0, "odd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.data)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("decode error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got.Text != tt.text || got.Offset != tt.offset {
				t.Fatalf("decode = %q at %d, %v; want %q at %d", got.Text, got.Offset, err, tt.text, tt.offset)
			}
		})
	}
}

func TestSafeID(t *testing.T) {
	for in, want := range map[string]string{
		"000_d9d560be9535d93f": "000_d9d560be9535d93f",
		"My Article!":          "My-Article",
		"../../etc/passwd":     "etc-passwd",
		".hidden":              "hidden",
		"":                     "source-e3b0c442",
		"Кириллица":            "source-87711c13",
		"café":                 "caf-850f7dc4",
		"CON":                  "CON-a3dbc4b6",
		"nul.report":           "nul-38535aab.report",
		"console":              "console",
		"a/b\\c":               "a-b-c",
	} {
		if got := SafeID(in); got != want {
			t.Errorf("safeID(%q) = %q, want %q", in, got, want)
		}
	}
}
