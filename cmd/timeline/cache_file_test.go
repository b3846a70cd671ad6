package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCacheNotARegularFile puts in the place of the readings cache what
// is no regular file: a link to a device, a FIFO, a folder. The build
// does not read it (a link to /dev/zero would be read until memory runs
// out, a FIFO would wait for a writer): it says so, and reads every
// source again.
func TestCacheNotARegularFile(t *testing.T) {
	src, out, want, cache := builtWithCache(t)
	for _, tt := range []struct {
		name string
		make func() error
	}{
		{"link to a device", func() error { return os.Symlink(os.DevNull, cache) }},
		{"fifo", func() error { return syscall.Mkfifo(cache, 0o644) }},
		{"folder", func() error { return os.Mkdir(cache, 0o755) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.RemoveAll(cache); err != nil {
				t.Fatal(err)
			}
			if err := tt.make(); err != nil {
				t.Skipf("cannot make one here: %v", err)
			}
			reads, stderr := buildCounting(t, src, out)
			if len(reads) != 5 || !strings.Contains(stderr, "ignored: not a regular file") {
				t.Errorf("read %v; stderr lacks a note that the cache is no regular file:\n%s", reads, stderr)
			}
			if !mapsEqual(want, siteFiles(t, out)) {
				t.Errorf("the site differs after the cache was ignored")
			}
		})
	}
}

// TestReadRegularFileUpTo checks the bound of a cache file's read: a
// file of the limit is read whole, one byte more is refused, and what is
// no regular file is refused once open.
func TestReadRegularFileUpTo(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		size, limit int
		ok          bool
	}{{0, 0, true}, {10, 10, true}, {11, 10, false}, {4096, 1 << 20, true}} {
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, make([]byte, tt.size), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readRegularFileUpTo(p, tt.limit)
		if (err == nil) != tt.ok || (tt.ok && len(got) != tt.size) {
			t.Errorf("%d bytes, limit %d: read %d, %v; want ok %v", tt.size, tt.limit, len(got), err, tt.ok)
		}
	}
	if _, err := readRegularFileUpTo(dir, 10); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a folder read as a file: %v", err)
	}
}
