package slack_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"

	"signpost/adapters/slack"
	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// Secrets the tests use; none may ever reach the log.
const (
	botToken      = "xoxb-1111-2222-secretbottoken"
	appToken      = "xapp-1-A111-3333-secretapptoken"
	signingSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	team          = "T0TEAM"
	staff         = "U0STAFF"
)

// wait is how long a test waits for something that should happen at once.
const wait = 5 * time.Second

// tuesday is the fixed "now" of the tests: Tuesday 24 November 2026, 09:00
// in Oldbury.
var tuesday = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// posted is one message the fake Slack received, however it was sent.
type posted struct {
	// via is "chat.postMessage", "chat.postEphemeral" or "response_url".
	via          string
	channel      string
	thread       string
	user         string
	responseType string
	text         string
	blocks       slackapi.Blocks
	at           time.Time
}

// all is every text in the message, as sent (escaped mrkdwn), one a line.
func (p posted) all() string {
	lines := []string{p.text}
	for _, b := range p.blocks.BlockSet {
		switch b := b.(type) {
		case *slackapi.SectionBlock:
			lines = append(lines, b.Text.Text)
		case *slackapi.ContextBlock:
			for _, el := range b.ContextElements.Elements {
				if t, ok := el.(*slackapi.TextBlockObject); ok {
					lines = append(lines, t.Text)
				}
			}
		case *slackapi.ActionBlock:
			for _, el := range b.Elements.ElementSet {
				if btn, ok := el.(*slackapi.ButtonBlockElement); ok {
					lines = append(lines, "["+btn.Text.Text+"]")
				}
			}
		}
	}
	return strings.Join(lines, "\n")
}

// has fails the test unless the message holds every one of want.
func (p posted) has(t *testing.T, want ...string) {
	t.Helper()
	all := p.all()
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("message via %s lacks %q:\n%s", p.via, w, all)
		}
	}
}

// buttonValue is the value of the button with actionID, or "".
func (p posted) buttonValue(actionID string) string {
	for _, b := range p.blocks.BlockSet {
		if ab, ok := b.(*slackapi.ActionBlock); ok {
			for _, el := range ab.Elements.ElementSet {
				if btn, ok := el.(*slackapi.ButtonBlockElement); ok && btn.ActionID == actionID {
					return btn.Value
				}
			}
		}
	}
	return ""
}

// fakeSlack is Slack's Web API, response URLs and Socket Mode websocket on
// 127.0.0.1, recording what the adapter sends.
type fakeSlack struct {
	t   testing.TB
	srv *httptest.Server

	posts chan posted
	acks  chan string
	conns chan *socket

	mu sync.Mutex
	// limited is how many chat.postMessage calls get 429 first, with
	// Retry-After of retryAfter seconds.
	limited    int
	retryAfter int
	attempts   []time.Time
	// failResponseURL makes every response URL fail.
	failResponseURL bool
	// holdResponseURL, if set, keeps every response URL waiting until it
	// is closed, as a slow Slack would.
	holdResponseURL chan struct{}
	sockets         []*socket
}

func newFakeSlack(t testing.TB) *fakeSlack {
	f := &fakeSlack{
		t:     t,
		posts: make(chan posted, 100),
		acks:  make(chan string, 100),
		conns: make(chan *socket, 10),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+botToken && r.FormValue("token") != botToken {
			reply(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		reply(w, map[string]any{"ok": true, "team_id": team, "user_id": "U0BOT", "bot_id": "B0BOT"})
	})
	mux.HandleFunc("/api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+appToken {
			reply(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		reply(w, map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/ws"})
	})
	mux.HandleFunc("/ws", slacktest.Websocket(f.serveSocket))
	mux.HandleFunc("/api/chat.postMessage", f.serveChat("chat.postMessage"))
	mux.HandleFunc("/api/chat.postEphemeral", f.serveChat("chat.postEphemeral"))
	mux.HandleFunc("/respond/", f.serveResponseURL)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		f.mu.Lock()
		for _, s := range f.sockets {
			s.drop()
		}
		f.mu.Unlock()
		f.srv.Close()
	})
	return f
}

func (f *fakeSlack) apiURL() string { return f.srv.URL + "/api/" }

// responseURL is a fresh response URL, as Slack puts in a command or a
// button press.
func (f *fakeSlack) responseURL(n int) string {
	return f.srv.URL + "/respond/" + strconv.Itoa(n)
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func (f *fakeSlack) serveChat(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+botToken && r.FormValue("token") != botToken {
			reply(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		f.mu.Lock()
		f.attempts = append(f.attempts, time.Now())
		limited := f.limited > 0
		if limited {
			f.limited--
		}
		f.mu.Unlock()
		if limited {
			w.Header().Set("Retry-After", strconv.Itoa(f.retryAfter))
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		p := posted{via: method, channel: r.FormValue("channel"), thread: r.FormValue("thread_ts"), user: r.FormValue("user"), text: r.FormValue("text"), at: time.Now()}
		if err := json.Unmarshal([]byte(r.FormValue("blocks")), &p.blocks); err != nil {
			f.t.Errorf("%s: blocks are not JSON: %v", method, err)
		}
		f.posts <- p
		reply(w, map[string]any{"ok": true, "channel": p.channel, "ts": "1764000000.000200", "message_ts": "1764000000.000200"})
	}
}

func (f *fakeSlack) serveResponseURL(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	fail, hold := f.failResponseURL, f.holdResponseURL
	f.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-r.Context().Done():
			return
		}
	}
	if fail {
		http.Error(w, "expired_url", http.StatusNotFound)
		return
	}
	var m struct {
		Text            string          `json:"text"`
		Blocks          slackapi.Blocks `json:"blocks"`
		ResponseType    string          `json:"response_type"`
		ReplaceOriginal bool            `json:"replace_original"`
		ThreadTS        string          `json:"thread_ts"`
	}
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
		f.t.Errorf("response_url: not JSON: %v", err)
	}
	if m.ReplaceOriginal {
		f.t.Errorf("response_url: an answer replaced the message it came from")
	}
	f.posts <- posted{via: "response_url", channel: r.URL.Path, responseType: m.ResponseType, text: m.Text, blocks: m.Blocks, at: time.Now()}
	reply(w, map[string]any{"ok": true})
}

// nextPost waits for the next message the adapter sends.
func (f *fakeSlack) nextPost() posted {
	f.t.Helper()
	select {
	case p := <-f.posts:
		return p
	case <-time.After(wait):
		f.t.Fatal("no message sent to Slack")
		return posted{}
	}
}

// noMorePosts checks nothing else was sent; call it once the adapter has
// stopped, since Run returns only after every reply has finished.
func (f *fakeSlack) noMorePosts() {
	f.t.Helper()
	select {
	case p := <-f.posts:
		f.t.Errorf("unexpected extra message via %s: %.300s", p.via, p.all())
	default:
	}
}

// socket is one Socket Mode connection, as the fake Slack sees it.
type socket struct {
	conn *websocket.Conn
	acks chan string
	done chan struct{}
	once sync.Once
}

func (f *fakeSlack) serveSocket(conn *websocket.Conn) {
	s := &socket{conn: conn, acks: make(chan string, 100), done: make(chan struct{})}
	f.mu.Lock()
	f.sockets = append(f.sockets, s)
	f.mu.Unlock()
	go func() {
		for {
			var ack struct {
				EnvelopeID string `json:"envelope_id"`
			}
			if err := conn.ReadJSON(&ack); err != nil {
				s.close()
				return
			}
			s.acks <- ack.EnvelopeID
			f.acks <- ack.EnvelopeID
		}
	}()
	s.send(map[string]any{"type": "hello", "num_connections": 1})
	f.conns <- s
	<-s.done
}

// nextSocket waits for the adapter to connect.
func (f *fakeSlack) nextSocket() *socket {
	f.t.Helper()
	select {
	case s := <-f.conns:
		return s
	case <-time.After(wait):
		f.t.Fatal("the adapter did not connect over Socket Mode")
		return nil
	}
}

func (s *socket) send(v any) {
	s.conn.WriteJSON(v)
}

// drop cuts the connection without a goodbye, as a network failure does.
func (s *socket) drop() {
	s.conn.UnderlyingConn().Close()
	s.close()
}

func (s *socket) close() { s.once.Do(func() { close(s.done) }) }

// ack waits for the envelope id acknowledged next on this connection.
func (s *socket) ack(t *testing.T) string {
	t.Helper()
	select {
	case id := <-s.acks:
		return id
	case <-time.After(wait):
		t.Fatal("envelope not acknowledged")
		return ""
	}
}

// Envelopes as Slack sends them over Socket Mode.

func eventEnvelope(envelope, eventID string, retry int, event map[string]any) map[string]any {
	return map[string]any{
		"envelope_id": envelope, "type": "events_api", "retry_attempt": retry,
		"payload": eventCallback(team, eventID, event),
	}
}

func eventCallback(teamID, eventID string, event map[string]any) map[string]any {
	return map[string]any{"token": "x", "team_id": teamID, "api_app_id": "A0APP", "type": "event_callback", "event_id": eventID, "event_time": 1764000000, "event": event}
}

func mention(text, ts, thread string) map[string]any {
	e := map[string]any{"type": "app_mention", "user": staff, "text": text, "ts": ts, "channel": "C0HUB", "event_ts": ts}
	if thread != "" {
		e["thread_ts"] = thread
	}
	return e
}

func directMessage(text, ts string) map[string]any {
	return map[string]any{"type": "message", "channel_type": "im", "user": staff, "text": text, "ts": ts, "channel": "D0DM", "event_ts": ts}
}

func commandEnvelope(envelope, text, responseURL string) map[string]any {
	return map[string]any{"envelope_id": envelope, "type": "slash_commands", "payload": map[string]any{
		"team_id": team, "channel_id": "C0HUB", "user_id": staff, "command": "/signpost", "text": text, "response_url": responseURL, "trigger_id": "1.2.3",
	}}
}

func buttonPayload(actionID, value, responseURL string, ephemeral bool) map[string]any {
	return map[string]any{
		"type": "block_actions", "team": map[string]any{"id": team}, "user": map[string]any{"id": staff},
		"channel":      map[string]any{"id": "C0HUB"},
		"container":    map[string]any{"type": "message", "channel_id": "C0HUB", "is_ephemeral": ephemeral, "message_ts": "1764000000.000200"},
		"response_url": responseURL,
		"actions":      []map[string]any{{"type": "button", "action_id": actionID, "block_id": "signpost_buttons", "value": value, "action_ts": "1764000001.000000"}},
	}
}

func buttonEnvelope(envelope string, payload map[string]any) map[string]any {
	return map[string]any{"envelope_id": envelope, "type": "interactive", "payload": payload}
}

// realBot is the real bot over an asset file, with the clock fixed at
// tuesday.
func realBot(t testing.TB, file string) *bot.Bot {
	t.Helper()
	return realBotAt(t, file, tuesday)
}

// realBotAt is the real bot over an asset file, with the clock fixed at
// now.
func realBotAt(t testing.TB, file string, now time.Time) *bot.Bot {
	t.Helper()
	cat, _, err := assets.Load(file, assets.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	b := bot.New(bot.Config{Now: func() time.Time { return now }}, bot.NewInMemory(24*time.Hour))
	b.Use(cat, ix, understand.New(cat, nil))
	return b
}

var sample = filepath.Join("..", "..", "assets.yaml")

// syncBuffer is a log everyone may write to at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness runs one adapter against a fake Slack.
type harness struct {
	t     testing.TB
	slack *fakeSlack
	a     *slack.Adapter
	log   *syncBuffer
	stop  context.CancelFunc
	done  chan error
}

// start runs an adapter with cfg (tokens, URL, clock and log filled in)
// answering with b.
func start(t testing.TB, b slack.Bot, cfg slack.Config) *harness {
	t.Helper()
	h := &harness{t: t, slack: newFakeSlack(t), log: &syncBuffer{}, done: make(chan error, 1)}
	cfg.BotToken = botToken
	cfg.APIURL = h.slack.apiURL()
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return tuesday }
	}
	cfg.Log = slog.New(slog.NewTextHandler(h.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg.IDs = bot.NewPseudonyms([]byte("test key"))
	a, err := slack.New(cfg, b)
	if err != nil {
		t.Fatal(err)
	}
	h.a = a
	ctx, cancel := context.WithCancel(context.Background())
	h.stop = cancel
	go func() { h.done <- a.Run(ctx) }()
	t.Cleanup(func() { h.shutdown() })
	return h
}

// startSocket runs an adapter over Socket Mode and waits for it to
// connect.
func startSocket(t *testing.T, b slack.Bot, cfg slack.Config) (*harness, *socket) {
	cfg.AppToken = appToken
	h := start(t, b, cfg)
	return h, h.slack.nextSocket()
}

// shutdown stops the adapter, checks it returned nil, and checks the log
// holds no secret. It is safe to call twice.
func (h *harness) shutdown() {
	h.t.Helper()
	h.stop()
	select {
	case err, ok := <-h.done:
		if ok && err != nil {
			h.t.Errorf("Run returned %v, want nil after ctx is done", err)
		}
		if ok {
			close(h.done)
		}
	case <-time.After(15 * time.Second):
		h.t.Fatal("Run did not return after ctx was done")
	}
	h.logClean(botToken, appToken, signingSecret, "secretbottoken", "secretapptoken")
}

// logClean fails if the log holds any of words.
func (h *harness) logClean(words ...string) {
	h.t.Helper()
	log := h.log.String()
	for _, w := range words {
		if strings.Contains(log, w) {
			h.t.Errorf("the log holds %q:\n%s", w, log)
		}
	}
}

// signed is a request to the adapter's HTTP handler for path, signed with
// secret at time ts as Slack signs it.
func signed(path, body, secret string, ts time.Time) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	r.Header.Set("X-Slack-Request-Timestamp", stamp)
	r.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return r
}

// commandForm is a slash command's body as Slack posts it over HTTP.
func commandForm(text, responseURL string) string {
	return url.Values{
		"team_id": {team}, "channel_id": {"C0HUB"}, "user_id": {staff}, "command": {"/signpost"},
		"text": {text}, "response_url": {responseURL}, "trigger_id": {"1.2.3"},
	}.Encode()
}

// serve sends r to the adapter's handler for its path.
func (h *harness) serve(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.a.Handlers()[r.URL.Path].ServeHTTP(w, r)
	return w
}

// fakeBot answers every question with the same answer, and counts them.
type fakeBot struct {
	mu        sync.Mutex
	answer    bot.Answer
	questions []bot.Question
	stale     []bot.StaleAsset
	// release, if set, holds each answer until it is closed.
	release chan struct{}
	asked   chan struct{}
}

func (f *fakeBot) Answer(ctx context.Context, q bot.Question) (bot.Answer, error) {
	f.mu.Lock()
	f.questions = append(f.questions, q)
	f.mu.Unlock()
	if f.asked != nil {
		f.asked <- struct{}{}
	}
	if f.release != nil {
		select {
		case <-f.release:
		case <-ctx.Done():
			return bot.Answer{Reply: "Sorry"}, ctx.Err()
		}
	}
	return f.answer, nil
}

func (f *fakeBot) Stale(time.Time) []bot.StaleAsset { return f.stale }

func (f *fakeBot) SafetyMessage() string { return "In danger? Call 999." }
