package timeline

import (
	"cmp"
	"go/build"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
)

// stages are the packages that make a Timeline, in the order a build
// runs them: each may import only those before it.
var stages = []string{"read", "dating", "claim", "merge", "build", "keep"}

// shared are the packages under timeline that every stage may import,
// and what each of them may import of the module: none imports a stage.
var shared = map[string][]string{
	".":                {"words", "timex"},
	"words":            nil,
	"parallel":         nil,
	"varint":           nil,
	"timex":            {"varint"},
	"mdoc":             {"."},
	"htmldoc":          {"."},
	"internal/fixture": {"."},
}

// TestStagesImportOnlyEarlierStages reads the imports of every package
// under timeline (test files aside) and fails when a stage imports a
// later stage, or a shared package imports a stage, or a package is
// neither a stage nor shared.
func TestStagesImportOnlyEarlierStages(t *testing.T) {
	const module = "github.com/timeline-project/timeline/timeline"
	allowed := map[string][]string{}
	for dir, imports := range shared {
		allowed[dir] = imports
	}
	for i, stage := range stages {
		for dir := range shared {
			if dir != "internal/fixture" {
				allowed[stage] = append(allowed[stage], dir)
			}
		}
		allowed[stage] = append(allowed[stage], stages[:i]...)
	}
	seen := 0
	for _, dir := range packageDirs(t, ".") {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		want, ok := allowed[dir]
		if !ok {
			t.Errorf("%s is neither a stage nor shared: place it in stages or shared", dir)
			continue
		}
		seen++
		for _, imp := range pkg.Imports {
			rel, inModule := strings.CutPrefix(imp, module)
			if !inModule {
				continue
			}
			rel = cmp.Or(strings.TrimPrefix(rel, "/"), ".")
			if !slices.Contains(want, rel) {
				t.Errorf("%s imports %s, which comes after it or is not shared", dir, rel)
			}
		}
	}
	if seen < len(stages)+len(shared) {
		t.Errorf("found %d of the %d packages", seen, len(stages)+len(shared))
	}
}

// packageDirs returns dir and the folders under it that hold Go files,
// relative to dir, testdata aside.
func packageDirs(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	hasGo := false
	for _, e := range entries {
		switch {
		case e.IsDir() && e.Name() != "testdata":
			out = append(out, packageDirs(t, path.Join(dir, e.Name()))...)
		case strings.HasSuffix(e.Name(), ".go"):
			hasGo = true
		}
	}
	if hasGo {
		out = append(out, dir)
	}
	return out
}
