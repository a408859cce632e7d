package slack

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"signpost/bot"
)

func TestPlainText(t *testing.T) {
	cases := map[string]string{
		"<@U0BOT> knitting near B69":             "knitting near B69",
		"<@U0BOT|signpost> quiz":                 "quiz",
		"tea &amp; toast &lt;3 &gt;":             "tea & toast <3 >",
		"email <mailto:a@b.org|a@b.org> please":  "email a@b.org please",
		"see <https://x.org/a?b=1&amp;c=2>":      "see https://x.org/a?b=1&c=2",
		"<https://x.org|the site> and <#C1|hub>": "the site and #hub",
		"<!here> anything on tonight":            "anything on tonight",
		"a < b":                                  "a < b",
		"  spaced  ":                             "spaced",
		"&amp;lt;":                               "&lt;",
	}
	for in, want := range cases {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseCommand(t *testing.T) {
	cases := []struct {
		text string
		want command
	}{
		{"", command{kind: showHelp}},
		{" Help ", command{kind: showHelp}},
		{"gaps", command{kind: showGaps}},
		{"STALE.", command{kind: showStale}},
		{"<@U0BOT> stale", command{kind: showStale}},
		{"stale bread", command{kind: askQuestion, question: "stale bread"}},
		{"more", command{kind: askQuestion, question: "more"}},
		{"knitting near B69", command{kind: askQuestion, question: "knitting near B69"}},
	}
	for _, c := range cases {
		if got := parseCommand(c.text); got != c.want {
			t.Errorf("parseCommand(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}

func TestClip(t *testing.T) {
	if got := clip("short", 10); got != "short" {
		t.Errorf("clip left %q", got)
	}
	if got := clip("abcdef", 4); got != "abc…" {
		t.Errorf("clip = %q", got)
	}
	// Never half an entity.
	for n := 1; n < 12; n++ {
		got := clip("ab &amp; &lt;cd", n)
		if utf8.RuneCountInString(got) > n {
			t.Errorf("clip(%d) = %q, too long", n, got)
		}
		body := strings.TrimSuffix(got, "…")
		if i := strings.LastIndexByte(body, '&'); i >= 0 && !strings.Contains(body[i:], ";") {
			t.Errorf("clip(%d) = %q cuts an entity", n, got)
		}
	}
}

func TestTextBlocksKeepWithinLimits(t *testing.T) {
	long := strings.Repeat(strings.Repeat("word ", 200)+"\n", 40)
	blocks := textBlocks(long, 5)
	if len(blocks) != 5 {
		t.Fatalf("%d blocks, want 5", len(blocks))
	}
	for _, b := range blocks {
		if n := utf8.RuneCountInString(b.(*slackapi.SectionBlock).Text.Text); n > maxTextLen {
			t.Errorf("section of %d characters", n)
		}
	}
}

func TestRecentForgetsOldestAndExpired(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := newRecent[int](time.Minute, 2, func() time.Time { return now })
	held := func(keys ...string) string {
		var got []string
		for _, k := range keys {
			if v, ok := r.Get(k); ok {
				got = append(got, fmt.Sprint(k, "=", v))
			}
		}
		return strings.Join(got, " ")
	}
	if !r.Add("a", 1) || r.Add("a", 9) {
		t.Fatal("Add of a new key, then the same key")
	}
	if got := held("a"); got != "a=1" {
		t.Errorf("holds %q; a repeat must not replace", got)
	}
	r.Add("b", 2)
	r.Add("c", 3)
	if got := held("a", "b", "c"); got != "b=2 c=3" {
		t.Errorf("holds %q; want the oldest dropped", got)
	}
	now = now.Add(30 * time.Second)
	r.Put("b", 4) // replaced, and kept a full minute from now
	now = now.Add(30 * time.Second)
	if got := held("a", "b", "c"); got != "b=4" {
		t.Errorf("holds %q; want c expired and b kept", got)
	}
	r.Put("d", 5)
	r.Put("e", 6)
	if got := held("b", "d", "e"); got != "d=5 e=6" {
		t.Errorf("holds %q; Put must keep to the limit too", got)
	}
	now = now.Add(time.Minute)
	if got := held("d", "e"); got != "" {
		t.Errorf("holds %q past its time", got)
	}
	if !r.Add("a", 7) {
		t.Error("an expired key could not be added again")
	}
}

func TestMaskHidesTokens(t *testing.T) {
	m := newMasker(Config{BotToken: "xoxb-1-2-abc", SigningSecret: "s3cr3tvalue"})
	got := m.String(`Post "https://slack.com/api/x?token=xoxb-1-2-abc": secret s3cr3tvalue, other xapp-1-A-2-zz and xoxp-9-8; Post "https://hooks.slack.com/commands/T0/123/Zx9kQ": timeout`)
	for _, leak := range []string{"xoxb-1-2-abc", "s3cr3tvalue", "xapp-1-A-2-zz", "xoxp-9-8", "T0/123/Zx9kQ"} {
		if strings.Contains(got, leak) {
			t.Errorf("mask left %q in %q", leak, got)
		}
	}
	if !strings.Contains(got, `"https://hooks.slack.com/[redacted]": timeout`) {
		t.Errorf("masked response URL: %q", got)
	}
}

// BenchmarkAnswerBlocks is the cost of turning one page of answer (three
// results, as the bot gives) into Block Kit JSON for Slack.
func BenchmarkAnswerBlocks(b *testing.B) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	next, end := now.Add(time.Hour), now.Add(3*time.Hour)
	km := 0.4
	asset := &bot.Asset{ID: "oldbury-library", Name: "Oldbury Library", Kind: "library", Address: "Freeth Street, Oldbury", Postcode: "B69 3DE",
		Phone: "0121 000 0000", Email: "oldbury.library@example.org", Website: "https://example.org/libraries/oldbury",
		Access: []string{"wheelchair", "hearing loop"}, Reviewed: bot.Date{Year: 2026, Month: 9, Day: 14}}
	act := &bot.Activity{ID: "knit", Name: "Knit and Natter", Description: "Bring your knitting or crochet, or come and learn. Tea provided.", Cost: "free", Booking: "none", Ages: bot.Ages{Text: "adults"}}
	card := bot.Card{Title: "Knit and Natter, Oldbury Library", Name: "Knit and Natter", Venue: "Oldbury Library", When: "Today (Tue 24 Nov), 10:00–12:00", Cost: "Free", Distance: "0.2 miles", Where: "Freeth Street, Oldbury, B69 3DE"}
	r := bot.Result{Asset: asset, Activity: act, Next: &next, End: &end, DistanceKm: &km, Card: card}
	ans := bot.Answer{Intro: "Here's what I found for knitting near B69:", Results: []bot.Result{r, r, r}, More: true}
	b.ReportAllocs()
	for b.Loop() {
		blocks, _ := layout(answerContent(ans))
		blocks = append(blocks, buttons("0123456789abcdef", true, true))
		if _, err := json.Marshal(blocks); err != nil {
			b.Fatal(err)
		}
	}
}
