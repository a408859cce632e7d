package slack_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"signpost/adapters/slack"
	"signpost/bot"
)

// BenchmarkCommandAck is the time from a signed /signpost request to its
// acknowledgement over HTTP (Slack allows 3 s): verifying the signature,
// reading the form and handing the question on.
func BenchmarkCommandAck(b *testing.B) {
	fb := &fakeBot{answer: bot.Answer{Intro: "Here's what I found"}}
	h := start(b, fb, slack.Config{SigningSecret: signingSecret})
	body := commandForm("knitting near B69", h.slack.responseURL(1))
	go func() {
		for range h.slack.posts {
		}
	}()
	now := time.Now()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		// Each request is signed afresh, as a replay would be refused.
		w := h.serve(signed("/slack/commands", body+"&n="+strconv.Itoa(i), signingSecret, now))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
