package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"signpost/adapters/telegram/telegramtest"
)

func TestServeTelegramRefusesAMalformedToken(t *testing.T) {
	const token = "12345:not-the-whole-token-secret"
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"TELEGRAM_BOT_TOKEN": token}, "TELEGRAM_BOT_TOKEN: this does not look like a bot token"},
		{map[string]string{"TELEGRAM_BOT_TOKEN": telegramtest.Token, "SIGNPOST_TELEGRAM_RATE": "fast"}, `SIGNPOST_TELEGRAM_RATE="fast": use how many messages a second`},
		{map[string]string{"TELEGRAM_BOT_TOKEN": telegramtest.Token, "TELEGRAM_WEBHOOK_URL": "https://signpost.example.org"}, "TELEGRAM_WEBHOOK_URL: use the public https URL Telegram should post to, with a path"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"serve", "--assets", example}, strings.NewReader(""), &stdout, &stderr, func(k string) string { return tt.env[k] })
		if code != 1 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("exit %d, stderr:\n%s\nwant exit 1 saying %q", code, stderr.String(), tt.want)
		}
		if strings.Contains(stderr.String()+stdout.String(), token) || strings.Contains(stderr.String()+stdout.String(), telegramtest.Token) {
			t.Errorf("the token was printed:\n%s", stderr.String())
		}
	}
}

// serveTelegram runs signpost serve against a fake Bot API with env
// added, and returns the fake, a stop function giving the exit code, and
// the log.
func serveTelegram(t *testing.T, env map[string]string) (*telegramtest.Server, func() int, *syncBuffer) {
	t.Helper()
	srv := telegramtest.NewServer(t)
	dir := t.TempDir()
	full := map[string]string{
		"TELEGRAM_BOT_TOKEN": telegramtest.Token, "TELEGRAM_API_URL": srv.URL,
		"SIGNPOST_TELEGRAM_SEEN_FILE": filepath.Join(dir, "seen"), "SIGNPOST_GAPS_FILE": filepath.Join(dir, "gaps.jsonl"),
	}
	for k, v := range env {
		full[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	logs := &syncBuffer{}
	go func() {
		exit <- run(ctx, []string{"serve", "--assets", example}, strings.NewReader(""), io.Discard, logs, func(k string) string { return full[k] })
	}()
	stop := func() int {
		cancel()
		select {
		case code := <-exit:
			return code
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	t.Cleanup(func() { cancel() })
	return srv, stop, logs
}

func telegramMessage(id int64, text string) models.Update {
	return models.Update{ID: id, Message: &models.Message{ID: int(id), Date: 1, Text: text,
		Chat: models.Chat{ID: 42, Type: models.ChatTypePrivate}, From: &models.User{ID: 42}}}
}

func TestServeTelegramPolling(t *testing.T) {
	srv, stop, logs := serveTelegram(t, map[string]string{"SIGNPOST_LISTEN": freeAddr(t)})
	srv.Next(t, "deleteWebhook", 10*time.Second)
	srv.Push(telegramMessage(1, "knitting"))
	if c := srv.Next(t, "sendMessage", 10*time.Second); !strings.Contains(c.Text(), "Knit and Natter, Oldbury Library") {
		t.Errorf("reply %q", c.Text())
	}
	if code := stop(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, logs.String())
	}
	if strings.Contains(logs.String(), telegramtest.Token) {
		t.Errorf("the log holds the token:\n%s", logs.String())
	}
}

func TestServeTelegramWebhook(t *testing.T) {
	addr := freeAddr(t)
	const secret = "a-secret_for-the-webhook"
	srv, stop, logs := serveTelegram(t, map[string]string{
		"SIGNPOST_LISTEN":         addr,
		"TELEGRAM_WEBHOOK_URL":    "https://signpost.example.org/telegram/updates",
		"TELEGRAM_WEBHOOK_SECRET": secret,
	})
	reg := srv.Next(t, "setWebhook", 10*time.Second)
	if reg.Params["url"] != "https://signpost.example.org/telegram/updates" || reg.Params["secret_token"] != secret {
		t.Errorf("setWebhook %+v", reg.Params)
	}
	postUpdate := func(secret string, u models.Update) int {
		body, _ := json.Marshal(u)
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/telegram/updates", bytes.NewReader(body))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := postUpdate("wrong", telegramMessage(1, "quiz")); code != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d", code)
	}
	if code := postUpdate(secret, telegramMessage(2, "knitting")); code != http.StatusOK {
		t.Errorf("right secret: %d", code)
	}
	if c := srv.Next(t, "sendMessage", 10*time.Second); !strings.Contains(c.Text(), "Knit and Natter") {
		t.Errorf("reply %q", c.Text())
	}
	if code := stop(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, logs.String())
	}
	if strings.Contains(logs.String(), secret) {
		t.Errorf("the log holds the webhook secret:\n%s", logs.String())
	}
}

func TestServeTelegramRemembersAnsweredUpdatesInTheCacheByDefault(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	srv, stop, logs := serveTelegram(t, map[string]string{"SIGNPOST_LISTEN": freeAddr(t), "SIGNPOST_TELEGRAM_SEEN_FILE": ""})
	srv.Next(t, "deleteWebhook", 10*time.Second)
	srv.Push(telegramMessage(7, "knitting"))
	srv.Next(t, "sendMessage", 10*time.Second)
	if code := stop(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, logs.String())
	}
	want := filepath.Join(cache, "signpost", "telegram-seen")
	if b, err := os.ReadFile(want); err != nil || string(b) != "7\n" {
		t.Errorf("%s: %q, %v; want the answered update's id", want, b, err)
	}
	if !strings.Contains(logs.String(), want) {
		t.Errorf("the log should say where the file is:\n%s", logs.String())
	}
}
