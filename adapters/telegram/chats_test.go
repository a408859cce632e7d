package telegram

import (
	"testing"
	"time"
)

// TestPacingStaysInsideTelegramsLimits sends to a chat and to a group as
// fast as their limiters let through, on a simulated clock, and counts
// what Telegram would see: about one message a second to a chat after a
// short burst, and at most 20 a minute to a group.
func TestPacingStaysInsideTelegramsLimits(t *testing.T) {
	cs := newChats(20)
	pseudonym := func(string) string { return "" }
	for _, tt := range []struct {
		name                 string
		group                bool
		window               time.Duration
		most, leastPerMinute int
	}{
		{"private chat, any second", false, time.Second, chatBurst + 1, 0},
		{"private chat, any minute", false, time.Minute, chatBurst + 61, 55},
		{"group, any minute", true, time.Minute, 20, 14},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := cs.get(int64(len(cs.m)+1), tt.group, pseudonym)
			var sent []time.Time
			start := time.Now()
			for at := start; at.Before(start.Add(5 * time.Minute)); at = at.Add(50 * time.Millisecond) {
				if c.out.TokensAt(at) < 1 || (c.groupOut != nil && c.groupOut.TokensAt(at) < 1) {
					continue
				}
				c.out.AllowN(at, 1)
				if c.groupOut != nil {
					c.groupOut.AllowN(at, 1)
				}
				sent = append(sent, at)
			}
			lo := 0
			for hi := range sent {
				for sent[hi].Sub(sent[lo]) >= tt.window {
					lo++
				}
				if n := hi - lo + 1; n > tt.most {
					t.Fatalf("%d messages within %v of each other, want at most %d", n, tt.window, tt.most)
				}
			}
			if perMinute := len(sent) / 5; perMinute < tt.leastPerMinute {
				t.Errorf("%d messages a minute; the limit should not hold a chat back further", perMinute)
			}
		})
	}
}
