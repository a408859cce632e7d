package slack_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"signpost/adapters/slack"
)

func startHTTP(t *testing.T) *harness {
	return start(t, realBot(t, sample), slack.Config{SigningSecret: signingSecret})
}

func TestHTTPSignatures(t *testing.T) {
	h := startHTTP(t)
	now := time.Now()
	form := func(text string) string { return commandForm(text, h.slack.responseURL(1)) }
	unsigned := func(r *http.Request, header string) *http.Request {
		r.Header.Del(header)
		return r
	}
	altered := signed("/slack/commands", form("quiz near B69"), signingSecret, now)
	altered.Body = io.NopCloser(strings.NewReader(form("bingo near B69")))
	// The verifier reads hex digits in either case, so the same signature
	// in capitals is still a replay.
	shouted := signed("/slack/commands", form("knitting near B69"), signingSecret, now)
	shouted.Header.Set("X-Slack-Signature", "v0="+strings.ToUpper(strings.TrimPrefix(shouted.Header.Get("X-Slack-Signature"), "v0=")))
	cases := []struct {
		name string
		r    *http.Request
		want int
	}{
		{"good", signed("/slack/commands", form("knitting near B69"), signingSecret, now), http.StatusOK},
		{"replayed", signed("/slack/commands", form("knitting near B69"), signingSecret, now), http.StatusUnauthorized},
		{"replayed in capitals", shouted, http.StatusUnauthorized},
		{"wrong secret", signed("/slack/commands", form("darts near B69"), "0123456789abcdef0123456789abcdef", now), http.StatusUnauthorized},
		{"stale timestamp", signed("/slack/commands", form("karaoke near B69"), signingSecret, now.Add(-6*time.Minute)), http.StatusUnauthorized},
		{"timestamp from the future", signed("/slack/commands", form("pool near B69"), signingSecret, now.Add(6*time.Minute)), http.StatusUnauthorized},
		{"missing signature", unsigned(signed("/slack/commands", form("folk near B69"), signingSecret, now), "X-Slack-Signature"), http.StatusUnauthorized},
		{"missing timestamp", unsigned(signed("/slack/commands", form("carvery near B69"), signingSecret, now), "X-Slack-Request-Timestamp"), http.StatusUnauthorized},
		{"body altered", altered, http.StatusUnauthorized},
		{"forged event", signed("/slack/events", `{"type":"event_callback","team_id":"T0TEAM","event_id":"EvF","event":{"type":"app_mention","user":"U1","text":"quiz","ts":"1.1","channel":"C1"}}`, "forged", now), http.StatusUnauthorized},
		{"forged button", signed("/slack/interactive", "payload=%7B%7D", "forged", now), http.StatusUnauthorized},
	}
	for _, c := range cases {
		if w := h.serve(c.r); w.Code != c.want {
			t.Errorf("%s: status %d, want %d", c.name, w.Code, c.want)
		}
	}
	p := h.slack.nextPost()
	p.has(t, "knitting near B69")
	h.shutdown()
	h.slack.noMorePosts() // none of the refused requests was answered
	h.logClean("quiz", "bingo", "darts")
	if !strings.Contains(h.log.String(), "replayed") {
		t.Errorf("the replay was not refused as one:\n%s", h.log.String())
	}
}

func TestHTTPRefusesAnOversizedBody(t *testing.T) {
	h := startHTTP(t)
	huge := commandForm(strings.Repeat("knitting ", 200000), h.slack.responseURL(1))
	if w := h.serve(signed("/slack/commands", huge, signingSecret, time.Now())); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a %d-byte command: status %d, want 413", len(huge), w.Code)
	}
	h.shutdown()
	h.slack.noMorePosts()
}

func TestHTTPURLVerification(t *testing.T) {
	h := startHTTP(t)
	w := h.serve(signed("/slack/events", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`, signingSecret, time.Now()))
	var got struct{ Challenge string }
	if err := json.NewDecoder(w.Body).Decode(&got); w.Code != http.StatusOK || err != nil || got.Challenge != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("status %d, challenge %q (%v)", w.Code, got.Challenge, err)
	}
}

func TestHTTPMentionAndRetry(t *testing.T) {
	h := startHTTP(t)
	body, _ := json.Marshal(eventCallback(team, "EvHTTP", mention("<@U0BOT> quiz near B69", "1764000000.000100", "")))
	now := time.Now()
	if w := h.serve(signed("/slack/events", string(body), signingSecret, now)); w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	// Slack did not see our 200 in time and sends the event again, signed afresh.
	retry := signed("/slack/events", string(body), signingSecret, now.Add(time.Second))
	retry.Header.Set("X-Slack-Retry-Num", "1")
	retry.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	if w := h.serve(retry); w.Code != http.StatusOK {
		t.Errorf("retry: status %d, want 200 so Slack stops retrying", w.Code)
	}
	p := h.slack.nextPost()
	if p.channel != "C0HUB" || p.thread != "1764000000.000100" {
		t.Errorf("answered in %s thread %q", p.channel, p.thread)
	}
	p.has(t, "*Quiz Night* at The Waggon and Horses")
	h.shutdown()
	h.slack.noMorePosts()
}

func TestHTTPButtons(t *testing.T) {
	h := startHTTP(t)
	h.serve(signed("/slack/commands", commandForm("knitting near B69", h.slack.responseURL(1)), signingSecret, time.Now()))
	first := h.slack.nextPost()
	payload, _ := json.Marshal(buttonPayload("signpost_more", first.buttonValue("signpost_more"), h.slack.responseURL(2), true))
	w := h.serve(signed("/slack/interactive", url.Values{"payload": {string(payload)}}.Encode(), signingSecret, time.Now()))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	more := h.slack.nextPost()
	if more.channel != "/respond/2" || more.responseType != "ephemeral" {
		t.Errorf("More answered via %s (%s)", more.channel, more.responseType)
	}
	more.has(t, "Here are more:")
}

func TestHTTPOnlyTakesPost(t *testing.T) {
	h := startHTTP(t)
	for path := range h.a.Handlers() {
		w := httptest.NewRecorder()
		h.a.Handlers()[path].ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("GET %s: %d", path, w.Code)
		}
	}
}

func TestHTTPSSLCheckIsNotAnswered(t *testing.T) {
	h := startHTTP(t)
	if w := h.serve(signed("/slack/commands", "ssl_check=1&token=x", signingSecret, time.Now())); w.Code != http.StatusOK {
		t.Errorf("ssl_check: %d", w.Code)
	}
	h.shutdown()
	h.slack.noMorePosts()
	if strings.Contains(h.log.String(), "level=ERROR") {
		t.Errorf("ssl_check logged an error:\n%s", h.log.String())
	}
}
