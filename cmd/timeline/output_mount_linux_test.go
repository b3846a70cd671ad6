package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestOutputMountRefused mounts a file system inside the output folder,
// and then makes the output folder a mount point: each build is refused
// before it writes, and the mounted files are as they were. It needs
// the right to mount (root).
func TestOutputMountRefused(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	mnt := filepath.Join(out, "data")
	writeTree(t, mnt, map[string]string{"keep.txt": "on the parent disk"})
	mount := func(dir string) {
		t.Helper()
		if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size=1m"); err != nil {
			t.Skipf("cannot mount here: %v", err)
		}
		t.Cleanup(func() { unix.Unmount(dir, unix.MNT_DETACH) })
		writeTree(t, dir, map[string]string{"mounted.txt": "on the mounted file system"})
	}
	mount(mnt)
	code, _, stderr := run(t, "build", "-src", "../../testdata/seeds", "-out", out, "-force-out")
	if code != 1 || !strings.Contains(stderr, "the mount point of another file system") {
		t.Errorf("a mount inside: exit %d, stderr %q", code, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(mnt, "mounted.txt")); err != nil || string(data) != "on the mounted file system" {
		t.Errorf("the mounted file: %q, %v", data, err)
	}
	if err := unix.Unmount(mnt, 0); err != nil && !errors.Is(err, syscall.EINVAL) {
		t.Fatal(err)
	}
	mount(out)
	code, _, stderr = run(t, "build", "-src", "../../testdata/seeds", "-out", out, "-force-out")
	if code != 1 || !strings.Contains(stderr, "is the mount point of a file system") {
		t.Errorf("a mount point: exit %d, stderr %q", code, stderr)
	}
}
