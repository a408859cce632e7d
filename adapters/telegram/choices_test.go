package telegram_test

import (
	"context"
	"strings"
	"testing"

	"signpost/adapters/telegram"
	"signpost/bot"
)

// When the bot asks which need was meant, each need is a button, one a
// row, and pressing one is answered exactly as typing its question is.
func TestChoicePressIsAnsweredAsTyped(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{}, core)
	h.srv.Push(private(701, "struggling"))
	c := h.reply(t, 701)
	if !strings.Contains(c.Text(), "Are you after help with money, or wellbeing and mental health?") {
		t.Errorf("reply to \"struggling\":\n%s", c.Text())
	}
	if strings.Contains(c.Text(), "Type a number") {
		t.Errorf("the buttons are the choices; the text need not number them:\n%s", c.Text())
	}
	kb := inlineKeyboard(t, c)
	if len(kb.Rows) != 2 || len(kb.Rows[0]) != 1 || len(kb.Rows[1]) != 1 {
		t.Fatalf("want the two choices one a row: %s", c.Params["reply_markup"])
	}
	if b := kb.Rows[0][0]; b.Text != "Help with money" || b.Data != "ask:money advice" {
		t.Errorf("first choice %+v", b)
	}
	if b := kb.Rows[1][0]; b.Text != "Wellbeing and mental health" || b.Data != "ask:mental health" {
		t.Errorf("second choice %+v", b)
	}

	h.srv.Push(press(701, "cb-money", kb.Rows[0][0].Data))
	if ack := h.srv.Next(t, "answerCallbackQuery", wait); ack.Params["callback_query_id"] != "cb-money" {
		t.Errorf("answered query %q", ack.Params["callback_query_id"])
	}
	pressed := h.reply(t, 701)
	h.srv.Push(private(702, "money advice"))
	typed := h.reply(t, 702)
	if !strings.Contains(pressed.Text(), "<b>Money Advice Drop-in, Oldbury Community Centre</b>") {
		t.Errorf("pressing Help with money:\n%s", pressed.Text())
	}
	if pressed.Text() != typed.Text() || pressed.Params["reply_markup"] != typed.Params["reply_markup"] || pressed.Params["parse_mode"] != typed.Params["parse_mode"] {
		t.Errorf("a press answered\n%s\n%s\nbut typing it answered\n%s\n%s", pressed.Text(), pressed.Params["reply_markup"], typed.Text(), typed.Params["reply_markup"])
	}
	q := core.questions()
	if len(q) != 3 || q[1].Text != "money advice" || q[1].From != "telegram:701" || q[1].Channel != "telegram" || !q[1].At.Equal(now) {
		t.Errorf("questions = %+v; the press should ask the choice's question for its chat", q)
	}
}

// When nothing fits, what the area has is offered as buttons, labelled to
// fit a phone with the count kept whole.
func TestNothingFoundOffersChoices(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	h.srv.Push(private(703, "swimming"))
	c := h.reply(t, 703)
	if !strings.Contains(c.Text(), "Sorry, I couldn't find anything for swimming") {
		t.Errorf("reply to \"swimming\":\n%s", c.Text())
	}
	kb := inlineKeyboard(t, c)
	if len(kb.Rows) == 0 {
		t.Fatalf("no choices offered: %s", c.Params["reply_markup"])
	}
	if b := kb.Rows[0][0]; b.Text != "Welcome groups and coffee… (27)" || b.Data != "ask:new to the area" {
		t.Errorf("first choice %+v, want its label shortened but its count kept", b)
	}
	for _, row := range kb.Rows {
		if n := len([]rune(row[0].Text)); n > 32 {
			t.Errorf("label %q is %d characters, too wide for a phone", row[0].Text, n)
		}
	}
}

// offering is the real bot, except that it answers "what is there?" with
// choices of its own, so a test can offer a question too long to fit in a
// button's data.
type offering struct {
	*recorder
	choices []bot.Choice
}

func (o offering) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	if q.Text == "what is there?" {
		return bot.Answer{Intro: "Pick one:", Choices: o.choices}, nil
	}
	return o.recorder.Answer(ctx, q)
}

// A question too long for Telegram's 64 bytes of callback data goes by a
// hash, as a long asset id does; after a restart its button has expired.
func TestLongChoiceGoesByHash(t *testing.T) {
	long := "knitting and crochet near Oldbury for adults, free, on a Tuesday morning"
	core := offering{recorder: &recorder{Bot: realBot(t, sample)}, choices: []bot.Choice{{Label: "Knitting", Ask: long}}}
	h := start(t, telegram.Config{}, core)
	h.srv.Push(private(704, "what is there?"))
	data, ok := inlineKeyboard(t, h.reply(t, 704)).button("Knitting")
	if !ok || len(data) > 64 || !strings.HasPrefix(data, "ask#") {
		t.Fatalf("button data %q, %v", data, ok)
	}
	h.srv.Push(press(704, "cb-long", data))
	h.srv.Next(t, "answerCallbackQuery", wait)
	if c := h.reply(t, 704); !strings.Contains(c.Text(), "Knit and Natter") {
		t.Errorf("pressing the long choice:\n%s", c.Text())
	}
	if q := core.questions(); len(q) != 1 || q[0].Text != long {
		t.Errorf("asked %+v, want the choice's whole question", q)
	}

	// A restart forgets the hashes.
	h.stop(t)
	again := start(t, telegram.Config{}, core)
	again.srv.Push(press(704, "cb-again", data))
	again.srv.Next(t, "answerCallbackQuery", wait)
	if c := again.reply(t, 704); !strings.Contains(c.Text(), "that button has expired") {
		t.Errorf("a long choice's button after a restart: %q", c.Text())
	}
}

// A press counts against the chat's rate as a typed message does, and is
// still acknowledged.
func TestChoicePressKeepsTheChatsRate(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{ChatRate: 1}, core)
	h.srv.Push(private(705, "struggling"))
	data, ok := inlineKeyboard(t, h.reply(t, 705)).button("Help with money")
	if !ok {
		t.Fatal("no Help with money button")
	}
	h.srv.Push(press(705, "cb-fast", data))
	if ack := h.srv.Next(t, "answerCallbackQuery", wait); ack.Params["callback_query_id"] != "cb-fast" {
		t.Errorf("answered query %q", ack.Params["callback_query_id"])
	}
	if c := h.reply(t, 705); !strings.HasPrefix(c.Text(), "You're sending messages faster than I can answer.") {
		t.Errorf("a press over the chat's rate: %q", c.Text())
	}
	for _, q := range core.questions() {
		if q.Text == "money advice" {
			t.Error("a press over the chat's rate was answered")
		}
	}
}
