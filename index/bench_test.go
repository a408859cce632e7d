package index_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"signpost/assets"
	"signpost/assets/assetstest"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// The benchmarks run over a generated list of benchAssets venues with 3
// activities each (10,000 by default; SIGNPOST_BENCH_ASSETS=100000 for
// the large run). They report latency percentiles and memory as custom
// metrics:
//
//	go test ./index -run '^$' -bench LoadAndIndex -benchmem -benchtime 3x
//	go test ./index -run '^$' -bench Answer -benchmem -benchtime 2000x -v
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

var generated = sync.OnceValues(func() ([]byte, error) {
	n, err := benchAssets()
	if err != nil {
		return nil, err
	}
	return assetstest.Generate(n, 3, 1), nil
})

func generatedOrFail(b *testing.B) []byte {
	data, err := generated()
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkLoadAndIndex(b *testing.B) {
	data := generatedOrFail(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cat, _, err := assets.Parse(data, assets.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix, err := index.Build(cat)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	n, _ := benchAssets()
	b.ReportMetric(float64(n), "assets")
	peak, heap, err := loadInFreshProcess(b, data)
	if err != nil {
		b.Logf("peak resident memory not measured: %v", err)
		return
	}
	b.ReportMetric(peak, "peak-RSS-MB")
	b.ReportMetric(heap, "heap-MB")
}

// loadChildEnv names the asset file a child process of this test binary
// loads, indexes and reports on; see TestMain.
const loadChildEnv = "SIGNPOST_BENCH_LOAD_CHILD"

// loadInFreshProcess writes data to a file and has a new process load and
// index it as `signpost` does, so the peak resident size it reports is
// that of loading alone, not of the benchmarks run before it.
func loadInFreshProcess(b *testing.B, data []byte) (peakMB, heapMB float64, err error) {
	path := filepath.Join(b.TempDir(), "assets.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return 0, 0, err
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), loadChildEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Errorf("child: %w: %s", err, out)
	}
	if _, err := fmt.Sscanf(string(out), "peak %f heap %f", &peakMB, &heapMB); err != nil {
		return 0, 0, fmt.Errorf("child said %q", out)
	}
	return peakMB, heapMB, nil
}

// TestMain lets the benchmark binary double as the child process of
// loadInFreshProcess.
func TestMain(m *testing.M) {
	if path := os.Getenv(loadChildEnv); path != "" {
		if err := loadChild(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// loadChild loads and indexes the file at path behind a bot, then prints
// the process's peak resident size and the heap then in use, in MB.
func loadChild(path string) error {
	cat, _, err := assets.Load(path, assets.Options{})
	if err != nil {
		return err
	}
	ix, err := index.Build(cat)
	if err != nil {
		return err
	}
	b := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
	b.Use(cat, ix, understand.New(cat, nil))
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	peak, err := peakRSS()
	if err != nil {
		return err
	}
	fmt.Printf("peak %.0f heap %.0f\n", float64(peak)/(1<<20), float64(m.HeapInuse)/(1<<20))
	runtime.KeepAlive(b)
	return nil
}

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

// ready is the generated list loaded, indexed and behind a bot, built once
// for all the answer benchmarks.
var ready = sync.OnceValues(func() (*bot.Bot, error) {
	data, err := generated()
	if err != nil {
		return nil, err
	}
	cat, _, err := assets.Parse(data, assets.Options{})
	if err != nil {
		return nil, err
	}
	ix, err := index.Build(cat)
	if err != nil {
		return nil, err
	}
	b := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
	b.Use(cat, ix, understand.New(cat, nil))
	return b, nil
})

// benchQuestions are the kinds of question the issue names, each asked
// in several real phrasings.
var benchQuestions = []struct {
	kind      string
	questions []string
}{
	{"topic", []string{"knitting", "toddler groups", "kniting", "quiz night", "something for lonely people", "choir", "men's shed"}},
	{"topic+place", []string{"knitting in Oldbury", "toddler group near Tipton", "quiz near B64", "walking group in Langley", "bingo near Smethwick"}},
	{"topic+time", []string{"knitting tomorrow", "toddler group this weekend", "quiz tonight", "choir on thursday evening", "free things next week"}},
	{"situation", []string{"just moved here and dont know anyone", "i look after my mum", "im on my own all day", "my dad has dementia", "activities for my 8 year old"}},
	{"miss", []string{"swimming", "chess club near Tipton", "lessons", "xqzzyplk near Oldbury", "bowling tomorrow"}},
}

var benchNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func BenchmarkAnswer(b *testing.B) {
	sp, err := ready()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.Logf("heap in use once loaded: %.0f MB", float64(m.HeapInuse)/(1<<20))
	for _, k := range benchQuestions {
		b.Run(k.kind, func(b *testing.B) {
			var took []time.Duration
			i := 0
			for b.Loop() {
				d, err := ask(sp, k.questions[i%len(k.questions)], "bench")
				if err != nil {
					b.Fatal(err)
				}
				took = append(took, d)
				i++
			}
			reportPercentiles(b, took)
		})
	}
}

// BenchmarkAnswerConcurrent asks every kind of question from many
// conversations at once, as a busy service would be asked.
func BenchmarkAnswerConcurrent(b *testing.B) {
	sp, err := ready()
	if err != nil {
		b.Fatal(err)
	}
	var all []string
	for _, k := range benchQuestions {
		all = append(all, k.questions...)
	}
	var mu sync.Mutex
	var took []time.Duration
	var next int64
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		mu.Lock()
		next++
		from := "bench-" + strconv.FormatInt(next, 10)
		mu.Unlock()
		var mine []time.Duration
		for i := 0; pb.Next(); i++ {
			d, err := ask(sp, all[i%len(all)], from)
			if err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, d)
		}
		mu.Lock()
		took = append(took, mine...)
		mu.Unlock()
	})
	reportPercentiles(b, took)
}

// ask answers one question and says how long it took. An error or an
// empty answer is an error, so a benchmark never measures a failure.
func ask(sp *bot.Bot, text, from string) (time.Duration, error) {
	start := time.Now()
	ans, err := sp.Answer(context.Background(), bot.Question{Text: text, From: from, At: benchNow})
	took := time.Since(start)
	if err != nil || len(ans.Results)+len(ans.Choices) == 0 {
		return took, fmt.Errorf("%q: err %v, %d results, %d choices", text, err, len(ans.Results), len(ans.Choices))
	}
	return took, nil
}

func reportPercentiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
