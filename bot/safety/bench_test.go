package safety_test

import (
	"strings"
	"testing"

	"signpost/bot/safety"
)

// BenchmarkCheck checks every corpus message once per iteration and
// reports the time per message.
func BenchmarkCheck(b *testing.B) {
	var msgs []string
	for _, prefix := range []string{"urgent_", "everyday_", "concern"} {
		for _, lines := range readCorpus(b, prefix) {
			for _, l := range lines {
				msgs = append(msgs, l.text)
			}
		}
	}
	c := safety.New([]string{"jump off the bridge", "self-harm"})
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			c.Check(m)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/msg")
}

// BenchmarkCheckLong checks one 100 KB message.
func BenchmarkCheckLong(b *testing.B) {
	c := safety.New(nil)
	text := strings.Repeat("any knitting groups near me tomorrow? my back is killing me. ", 1700)
	b.ReportAllocs()
	for b.Loop() {
		c.Check(text)
	}
}

// BenchmarkNew builds a Checker with a coach's list of words.
func BenchmarkNew(b *testing.B) {
	extra := []string{"jump off the bridge", "self-harm", "blue whale", "skin picking"}
	b.ReportAllocs()
	for b.Loop() {
		safety.New(extra)
	}
}
