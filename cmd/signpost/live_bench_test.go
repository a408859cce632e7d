package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"signpost/bot"
	"signpost/watch"
)

// BenchmarkSaveToLive measures how long a coach waits from saving the
// sample assets.yaml to the first answer from the new list, through the
// real file watch with its default settings:
//
//	go test ./cmd/signpost -run '^$' -bench SaveToLive -benchtime 20x
func BenchmarkSaveToLive(b *testing.B) {
	sample, err := os.ReadFile("../../assets.yaml")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "assets.yaml")
	if err := os.WriteFile(path, sample, 0o644); err != nil {
		b.Fatal(err)
	}
	var logs syncBuffer
	lv, sp := newLive(b, path, &logs, nil)
	if !lv.reload(context.Background(), true) {
		b.Fatalf("the sample did not load:\n%s", logs.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go watch.File(ctx, path, watch.Options{}, func() { lv.reload(ctx, false) })

	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	var worst time.Duration
	i := 0
	for b.Loop() {
		i++
		name := "Bench Knitters " + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		edited := strings.Replace(string(sample), "name: Knit and Natter", "name: "+name, 1)
		start := time.Now()
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			ans, _ := sp.Answer(ctx, bot.Question{Text: "knitting", At: at})
			if len(ans.Results) > 0 && ans.Results[0].Name() == name {
				break
			}
			if time.Since(start) > 30*time.Second {
				b.Fatalf("save %d never went live:\n%s", i, logs.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst)/float64(time.Millisecond), "worst-ms")
}
