package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/timeline-project/timeline/timeline"
)

// maxSourceSize is the largest source file read; a news article is a
// few dozen kilobytes, and a larger file is skipped with a warning.
const maxSourceSize = 32 << 20

// readFolder reads the sources of a source folder and its site.md,
// recursively, skipping hidden files and folders. A file that cannot be
// read becomes a problem, not an error: the build goes on without it.
// The inputs are in the order of their names.
func readFolder(dir string) ([]timeline.Input, []timeline.Problem, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read source folder: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("read source folder: %s is not a folder", dir)
	}
	var inputs []timeline.Input
	var problems []timeline.Problem
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		if err != nil {
			problems = append(problems, timeline.Problem{File: name, Err: err, Skipped: true})
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !(timeline.IsSourceName(name) || name == timeline.SiteFile) {
			return nil
		}
		data, err := readSourceFile(p)
		if err != nil {
			problems = append(problems, timeline.Problem{File: name, Err: err, Skipped: true})
			return nil
		}
		inputs = append(inputs, timeline.Input{Name: name, Data: data})
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read source folder %s: %w", dir, err)
	}
	return inputs, problems, nil
}

// readSourceFile reads a regular file of at most maxSourceSize bytes.
func readSourceFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	if info.Size() > maxSourceSize {
		return nil, fmt.Errorf("%d MB is over the limit of %d MB for a source", info.Size()>>20, maxSourceSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSourceSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSourceSize {
		return nil, fmt.Errorf("grew over the limit of %d MB while being read", maxSourceSize>>20)
	}
	return data, nil
}
