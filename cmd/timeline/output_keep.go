package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// What a build keeps of the output folder it replaces (see output.go):
// the files and folders it did not write, with their modes and owners;
// the pages it wrote that were edited since; and, set aside in the kept
// folder, the files of the user's that the new site puts its own in
// the place of.

// keeper sets aside the files of the old site that the new one replaces
// and that the tool did not write as they stand, and gathers warnings
// about what it kept. Safe to call concurrently.
type keeper struct {
	// dir is the folder the files are set aside in.
	dir      string
	mu       sync.Mutex
	warnings []string
}

func (k *keeper) warn(format string, args ...any) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.warnings = append(k.warnings, fmt.Sprintf(format, args...))
}

// setAside keeps the file old, at the site's path name, in the kept
// folder under that path (a number added when one is there already),
// and warns that it did.
func (k *keeper) setAside(old, name, why string) error {
	k.mu.Lock()
	dst := filepath.Join(k.dir, filepath.FromSlash(name))
	for n := 1; ; n++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = filepath.Join(k.dir, filepath.FromSlash(name)) + "." + fmt.Sprint(n)
	}
	err := os.MkdirAll(filepath.Dir(dst), 0o755)
	if err == nil {
		err = keepFile(old, dst)
	}
	k.mu.Unlock()
	if err != nil {
		return fmt.Errorf("write site: set aside %s, which the site replaces: %w", name, err)
	}
	k.warn("%s: %s: set aside as %s, and the site's own put in its place", name, why, dst)
	return nil
}

// keepReplaced sets aside the file at old, of the site's path name, when
// it is there and is neither as the tool wrote it (was, when had) nor
// the bytes of hash: the user's own file, or a page edited since.
func keepReplaced(old, name string, was written, had bool, hash inputKey, k *keeper) error {
	info, err := os.Lstat(old)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && had && unchangedInfo(info, was)) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	if info.Mode().IsRegular() {
		if same, err := hashOfFile(old); err == nil && same == hash {
			return nil
		}
	}
	why := "a file this tool did not write"
	if had {
		why = "changed since the last build wrote it"
	}
	return k.setAside(old, name, why)
}

// hashOfFile returns the SHA-256 of the file at p.
func hashOfFile(p string) (inputKey, error) {
	var sum inputKey
	f, err := os.Open(p)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	return sum, nil
}

// carryOver links into the new folder dir every file of the current
// site old that the tool did not write (not in next, not in prev), or
// wrote and writes no more but that changed since (a page the user
// edited: kept, with a warning); and makes every folder of old in dir,
// with its mode and owner.
func carryOver(old, dir string, next, prev manifest, k *keeper) error {
	err := filepath.WalkDir(old, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == old {
			return filepath.SkipAll
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(old, p)
		if err != nil || rel == "." {
			return err
		}
		name := filepath.ToSlash(rel)
		dst := filepath.Join(dir, rel)
		if d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			if err := os.Mkdir(dst, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
			return keepModeAndOwner(dst, info.Mode(), info, k)
		}
		if hasPath(next, name) {
			return nil // the new site's; writePage set the old aside if it had to
		}
		if was, ok := prev[name]; ok {
			if unchanged(p, was) {
				return nil // the tool's, and no more in the site
			}
			k.warn("%s: changed since the last build wrote it: kept, though the site no longer has it", name)
		}
		return keepFile(p, dst)
	})
	if err != nil {
		return fmt.Errorf("write site: keep the files the tool did not write: %w", err)
	}
	return nil
}

func hasPath(m manifest, name string) bool {
	_, ok := m[name]
	return ok
}

// keepFile makes the file src, not a folder, be at dst too: a hard link
// (the same file, its mode and owner with it), else a copy of a link or
// of a regular file with its mode and owner. What else cannot be linked
// (a FIFO, a device) is refused: reading it may never end.
func keepFile(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	info, err := os.Lstat(src)
	if err != nil {
		return err
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		link, err := os.Readlink(src)
		if err != nil {
			return err
		}
		if err := os.Symlink(link, dst); err != nil {
			return err
		}
	case info.Mode().IsRegular():
		data, err := readRegularFileUpTo(src, maxKeptSize)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		if err := os.WriteFile(dst, data, 0o600); err != nil {
			return err
		}
		if err := os.Chmod(dst, info.Mode()&keptModeBits); err != nil {
			return err
		}
	default:
		return fmt.Errorf("%s: not a regular file (%s), and it cannot be linked", src, info.Mode().Type())
	}
	if uid, gid, ok := ownerOf(info); ok {
		if err := os.Lchown(dst, uid, gid); err != nil && !sameOwner(uid, gid) {
			return err
		}
	}
	return nil
}

// maxKeptSize is the largest file copied where it cannot be linked.
const maxKeptSize = 1 << 30

// keptModeBits are the bits of a mode that a kept file or folder keeps:
// its permissions, and the sticky, set-group-ID and set-user-ID bits.
const keptModeBits = fs.ModePerm | fs.ModeSticky | fs.ModeSetgid | fs.ModeSetuid

// keepModeAndOwner gives the folder dst the mode (its keptModeBits) and,
// when info is not nil, the owner of the folder info describes. An owner
// that cannot be given (the build is not run by root) is a warning.
func keepModeAndOwner(dst string, mode fs.FileMode, info fs.FileInfo, k *keeper) error {
	if err := os.Chmod(dst, mode&keptModeBits); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	if info == nil {
		return nil
	}
	if uid, gid, ok := ownerOf(info); ok && !sameOwner(uid, gid) {
		if err := os.Lchown(dst, uid, gid); err != nil {
			k.warn("%s: its owner (user %d, group %d) could not be kept: %v", dst, uid, gid, err)
		}
	}
	return nil
}

// sameOwner reports whether the process would own a file it makes as
// uid and gid do.
func sameOwner(uid, gid int) bool { return uid == os.Getuid() && gid == os.Getgid() }
