// Package telegramtest is a fake Telegram Bot API for tests: an httptest
// server on 127.0.0.1 that the real go-telegram/bot client talks to, as it
// would to api.telegram.org. It serves long polling from updates a test
// pushes, records every call for the test to wait on, checks what Telegram
// itself checks (message length, HTML, button data), and can be told to
// fail the next calls with a 429 or a dropped connection.
package telegramtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/go-telegram/bot/models"
)

// Token is a well-formed bot token the fake accepts.
const Token = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"

// Username is the bot's @username as getMe reports it.
const Username = "signpost_test_bot"

// BotID is the bot's user id as getMe reports it.
const BotID = 123456789

// Call is one request the client made.
type Call struct {
	Method string
	// Params are the form fields as sent; JSON fields such as reply_markup
	// are left as JSON text.
	Params map[string]string
	// At is when the fake received the call.
	At time.Time
}

// ChatID is the call's chat_id, or 0.
func (c Call) ChatID() int64 {
	id, _ := strconv.ParseInt(c.Params["chat_id"], 10, 64)
	return id
}

// Text is the call's text field.
func (c Call) Text() string { return c.Params["text"] }

// Float reads a numeric field such as latitude.
func (c Call) Float(name string) float64 {
	f, _ := strconv.ParseFloat(c.Params[name], 64)
	return f
}

// Decode reads a JSON field such as reply_markup into v.
func (c Call) Decode(name string, v any) error {
	return json.Unmarshal([]byte(c.Params[name]), v)
}

// Fault is how the fake answers a call instead of succeeding.
type Fault struct {
	// Chat, if set, limits the fault to calls for that chat; calls for
	// other chats go through untouched.
	Chat int64
	// RetryAfter, if set, makes the answer a 429 with this retry_after.
	RetryAfter int
	// Drop closes the connection without an answer, as a network failure.
	Drop bool
	// Code and Description, if set, make the answer an API error.
	Code        int
	Description string
	// Body, if set, is sent as it is with status 502, as a proxy in the
	// way might.
	Body string
}

// Server is the fake Bot API.
type Server struct {
	// URL is the base URL to give the client (its WithServerURL).
	URL string
	srv *httptest.Server

	mu      sync.Mutex
	updates []models.Update
	nextID  int64
	calls   map[string][]Call
	read    map[string]int
	faults  map[string][]Fault
	changed chan struct{}
	msgID   int
	// quit ends long polls when the test ends, so closing the server does
	// not wait for them.
	quit chan struct{}
}

// NewServer starts a fake Bot API that accepts Token; it stops when the
// test ends.
func NewServer(tb testing.TB) *Server {
	s := &Server{
		nextID:  1000,
		calls:   map[string][]Call{},
		read:    map[string]int{},
		faults:  map[string][]Fault{},
		changed: make(chan struct{}),
		quit:    make(chan struct{}),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	tb.Cleanup(func() {
		close(s.quit)
		s.srv.Close()
	})
	return s
}

// Push makes updates available to getUpdates, giving each without an id
// the next one. It returns the ids.
func (s *Server) Push(us ...models.Update) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, len(us))
	for i, u := range us {
		if u.ID == 0 {
			s.nextID++
			u.ID = s.nextID
		}
		ids[i] = u.ID
		s.updates = append(s.updates, u)
	}
	s.notify()
	return ids
}

// Fail makes the next calls of method answer with faults, one each.
func (s *Server) Fail(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// Calls are every call of method so far.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls[method]...)
}

// Next waits for the next call of method not yet returned by Next, and
// fails the test if none comes within timeout.
func (s *Server) Next(tb testing.TB, method string, timeout time.Duration) Call {
	tb.Helper()
	c, ok := s.next(method, timeout)
	if !ok {
		tb.Fatalf("no %s call within %v", method, timeout)
	}
	return c
}

func (s *Server) next(method string, timeout time.Duration) (Call, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if i := s.read[method]; i < len(s.calls[method]) {
			s.read[method] = i + 1
			c := s.calls[method][i]
			s.mu.Unlock()
			return c, true
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-deadline.C:
			return Call{}, false
		}
	}
}

// notify wakes everyone waiting for a call or an update; s.mu is held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	method, ok := strings.CutPrefix(r.URL.Path, "/bot"+Token+"/")
	if !ok {
		reply(w, http.StatusUnauthorized, errorBody(401, "Unauthorized"))
		return
	}
	// A call without parameters comes as an empty multipart body.
	if err := r.ParseMultipartForm(1 << 20); err != nil && err != http.ErrNotMultipart && !errors.Is(err, io.EOF) {
		reply(w, http.StatusBadRequest, errorBody(400, "Bad Request: "+err.Error()))
		return
	}
	// Read the body to its end, so the server notices when a client gives
	// up on a long poll.
	io.Copy(io.Discard, r.Body)
	params := map[string]string{}
	for k, v := range r.Form {
		params[k] = v[0]
	}
	s.mu.Lock()
	s.calls[method] = append(s.calls[method], Call{Method: method, Params: params, At: time.Now()})
	s.notify()
	if method == "getUpdates" {
		s.mu.Unlock()
		s.getUpdates(w, r, params)
		return
	}
	fault := s.takeFault(method, params["chat_id"])
	s.msgID++
	id := s.msgID
	s.mu.Unlock()

	if fault != nil {
		s.fail(w, *fault)
		return
	}
	if problem := check(method, params); problem != "" {
		reply(w, http.StatusBadRequest, errorBody(400, "Bad Request: "+problem))
		return
	}
	switch method {
	case "getMe":
		reply(w, http.StatusOK, okBody(models.User{ID: BotID, IsBot: true, FirstName: "Signpost", Username: Username}))
	case "sendMessage", "sendVenue", "sendLocation":
		chatID, _ := strconv.ParseInt(params["chat_id"], 10, 64)
		reply(w, http.StatusOK, okBody(map[string]any{"message_id": id, "date": time.Now().Unix(), "chat": map[string]any{"id": chatID, "type": "private"}}))
	case "setWebhook", "deleteWebhook", "setMyCommands", "answerCallbackQuery":
		reply(w, http.StatusOK, okBody(true))
	default:
		reply(w, http.StatusNotFound, errorBody(404, "Not Found"))
	}
}

// takeFault removes and returns the first fault for method that applies to
// the chat, or nil; s.mu is held.
func (s *Server) takeFault(method, chat string) *Fault {
	for i, f := range s.faults[method] {
		if f.Chat == 0 || strconv.FormatInt(f.Chat, 10) == chat {
			s.faults[method] = append(s.faults[method][:i:i], s.faults[method][i+1:]...)
			return &f
		}
	}
	return nil
}

func (s *Server) fail(w http.ResponseWriter, f Fault) {
	switch {
	case f.Drop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		reply(w, http.StatusBadGateway, "<html>bad gateway</html>")
	case f.Body != "":
		reply(w, http.StatusBadGateway, f.Body)
	case f.RetryAfter > 0:
		reply(w, http.StatusTooManyRequests, mustJSON(map[string]any{"ok": false, "error_code": 429,
			"description": fmt.Sprintf("Too Many Requests: retry after %d", f.RetryAfter),
			"parameters":  map[string]any{"retry_after": f.RetryAfter}}))
	default:
		reply(w, f.Code, errorBody(f.Code, f.Description))
	}
}

// getUpdates answers a long poll: updates from offset on, or, if there
// are none, waits for some until the poll's timeout.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, params map[string]string) {
	offset, _ := strconv.ParseInt(params["offset"], 10, 64)
	wait, _ := strconv.Atoi(params["timeout"])
	deadline := time.NewTimer(time.Duration(wait) * time.Second)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		kept := s.updates[:0]
		for _, u := range s.updates {
			if u.ID >= offset {
				kept = append(kept, u)
			}
		}
		s.updates = kept
		batch := append([]models.Update(nil), s.updates[:min(len(s.updates), 100)]...)
		changed := s.changed
		s.mu.Unlock()
		if len(batch) > 0 {
			reply(w, http.StatusOK, okBody(batch))
			return
		}
		select {
		case <-changed:
		case <-deadline.C:
			reply(w, http.StatusOK, okBody([]models.Update{}))
			return
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		}
	}
}

// check finds what Telegram would refuse in a call, or "".
func check(method string, p map[string]string) string {
	switch method {
	case "sendMessage":
		text := p["text"]
		if strings.TrimSpace(text) == "" {
			return "message text is empty"
		}
		if n := len(utf16.Encode([]rune(text))); n > 4096 {
			return fmt.Sprintf("message is too long (%d)", n)
		}
		if p["parse_mode"] == "HTML" {
			if err := CheckHTML(text); err != nil {
				return "can't parse entities: " + err.Error()
			}
		}
	case "sendVenue":
		if p["title"] == "" || p["address"] == "" || p["latitude"] == "" || p["longitude"] == "" {
			return "venue needs title, address, latitude and longitude"
		}
	case "answerCallbackQuery":
		if p["callback_query_id"] == "" {
			return "query is too old and response timeout expired or query ID is invalid"
		}
	}
	if m := p["reply_markup"]; m != "" {
		return checkMarkup(m)
	}
	return ""
}

func checkMarkup(m string) string {
	var markup struct {
		Inline [][]map[string]any `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(m), &markup); err != nil {
		return "can't parse reply keyboard markup JSON object"
	}
	for _, row := range markup.Inline {
		for _, b := range row {
			if ct, ok := b["copy_text"].(map[string]any); ok && ct["text"] == "" {
				return "BUTTON_COPY_TEXT_INVALID"
			}
			data, _ := b["callback_data"].(string)
			if n := len(data); n == 0 || n > 64 {
				return "BUTTON_DATA_INVALID"
			}
		}
	}
	return ""
}

func okBody(result any) string {
	return mustJSON(map[string]any{"ok": true, "result": result})
}

func errorBody(code int, description string) string {
	return mustJSON(map[string]any{"ok": false, "error_code": code, "description": description})
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}
