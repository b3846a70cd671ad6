package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/timex"
)

// dateLine is one line of "timeline dates": a temporal expression of a
// file, with byte offsets into the file.
type dateLine struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	DCT   string `json:"dct"`
}

func (m *Main) runDates(ctx context.Context, args []string) error {
	fs := m.newFlagSet("dates", "[-dct YYYY-MM-DD] FILE...")
	dctFlag := fs.String("dct", "", "the documents' creation `date`; without it each file's date is found as build\nfinds it, with the sources of its folder as its story")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("dates needs at least one FILE")
	}
	var dct timex.Date
	if *dctFlag != "" {
		d, err := timex.ParseISODate(*dctFlag)
		if err != nil {
			return usagef("-dct: %v", err)
		}
		dct = d
	}
	inputs := make([]timeline.Input, 0, fs.NArg())
	for _, name := range fs.Args() {
		data, err := readSourceFile(name)
		if err != nil {
			return fmt.Errorf("dates: read %s: %w", name, err)
		}
		inputs = append(inputs, timeline.Input{Name: name, Data: data})
	}
	w := bufio.NewWriter(m.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		fileDCT := dct
		if fileDCT.IsZero() {
			fileDCT = m.publicationDate(in)
		}
		for _, e := range timeline.FileDates(in.Data, fileDCT) {
			line := dateLine{File: in.Name, Start: e.Start, End: e.End, Text: e.Text,
				Type: string(e.Type), Value: e.Value, DCT: fileDCT.String()}
			if err := enc.Encode(line); err != nil {
				return fmt.Errorf("dates: %w", err)
			}
		}
	}
	return w.Flush()
}

// publicationDate finds a file's publication date as build finds it:
// the sources of the file's folder form its story. It returns the zero
// Date when none is found.
func (m *Main) publicationDate(in timeline.Input) timex.Date {
	dir := filepath.Dir(in.Name)
	inputs, _, err := readFolder(dir)
	if err != nil {
		inputs = nil
	}
	rel, err := filepath.Rel(dir, in.Name)
	if err != nil {
		return timex.Date{}
	}
	name := filepath.ToSlash(rel)
	story := []timeline.Input{{Name: name, Data: in.Data}}
	for _, other := range inputs {
		if other.Name != name {
			story = append(story, other)
		}
	}
	tl, _, err := timeline.Build(story, timeline.Options{Today: timex.DateOf(m.Now())})
	if err != nil {
		return timex.Date{}
	}
	for _, s := range tl.Sources {
		if s.File == name {
			return s.Published.Date
		}
	}
	return timex.Date{}
}
