package index_test

import (
	"context"
	"os"
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
	"signpost/index"
)

// The benchmarks run over a generated list of benchAssets venues with 3
// activities each (10,000 by default; SIGNPOST_BENCH_ASSETS=100000 for
// the large run). They report latency percentiles and memory as custom
// metrics:
//
//	go test ./index -run '^$' -bench . -benchmem -benchtime 2000x
func benchAssets(b *testing.B) int {
	if s := os.Getenv("SIGNPOST_BENCH_ASSETS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("SIGNPOST_BENCH_ASSETS=%q: want a number of assets", s)
		}
		return n
	}
	return 10_000
}

var generated = sync.OnceValue(func() []byte {
	n, _ := strconv.Atoi(os.Getenv("SIGNPOST_BENCH_ASSETS"))
	if n < 1 {
		n = 10_000
	}
	return assetstest.Generate(n, 3, 1)
})

func BenchmarkLoadAndIndex(b *testing.B) {
	data := generated()
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
	b.ReportMetric(float64(benchAssets(b)), "assets")
}

// ready is the generated list loaded, indexed and behind a bot, built once
// for all the answer benchmarks.
var ready = sync.OnceValues(func() (*bot.Bot, error) {
	cat, _, err := assets.Parse(generated(), assets.Options{})
	if err != nil {
		return nil, err
	}
	ix, err := index.Build(cat)
	if err != nil {
		return nil, err
	}
	b := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
	b.Use(cat, ix)
	return b, nil
})

func BenchmarkAnswer(b *testing.B) {
	sp, err := ready()
	if err != nil {
		b.Fatal(err)
	}
	reportMemory(b)
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	kinds := []struct {
		name      string
		questions []string
	}{
		{"topic", []string{"knitting", "toddler groups", "kniting", "quiz night", "something for lonely people", "choir", "men's shed"}},
		{"topic+place", []string{"knitting in Oldbury", "toddler group near Tipton", "quiz near B64", "walking group in Langley", "bingo near Smethwick"}},
		{"topic+time", []string{"knitting tomorrow", "toddler group this weekend", "quiz tonight", "choir on thursday evening", "free things next week"}},
	}
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			var took []time.Duration
			i := 0
			for b.Loop() {
				q := bot.Question{Text: k.questions[i%len(k.questions)], From: "bench", At: at}
				start := time.Now()
				ans, err := sp.Answer(context.Background(), q)
				took = append(took, time.Since(start))
				if err != nil || len(ans.Results) == 0 {
					b.Fatalf("%q: err %v, %d results", q.Text, err, len(ans.Results))
				}
				i++
			}
			slices.Sort(took)
			b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
			b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// reportMemory puts the heap in use after loading, and the process's peak
// resident size where the system says it, beside the figures.
func reportMemory(b *testing.B) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.Logf("heap in use after loading %d assets: %.0f MB", benchAssets(b), float64(m.HeapInuse)/(1<<20))
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				b.Logf("peak resident memory: %s", strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")))
			}
		}
	}
}
