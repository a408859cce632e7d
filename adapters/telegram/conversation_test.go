package telegram_test

import (
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"signpost/adapters/telegram"
	"signpost/adapters/telegram/telegramtest"
)

func TestTextQuestionAnsweredFromTheSample(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{}, core)
	h.srv.Push(private(501, "quiz"))

	c := h.reply(t, 501)
	if c.Params["parse_mode"] != "HTML" {
		t.Errorf("parse_mode = %q, want HTML", c.Params["parse_mode"])
	}
	for _, want := range []string{
		"Here's what I found for quiz",
		"<b>Quiz Night, The Waggon and Horses</b>\nToday (Tue 24 Nov), 20:30–22:30 · £1 each\nChurch Street, Oldbury, B69 3AD",
		"<b>Music Quiz, The Fountain</b>\nTomorrow (Wed 25 Nov), 20:00–22:00 · £1\nOwen Street, Tipton, DY4 8HE",
	} {
		if !strings.Contains(c.Text(), want) {
			t.Errorf("reply lacks %q:\n%s", want, c.Text())
		}
	}
	kb := inlineKeyboard(t, c)
	if data, ok := kb.button("The Waggon and Horses"); !ok || data != "map:the-waggon" {
		t.Errorf("Map button for the Waggon and Horses = %q, %v; keyboard %+v", data, ok, kb)
	}
	// The lunch club's description mentions a quiz, and pubs with board
	// games are related, so there is more to see.
	if data, ok := kb.button("More results"); !ok || data != "more" {
		t.Errorf("More button = %q, %v; keyboard %+v", data, ok, kb)
	}
	q := core.questions()
	if len(q) != 1 || q[0].Text != "quiz" || q[0].From != "telegram:501" || q[0].Channel != "telegram" || !q[0].At.Equal(now) || q[0].Near != nil {
		t.Errorf("questions = %+v", q)
	}

	// The one storytime in the sample is all there is: no More button.
	h.srv.Push(private(506, "storytime"))
	c = h.reply(t, 506)
	if !strings.Contains(c.Text(), "<b>Saturday Storytime, Tividale Community Library</b>") {
		t.Errorf("storytime:\n%s", c.Text())
	}
	if strings.Contains(c.Params["reply_markup"], "More") {
		t.Errorf("a More button on an answer with nothing more: %s", c.Params["reply_markup"])
	}
}

func TestLocationThenNearMe(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{}, core)
	h.srv.Push(located(502, 52.5041, -2.0165))
	if c := h.reply(t, 502); !strings.Contains(c.Text(), "I'll use that location") {
		t.Errorf("reply to a location: %q", c.Text())
	}
	h.srv.Push(private(502, "knitting near me"))
	c := h.reply(t, 502)
	if !strings.Contains(c.Text(), "<b>Knit and Natter, Oldbury Library</b>") || !strings.Contains(c.Text(), "less than 0.1 miles") {
		t.Errorf("knitting near me, after sharing a location next to the library:\n%s", c.Text())
	}
	q := core.questions()
	if len(q) != 2 || q[0].Near == nil || q[0].Near.Lat != 52.5041 || q[0].Near.Lon != -2.0165 || q[1].Near != nil {
		t.Errorf("the location should go to the core once, with the message that shared it: %+v", q)
	}
	if strings.Contains(h.logs.String(), "52.5041") {
		t.Error("the log holds the shared location")
	}
}

func TestCommands(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{}, core)
	// Each command in a chat of its own, so Telegram's pace of about one
	// message a second to a chat does not slow the test.
	h.srv.Push(private(531, "/start"))
	c := h.reply(t, 531)
	for _, want := range []string{"Hello! I'm Signpost.", "• knitting near me", "• toddler groups in Tipton tomorrow", "Privacy: I keep a location you share for 24 hours"} {
		if !strings.Contains(c.Text(), want) {
			t.Errorf("/start lacks %q:\n%s", want, c.Text())
		}
	}
	var kb struct {
		Keyboard [][]struct {
			Text            string `json:"text"`
			RequestLocation bool   `json:"request_location"`
		} `json:"keyboard"`
	}
	if err := c.Decode("reply_markup", &kb); err != nil || len(kb.Keyboard) != 1 || !kb.Keyboard[0][0].RequestLocation || kb.Keyboard[0][0].Text != "📍 Share my location" {
		t.Errorf("/start should offer a Share my location button: %s", c.Params["reply_markup"])
	}

	h.srv.Push(private(532, "/help"))
	if c := h.reply(t, 532); !strings.Contains(c.Text(), "/forget – Forget my location and last question") || !strings.Contains(c.Text(), "free or cheap") || !strings.HasSuffix(c.Text(), "\n\n"+core.SafetyMessage()) {
		t.Errorf("/help, which ends with the crisis numbers:\n%s", c.Text())
	}

	h.srv.Push(private(533, "/near"))
	if c := h.reply(t, 533); !strings.Contains(c.Text(), "Share my location") || !strings.Contains(c.Params["reply_markup"], `"request_location":true`) {
		t.Errorf("/near should ask for the location with the button: %q %s", c.Text(), c.Params["reply_markup"])
	}

	h.srv.Push(private(534, "/near@"+telegramtest.Username+" B69"))
	if c := h.reply(t, 534); !strings.Contains(c.Text(), "near B69") {
		t.Errorf("/near B69:\n%s", c.Text())
	}
	h.srv.Push(private(534, "/more"))
	if c := h.reply(t, 534); !strings.Contains(c.Text(), "Here are more:") {
		t.Errorf("/more:\n%s", c.Text())
	}

	h.srv.Push(private(535, "/weather"))
	if c := h.reply(t, 535); !strings.Contains(c.Text(), "I don't know the command /weather") {
		t.Errorf("/weather: %q", c.Text())
	}

	h.srv.Push(located(536, 52.5296, -2.0661))
	h.reply(t, 536)
	h.srv.Push(private(536, "/forget"))
	if c := h.reply(t, 536); !strings.Contains(c.Text(), "I've forgotten your location") {
		t.Errorf("/forget: %q", c.Text())
	}
	h.srv.Push(private(536, "knitting near me"))
	if c := h.reply(t, 536); !strings.Contains(c.Text(), "I don't know where you are yet") {
		t.Errorf("after /forget the location should be gone:\n%s", c.Text())
	}
	core.mu.Lock()
	defer core.mu.Unlock()
	if len(core.forgot) != 1 || core.forgot[0] != "telegram:536" {
		t.Errorf("forgot %v", core.forgot)
	}
}

func TestMoreAndMapButtons(t *testing.T) {
	core := &recorder{Bot: realBot(t, sample)}
	h := start(t, telegram.Config{}, core)
	const chat = 504
	h.srv.Push(private(chat, "something free this weekend near B69"))
	c := h.reply(t, chat)
	kb := inlineKeyboard(t, c)
	more, ok := kb.button("More results")
	if !ok {
		t.Fatalf("no More button: %+v", kb)
	}
	mapData, ok := kb.button("Oldbury Arts Studio")
	if !ok {
		t.Fatalf("no Map button for the first result: %+v", kb)
	}

	h.srv.Push(press(chat, "cb-more", more))
	if ack := h.srv.Next(t, "answerCallbackQuery", wait); ack.Params["callback_query_id"] != "cb-more" {
		t.Errorf("answered query %q", ack.Params["callback_query_id"])
	}
	if c := h.reply(t, chat); !strings.Contains(c.Text(), "Here are more:") || !strings.Contains(c.Text(), "Community Gardening, Barnford Park") {
		t.Errorf("More:\n%s", c.Text())
	}

	// A Map button holds the place itself, so it works from any chat.
	h.srv.Push(press(541, "cb-map", mapData))
	h.srv.Next(t, "answerCallbackQuery", wait)
	v := h.srv.Next(t, "sendVenue", wait)
	studio, _ := core.Asset("oldbury-arts-studio")
	if v.ChatID() != 541 || v.Params["title"] != "Oldbury Arts Studio" || v.Float("latitude") != studio.Point.Lat || v.Float("longitude") != studio.Point.Lon || v.Params["address"] != "Unity Place, Oldbury, B69 4DB" {
		t.Errorf("venue = %+v, want the studio at %v", v.Params, *studio.Point)
	}

	h.srv.Push(press(542, "cb-gone", "map:a-place-since-removed"))
	h.srv.Next(t, "answerCallbackQuery", wait)
	if c := h.reply(t, 542); !strings.Contains(c.Text(), "no longer on my list") {
		t.Errorf("a Map button for a removed place: %q", c.Text())
	}
	h.srv.Push(press(543, "cb-old", "v1|something"))
	h.srv.Next(t, "answerCallbackQuery", wait)
	if c := h.reply(t, 543); !strings.Contains(c.Text(), "that button has expired") {
		t.Errorf("a button the adapter never made: %q", c.Text())
	}
}

func TestSafetyAnswerSentPlainly(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	h.srv.Push(private(505, "I want to kill myself"))
	c := h.reply(t, 505)
	if !strings.Contains(c.Text(), "116 123") || c.Params["parse_mode"] != "" || c.Params["reply_markup"] != "" {
		t.Errorf("safety answer should be the plain message, no buttons: %+v", c.Params)
	}
}

func TestUnsupportedMessagesGetOneLine(t *testing.T) {
	h := start(t, telegram.Config{}, realBot(t, sample))
	sticker := private(561, "")
	sticker.Message.Sticker = &models.Sticker{FileID: "s"}
	photo := private(562, "")
	photo.Message.Photo = []models.PhotoSize{{FileID: "p"}}
	voice := private(563, "")
	voice.Message.Voice = &models.Voice{FileID: "v"}
	edited := private(564, "knitting tomorow")
	edited.EditedMessage, edited.Message = edited.Message, nil
	h.srv.Push(sticker, photo, voice, edited)
	want := map[int64]string{561: "Sorry, I can't read stickers.", 562: "Sorry, I can't read photos.", 563: "Sorry, I can't read voice messages.", 564: "I only read new messages"}
	for range 4 {
		c := h.srv.Next(t, "sendMessage", wait)
		if !strings.HasPrefix(c.Text(), want[c.ChatID()]) || strings.Contains(c.Text(), "\n") {
			t.Errorf("reply to chat %d: %q, want one line starting %q", c.ChatID(), c.Text(), want[c.ChatID()])
		}
		delete(want, c.ChatID())
	}
}
