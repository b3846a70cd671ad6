package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// The output folder is the user's: a build takes its place (see
// output.go), so before it writes anything a build checks that it may.
// It refuses a folder that is, or holds, the source folder, the working
// folder, a repository's root, the home folder or a system folder; one
// inside the source folder (the next build would read the site as
// sources); one that is, or holds, a mount of another file system (the
// tool never crosses into one); and one that holds files but no record
// of an earlier build, unless told to write into it (-force-out). Then
// it locks the folder, so that two builds never write it at once.

// outputFolder is the output folder of a build, checked and locked.
type outputFolder struct {
	// out is the folder as the user named it; target the folder that
	// the new site replaces: out, or the folder it links to.
	out, target string
	// prev is the record of the site the folder holds (its manifest),
	// or nil.
	prev manifest
	// unlock lets other builds write the folder.
	unlock func()
}

// openOutput checks that a build of the sources in src may write the
// output folder out (see the top of this file) and locks it. force
// accepts a folder that holds files but no record of an earlier build.
func openOutput(src, out string, force bool) (*outputFolder, error) {
	if err := checkOutput(src, out); err != nil {
		return nil, err
	}
	target, err := outputTarget(out)
	if err != nil {
		return nil, err
	}
	if err := checkMounts(out, target); err != nil {
		return nil, err
	}
	if err := checkHoldsOthers(out, target, loadManifest(out), force); err != nil {
		return nil, err
	}
	unlock, err := lockOutput(out)
	if err != nil {
		return nil, err
	}
	// Read once locked: a build that held the lock may have changed it.
	return &outputFolder{out: out, target: target, prev: loadManifest(out), unlock: unlock}, nil
}

// checkOutput refuses an output folder that is, or holds, the source
// folder, the working folder, the root of the repository either lies in,
// the home folder or a system folder, or that lies inside the source
// folder: the new site takes the output folder's place, and would take
// theirs.
func checkOutput(src, out string) error {
	absOut, err := realPath(out)
	if err != nil {
		return fmt.Errorf("check output folder: %w", err)
	}
	absSrc, err := realPath(src)
	if err != nil {
		return fmt.Errorf("check source folder: %w", err)
	}
	type guard struct{ what, path string }
	dirs := []guard{{"the source folder", absSrc}}
	if wd, err := os.Getwd(); err == nil {
		if wd, err = realPath(wd); err == nil {
			dirs = append(dirs, guard{"the working folder", wd})
		}
	}
	var guarded []guard
	for _, d := range dirs {
		if root := repositoryRoot(d.path); root != "" {
			guarded = append(guarded, guard{"the repository root", root})
		}
	}
	guarded = append(guarded, dirs...)
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if home, err = realPath(home); err == nil {
			guarded = append(guarded, guard{"the home folder", home})
		}
	}
	for _, sys := range systemFolders() {
		guarded = append(guarded, guard{"the system folder", sys})
	}
	for _, g := range guarded {
		switch {
		case g.path == absOut:
			return fmt.Errorf("output folder %s is %s: choose another -out", out, g.what)
		case within(g.path, absOut) || isRoot(absOut):
			return fmt.Errorf("output folder %s holds %s %s: choose another -out", out, g.what, g.path)
		}
	}
	if within(absOut, absSrc) {
		return fmt.Errorf("output folder %s is inside the source folder %s: the next build would read the site as sources; choose another -out", out, src)
	}
	return nil
}

// within reports whether the path p lies inside the folder dir, both
// clean and absolute.
func within(p, dir string) bool {
	return strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// isRoot reports whether p, clean and absolute, is the root of its
// volume ("/", `C:\`).
func isRoot(p string) bool { return p == filepath.Dir(p) }

// systemFolders returns the folders of the operating system and of its
// users that no site may take the place of, cleaned and with their
// links resolved where they exist.
func systemFolders() []string {
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		for _, env := range []string{"SystemRoot", "ProgramFiles", "ProgramFiles(x86)", "ProgramData", "PUBLIC"} {
			if v := os.Getenv(env); v != "" {
				dirs = append(dirs, v)
			}
		}
		if v := os.Getenv("USERPROFILE"); v != "" {
			dirs = append(dirs, filepath.Dir(v))
		}
	default:
		dirs = []string{"/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32",
			"/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/snap", "/srv", "/sys", "/tmp",
			"/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/sbin", "/usr/share",
			"/var", "/var/lib", "/var/log", "/var/tmp",
			"/Applications", "/Library", "/System", "/Users", "/Volumes", "/private", "/private/tmp", "/private/var"}
	}
	out := make([]string, 0, len(dirs))
	for _, d := range dirs {
		if real, err := realPath(d); err == nil {
			out = append(out, real)
		}
	}
	return out
}

// realPath returns p absolute, with the links of its longest existing
// part resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}

// repositoryRoot returns the nearest folder from dir up that holds a
// .git, or "".
func repositoryRoot(dir string) string {
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if dir == filepath.Dir(dir) {
			return ""
		}
	}
}

// checkMounts refuses an output folder that is the mount point of a
// file system, or holds one: the new site is made beside the folder, on
// its parent's file system, and the old site is removed whole. A file
// system mounted inside would be copied onto the parent's and emptied.
func checkMounts(out, target string) error {
	info, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check output folder: %w", err)
	}
	parent, err := os.Stat(filepath.Dir(target))
	if err != nil {
		return fmt.Errorf("check output folder: %w", err)
	}
	dev, ok := deviceOf(info)
	if pdev, pok := deviceOf(parent); ok && pok && dev != pdev {
		return fmt.Errorf("output folder %s is the mount point of a file system: the tool writes the site beside it and never crosses into another file system; choose a folder inside it as -out", out)
	}
	if !ok {
		return nil
	}
	err = filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == target {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if sub, ok := deviceOf(info); ok && sub != dev {
			return fmt.Errorf("output folder %s holds %s, the mount point of another file system: the tool never crosses into one; unmount it or choose another -out", out, p)
		}
		return nil
	})
	if err != nil && !strings.HasPrefix(err.Error(), "output folder") {
		return fmt.Errorf("check output folder: %w", err)
	}
	return err
}

// keptAlone are the files a new output folder may hold before the first
// build, which the build keeps: a GitHub Pages domain, and the file that
// tells GitHub Pages not to run Jekyll.
var keptAlone = []string{"CNAME", ".nojekyll"}

// checkHoldsOthers refuses an output folder that holds files other than
// those of keptAlone and no record of an earlier build (prev lists none
// of its files), unless force: the folder is someone's, and the site
// would replace files of theirs.
func checkHoldsOthers(out, target string, prev manifest, force bool) error {
	entries, err := os.ReadDir(target)
	if errors.Is(err, fs.ErrNotExist) || force {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check output folder: %w", err)
	}
	var others []string
	recorded := false
	for _, e := range entries {
		if slices.Contains(keptAlone, e.Name()) {
			continue
		}
		name := e.Name()
		if e.IsDir() {
			name += "/"
		}
		others = append(others, name)
		recorded = recorded || holdsRecorded(target, e.Name(), prev)
	}
	if len(others) == 0 || recorded {
		return nil
	}
	listed := strings.Join(others[:min(len(others), 3)], ", ")
	if len(others) > 3 {
		listed += fmt.Sprintf(" and %d more", len(others)-3)
	}
	return fmt.Errorf("output folder %s holds files this tool did not write (%s) and no record of an earlier build: "+
		"choose a new or empty -out, or add -force-out to build into it (its files are kept; one the site replaces is set aside in %s)",
		out, printable(listed), keptDirName(out))
}

// holdsRecorded reports whether the entry name of the folder dir is, or
// holds, a file that the record prev lists as written by the tool.
func holdsRecorded(dir, name string, prev manifest) bool {
	for path, w := range prev {
		if path == name || strings.HasPrefix(path, name+"/") {
			if unchanged(filepath.Join(dir, filepath.FromSlash(path)), w) {
				return true
			}
		}
	}
	return false
}
