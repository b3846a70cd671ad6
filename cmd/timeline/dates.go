package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/dating"
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
	var found map[string]timex.Date
	if dct.IsZero() {
		found = m.publicationDates(inputs)
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
			fileDCT = found[in.Name]
		}
		for _, e := range dating.FileDates(in.Data, fileDCT) {
			line := dateLine{File: in.Name, Start: e.Start, End: e.End, Text: e.Text,
				Type: string(e.Type), Value: e.Value, DCT: fileDCT.String()}
			if err := enc.Encode(line); err != nil {
				return fmt.Errorf("dates: %w", err)
			}
		}
	}
	return w.Flush()
}

// publicationDates finds each file's publication date as build finds
// it: the sources of the file's folder form its story, built once a
// folder. A file whose date cannot be found is left out of the map.
func (m *Main) publicationDates(files []timeline.Input) map[string]timex.Date {
	byDir := map[string][]timeline.Input{}
	var dirs []string
	for _, in := range files {
		dir := filepath.Dir(in.Name)
		if byDir[dir] == nil {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(byDir[dir], in)
	}
	dates := map[string]timex.Date{}
	for _, dir := range dirs {
		story, _, err := readFolder(dir)
		if err != nil {
			story = nil
		}
		given := map[string]string{} // name in the folder → name given
		for _, in := range byDir[dir] {
			name := filepath.ToSlash(filepath.Base(in.Name))
			given[name] = in.Name
			if !slices.ContainsFunc(story, func(s timeline.Input) bool { return s.Name == name }) {
				story = append(story, timeline.Input{Name: name, Data: in.Data})
			}
		}
		tl, _, err := build.Build(story, build.Options{Today: timex.DateOf(m.Now())})
		if err != nil {
			continue
		}
		for _, s := range tl.Sources {
			if name, ok := given[s.File]; ok && !s.Published.Date.IsZero() {
				dates[name] = s.Published.Date
			}
		}
	}
	return dates
}
