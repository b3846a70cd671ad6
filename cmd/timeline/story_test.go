package main

import (
	"path/filepath"
	"testing"
)

func TestFolderName(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ src, want string }{
		{filepath.Join(dir, "flood"), "flood"},
		{filepath.Join(dir, "flood") + string(filepath.Separator), "flood"},
		{filepath.Join(dir, "flood", "."), "flood"},
		{string(filepath.Separator), ""},
	} {
		if got := folderName(tc.src); got != tc.want {
			t.Errorf("folderName(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}
