package slack_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"signpost/adapters/slack"
	"signpost/bot"
)

func TestMoreAndShare(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "knitting near B69", h.slack.responseURL(1)))
	first := h.slack.nextPost()
	id := first.buttonValue("signpost_more")
	if id == "" || first.buttonValue("signpost_share") != id {
		t.Fatalf("buttons: more %q share %q", id, first.buttonValue("signpost_share"))
	}

	sock.send(buttonEnvelope("env-2", buttonPayload("signpost_more", id, h.slack.responseURL(2), true)))
	more := h.slack.nextPost()
	if more.channel != "/respond/2" || more.responseType != "ephemeral" {
		t.Errorf("More answered via %s %s (%s), want privately", more.via, more.channel, more.responseType)
	}
	more.has(t, "Here are more:")
	if strings.Contains(more.all(), "Knit and Natter") {
		t.Errorf("More repeated the first page:\n%s", more.all())
	}

	sock.send(buttonEnvelope("env-3", buttonPayload("signpost_share", id, h.slack.responseURL(3), true)))
	shared := h.slack.nextPost()
	if shared.channel != "/respond/3" || shared.responseType != "in_channel" {
		t.Errorf("Share went via %s (%s), want in_channel", shared.channel, shared.responseType)
	}
	shared.has(t, "*Knit and Natter* at Oldbury Library", "Shared from Signpost by <@"+staff+">")
	if shared.buttonValue("signpost_more") != "" || shared.buttonValue("signpost_share") != "" {
		t.Error("the shared answer still has buttons")
	}
	if !strings.HasPrefix(shared.all(), first.text) {
		t.Errorf("shared a different answer:\n%s", shared.all())
	}

	// A button from before a restart (or a day ago) says so, kindly.
	sock.send(buttonEnvelope("env-4", buttonPayload("signpost_more", "0123456789abcdef", h.slack.responseURL(4), true)))
	h.slack.nextPost().has(t, "That answer has expired")
	h.shutdown()
	h.slack.noMorePosts()
}

// The bot's "more" follows on from a person's latest question, so More on
// an older answer must not show the newer question's results as if they
// were its own; a reply with no results (such as "thanks") changes
// nothing.
func TestMoreOnAnOlderAnswerDoesNotShowANewerOnesResults(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "knitting near B69", h.slack.responseURL(1)))
	knitting := h.slack.nextPost()
	sock.send(commandEnvelope("env-2", "toddler groups in Tipton", h.slack.responseURL(2)))
	toddlers := h.slack.nextPost()

	sock.send(buttonEnvelope("env-3", buttonPayload("signpost_more", knitting.buttonValue("signpost_more"), h.slack.responseURL(3), true)))
	p := h.slack.nextPost()
	p.has(t, "There's a newer answer since this one")
	if strings.Contains(p.all(), "Tots") || strings.Contains(p.all(), "Here are more") {
		t.Errorf("More on the knitting answer showed other results:\n%s", p.all())
	}

	sock.send(commandEnvelope("env-4", "thanks", h.slack.responseURL(4)))
	h.slack.nextPost()
	sock.send(buttonEnvelope("env-5", buttonPayload("signpost_more", toddlers.buttonValue("signpost_more"), h.slack.responseURL(5), true)))
	more := h.slack.nextPost()
	more.has(t, "Here are more:", "*Ages:* 0-5")
	for _, first := range []string{"Busy Bees", "Muddy Tots", "Little Lambs"} {
		if !strings.Contains(toddlers.all(), first) {
			t.Fatalf("the toddler answer's first page lacks %s:\n%s", first, toddlers.all())
		}
		if strings.Contains(more.all(), first) {
			t.Errorf("More repeated %s from the first page:\n%s", first, more.all())
		}
	}
}

func TestMoreInAThreadContinuesThere(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(eventEnvelope("env-1", "Ev1", 0, mention("<@U0BOT> knitting near B69", "1764000000.000100", "")))
	first := h.slack.nextPost()
	sock.send(buttonEnvelope("env-2", buttonPayload("signpost_more", first.buttonValue("signpost_more"), h.slack.responseURL(2), false)))
	more := h.slack.nextPost()
	if more.via != "chat.postMessage" || more.thread != "1764000000.000100" {
		t.Errorf("More went via %s thread %q, want the same thread", more.via, more.thread)
	}
	more.has(t, "Here are more:")
}

func TestShareFallsBackToPostingAndSaysWhenItCannot(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(commandEnvelope("env-1", "knitting near B69", h.slack.responseURL(1)))
	id := h.slack.nextPost().buttonValue("signpost_share")
	h.slack.mu.Lock()
	h.slack.failResponseURL = true
	h.slack.mu.Unlock()
	sock.send(buttonEnvelope("env-2", buttonPayload("signpost_share", id, h.slack.responseURL(2), true)))
	p := h.slack.nextPost()
	if p.via != "chat.postMessage" || p.channel != "C0HUB" {
		t.Errorf("with the response URL gone, Share went via %s to %s", p.via, p.channel)
	}
	p.has(t, "Knit and Natter", "Shared from Signpost")
}

func TestBlockKitLimits(t *testing.T) {
	long := strings.Repeat("A very long description of a very popular activity & more. ", 100)
	asset := &bot.Asset{ID: "hall", Name: "Hall " + strings.Repeat("x", 4000), Kind: "community-centre", Address: long, Postcode: "B69 3DE", Reviewed: bot.Date{Year: 2026, Month: 9, Day: 1}}
	var results []bot.Result
	for i := range 60 {
		act := &bot.Activity{ID: fmt.Sprint("a", i), Name: fmt.Sprintf("Activity %02d ", i) + long, Description: long, Cost: long}
		card := bot.Card{Title: act.Name + ", " + asset.Name, Name: act.Name, Venue: asset.Name, When: "Tomorrow (Wed 25 Nov), 10:00–11:00", Cost: long, Where: long}
		results = append(results, bot.Result{Asset: asset, Activity: act, Card: card})
	}
	fb := &fakeBot{answer: bot.Answer{Intro: strings.Repeat("Here's what I found for & < > ", 400), Results: results}}
	h, sock := startSocket(t, fb, slack.Config{})
	sock.send(commandEnvelope("env-1", "everything", h.slack.responseURL(1)))

	seen := map[string]int{}
	for page := 2; ; page++ {
		p := h.slack.nextPost()
		checkLimits(t, p)
		for i := range 60 {
			if strings.Contains(p.all(), fmt.Sprintf("*Activity %02d ", i)) {
				seen[fmt.Sprint(i)]++
			}
		}
		id := p.buttonValue("signpost_more")
		if id == "" {
			break
		}
		if page > 10 {
			t.Fatal("More never ends")
		}
		sock.send(buttonEnvelope(fmt.Sprint("env-more-", page), buttonPayload("signpost_more", id, h.slack.responseURL(page), true)))
	}
	if len(seen) != 60 {
		t.Errorf("%d of 60 results shown", len(seen))
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("result %s shown %d times", i, n)
		}
	}
}

// checkLimits fails if p breaks Block Kit's limits.
func checkLimits(t *testing.T, p posted) {
	t.Helper()
	if n := len(p.blocks.BlockSet); n > 50 || n == 0 {
		t.Errorf("%d blocks", n)
	}
	for _, line := range strings.Split(p.all(), "\n") {
		if utf8.RuneCountInString(line) > 3000 {
			t.Errorf("a text of %d characters", utf8.RuneCountInString(line))
		}
	}
	for _, b := range p.blocks.BlockSet {
		if s, ok := b.(*slackapi.SectionBlock); ok && utf8.RuneCountInString(s.Text.Text) > 3000 {
			t.Errorf("a section of %d characters", utf8.RuneCountInString(s.Text.Text))
		}
	}
}

// Everything a coach typed reaches Slack escaped. The fixture's angle
// brackets are not HTML (the loader takes real tags such as <b> out on
// purpose), so they reach the adapter and must be escaped there.
func TestEscaping(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "assets.yaml")
	yaml := `area:
  name: Oldbury
  timezone: Europe/London
assets:
  - id: tea-and-toast
    name: "Tea & Toast <Tuesdays>"
    kind: cafe
    address: "<!channel> 1 High Street & Co"
    postcode: B69 4RJ
    lat: 52.5
    lon: -2.0
    phone: "<@U999> 0121"
    website: "https://example.org/a?b=1&c=<2>|x"
    reviewed: 2026-10-01
    activities:
      - id: brunch
        name: "Brunch <& chat> if a < b"
        description: "Toast & tea > coffee <https://evil.example|click>"
        tags: [toast, brunch]
        cost: "£2 <cash only>"
        booking: "ring <Sam> & ask"
        when:
          - days: [tue]
            time: "10:00-12:00"
`
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	h, sock := startSocket(t, realBot(t, file), slack.Config{})
	sock.send(commandEnvelope("env-1", "toast", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	p.has(t,
		"*Brunch &lt;&amp; chat&gt; if a &lt; b* at Tea &amp; Toast &lt;Tuesdays&gt;",
		"&lt;!channel&gt; 1 High Street &amp; Co",
		"&lt;@U999&gt; 0121",
		"Toast &amp; tea &gt; coffee &lt;https://evil.example|click&gt;",
		"£2 &lt;cash only&gt;",
		"ring &lt;Sam&gt; &amp; ask",
	)
	all := p.all()
	for _, raw := range []string{"<Tuesdays>", "<!channel>", "<@U999>", "<& chat>", "a < b", "<https://evil", "<cash", "<Sam>"} {
		if strings.Contains(all, raw) {
			t.Errorf("unescaped %q in:\n%s", raw, all)
		}
	}
	// The website is a link whose address cannot break out of it.
	if !strings.Contains(all, "<https://example.org/a?b=1&amp;c=&lt;2&gt;%7Cx|https://example.org/a?b=1&amp;c=&lt;2&gt;¦x>") {
		t.Errorf("website link:\n%s", all)
	}
	// A venue's own card: asked about opening hours, the cafe is the answer.
	sock.send(commandEnvelope("env-2", "is the cafe open", h.slack.responseURL(2)))
	venue := h.slack.nextPost()
	venue.has(t, "*Tea &amp; Toast &lt;Tuesdays&gt; (cafe)*")
	if strings.Contains(venue.all(), "<Tuesdays>") {
		t.Errorf("unescaped venue name in:\n%s", venue.all())
	}
}

func TestSafetyAnswerHasNoButtons(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	sock.send(eventEnvelope("env-1", "Ev1", 0, directMessage("I want to kill myself", "1764000000.000100")))
	p := h.slack.nextPost()
	p.has(t, "116 123")
	if p.buttonValue("signpost_more") != "" {
		t.Error("the safety message has a More button")
	}
	h.shutdown()
	h.logClean("kill myself")
}

func TestShutdownFinishesRepliesInFlight(t *testing.T) {
	fb := blockedBot()
	h, sock := startSocket(t, fb, slack.Config{})
	sock.send(commandEnvelope("env-1", "knitting", h.slack.responseURL(1)))
	fb.waitAsked(t)
	h.stop() // SIGTERM while the bot is still answering
	select {
	case err := <-h.done:
		t.Fatalf("Run returned (%v) before the reply in flight was sent", err)
	default:
	}
	close(fb.release)
	h.slack.nextPost().has(t, "Here's what I found")
	h.shutdown()
}

func TestShutdownGivesUpAfterGrace(t *testing.T) {
	fb := blockedBot()
	defer close(fb.release)
	h, sock := startSocket(t, fb, slack.Config{Grace: 50 * time.Millisecond})
	sock.send(commandEnvelope("env-1", "knitting", h.slack.responseURL(1)))
	fb.waitAsked(t)
	h.stop()
	select {
	case err := <-h.done:
		if err != nil {
			t.Errorf("Run returned %v", err)
		}
		close(h.done)
	case <-time.After(wait):
		t.Fatal("Run waited past its grace for a reply that never finished")
	}
}

// Compile-time checks that the real bot is what the adapter needs.
var _ slack.Bot = (*bot.Bot)(nil)

func TestExpiredResponseURLFallsBackToPostEphemeral(t *testing.T) {
	h, sock := startSocket(t, realBot(t, sample), slack.Config{})
	h.slack.mu.Lock()
	h.slack.failResponseURL = true
	h.slack.mu.Unlock()
	sock.send(commandEnvelope("env-1", "knitting near B69", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	if p.via != "chat.postEphemeral" || p.channel != "C0HUB" || p.user != staff {
		t.Errorf("answer went via %s to %s for %q, want chat.postEphemeral for the person who asked", p.via, p.channel, p.user)
	}
	p.has(t, "Knit and Natter")
}

// Just after midnight in summer the server's clock (UTC) is still on the
// day before: a session at 10:00 is today all the same, as the area
// counts days, and so is the entry's staleness (the bug showed it as
// "Tomorrow" between midnight and 01:00 BST).
func TestTodayJustAfterMidnightInSummer(t *testing.T) {
	at := time.Date(2026, 7, 14, 23, 30, 0, 0, time.UTC) // 00:30 on Wednesday 15 July in London
	h, sock := startSocket(t, realBotAt(t, filepath.Join("testdata", "midnight.yaml"), at), slack.Config{Now: func() time.Time { return at }})
	sock.send(commandEnvelope("env-1", "rhyme time", h.slack.responseURL(1)))
	p := h.slack.nextPost()
	p.has(t, "*Rhyme Time* at Tipton Library", "*When:* Today (Wed 15 Jul), 10:00–11:00",
		":warning: Last checked 14 Jul 2025, over 12 months ago: confirm with the venue before passing this on.")
	if strings.Contains(p.all(), "Tomorrow") {
		t.Errorf("a session later today is shown as tomorrow:\n%s", p.all())
	}
}
