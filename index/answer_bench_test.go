package index_test

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// benchQuestions are the kinds of question residents ask, each in several
// real phrasings; PLACE stands for a place in the list asked of. The
// rare ones are missing from the repetitive list and few in the
// realistic one.
var benchQuestions = []struct {
	kind      string
	questions []string
}{
	{"topic", []string{"knitting", "toddler groups", "kniting", "quiz night", "something for lonely people", "choir", "men's shed"}},
	{"topic+place", []string{"knitting in PLACE", "toddler group near PLACE", "walking group in PLACE", "bingo near PLACE", "coffee morning in PLACE"}},
	{"topic+time", []string{"knitting tomorrow", "toddler group this weekend", "quiz tonight", "choir on thursday evening", "free things next week"}},
	{"situation", []string{"just moved here and dont know anyone", "i look after my mum", "im on my own all day", "my dad has dementia", "activities for my 8 year old"}},
	{"rare", []string{"swimming", "chess club near PLACE", "lessons", "xqzzyplk near PLACE", "bowling tomorrow"}},
}

var benchNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// asked is the questions of kind, with PLACE filled in from places in
// turn, so questions near a place are asked across the whole list.
func asked(questions []string, places []string) []string {
	var out []string
	for i, q := range questions {
		if strings.Contains(q, "PLACE") && len(places) > 0 {
			for j := range places {
				out = append(out, strings.ReplaceAll(q, "PLACE", places[(i+j)%len(places)]))
			}
			continue
		}
		out = append(out, q)
	}
	return out
}

// fixture is a list loaded, indexed and behind a bot, built once per run
// for all the answer benchmarks.
type fixture struct {
	bot    *bot.Bot
	places []string
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[string]*fixture{}
)

func ready(b *testing.B, l benchList) *fixture {
	b.Helper()
	data := listData(b, l)
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f, ok := fixtures[l.name]; ok {
		return f
	}
	cat := parsed(b, data)
	ix, err := index.Build(cat)
	if err != nil {
		b.Fatal(err)
	}
	sp := bot.New(bot.Config{}, bot.NewInMemory(time.Hour))
	sp.Use(cat, ix, understand.New(cat, nil))
	f := &fixture{bot: sp, places: benchPlaces(cat, 10)}
	fixtures[l.name] = f
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.Logf("%s: heap in use once loaded: %.0f MB", l.name, float64(m.HeapInuse)/(1<<20))
	return f
}

// BenchmarkAnswer asks each kind of question of the core, one at a time.
func BenchmarkAnswer(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			f := ready(b, l)
			for _, k := range benchQuestions {
				b.Run(k.kind, func(b *testing.B) {
					qs := asked(k.questions, f.places)
					var took []time.Duration
					i := 0
					for b.Loop() {
						d, err := ask(f.bot, qs[i%len(qs)], "bench")
						if err != nil {
							b.Fatal(err)
						}
						took = append(took, d)
						i++
					}
					reportPercentiles(b, took)
				})
			}
		})
	}
}

// BenchmarkAnswerConcurrent asks every kind of question from many
// conversations at once, as a busy service would be asked.
func BenchmarkAnswerConcurrent(b *testing.B) {
	for _, l := range benchLists {
		b.Run(l.name, func(b *testing.B) {
			f := ready(b, l)
			var all []string
			for _, k := range benchQuestions {
				all = append(all, asked(k.questions, f.places)...)
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
					d, err := ask(f.bot, all[i%len(all)], from)
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
		})
	}
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
