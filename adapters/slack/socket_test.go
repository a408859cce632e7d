package slack_test

import (
	"strings"
	"testing"

	"signpost/adapters/slack"
)

func TestSlashCommandAnswersPrivately(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-cmd", "knitting near B69", h.slack.responseURL(1)))
	if id := sock.ack(t); id != "env-cmd" {
		t.Fatalf("acknowledged %q", id)
	}
	p := h.slack.nextPost()
	if p.via != "response_url" || p.responseType != "ephemeral" || p.channel != "/respond/1" {
		t.Fatalf("answer went via %s %s (%s), want privately through the command's response URL", p.via, p.channel, p.responseType)
	}
	p.has(t,
		"Here's what I found for knitting near B69",
		"*Knit and Natter* at Oldbury Library",
		"*When:* Today (Tue 24 Nov), 10:00–12:00",
		"*Where:* Freeth Street, Oldbury, B69 3DE · less than 0.1 miles",
		"*Cost:* Free",
		"*Booking:* no need to book",
		"*Contact:* 0121 000 0000 · <mailto:oldbury.library@example.org|oldbury.library@example.org> · <https://example.org/libraries/oldbury|https://example.org/libraries/oldbury>",
		"Last checked 14 Sep 2026",
		"*Crochet and Cake* at Bean There",
		"*Cost:* £2 a session",
		"[More]", "[Share in channel]",
	)
	h.shutdown()
	h.slack.noMorePosts()
	h.logClean("knitting", "B69")
}

func TestOldEntryIsFlagged(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "storytime in Tividale", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	p.has(t, "*Saturday Storytime* at Tividale Community Library", ":warning: Last checked 12 Apr 2025, over 12 months ago: confirm with the venue before passing this on.")
}

// A venue is titled as the core wrote it, with its kind, and its
// opening times come from its card.
func TestVenueTitleFromTheCard(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "is the library open on saturday", h.slack.responseURL(1)))
	h.slack.nextPost().has(t, "*Great Bridge Library (library)*\n*When:* Open Sat 28 Nov, 10:00–13:00\n*Where:* Sheepwash Lane, Great Bridge, DY4 7JF")
}

func TestMentionIsAnsweredInAThread(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(eventEnvelope("env-1", "Ev1", 0, mention("<@U0BOT> quiz near B69", "1764000000.000100", "")))
	p := h.slack.nextPost()
	if p.via != "chat.postMessage" || p.channel != "C0HUB" || p.thread != "1764000000.000100" {
		t.Fatalf("answer went via %s to %s thread %q, want a thread under the mention", p.via, p.channel, p.thread)
	}
	p.has(t, "Here's what I found for quiz near B69", "*Quiz Night* at The Waggon and Horses")
	if v := p.buttonValue("signpost_share"); v != "" {
		t.Error("a visible answer offers Share in channel")
	}

	// A mention inside a thread answers in that same thread.
	sock.send(eventEnvelope("env-2", "Ev2", 0, mention("<@U0BOT> knitting near B69", "1764000000.000300", "1764000000.000100")))
	if p := h.slack.nextPost(); p.thread != "1764000000.000100" {
		t.Errorf("reply in a thread went to thread %q", p.thread)
	}
	h.shutdown()
	h.logClean("quiz")
}

func TestDirectMessageIsAnsweredDirectly(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	// The bot's own message in the DM arrives as an event too: no reply.
	own := directMessage("Here's what I found", "1764000000.000050")
	own["bot_id"] = "B0BOT"
	sock.send(eventEnvelope("env-0", "Ev0", 0, own))
	sock.send(eventEnvelope("env-1", "Ev1", 0, directMessage("toddler groups in Tipton", "1764000000.000100")))
	p := h.slack.nextPost()
	if p.via != "chat.postMessage" || p.channel != "D0DM" || p.thread != "" {
		t.Fatalf("answer went via %s to %s thread %q, want straight into the DM", p.via, p.channel, p.thread)
	}
	p.has(t, "toddler group near Tipton", "*Toddler Group* at Busy Bees Toddler Group", "[More]")
	h.shutdown()
	h.slack.noMorePosts()
	h.logClean("toddler", "Tipton")
}

func TestDroppedSocketReconnectsWithoutLosingAnEnvelope(t *testing.T) {
	h, first := startSocket(t, realBot(t, sample), slack.Config{})
	first.send(eventEnvelope("env-a", "EvA", 0, mention("<@U0BOT> knitting near B69", "1764000000.000001", "")))
	if id := first.ack(t); id != "env-a" {
		t.Fatalf("acknowledged %q, want env-a", id)
	}
	first.send(eventEnvelope("env-b", "EvB", 0, mention("<@U0BOT> quiz near B69", "1764000000.000002", "")))
	first.drop() // the network fails before Slack sees env-b acknowledged

	second := h.slack.nextSocket()
	// Slack sends again what it saw no acknowledgement for, then carries on.
	second.send(eventEnvelope("env-b", "EvB", 1, mention("<@U0BOT> quiz near B69", "1764000000.000002", "")))
	second.send(eventEnvelope("env-c", "EvC", 0, directMessage("toddler groups in Tipton", "1764000000.000003")))
	acked := map[string]int{}
	for acked["env-b"] == 0 || acked["env-c"] == 0 {
		acked[second.ack(t)]++
	}
	if acked["env-a"] > 0 || acked["env-c"] > 1 {
		t.Errorf("acknowledgements on the new connection: %v; each envelope once", acked)
	}

	replies := map[string]int{}
	for range 3 {
		p := h.slack.nextPost()
		replies[p.channel+" "+p.thread]++
	}
	want := map[string]int{"C0HUB 1764000000.000001": 1, "C0HUB 1764000000.000002": 1, "D0DM ": 1}
	for k, n := range want {
		if replies[k] != n {
			t.Errorf("replies %v, want each of %v once", replies, want)
			break
		}
	}
	h.shutdown()
	h.slack.noMorePosts()
}

func TestRetriedEventIsAnsweredOnce(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(eventEnvelope("env-1", "EvSame", 0, directMessage("knitting near B69", "1764000000.000100")))
	sock.send(eventEnvelope("env-2", "EvSame", 1, directMessage("knitting near B69", "1764000000.000100")))
	got := map[string]bool{sock.ack(t): true, sock.ack(t): true}
	if !got["env-1"] || !got["env-2"] {
		t.Errorf("acknowledged %v, want both envelopes", got)
	}
	h.slack.nextPost()
	h.shutdown()
	h.slack.noMorePosts()
}

func TestOtherWorkspacesAreIgnored(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{TeamID: team})
	other := eventEnvelope("env-1", "Ev1", 0, directMessage("knitting near B69", "1764000000.000100"))
	other["payload"] = eventCallback("T0OTHER", "Ev1", directMessage("knitting near B69", "1764000000.000100"))
	sock.send(other)
	command := commandEnvelope("env-2", "knitting near B69", h.slack.responseURL(2))
	command["payload"].(map[string]any)["team_id"] = "T0OTHER"
	sock.send(command)
	press := buttonPayload("signpost_more", "0123456789abcdef", h.slack.responseURL(3), true)
	press["team"] = map[string]any{"id": "T0OTHER"}
	sock.send(buttonEnvelope("env-3", press))
	sock.send(eventEnvelope("env-4", "Ev4", 0, directMessage("quiz near B69", "1764000000.000200")))
	if p := h.slack.nextPost(); !strings.Contains(p.all(), "quiz") {
		t.Errorf("answered the other workspace:\n%s", p.all())
	}
	acked := map[string]bool{}
	for range 4 {
		acked[sock.ack(t)] = true
	}
	if !acked["env-1"] || !acked["env-2"] || !acked["env-3"] {
		t.Errorf("acknowledged %v; the other workspace's envelopes must be acknowledged too, or Slack sends them again", acked)
	}
	h.shutdown()
	h.slack.noMorePosts()
}
