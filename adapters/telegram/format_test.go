package telegram_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"signpost/adapters/telegram"
	"signpost/adapters/telegram/telegramtest"
	"signpost/bot"
)

func TestEveryAssetFieldEscaped(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, "testdata/escaping.yaml"))
	h.srv.Push(private(901, "chatty table"))
	c := h.reply(t, 901)
	for _, want := range []string{
		"<b>Chatty Table &lt;not bold&gt; if a &lt; b, Tea &amp; Toast &lt;Tuesdays&gt;</b>",
		"£1 &amp; a smile",
		"Unit &lt;3&gt; &amp; 4, Owen Street, Tipton, DY4 8EX",
		"\n<i>Listing from Tea &amp; Toast &lt;Ltd&gt;, CC BY 4.0</i>",
	} {
		if !strings.Contains(c.Text(), want) {
			t.Errorf("reply lacks %q:\n%s", want, c.Text())
		}
	}
	if c.Params["parse_mode"] != "HTML" {
		t.Fatalf("sent as %q: Telegram refused the HTML", c.Params["parse_mode"])
	}
	if shown := telegramtest.Strip(c.Text()); !strings.Contains(shown, "Chatty Table <not bold> if a < b, Tea & Toast <Tuesdays>") {
		t.Errorf("a resident would read:\n%s", shown)
	}
	mapData, ok := inlineKeyboard(t, c).button("Tea & Toast <Tuesdays>")
	if !ok {
		t.Fatalf("no Map button labelled with the name as written: %s", c.Params["reply_markup"])
	}
	h.srv.Push(press(901, "cb", mapData))
	if v := h.srv.Next(t, "sendVenue", wait); v.Params["title"] != "Tea & Toast <Tuesdays>" || v.Params["address"] != "Unit <3> & 4, Owen Street, Tipton, DY4 8EX" {
		t.Errorf("venue %+v", v.Params)
	}
}

// A message showing distress without danger gets its answer with the
// area's support line first, in italics and escaped; /help ends with the
// area's crisis numbers, escaped too.
func TestSupportLineFirstAndHelpEndsWithCrisisNumbers(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, "testdata/escaping.yaml"))
	h.srv.Push(private(903, "I feel so low, is there a chatty table"))
	c := h.reply(t, 903)
	if want := "<i>If things feel too much, Samaritans &amp; friends &lt;any time&gt;: 116 123</i>\n\n"; !strings.HasPrefix(c.Text(), want) {
		t.Errorf("reply does not begin with %q:\n%s", want, c.Text())
	}
	if !strings.Contains(c.Text(), "<b>Chatty Table &lt;not bold&gt; if a &lt; b, Tea &amp; Toast &lt;Tuesdays&gt;</b>") || c.Params["parse_mode"] != "HTML" {
		t.Errorf("the answer after the support line:\n%s", c.Text())
	}

	h.srv.Push(private(904, "/help"))
	if c := h.reply(t, 904); !strings.HasSuffix(c.Text(), "\n\nIn danger? Call 999 &amp; stay safe &lt;now&gt;.") || c.Params["parse_mode"] != "HTML" {
		t.Errorf("/help should end with the area's crisis numbers:\n%s", c.Text())
	}
}

// fixed answers every question with one answer.
type fixed struct{ ans bot.Answer }

func (f fixed) Answer(context.Context, bot.Question) (bot.Answer, error) { return f.ans, nil }
func (fixed) Forget(string)                                              {}
func (fixed) Asset(string) (*bot.Asset, bool)                            { return nil, false }
func (fixed) Crisis(string) (bot.Answer, bool)                           { return bot.Answer{}, false }
func (fixed) SafetyMessage() string                                      { return "Call 999 in danger." }

// longAnswer has n results with long names, and more to come. Each is
// written out in its Card, as the core does: the adapter lays out the
// Card alone.
func longAnswer(n int) bot.Answer {
	ans := bot.Answer{Intro: "Here's everything on in Tipton:", Footer: `Say "more" to see more.`, More: true}
	for i := range n {
		a := &bot.Asset{ID: fmt.Sprintf("venue-%d", i), Name: fmt.Sprintf("Venue %d & Friends", i), Kind: "community-centre",
			Address: strings.Repeat("Long Street ", 8) + "Tipton", Postcode: "DY4 8EX", Point: &bot.Point{Lat: 52.5, Lon: -2.06}}
		act := &bot.Activity{ID: "a", Name: fmt.Sprintf("Activity %d <with a long name that goes on and on>", i), Cost: "free"}
		card := bot.Card{Title: act.Name + ", " + a.Name, Name: act.Name, Venue: a.Name, When: "Tomorrow (Wed 25 Nov), 10:00–11:00", Cost: "Free", Where: a.Address + ", " + a.Postcode}
		ans.Results = append(ans.Results, bot.Result{Asset: a, Activity: act, Card: card})
	}
	return ans
}

func TestLongAnswerSplitBelowTheLimit(t *testing.T) {
	const n = 60
	h := start(t, telegram.Config{}, fixed{longAnswer(n)})
	h.srv.Push(private(902, "everything"))
	var parts []telegramtest.Call
	var shown strings.Builder
	for !strings.Contains(shown.String(), `Say "more" to see more.`) {
		c := h.reply(t, 902)
		parts = append(parts, c)
		shown.WriteString(telegramtest.Strip(c.Text()) + "\n")
		if c.Params["parse_mode"] != "HTML" {
			t.Fatalf("part %d sent as %q: Telegram refused it", len(parts), c.Params["parse_mode"])
		}
		if size := len(utf16.Encode([]rune(c.Text()))); size >= 4096 {
			t.Errorf("part %d is %d long", len(parts), size)
		}
		if err := telegramtest.CheckHTML(c.Text()); err != nil {
			t.Errorf("part %d: %v", len(parts), err)
		}
	}
	if len(parts) < 4 {
		t.Fatalf("%d parts; the answer is long enough for at least 4", len(parts))
	}
	for i, c := range parts {
		if last := i == len(parts)-1; (c.Params["reply_markup"] != "") != last {
			t.Errorf("part %d of %d: keyboard %q; only the last part carries the buttons", i+1, len(parts), c.Params["reply_markup"])
		}
	}
	text := shown.String()
	at := 0
	for i := range n {
		title := fmt.Sprintf("Activity %d <with a long name that goes on and on>, Venue %d & Friends", i, i)
		j := strings.Index(text[at:], title)
		if j < 0 {
			t.Fatalf("result %d missing or out of order", i)
		}
		at += j
	}
	// A burst of 3, then about one message a second to one chat.
	if gap := parts[3].At.Sub(parts[0].At); gap < 900*time.Millisecond {
		t.Errorf("4 messages to one chat in %v; Telegram allows about one a second after a short burst", gap)
	}
}

// Just after midnight in summer the server's clock (UTC) is still on the
// day before: a session at 10:00 is today all the same, as the area
// counts days (the bug showed it as "Tomorrow" between midnight and
// 01:00 BST).
func TestTodayJustAfterMidnightInSummer(t *testing.T) {
	at := time.Date(2026, 7, 14, 23, 30, 0, 0, time.UTC) // 00:30 on Wednesday 15 July in London
	h := start(t, telegram.Config{Now: func() time.Time { return at }}, realBotAt(t, "testdata/midnight.yaml", at))
	h.srv.Push(private(905, "rhyme time"))
	c := h.reply(t, 905)
	if want := "<b>Rhyme Time, Tipton Library</b>\nToday (Wed 15 Jul), 10:00–11:00 · Free\nUnity Walk, Tipton, DY4 8QL"; !strings.Contains(c.Text(), want) {
		t.Errorf("reply lacks %q:\n%s", want, c.Text())
	}
	if strings.Contains(c.Text(), "Tomorrow") {
		t.Errorf("a session later today is shown as tomorrow:\n%s", c.Text())
	}
}
