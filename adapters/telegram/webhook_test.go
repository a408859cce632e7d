package telegram_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"signpost/adapters/telegram"
	"signpost/adapters/telegram/telegramtest"
)

const hookURL = "https://signpost.example.org/telegram/hook"

// post sends u to the webhook as Telegram would, with secret unless it is
// empty, and returns the status.
func post(t *testing.T, url, secret string, u models.Update) int {
	t.Helper()
	body, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestWebhookNeedsTheSecret(t *testing.T) {
	const secret = "s3cret-Value_123"
	h := start(t, telegram.Config{WebhookURL: hookURL, WebhookSecret: secret}, realBot(t, sample))
	reg := h.srv.Calls("setWebhook")[0]
	if reg.Params["url"] != hookURL || reg.Params["secret_token"] != secret || reg.Params["allowed_updates"] != `["message","edited_message","callback_query"]` {
		t.Errorf("setWebhook = %+v", reg.Params)
	}
	hook := httptest.NewServer(h.a.WebhookHandler())
	defer hook.Close()

	if code := post(t, hook.URL, "", private(801, "quiz")); code != http.StatusUnauthorized {
		t.Errorf("no secret: %d, want 401", code)
	}
	if code := post(t, hook.URL, "s3cret-Value_124", private(801, "knitting")); code != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d, want 401", code)
	}
	if resp, err := http.Get(hook.URL); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %v %v, want 405", resp, err)
	}
	if code := post(t, hook.URL, secret, private(801, "thanks")); code != http.StatusOK {
		t.Errorf("right secret: %d, want 200", code)
	}
	if c := h.reply(t, 801); !strings.Contains(c.Text(), "You're welcome") {
		t.Errorf("the first reply should be to the one request with the secret: %q", c.Text())
	}
	h.stop(t)
	if n := len(h.srv.Calls("sendMessage")); n != 1 {
		t.Errorf("%d replies; requests without the secret must not be answered", n)
	}
	if code := post(t, hook.URL, secret, private(801, "quiz")); code != http.StatusServiceUnavailable {
		t.Errorf("after stopping: %d, want 503 so Telegram sends it again later", code)
	}
	if logs := h.logs.String(); strings.Contains(logs, secret) || strings.Contains(logs, "s3cret-Value_124") {
		t.Errorf("the log holds a secret:\n%s", logs)
	}
}

func TestWebhookAnswersEachUpdateOnceAcrossRestarts(t *testing.T) {
	srv := telegramtest.NewServer(t)
	seen := filepath.Join(t.TempDir(), "seen")
	cfg := telegram.Config{WebhookURL: hookURL, SeenFile: seen}
	first := startOn(t, srv, cfg, realBot(t, sample))
	secret := srv.Calls("setWebhook")[0].Params["secret_token"]
	if !regexp.MustCompile(`^[A-Za-z0-9_-]{32,256}$`).MatchString(secret) {
		t.Fatalf("generated secret %q is not one Telegram accepts, or too short to guess", secret)
	}
	hook := httptest.NewServer(first.a.WebhookHandler())
	u := private(802, "quiz")
	u.ID = 9001
	if code := post(t, hook.URL, secret, u); code != http.StatusOK {
		t.Fatalf("post: %d", code)
	}
	first.reply(t, 802)
	first.stop(t)
	hook.Close()

	second := startOn(t, srv, cfg, realBot(t, sample))
	secret = srv.Calls("setWebhook")[1].Params["secret_token"]
	hook = httptest.NewServer(second.a.WebhookHandler())
	defer hook.Close()
	if code := post(t, hook.URL, secret, u); code != http.StatusOK {
		t.Errorf("a repeated update should be acknowledged (so Telegram stops sending it): %d", code)
	}
	next := private(802, "thanks")
	next.ID = 9002
	post(t, hook.URL, secret, next)
	if c := second.reply(t, 802); !strings.Contains(c.Text(), "You're welcome") {
		t.Errorf("after the restart, update 9001 was answered again: %q", c.Text())
	}
}

func TestWebhookRefusesAnOversizedBody(t *testing.T) {
	const secret = "s3cret-Value_123"
	h := start(t, telegram.Config{WebhookURL: hookURL, WebhookSecret: secret}, realBot(t, sample))
	hook := httptest.NewServer(h.a.WebhookHandler())
	defer hook.Close()
	huge := private(803, strings.Repeat("knitting ", 130_000))
	if code := post(t, hook.URL, secret, huge); code != http.StatusRequestEntityTooLarge {
		t.Errorf("a 1.2 MB update: %d, want 413", code)
	}
	if code := post(t, hook.URL, secret, private(803, "thanks")); code != http.StatusOK {
		t.Errorf("the next update: %d", code)
	}
	if c := h.reply(t, 803); !strings.Contains(c.Text(), "You're welcome") {
		t.Errorf("the oversized update was answered: %q", c.Text())
	}
}

func TestWebhookSlowRequestDoesNotHoldUpStopping(t *testing.T) {
	const secret = "s3cret-Value_123"
	h := start(t, telegram.Config{WebhookURL: hookURL, WebhookSecret: secret}, realBot(t, sample))
	arrived := make(chan struct{}, 1)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		h.a.WebhookHandler().ServeHTTP(w, r)
	}))
	defer hook.Close()
	body, slow := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, hook.URL, body)
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	status := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			status <- 0
			return
		}
		resp.Body.Close()
		status <- resp.StatusCode
	}()
	update, _ := json.Marshal(private(804, "quiz"))
	slow.Write(update[:10]) // the rest is still on its way
	<-arrived
	h.cancel()
	select {
	case err := <-h.done:
		h.done <- err
	case <-time.After(wait):
		slow.Close()
		t.Fatal("Run waited for a request still sending its body")
	}
	slow.Write(update[10:])
	slow.Close()
	if code := <-status; code != http.StatusServiceUnavailable {
		t.Errorf("an update that arrives once stopped: %d, want 503 so Telegram sends it again", code)
	}
	if n := len(h.srv.Calls("sendMessage")); n != 0 {
		t.Errorf("%d replies after stopping", n)
	}
}
