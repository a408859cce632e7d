package telegram_test

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"signpost/adapters/telegram"
	"signpost/adapters/telegram/telegramtest"
	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// wait is how long a test waits for something the adapter should do at
// once; generous, as it is only reached when something is wrong.
const wait = 5 * time.Second

// now is the fixed "now" of every test: Tuesday 24 November 2026, 09:00.
var now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// realBot is the core over an asset file, with the clock fixed at now.
func realBot(tb testing.TB, file string) *bot.Bot {
	tb.Helper()
	return realBotAt(tb, file, now)
}

// realBotAt is the core over an asset file, with the clock fixed at at.
func realBotAt(tb testing.TB, file string, at time.Time) *bot.Bot {
	tb.Helper()
	cat, _, err := assets.Load(file, assets.Options{Now: at})
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := index.Build(cat)
	if err != nil {
		tb.Fatal(err)
	}
	b := bot.New(bot.Config{Now: func() time.Time { return at }}, bot.NewInMemory(24*time.Hour))
	b.Use(cat, ix, understand.New(cat, nil))
	tb.Cleanup(b.Close)
	return b
}

// sample is the repository's sample asset list.
const sample = "../../assets.yaml"

// recorder is the real bot with every question it was asked kept, so
// tests can see what the adapter passed in.
type recorder struct {
	*bot.Bot
	mu     sync.Mutex
	asked  []bot.Question
	forgot []string
}

func (r *recorder) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	r.mu.Lock()
	r.asked = append(r.asked, q)
	r.mu.Unlock()
	return r.Bot.Answer(ctx, q)
}

func (r *recorder) Forget(from string) {
	r.mu.Lock()
	r.forgot = append(r.forgot, from)
	r.mu.Unlock()
	r.Bot.Forget(from)
}

func (r *recorder) questions() []bot.Question {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Question(nil), r.asked...)
}

// logBuffer collects log lines written from many goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// harness is an adapter running against a fake Bot API.
type harness struct {
	srv    *telegramtest.Server
	a      *telegram.Adapter
	logs   *logBuffer
	cancel context.CancelFunc
	done   chan error
}

// start runs an adapter over core against a fresh fake Bot API, with cfg's
// token, server URL, clock and log filled in, and waits until it takes
// updates. It is stopped when the test ends.
func start(tb testing.TB, cfg telegram.Config, core telegram.Bot) *harness {
	tb.Helper()
	srv := telegramtest.NewServer(tb)
	return startOn(tb, srv, cfg, core)
}

func startOn(tb testing.TB, srv *telegramtest.Server, cfg telegram.Config, core telegram.Bot) *harness {
	tb.Helper()
	logs := &logBuffer{}
	cfg.Token = telegramtest.Token
	cfg.APIURL = srv.URL
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return now }
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	a, err := telegram.New(cfg, core)
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{srv: srv, a: a, logs: logs, cancel: cancel, done: make(chan error, 1)}
	go func() { h.done <- a.Run(ctx) }()
	tb.Cleanup(func() { h.stop(tb) })
	// Run has asked getMe and set the command menu before it takes updates;
	// in polling mode deleteWebhook comes last, in webhook mode setWebhook.
	srv.Next(tb, "getMe", wait)
	if cfg.WebhookURL != "" {
		srv.Next(tb, "setWebhook", wait)
	} else {
		srv.Next(tb, "deleteWebhook", wait)
	}
	return h
}

// stop cancels Run and waits for it to return.
func (h *harness) stop(tb testing.TB) {
	tb.Helper()
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			tb.Errorf("Run returned %v", err)
		}
		h.done <- nil
	case <-time.After(15 * time.Second):
		tb.Error("Run did not return within 15 s of being cancelled")
	}
}

// taken waits until the client has taken every update up to id: it asks
// for updates after id only once it has handed each one before to the
// adapter.
func (h *harness) taken(tb testing.TB, id int64) {
	tb.Helper()
	for {
		c := h.srv.Next(tb, "getUpdates", wait)
		if offset, _ := strconv.ParseInt(c.Params["offset"], 10, 64); offset > id {
			return
		}
	}
}

// reply waits for the next sendMessage and checks it went to chat.
func (h *harness) reply(tb testing.TB, chat int64) telegramtest.Call {
	tb.Helper()
	c := h.srv.Next(tb, "sendMessage", wait)
	if c.ChatID() != chat {
		tb.Fatalf("reply went to chat %d, want %d: %q", c.ChatID(), chat, c.Text())
	}
	return c
}

var messageID atomic.Int64

func nextMessageID() int { return int(messageID.Add(1)) }

// private is a message from a person in their chat with the bot.
func private(chat int64, text string) models.Update {
	return models.Update{Message: &models.Message{ID: nextMessageID(), Date: int(now.Unix()), Text: text,
		Chat: models.Chat{ID: chat, Type: models.ChatTypePrivate}, From: &models.User{ID: chat, FirstName: "Pat"}}}
}

// inGroup is a message from a person in a group the bot is in.
func inGroup(group, from int64, text string) models.Update {
	return models.Update{Message: &models.Message{ID: nextMessageID(), Date: int(now.Unix()), Text: text,
		Chat: models.Chat{ID: group, Type: models.ChatTypeSupergroup, Title: "Tipton Mums"}, From: &models.User{ID: from, FirstName: "Sam"}}}
}

// located is a person sharing their location.
func located(chat int64, lat, lon float64) models.Update {
	u := private(chat, "")
	u.Message.Location = &models.Location{Latitude: lat, Longitude: lon}
	return u
}

// press is a person pressing an inline button with data on one of the
// bot's messages.
func press(chat int64, id, data string) models.Update {
	return models.Update{CallbackQuery: &models.CallbackQuery{ID: id, From: models.User{ID: chat}, Data: data,
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage,
			Message: &models.Message{ID: nextMessageID(), Date: int(now.Unix()), Chat: models.Chat{ID: chat, Type: models.ChatTypePrivate},
				From: &models.User{ID: telegramtest.BotID, IsBot: true}}}}}
}

// keyboard is an inline keyboard as sent.
type keyboard struct {
	Rows [][]struct {
		Text string `json:"text"`
		Data string `json:"callback_data"`
	} `json:"inline_keyboard"`
}

func inlineKeyboard(tb testing.TB, c telegramtest.Call) keyboard {
	tb.Helper()
	var kb keyboard
	if err := c.Decode("reply_markup", &kb); err != nil {
		tb.Fatalf("reply_markup %q: %v", c.Params["reply_markup"], err)
	}
	return kb
}

// button finds the data of the button whose label contains label.
func (kb keyboard) button(label string) (string, bool) {
	for _, row := range kb.Rows {
		for _, b := range row {
			if bytes.Contains([]byte(b.Text), []byte(label)) {
				return b.Data, true
			}
		}
	}
	return "", false
}
