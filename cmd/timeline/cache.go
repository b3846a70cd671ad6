package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/timeline-project/timeline/timeline"
	"github.com/timeline-project/timeline/timeline/keep"
)

// The build cache keeps, beside the output folder, in
// .timeline-cache/<output folder's name>.readings, the reading of every
// source of the last build, keyed by the SHA-256 of the source's name
// and bytes. A build reads only the sources that are new or changed; the
// others are decoded from the cache.
//
// The file is one blob: a magic line, the key of the program that
// wrote it (its version and the hash of its executable), the readings'
// encoding, the entries, and a CRC-32C of all that. A file that is
// damaged, cut, or written by another program is ignored, never
// trusted: the build reads every source again and says so.

// cacheDirName is the cache folder's name, beside the output folder.
const cacheDirName = ".timeline-cache"

// cacheMagic starts every cache file.
const cacheMagic = "timeline cache 1\n"

// inputKey is the SHA-256 of a source's name, a NUL, its bytes and,
// when it has a sidecar, a NUL, the sidecar's length and bytes: a
// changed sidecar is a changed source.
type inputKey [sha256.Size]byte

func keyOf(in timeline.Input) inputKey {
	h := sha256.New()
	io.WriteString(h, in.Name)
	h.Write([]byte{0})
	h.Write(in.Data)
	if in.Sidecar != nil {
		h.Write([]byte{0})
		fmt.Fprintf(h, "%d:", len(in.Sidecar))
		h.Write(in.Sidecar)
	}
	var k inputKey
	h.Sum(k[:0])
	return k
}

// cacheDir returns the cache folder of an output folder: beside it, so
// that it is never published with the site.
func cacheDir(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(abs), cacheDirName), nil
}

// readingsCachePath returns the path of the readings cache of out.
func readingsCachePath(out string) (string, error) {
	dir, err := cacheDir(out)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.Base(filepath.Clean(out))+".readings"), nil
}

var (
	toolKeyOnce sync.Once
	toolKeyText string
)

// toolKey names the program that writes a cache: its version and the
// SHA-256 of its executable, so that a rebuilt program, even one with
// the same version, never trusts what another one read.
func toolKey() string {
	toolKeyOnce.Do(func() {
		toolKeyText = version() + "/" + executableHash() + "/" + keep.CodecVersion()
	})
	return toolKeyText
}

// executableHash returns the hex SHA-256 of the running executable, or
// "unknown executable" when it cannot be read.
func executableHash() string {
	p, err := os.Executable()
	if err != nil {
		return "unknown executable"
	}
	f, err := os.Open(p)
	if err != nil {
		return "unknown executable"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown executable"
	}
	return hex.EncodeToString(h.Sum(nil))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// blobEntry is one entry of a cache blob.
type blobEntry struct {
	key  inputKey
	data []byte
}

// encodeBlob returns a cache blob holding entries, for the program key.
func encodeBlob(key string, entries []blobEntry) []byte {
	var b bytes.Buffer
	writeBlob(&b, key, len(entries), func(i int) (blobEntry, error) { return entries[i], nil })
	return b.Bytes()
}

// writeBlob writes to w a cache blob for the program key of n entries,
// entry(i) giving the i-th, in order. It stops at the first error of w
// or of entry, and returns it.
func writeBlob(w io.Writer, key string, n int, entry func(i int) (blobEntry, error)) error {
	crc := crc32.New(castagnoli)
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 1<<20)
	var num []byte
	bw.WriteString(cacheMagic)
	bw.Write(binary.AppendUvarint(num[:0], uint64(len(key))))
	bw.WriteString(key)
	bw.Write(binary.AppendUvarint(num[:0], uint64(n)))
	for i := range n {
		e, err := entry(i)
		if err != nil {
			return err
		}
		bw.Write(e.key[:])
		bw.Write(binary.AppendUvarint(num[:0], uint64(len(e.data))))
		bw.Write(e.data)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32()))
	return err
}

// errForeignCache is a cache written by another program.
var errForeignCache = errors.New("written by another version of timeline")

// decodeBlob returns the entries of a cache blob written for the
// program key. The entries' data are parts of b.
func decodeBlob(key string, b []byte) (map[inputKey][]byte, error) {
	damaged := errors.New("damaged")
	if len(b) < len(cacheMagic)+4 || !bytes.HasPrefix(b, []byte(cacheMagic)) {
		return nil, errForeignCache
	}
	body := b[:len(b)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, damaged
	}
	r := body[len(cacheMagic):]
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(r)
		if k <= 0 || n > uint64(len(r)-k) {
			return nil, false
		}
		v := r[k : k+int(n)]
		r = r[k+int(n):]
		return v, true
	}
	got, ok := next()
	if !ok {
		return nil, damaged
	}
	if string(got) != key {
		return nil, errForeignCache
	}
	count, k := binary.Uvarint(r)
	if k <= 0 || count > uint64(len(r)) {
		return nil, damaged
	}
	r = r[k:]
	entries := make(map[inputKey][]byte, count)
	for range count {
		if len(r) < len(inputKey{}) {
			return nil, damaged
		}
		var ik inputKey
		copy(ik[:], r)
		r = r[len(ik):]
		data, ok := next()
		if !ok {
			return nil, damaged
		}
		entries[ik] = data
	}
	if len(r) != 0 {
		return nil, damaged
	}
	return entries, nil
}

// maxCacheSize is the largest cache file read: a reading takes about
// as many bytes as its source (8.2 MB for 1,000 sources of 7.2 MB), so
// 100,000 sources of 20 KB fit.
const maxCacheSize = 2 << 30

// loadCache reads the cache file at path. A missing file is an empty
// cache; a damaged or foreign one, or one that is no regular file of at
// most maxCacheSize bytes, is an empty cache and a note saying why it
// was ignored.
func loadCache(path, key string) (map[inputKey][]byte, string) {
	b, err := readCacheFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	if err != nil {
		return nil, fmt.Sprintf("cache %s ignored: %v", path, err)
	}
	entries, err := decodeBlob(key, b)
	if err != nil {
		return nil, fmt.Sprintf("cache %s ignored: %v; every source is read again", path, err)
	}
	return entries, ""
}

// readCacheFile reads the cache file at path: a regular file of at most
// maxCacheSize bytes. A link to a device (/dev/zero) or a FIFO is
// refused before it is opened: either would be read without end.
func readCacheFile(path string) ([]byte, error) {
	if _, err := regularFileInfo(path, maxCacheSize, "a cache file"); err != nil {
		return nil, err
	}
	return readRegularFileUpTo(path, maxCacheSize)
}

// saveCache writes a cache file whole: into a temporary file beside
// it, then renamed over it.
func saveCache(path, key string, entries []blobEntry) error {
	return saveCacheOf(path, key, len(entries), func(i int) (blobEntry, error) { return entries[i], nil })
}

// saveCacheOf writes a cache file of n entries, entry(i) giving the
// i-th as they are written: see saveCache.
func saveCacheOf(path, key string, n int, entry func(i int) (blobEntry, error)) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("write cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := writeBlob(tmp, key, n, entry); err != nil {
		tmp.Close()
		return fmt.Errorf("write cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write cache: %w", err)
	}
	return nil
}
