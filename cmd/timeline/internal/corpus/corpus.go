// Package corpus makes large stories from a small one, for benchmarks:
// each made source is one of the seed sources with the sentences of its
// paragraphs shuffled and every date it prints moved by whole weeks, so
// that weekdays still agree with their dates. The story keeps its shape
// (the same kinds of pages, dates and furniture) and grows.
//
// It is deterministic: the same seeds and count give the same files.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// File is a made source: its name and content.
type File struct {
	Name string
	Data []byte
}

// Generate returns n sources made from seeds (n ≥ 0, seeds not empty).
// Source i is seeds[i%len(seeds)], its dates moved by i/len(seeds)
// weeks, so that every week of the made story holds one copy of each
// seed, and its paragraphs' sentences shuffled by a generator seeded
// with i. Names are "<i>_<seed name>", zero-padded to sort in order.
func Generate(seeds []File, n int) []File {
	out := make([]File, 0, n)
	width := Width(n)
	for i := range n {
		out = append(out, One(seeds, i, width))
	}
	return out
}

// Width is the number of digits of the names of a story of n sources.
func Width(n int) int { return len(strconv.Itoa(max(n-1, 0))) }

// One returns the made source i of a story made from seeds, its name's
// number zero-padded to width digits: Generate(seeds, n)[i] is
// One(seeds, i, Width(n)).
func One(seeds []File, i, width int) File {
	seed := seeds[i%len(seeds)]
	rng := rand.New(rand.NewPCG(uint64(i), 0x7469_6d65_6c69_6e65))
	text := shuffleSentences(shiftDates(string(seed.Data), i/len(seeds)*7), rng)
	return File{Name: fmt.Sprintf("%0*d_%s", width, i, path.Base(seed.Name)), Data: []byte(text)}
}

const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December`

var (
	monthDay = regexp.MustCompile(`\b(` + monthNames + `) ([0-9]{1,2})\b(, ([0-9]{4})\b)?`)
	dayMonth = regexp.MustCompile(`\b([0-9]{1,2}) (` + monthNames + `)\b( ([0-9]{4})\b)?`)
	isoDate  = regexp.MustCompile(`\b([0-9]{4})-([0-9]{2})-([0-9]{2})`)
	dotDate  = regexp.MustCompile(`\b([0-9]{2})\.([0-9]{2})\.([0-9]{4})\b`)
	anyYear  = regexp.MustCompile(`\b(19|20)[0-9]{2}\b`)
)

// shiftDates moves every date printed in text by days. A month and day
// without a year are taken to be in the first year the text prints.
func shiftDates(text string, days int) string {
	if days == 0 {
		return text
	}
	year := 2023
	if y := anyYear.FindString(text); y != "" {
		year, _ = strconv.Atoi(y)
	}
	move := func(y int, m time.Month, d int) time.Time {
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	}
	text = isoDate.ReplaceAllStringFunc(text, func(s string) string {
		p := isoDate.FindStringSubmatch(s)
		y, m, d := atoi(p[1]), atoi(p[2]), atoi(p[3])
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return s
		}
		return move(y, time.Month(m), d).Format("2006-01-02")
	})
	text = dotDate.ReplaceAllStringFunc(text, func(s string) string {
		p := dotDate.FindStringSubmatch(s)
		d, m, y := atoi(p[1]), atoi(p[2]), atoi(p[3])
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return s
		}
		return move(y, time.Month(m), d).Format("02.01.2006")
	})
	text = monthDay.ReplaceAllStringFunc(text, func(s string) string {
		p := monthDay.FindStringSubmatch(s)
		y := year
		if p[4] != "" {
			y = atoi(p[4])
		}
		t := move(y, monthOf(p[1]), atoi(p[2]))
		if p[4] == "" {
			return t.Format("January 2")
		}
		return t.Format("January 2, 2006")
	})
	return dayMonth.ReplaceAllStringFunc(text, func(s string) string {
		p := dayMonth.FindStringSubmatch(s)
		y := year
		if p[4] != "" {
			y = atoi(p[4])
		}
		t := move(y, monthOf(p[2]), atoi(p[1]))
		if p[4] == "" {
			return t.Format("2 January")
		}
		return t.Format("2 January 2006")
	})
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func monthOf(name string) time.Month {
	for m := time.January; m <= time.December; m++ {
		if m.String() == name {
			return m
		}
	}
	return time.January
}

// shuffleSentences shuffles the sentences within each line of text that
// holds more than one.
func shuffleSentences(text string, rng *rand.Rand) string {
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		body := strings.TrimRight(line, "\r\n")
		ss := sentences(body)
		if len(ss) < 2 {
			continue
		}
		rng.Shuffle(len(ss), func(a, b int) { ss[a], ss[b] = ss[b], ss[a] })
		lines[i] = strings.Join(ss, " ") + line[len(body):]
	}
	return strings.Join(lines, "")
}

// sentences splits a line after '.', '!' or '?' (and a closing quote)
// followed by a space and a capital letter or an opening quote.
func sentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if c := line[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for _, q := range []string{"”", "\"", "’"} {
			if strings.HasPrefix(line[end:], q) {
				end += len(q)
			}
		}
		if end >= len(line) || line[end] != ' ' {
			continue
		}
		rest := strings.TrimLeft(line[end:], " ")
		if rest == "" || !(rest[0] >= 'A' && rest[0] <= 'Z' || strings.HasPrefix(rest, "“") || rest[0] == '"') {
			continue
		}
		out = append(out, strings.TrimSpace(line[start:end]))
		start = len(line) - len(rest)
		i = start - 1
	}
	if start < len(line) {
		if s := strings.TrimSpace(line[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ReadSeeds reads the .txt and .md files of dir (not site.md, not
// hidden ones, not in subfolders), in the order of their names.
func ReadSeeds(dir string) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read seeds: %w", err)
	}
	var seeds []File
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		if e.IsDir() || strings.HasPrefix(name, ".") || name == "site.md" || (ext != ".txt" && ext != ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read seeds: %w", err)
		}
		seeds = append(seeds, File{Name: name, Data: data})
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("read seeds: no .txt or .md file in %s", dir)
	}
	return seeds, nil
}
