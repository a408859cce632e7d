package telegram_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"signpost/adapters/telegram"
)

// Load: 1,000 chats each sending 5 messages through the real client, the
// fake Bot API and the real bot over the sample asset list.
const (
	loadChats    = 1000
	loadMessages = 5
)

// loadQuestions are what the chats ask, in turn.
var loadQuestions = []string{
	"knitting near me", "toddler groups in Tipton tomorrow", "something free this weekend near B69",
	"quiz", "coffee morning near Tipton", "is the library open on saturday", "walking group", "more",
}

// BenchmarkLoad reports messages answered a second (msgs/s), the time from
// an update being available to its sendMessage arriving (p50-ms, p99-ms,
// max-ms), the most messages sent in any one second (peak/s), and how many
// messages were not answered exactly once (lost, dup). Run it with
//
//	go test ./adapters/telegram -run '^$' -bench Load -benchtime 1x
//
// With the global send limit raised, so that the adapter and the bot are
// what is measured: "paced" has each chat send a message a second,
// spread evenly (1,000 a second in all, for 5 s); "burst" makes all 5,000
// available at once, so msgs/s is the most the adapter can answer (each
// chat still gets about one message a second after a burst of 3, as
// Telegram asks). "default" is paced with the default limit of 25 a
// second: the queue drains over about 200 s, and latency is the queue's.
func BenchmarkLoad(b *testing.B) {
	core := realBot(b, sample)
	b.Run("limit=raised/paced", func(b *testing.B) { benchLoad(b, core, 1e6, time.Second) })
	b.Run("limit=raised/burst", func(b *testing.B) { benchLoad(b, core, 1e6, 0) })
	b.Run("limit=default/paced", func(b *testing.B) { benchLoad(b, core, 0, time.Second) })
}

// benchLoad runs the load with the global send limit rate (0: the
// default) and spacing between one chat's messages (0: all at once).
func benchLoad(b *testing.B, core telegram.Bot, rate float64, spacing time.Duration) {
	for range b.N {
		h := start(b, telegram.Config{Rate: rate, ShutdownGrace: time.Minute}, core)
		pushed := make(map[int64][]time.Time, loadChats)
		var mu sync.Mutex
		total := loadChats * loadMessages
		b.ResetTimer()
		begin := time.Now()
		go func() {
			// One batch every tick, so arrivals are even.
			const tick = 10 * time.Millisecond
			perTick := total
			if spacing > 0 {
				perTick = int(loadChats * tick / spacing)
			}
			next := begin
			for i := 0; i < total; i += perTick {
				time.Sleep(time.Until(next))
				var batch []models.Update
				for j := i; j < min(i+perTick, total); j++ {
					chat := int64(10000 + j%loadChats)
					batch = append(batch, private(chat, loadQuestions[j%len(loadQuestions)]))
				}
				mu.Lock()
				at := time.Now()
				for _, u := range batch {
					pushed[u.Message.Chat.ID] = append(pushed[u.Message.Chat.ID], at)
				}
				mu.Unlock()
				h.srv.Push(batch...)
				next = next.Add(tick)
			}
		}()

		replyTimeout := 10 * time.Second
		if rate == 0 {
			replyTimeout = time.Minute
		}
		sent := make(map[int64][]time.Time, loadChats)
		var last time.Time
		for range total {
			c := h.srv.Next(b, "sendMessage", replyTimeout)
			sent[c.ChatID()] = append(sent[c.ChatID()], c.At)
			last = c.At
		}
		elapsed := last.Sub(begin)
		b.StopTimer()
		h.stop(b)

		var latencies []time.Duration
		var times []time.Time
		lost, dup := 0, 0
		mu.Lock()
		for chat, ins := range pushed {
			outs := sent[chat]
			lost += max(0, len(ins)-len(outs))
			dup += max(0, len(outs)-len(ins))
			for k := range min(len(ins), len(outs)) {
				latencies = append(latencies, outs[k].Sub(ins[k]))
			}
		}
		mu.Unlock()
		all := h.srv.Calls("sendMessage")
		dup += len(all) - total
		for _, c := range all {
			times = append(times, c.At)
		}
		slices.Sort(latencies)
		slices.SortFunc(times, func(x, y time.Time) int { return x.Compare(y) })
		b.ReportMetric(float64(total)/elapsed.Seconds(), "msgs/s")
		b.ReportMetric(ms(percentile(latencies, 0.50)), "p50-ms")
		b.ReportMetric(ms(percentile(latencies, 0.99)), "p99-ms")
		b.ReportMetric(ms(latencies[len(latencies)-1]), "max-ms")
		b.ReportMetric(float64(peakPerSecond(times)), "peak/s")
		b.ReportMetric(float64(lost), "lost")
		b.ReportMetric(float64(dup), "dup")
		b.ReportMetric(0, "ns/op")
		if lost+dup > 0 {
			b.Errorf("%d messages unanswered and %d answered twice", lost, dup)
		}
	}
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	return sorted[min(len(sorted)-1, int(float64(len(sorted))*p))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// peakPerSecond is the most of times (sorted) in any one-second window.
func peakPerSecond(times []time.Time) int {
	peak, lo := 0, 0
	for hi := range times {
		for times[hi].Sub(times[lo]) >= time.Second {
			lo++
		}
		peak = max(peak, hi-lo+1)
	}
	return peak
}
