// Command gencorpus writes a large story made from a small one, for
// benchmarks: gencorpus -n 10000 -seeds testdata/seeds -out /tmp/c10k.
// With -only I, it writes source I of such a story alone: the source a
// benchmark adds to a story of I sources. See package corpus for how
// the sources are made.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/timeline-project/timeline/cmd/timeline/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "the `number` of sources to make")
	seedDir := flag.String("seeds", "testdata/seeds", "the `folder` of seed sources (.txt and .md)")
	out := flag.String("out", "", "the `folder` to write the sources into (made if missing)")
	only := flag.Int("only", -1, "write only the source with this `number`, named as in a story of -n sources")
	flag.Parse()
	if *out == "" || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N [-only I] -seeds DIR -out DIR")
		os.Exit(2)
	}
	if err := run(*n, *only, *seedDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(n, only int, seedDir, out string) error {
	seeds, err := corpus.ReadSeeds(seedDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if only >= 0 {
		f := corpus.One(seeds, only, corpus.Width(n))
		return os.WriteFile(filepath.Join(out, f.Name), f.Data, 0o644)
	}
	for _, f := range corpus.Generate(seeds, n) {
		if err := os.WriteFile(filepath.Join(out, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	if site, err := os.ReadFile(filepath.Join(seedDir, "site.md")); err == nil {
		site = []byte(strings.Replace(string(site), "title: ", fmt.Sprintf("title: %d sources of ", n), 1))
		if err := os.WriteFile(filepath.Join(out, "site.md"), site, 0o644); err != nil {
			return err
		}
	}
	return nil
}
