package assets

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"

	"signpost/assets/assetstest"
)

// The benchmarks parse a generated list of benchVenues venues with 3
// activities each (10,000 by default; SIGNPOST_BENCH_ASSETS=100000 for
// the large run):
//
//	go test ./assets -run '^$' -bench 'Parse$|Reparse' -benchmem
func benchVenues() (int, error) {
	s := os.Getenv("SIGNPOST_BENCH_ASSETS")
	if s == "" {
		return 10_000, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("SIGNPOST_BENCH_ASSETS=%q: want a number of assets", s)
	}
	return n, nil
}

var benchFile = sync.OnceValues(func() ([]byte, error) {
	n, err := benchVenues()
	if err != nil {
		return nil, err
	}
	return assetstest.Generate(n, 3, 1), nil
})

func benchFileOrFail(b *testing.B) []byte {
	data, err := benchFile()
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParse is a whole file read from nothing, as at first start.
func BenchmarkParse(b *testing.B) {
	data := benchFileOrFail(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, problems, err := Parse(data, Options{Now: now}); err != nil {
			b.Fatal(err, problems)
		}
	}
}

// BenchmarkReparseOneEdit is a save that renames one venue, read by a
// Parser that read the file before it: each round reads the file with the
// name changed, then changed back.
func BenchmarkReparseOneEdit(b *testing.B) {
	data := benchFileOrFail(b)
	n, _ := benchVenues()
	venue := fmt.Appendf(nil, "  - id: venue-%d\n    name: \"", n/2)
	at := bytes.Index(data, venue)
	if at < 0 {
		b.Fatalf("no venue-%d in the generated file", n/2)
	}
	edited := slices.Clone(data)
	edited[at+len(venue)] = 'X' // the first letter of the name
	versions := [][]byte{edited, data}
	var p Parser
	if _, problems, err := p.Parse(data, Options{Now: now}); err != nil {
		b.Fatal(err, problems)
	}
	b.SetBytes(int64(len(data)))
	i := 0
	for b.Loop() {
		if _, problems, err := p.Parse(versions[i%2], Options{Now: now}); err != nil {
			b.Fatal(err, problems)
		}
		if p.memo.fresh != 1 {
			b.Fatalf("parsed %d venues for one edit", p.memo.fresh)
		}
		i++
	}
}
