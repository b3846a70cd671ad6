package timeline

import (
	"flag"
	"os"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata files with what the code gives")

// checkSection compares got with the section of a txtar archive named
// name, or rewrites the section with -update.
func checkSection(t *testing.T, path string, ar *txtar.Archive, name, got string) {
	t.Helper()
	for i := range ar.Files {
		if ar.Files[i].Name != name {
			continue
		}
		if *update {
			ar.Files[i].Data = []byte(got)
			if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if want := string(ar.Files[i].Data); got != want {
			t.Errorf("%s: %s differs (run go test -update to accept)\n--- got\n%s\n--- want\n%s", path, name, got, want)
		}
		return
	}
	if *update {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got)})
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: no section %q (run go test -update to add it)", path, name)
}
