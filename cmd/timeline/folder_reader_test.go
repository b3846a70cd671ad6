package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFolderReaderRereadsOnlyChangedFiles checks that serve's folder
// reader takes a file's bytes from its last read only when the file's
// size and time of change are as they were, and the change was not
// just before that read.
func TestFolderReaderRereadsOnlyChangedFiles(t *testing.T) {
	dir := t.TempDir()
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	write := func(name, text string, mod time.Time) { writeStamped(t, dir, name, text, mod) }
	now := old.Add(time.Hour)
	fr := &folderReader{now: func() time.Time { return now }}
	write("kept.txt", "May 22, 2023. Kept.", old)
	write("resized.txt", "May 22, 2023. Short.", old)
	write("touched.txt", "May 22, 2023. Touched.", old)
	write("racy.txt", "May 22, 2023. Racy.", now.Add(-time.Second))
	first := readByName(t, fr, dir)

	now = now.Add(time.Minute)
	write("resized.txt", "May 22, 2023. Longer now.", old)
	write("touched.txt", "May 22, 2023. Touched!", old.Add(time.Second))
	write("racy.txt", "May 22, 2023. Racy!", old.Add(time.Hour-time.Second))
	second := readByName(t, fr, dir)

	for name, want := range map[string]struct {
		reused bool
		text   string
	}{
		"kept.txt":    {true, "May 22, 2023. Kept."},
		"resized.txt": {false, "May 22, 2023. Longer now."},
		"touched.txt": {false, "May 22, 2023. Touched!"},
		// Same size, same time of change, but changed within
		// racyWindow of the first read: read again.
		"racy.txt": {false, "May 22, 2023. Racy!"},
	} {
		got := second[name]
		if string(got) != want.text {
			t.Errorf("%s: read %q, want %q", name, got, want.text)
		}
		if reused := sameBytes(first[name], got); reused != want.reused {
			t.Errorf("%s: bytes of the last read reused = %v, want %v", name, reused, want.reused)
		}
	}

	// Without a clock, every file is read each time.
	plain := &folderReader{}
	a, b := readByName(t, plain, dir), readByName(t, plain, dir)
	if sameBytes(a["kept.txt"], b["kept.txt"]) {
		t.Error("a reader without a clock reused bytes")
	}
}

// TestFolderReaderTrustsTheWatcher checks that, told which files
// changed by a watcher that lost nothing, serve's folder reader reads
// those files again even when their stamps are as they were, takes the
// others from its last read without looking at them, and still finds
// files added or removed; told by one that may have lost changes, it
// looks at every file.
func TestFolderReaderTrustsTheWatcher(t *testing.T) {
	dir := t.TempDir()
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	write := func(name, text string, mod time.Time) { writeStamped(t, dir, name, text, mod) }
	now := old.Add(time.Hour)
	fr := &folderReader{now: func() time.Time { return now }}
	write("told.txt", "May 22, 2023. Told.", old)
	write("untold.txt", "May 22, 2023. Untold.", old)
	write("gone.txt", "May 22, 2023. Gone.", old)
	first := readByName(t, fr, dir)

	now = now.Add(time.Minute)
	write("told.txt", "May 22, 2023. Told!", old) // the same stamp
	write("untold.txt", "May 22, 2023. Untold, longer.", old.Add(time.Minute))
	write("added.txt", "May 22, 2023. Added.", old)
	if err := os.Remove(filepath.Join(dir, "gone.txt")); err != nil {
		t.Fatal(err)
	}
	fr.trust(map[string]bool{"told.txt": true}, true)
	second := readByName(t, fr, dir)
	want := map[string]string{"told.txt": "May 22, 2023. Told!", "untold.txt": "May 22, 2023. Untold.", "added.txt": "May 22, 2023. Added."}
	if len(second) != len(want) {
		t.Errorf("read %d files, want %d", len(second), len(want))
	}
	for name, text := range want {
		if string(second[name]) != text {
			t.Errorf("told which changed: %s: read %q, want %q", name, second[name], text)
		}
	}
	if !sameBytes(first["untold.txt"], second["untold.txt"]) {
		t.Error("untold.txt was read again, though the watcher vouched for it")
	}

	now = now.Add(time.Minute)
	fr.trust(nil, false)
	third := readByName(t, fr, dir)
	if got := string(third["untold.txt"]); got != "May 22, 2023. Untold, longer." {
		t.Errorf("watcher unsure: untold.txt: read %q, want the new text", got)
	}

	// Without a word from the watcher, stamps decide, as before.
	now = now.Add(time.Minute)
	write("untold.txt", "May 22, 2023. Untold again.", old.Add(2*time.Minute))
	if got := string(readByName(t, fr, dir)["untold.txt"]); got != "May 22, 2023. Untold again." {
		t.Errorf("no word from the watcher: untold.txt: read %q, want the new text", got)
	}
}

// writeStamped writes text to the file name in dir, with mod as its
// time of change.
func writeStamped(t *testing.T, dir, name, text string, mod time.Time) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mod, mod); err != nil {
		t.Fatal(err)
	}
}

// readByName reads dir with fr and returns each input's bytes by name.
func readByName(t *testing.T, fr *folderReader, dir string) map[string][]byte {
	t.Helper()
	inputs, problems, err := fr.read(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("read %s: %v %v", dir, err, problems)
	}
	out := map[string][]byte{}
	for _, in := range inputs {
		out[in.Name] = in.Data
	}
	return out
}

// TestReadSourceFileSizes checks that a source is read whole at every
// size around the sizes it is read in.
func TestReadSourceFileSizes(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 513, 4096, 100_000} {
		p := filepath.Join(dir, "a.txt")
		data := make([]byte, size)
		for i := range data {
			data[i] = byte('a' + i%26)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readSourceFile(p)
		if err != nil || string(got) != string(data) {
			t.Errorf("size %d: read %d bytes, %v", size, len(got), err)
		}
	}
}
