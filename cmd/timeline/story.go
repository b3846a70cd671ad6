package main

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/build"
	"github.com/timeline-project/timeline/timeline/keep"
	"github.com/timeline-project/timeline/timeline/parallel"
	"github.com/timeline-project/timeline/timeline/timex"
)

// storyBuilder builds the timeline of one source folder again and
// again, reading only the sources that are new or changed since it last
// saw them: the others' readings are kept in memory (serve) or decoded
// from the cache (build).
type storyBuilder struct {
	src   string
	title string
	today timex.Date
	// known are the readings of the last build, by input key.
	known map[inputKey]*keep.Reading
	// cached are encoded readings from the cache file, by input key.
	cached map[inputKey][]byte
	// onRead, when not nil, is called with the name of every source
	// read afresh rather than taken from memory or the cache.
	onRead func(name string)
	// folder reads the source folder; nil reads every file each build.
	folder *folderReader
	// keyed are the inputs of the last build with their keys, by name:
	// an input whose bytes are the very ones kept need not be hashed.
	keyed map[string]keyedInput
	// remembered, when not nil, is called with the story being built
	// once its readings are final (see timeline.Options.Remembered).
	remembered func(st *story)
}

// keyedInput is an input's bytes and sidecar with its key.
type keyedInput struct {
	data, sidecar []byte
	key           inputKey
}

// keyOf returns the key of in, without hashing it again when its bytes
// are those of the input of that name in the last build.
func (b *storyBuilder) keyOf(in timeline.Input) inputKey {
	if k, ok := b.keyed[in.Name]; ok && sameBytes(k.data, in.Data) && sameBytes(k.sidecar, in.Sidecar) {
		return k.key
	}
	return keyOf(in)
}

// sameBytes reports whether a and b are the same bytes in memory, not
// only equal ones.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (a == nil) == (b == nil) && (len(a) == 0 || &a[0] == &b[0])
}

// story is one build of a source folder.
type story struct {
	assembly *build.Assembly
	// problems are every input's problems: skipped files first.
	problems []build.Problem
	// keys and readings are the build's sources, in input order.
	keys     []inputKey
	readings []*keep.Reading
	// encoded holds, by key, the cache's bytes of readings decoded from
	// it that have not grown since, to be written back as they are.
	encoded map[inputKey][]byte
	// fresh counts the sources read afresh, reused those whose reading
	// was kept.
	fresh, reused int
}

// build reads the folder and builds its timeline. The error is one that
// stops the build (no folder, no readable source, two sources with one
// ID); the story then holds the problems met.
func (b *storyBuilder) build(ctx context.Context, prog *progress) (*story, error) {
	prog.stage("reading the sources")
	folder := b.folder
	if folder == nil {
		folder = &folderReader{}
	}
	inputs, problems, err := folder.read(b.src)
	if err != nil {
		return nil, err
	}
	st := &story{problems: problems, encoded: map[inputKey][]byte{}}
	var site *timeline.Input
	var sources []timeline.Input
	for i, in := range inputs {
		if in.Name == timeline.SiteFile {
			site = &inputs[i]
		} else {
			sources = append(sources, in)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	readings, keys, errs := b.readAll(st, sources, prog)
	for i, err := range errs {
		if err != nil {
			st.problems = append(st.problems, build.Problem{File: sources[i].Name, Err: err, Skipped: true})
		} else {
			st.readings = append(st.readings, readings[i])
			st.keys = append(st.keys, keys[i])
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b.known = make(map[inputKey]*keep.Reading, len(st.readings))
	for i, rd := range st.readings {
		b.known[st.keys[i]] = rd
	}
	if b.folder != nil {
		b.keyed = make(map[string]keyedInput, len(sources))
		for i, in := range sources {
			if errs[i] == nil {
				b.keyed[in.Name] = keyedInput{data: in.Data, sidecar: in.Sidecar, key: keys[i]}
			}
		}
	}
	b.cached = nil
	opts := build.Options{Title: b.title, Folder: folderName(b.src), Today: b.today}
	if prog != nil {
		opts.Stage = prog.stage
	}
	if b.remembered != nil {
		opts.Remembered = func() { b.remembered(st) }
	}
	st.assembly, err = keep.Assemble(st.readings, site, opts)
	st.problems = append(st.problems, st.assembly.Problems...)
	return st, err
}

// folderName returns the name of the folder src, as the story's title
// of last resort: "flood" for "stories/flood/" or for "." in it.
func folderName(src string) string {
	if abs, err := filepath.Abs(src); err == nil {
		src = abs
	}
	name := filepath.Base(filepath.Clean(src))
	if name == "." || name == string(filepath.Separator) {
		return ""
	}
	return name
}

// readAll returns the reading and key of every source, or why it has
// none, in parallel: from memory, else from the cache, else read afresh.
func (b *storyBuilder) readAll(st *story, sources []timeline.Input, prog *progress) ([]*keep.Reading, []inputKey, []error) {
	readings := make([]*keep.Reading, len(sources))
	keys := make([]inputKey, len(sources))
	errs := make([]error, len(sources))
	var mu sync.Mutex
	var done atomic.Int64
	var fresh atomic.Int64
	parallel.For(len(sources), func(i int) {
		in := sources[i]
		key := b.keyOf(in)
		keys[i] = key
		if rd := b.known[key]; rd != nil {
			readings[i] = rd
		} else if data, ok := b.cached[key]; ok {
			if rd, err := keep.Decode(in, data); err == nil {
				readings[i] = rd
				mu.Lock()
				st.encoded[key] = data
				mu.Unlock()
			}
		}
		if readings[i] == nil {
			if b.onRead != nil {
				mu.Lock()
				b.onRead(in.Name)
				mu.Unlock()
			}
			readings[i], errs[i] = keep.Read(in)
			fresh.Add(1)
		}
		prog.update("read", "files", int(done.Add(1)), len(sources))
	})
	st.fresh = int(fresh.Load())
	st.reused = len(sources) - st.fresh
	return readings, keys, errs
}

// cacheBatch is how many readings are encoded at once for the cache:
// enough to keep every core busy, few enough that the cache is never
// whole in memory.
const cacheBatch = 256

// cacheEntries returns a function that gives the story's readings,
// in order, encoded for the cache: the bytes they were decoded from
// where they have not grown since. It encodes them cacheBatch at a time,
// in parallel, as they are asked for.
func (st *story) cacheEntries() func(i int) (blobEntry, error) {
	batch := make([]blobEntry, cacheBatch)
	errs := make([]error, cacheBatch)
	from := -1
	var scratch sync.Pool
	return func(i int) (blobEntry, error) {
		if i/cacheBatch*cacheBatch != from {
			from = i / cacheBatch * cacheBatch
			parallel.For(min(cacheBatch, len(st.readings)-from), func(j int) {
				batch[j], errs[j] = st.cacheEntry(from+j, &scratch)
			})
		}
		return batch[i-from], errs[i-from]
	}
}

// cacheEntry returns the i-th reading encoded for the cache, encoding
// it in a buffer of scratch when it has no bytes to keep.
func (st *story) cacheEntry(i int, scratch *sync.Pool) (blobEntry, error) {
	key, rd := st.keys[i], st.readings[i]
	if data, ok := st.encoded[key]; ok && !rd.Grown() {
		return blobEntry{key: key, data: data}, nil
	}
	buf, _ := scratch.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	var err error
	*buf, err = rd.AppendBinary((*buf)[:0])
	data := slices.Clone(*buf)
	scratch.Put(buf)
	return blobEntry{key: key, data: data}, err
}
