package slack_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"signpost/adapters/slack"
	"signpost/bot"
)

// fakeGaps is a record of unanswered questions.
type fakeGaps struct {
	counts []bot.GapCount
	err    error
	since  chan time.Time
}

func (g *fakeGaps) Counts(since time.Time) ([]bot.GapCount, error) {
	g.since <- since
	return g.counts, g.err
}

func TestGaps(t *testing.T) {
	gaps := &fakeGaps{since: make(chan time.Time, 1), counts: []bot.GapCount{
		{Topic: "swimming", Place: "B69", Count: 2, Last: tuesday},
		{Topic: "chess", Count: 1, Last: tuesday},
		{Topic: "boxing & fitness", Place: "DY4", Count: 5, Last: tuesday},
	}}
	h, sock := startSocket(t, realBot(t, sample), slack.Config{Gaps: gaps})
	sock.send(commandEnvelope("env-1", "gaps", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	if since := <-gaps.since; !since.Equal(tuesday.AddDate(0, 0, -7)) {
		t.Errorf("read gaps since %v, want 7 days back", since)
	}
	p.has(t, "in the last 7 days that found nothing",
		"• *boxing &amp; fitness* near DY4: asked 5 times\n• *swimming* near B69: asked 2 times\n• *chess* no place given: asked 1 time")
	if p.responseType != "ephemeral" {
		t.Errorf("gaps shown %s", p.responseType)
	}
}

func TestGapsWhenNotRecorded(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "gaps", h.slack.responseURL(1)))
	h.slack.nextPost().has(t, "Unanswered questions are not being recorded on this server")
}

func TestGapsUnreadable(t *testing.T) {
	gaps := &fakeGaps{since: make(chan time.Time, 1), err: errors.New("disk full")}
	h, sock := startSocket(t, realBot(t, sample), slack.Config{Gaps: gaps})
	sock.send(commandEnvelope("env-1", "gaps", h.slack.responseURL(1)))
	h.slack.nextPost().has(t, "couldn't read the record of unanswered questions")
	h.shutdown()
	if !strings.Contains(h.log.String(), "disk full") {
		t.Errorf("the operator was not told why:\n%s", h.log.String())
	}
}

func TestGapsPage(t *testing.T) {
	gaps := &fakeGaps{since: make(chan time.Time, 2)}
	for i := range 45 {
		gaps.counts = append(gaps.counts, bot.GapCount{Topic: fmt.Sprintf("topic%02d", i), Count: 50 - i})
	}
	h, sock := startSocket(t, realBot(t, sample), slack.Config{Gaps: gaps})
	sock.send(commandEnvelope("env-1", "gaps", h.slack.responseURL(1)))
	first := h.slack.nextPost()
	first.has(t, "topic00", "topic29", "[More]")
	if strings.Contains(first.all(), "topic30") {
		t.Error("the first page is longer than 30 lines")
	}
	sock.send(buttonEnvelope("env-2", buttonPayload("signpost_more", first.buttonValue("signpost_more"), h.slack.responseURL(2), true)))
	second := h.slack.nextPost()
	second.has(t, "topic30", "topic44")
	if second.buttonValue("signpost_more") != "" {
		t.Error("the last page offers More")
	}
}

func TestStale(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "stale", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	all := p.all()
	britannia := strings.Index(all, "*The Britannia* (`the-britannia`, line 561): last checked 10 Feb 2025")
	tividale := strings.Index(all, "*Tividale Community Library* (`tividale-library`, line 261): last checked 12 Apr 2025")
	if britannia < 0 || tividale < 0 || britannia > tividale {
		t.Errorf("want The Britannia, then Tividale, oldest first:\n%s", all)
	}
	p.has(t, "not checked for over 12 months*, oldest first")
	if strings.Contains(all, "Oldbury Library") {
		t.Error("lists an entry checked in September")
	}
}

// A long list stops after five pages, saying how many more there are and
// where to see them all.
func TestStaleListIsBounded(t *testing.T) {
	fb := &fakeBot{}
	for i := range 400 {
		fb.stale = append(fb.stale, bot.StaleAsset{Asset: &bot.Asset{ID: fmt.Sprintf("hall-%03d", i), Name: fmt.Sprintf("Hall %03d", i)}, Never: true})
	}
	h, sock := startSocket(t, fb, slack.Config{})
	sock.send(commandEnvelope("env-1", "stale", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	p.has(t, "*400 entries not checked", "Hall 000")
	pages := 1
	for id := p.buttonValue("signpost_more"); id != ""; id = p.buttonValue("signpost_more") {
		pages++
		if pages > 5 {
			t.Fatalf("still offering More after %d pages", pages)
		}
		sock.send(buttonEnvelope(fmt.Sprint("env-more-", pages), buttonPayload("signpost_more", id, h.slack.responseURL(pages), true)))
		p = h.slack.nextPost()
	}
	p.has(t, "Hall 148", "…and 251 more: `signpost check` on the asset file lists them all.")
	if strings.Contains(p.all(), "Hall 149") {
		t.Errorf("the last page goes past the limit:\n%s", p.all())
	}
}

func TestStaleNeverCheckedFirst(t *testing.T) {
	fb := &fakeBot{stale: []bot.StaleAsset{
		{Asset: &bot.Asset{ID: "new-hall", Name: "New Hall"}, Never: true},
		{Asset: &bot.Asset{ID: "old-pub", Name: "Old Pub <Inn>", Reviewed: bot.Date{Year: 2024, Month: 1, Day: 1}, Line: 9}},
	}}
	h, sock := startSocket(t, fb, slack.Config{})
	sock.send(commandEnvelope("env-1", "stale", h.slack.responseURL(1)))
	h.slack.nextPost().has(t, "*2 entries not checked", "• *New Hall* (`new-hall`): never checked\n• *Old Pub &lt;Inn&gt;* (`old-pub`, line 9): last checked 1 Jan 2024")
}

func TestHelp(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	const crisis = "If you are in danger now, call 999. Samaritans listen any time, day or night: call 116 123 (free). Text SHOUT to 85258 for text support."
	p.has(t, "`/signpost knitting near B69`", "`/signpost stale`", "`/signpost gaps`", "`/signpost more`", "*If a resident is in danger:* "+crisis)
	if strings.Contains(p.all(), "near me") {
		t.Error("help suggests \"near me\", which Slack cannot know")
	}
	// Asked in words, the bot's own help ends with the crisis numbers too.
	sock.send(eventEnvelope("env-3", "Ev3", 0, directMessage("what can you do?", "1764000000.000050")))
	h.slack.nextPost().has(t, "Tell me what you're looking for", crisis)
	// "stale bread" is a question, not the stale command.
	sock.send(eventEnvelope("env-2", "Ev2", 0, directMessage("stale bread", "1764000000.000100")))
	if strings.Contains(h.slack.nextPost().all(), "not checked for over 12 months") {
		t.Error("\"stale bread\" listed stale entries")
	}
}

func TestAlert(t *testing.T) {
	h := start(t, realBot(t, sample), slack.Config{SigningSecret: signingSecret, AlertChannel: "C0COACHES"})
	text := "assets.yaml was saved with 2 errors, so the old list is still in use:\nassets.yaml:line 42: 'Tuseday' is not a day <fix it>"
	if err := h.a.Alert(context.Background(), text); err != nil {
		t.Fatal(err)
	}
	p := h.slack.nextPost()
	if p.via != "chat.postMessage" || p.channel != "C0COACHES" {
		t.Errorf("alert went via %s to %s", p.via, p.channel)
	}
	p.has(t, "assets.yaml:line 42: 'Tuseday' is not a day &lt;fix it&gt;")

	quiet := start(t, realBot(t, sample), slack.Config{SigningSecret: signingSecret})
	if err := quiet.a.Alert(context.Background(), text); err != nil {
		t.Fatal(err)
	}
	quiet.shutdown()
	quiet.slack.noMorePosts()
}

func TestRateLimitedThenSent(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	h.slack.mu.Lock()
	h.slack.limited, h.slack.retryAfter = 1, 1
	h.slack.mu.Unlock()
	sock.send(eventEnvelope("env-1", "Ev1", 0, directMessage("knitting near B69", "1764000000.000100")))
	h.slack.nextPost().has(t, "Knit and Natter")
	h.slack.mu.Lock()
	attempts := h.slack.attempts
	h.slack.mu.Unlock()
	if len(attempts) != 2 || attempts[1].Sub(attempts[0]) < 900*time.Millisecond {
		t.Errorf("attempts at %v, want a second one after Retry-After (1 s)", attempts)
	}
}

func TestRateLimitWaitIsBounded(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	h.slack.mu.Lock()
	h.slack.limited, h.slack.retryAfter = 10, 600
	h.slack.mu.Unlock()
	sock.send(eventEnvelope("env-1", "Ev1", 0, directMessage("knitting near B69", "1764000000.000100")))
	sock.ack(t) // taken on; shutdown now waits for the reply to give up
	h.shutdown()
	h.slack.noMorePosts()
	h.slack.mu.Lock()
	defer h.slack.mu.Unlock()
	if len(h.slack.attempts) != 1 {
		t.Errorf("%d attempts; a 10-minute Retry-After is not worth waiting for", len(h.slack.attempts))
	}
	if !strings.Contains(h.log.String(), "could not send the reply") {
		t.Errorf("the failure was not logged:\n%s", h.log.String())
	}
}
