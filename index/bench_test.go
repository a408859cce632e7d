package index_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"signpost/assets"
	"signpost/assets/assetstest"
	"signpost/bot"
)

// The benchmarks run over generated lists of benchAssets venues with 3
// activities each (10,000 by default; SIGNPOST_BENCH_ASSETS=100000 for a
// county-and-more run), each under two lists:
//
//   - realistic: many towns and hundreds of activity names, most of them
//     rare, as in a council's directory;
//   - repetitive: 10 towns and 18 activity names repeated, the worst
//     case for every search, since each word matches a sixth of the list.
//
// They report latency percentiles and memory as custom metrics:
//
//	go test ./index -run '^$' -bench 'LoadAndIndex|Restart|SaveOneEdit' -benchmem -benchtime 3x
//	go test ./index -run '^$' -bench 'Answer|Raw' -benchmem -benchtime 2000x
func benchAssets() (int, error) {
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

// benchList is one generated list the benchmarks run over.
type benchList struct {
	name     string
	generate func(n int) []byte
}

var benchLists = []benchList{
	{"realistic", func(n int) []byte { return assetstest.GenerateRealistic(n, 3, 1) }},
	{"repetitive", func(n int) []byte { return assetstest.Generate(n, 3, 1) }},
}

// listData is the file of list l, generated once per run.
func listData(b *testing.B, l benchList) []byte {
	b.Helper()
	n, err := benchAssets()
	if err != nil {
		b.Fatal(err)
	}
	generatedMu.Lock()
	defer generatedMu.Unlock()
	if data, ok := generated[l.name]; ok {
		return data
	}
	data := l.generate(n)
	generated[l.name] = data
	return data
}

var (
	generatedMu sync.Mutex
	generated   = map[string][]byte{}
)

// parsed is list l read as serve reads it.
func parsed(b *testing.B, data []byte) *bot.Catalogue {
	b.Helper()
	cat, _, err := assets.Parse(data, assets.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return cat
}

// edited is data with the description of its first venue changed, as a
// coach's save of one entry would be.
func edited(data []byte, round int) ([]byte, error) {
	const field = "\n    description: "
	i := bytes.Index(data, []byte(field))
	if i < 0 {
		return nil, fmt.Errorf("the generated list has no venue description to edit")
	}
	out := slices.Clone(data[:i+len(field)])
	out = fmt.Appendf(out, "Edited in save %d. ", round)
	return append(out, data[i+len(field):]...), nil
}

// benchPlaces are names of places in cat, for questions asked near them.
func benchPlaces(cat *bot.Catalogue, n int) []string {
	var names []string
	for i := 0; i < len(cat.Places) && len(names) < n; i += max(1, len(cat.Places)/n) {
		names = append(names, cat.Places[i].Name)
	}
	return names
}

// reportPercentiles reports the 50th, 95th and 99th percentiles of took.
func reportPercentiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)*95/100]), "p95-ms")
	b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// peakRSS is the process's peak resident size in bytes, from Linux's
// /proc/self/status.
func peakRSS() (int64, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("no /proc/self/status on this system: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}
