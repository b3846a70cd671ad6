//go:build !unix

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// deviceOf would return the file system of a file; here it cannot tell.
func deviceOf(info fs.FileInfo) (uint64, bool) { return 0, false }

// ownerOf would return the owner of a file; here it cannot tell.
func ownerOf(info fs.FileInfo) (uid, gid int, ok bool) { return 0, 0, false }

// lockOutput takes the lock of the output folder out: a file beside its
// cache, made only if none is there, removed when released. A build
// that ended without releasing it leaves it: the error names it.
func lockOutput(out string) (func(), error) {
	p, err := lockPath(out)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("another build is writing the output folder %s (it holds %s; if none is running, remove that file): build again once it is done", out, p)
	}
	if err != nil {
		return nil, fmt.Errorf("lock output folder: %w", err)
	}
	f.Close()
	return func() { os.Remove(p) }, nil
}
