package slack_test

import (
	"net/http"
	"testing"
	"time"

	"signpost/adapters/slack"
	"signpost/bot"
)

// Slack shows staff an error unless a command is acknowledged within 3
// seconds, so it is acknowledged before the bot is asked or the answer
// sent, however long those take.

// blockedBot is a bot that is asked but does not answer until released.
func blockedBot() *fakeBot {
	return &fakeBot{answer: bot.Answer{Intro: "Here's what I found"}, release: make(chan struct{}), asked: make(chan struct{}, 10)}
}

func (f *fakeBot) waitAsked(t *testing.T) {
	t.Helper()
	select {
	case <-f.asked:
	case <-time.After(wait):
		t.Fatal("the bot was not asked")
	}
}

func TestSocketAckDoesNotWaitForTheBot(t *testing.T) {
	fb := blockedBot()
	h, sock := startSocket(t, fb, slack.Config{})
	sock.send(commandEnvelope("env-slow", "knitting", h.slack.responseURL(1)))
	fb.waitAsked(t)
	if id := sock.ack(t); id != "env-slow" {
		t.Fatalf("acknowledged %q", id)
	}
	close(fb.release)
	h.slack.nextPost().has(t, "Here's what I found")
}

// serveWithin runs one request, failing if its answer takes longer than
// wait: a handler that waited for the bot would never return here.
func (h *harness) serveWithin(t *testing.T, r *http.Request) int {
	t.Helper()
	code := make(chan int, 1)
	go func() { code <- h.serve(r).Code }()
	select {
	case c := <-code:
		return c
	case <-time.After(wait):
		t.Fatal("the request was not acknowledged while the reply was pending")
		return 0
	}
}

func TestHTTPAckDoesNotWaitForTheBot(t *testing.T) {
	fb := blockedBot()
	h := start(t, fb, slack.Config{SigningSecret: signingSecret})
	if code := h.serveWithin(t, signed("/slack/commands", commandForm("knitting", h.slack.responseURL(1)), signingSecret, time.Now())); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	fb.waitAsked(t)
	close(fb.release)
	h.slack.nextPost().has(t, "Here's what I found")
}

func TestHTTPAckDoesNotWaitForASlowResponseURL(t *testing.T) {
	h := start(t, &fakeBot{answer: bot.Answer{Intro: "Here's what I found"}}, slack.Config{SigningSecret: signingSecret})
	hold := make(chan struct{})
	h.slack.mu.Lock()
	h.slack.holdResponseURL = hold
	h.slack.mu.Unlock()
	for n := range 3 {
		if code := h.serveWithin(t, signed("/slack/commands", commandForm("knitting", h.slack.responseURL(n)), signingSecret, time.Now())); code != http.StatusOK {
			t.Fatalf("command %d: status %d", n, code)
		}
	}
	close(hold)
	for range 3 {
		h.slack.nextPost().has(t, "Here's what I found")
	}
}
