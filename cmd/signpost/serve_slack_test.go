package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/slacktest"
)

const (
	slackBot    = "xoxb-1-2-servebottoken"
	slackApp    = "xapp-1-A1-3-serveapptoken"
	slackSecret = "0123456789abcdef0123456789abcdef"
)

// slackMessage is one message the fake Slack was sent: where to, and its
// notification text.
type slackMessage struct{ to, text string }

// fakeSlackAPI is Slack's Web API and response URLs on 127.0.0.1. With a
// socket URL, apps.connections.open points Socket Mode at it.
func fakeSlackAPI(t *testing.T, socket string) (*httptest.Server, <-chan slackMessage) {
	t.Helper()
	sent := make(chan slackMessage, 10)
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, v map[string]any) {
		w.Header().Set("Content-Type", "application/json")
		v["ok"] = true
		json.NewEncoder(w).Encode(v)
	}
	if socket != "" {
		mux.HandleFunc("/api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
			ok(w, map[string]any{"url": socket})
		})
	}
	mux.HandleFunc("/api/auth.test", func(w http.ResponseWriter, r *http.Request) {
		ok(w, map[string]any{"team_id": "T0TEAM", "user_id": "U0BOT"})
	})
	mux.HandleFunc("/api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		sent <- slackMessage{r.FormValue("channel"), r.FormValue("text")}
		ok(w, map[string]any{"ts": "1.2"})
	})
	mux.HandleFunc("/respond/", func(w http.ResponseWriter, r *http.Request) {
		var m struct{ Text string }
		json.NewDecoder(r.Body).Decode(&m)
		sent <- slackMessage{r.URL.Path, m.Text}
		ok(w, map[string]any{})
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, sent
}

func nextSlackMessage(t *testing.T, sent <-chan slackMessage) slackMessage {
	t.Helper()
	select {
	case m := <-sent:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("nothing sent to Slack")
		return slackMessage{}
	}
}

// TestServeSlackHTTPMode runs signpost serve with Slack in HTTP mode: the
// paths are on SIGNPOST_LISTEN, a signed /signpost is answered through
// its response URL, an unsigned one is refused, a bad save of the asset
// file is posted to the alert channel, and it stops cleanly.
func TestServeSlackHTTPMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	writeFile(t, path, version(1, false))
	api, sent := fakeSlackAPI(t, "")
	addr := freeAddr(t)
	env := map[string]string{
		"SIGNPOST_LISTEN": addr, "SIGNPOST_GAPS_FILE": filepath.Join(dir, "gaps.jsonl"),
		"SLACK_BOT_TOKEN": slackBot, "SLACK_SIGNING_SECRET": slackSecret,
		"SLACK_API_URL": api.URL + "/api/", "SLACK_ALERT_CHANNEL": "C0COACHES",
	}
	stop := serveSlack(t, path, env)

	form := url.Values{"team_id": {"T0TEAM"}, "channel_id": {"C0HUB"}, "user_id": {"U0STAFF"}, "command": {"/signpost"}, "text": {"bingo"}, "response_url": {api.URL + "/respond/1"}}.Encode()
	var code int
	eventually(t, "/slack/commands to take a signed command", func() bool {
		code = postSigned(t, "http://"+addr+"/slack/commands", form, slackSecret)
		return code == http.StatusOK
	})
	m := nextSlackMessage(t, sent)
	if m.to != "/respond/1" || !strings.Contains(m.text, "bingo") {
		t.Errorf("answer %+v", m)
	}
	if code := postSigned(t, "http://"+addr+"/slack/commands", form, "not the secret"); code != http.StatusUnauthorized {
		t.Errorf("wrongly signed command: %d", code)
	}

	writeFile(t, path, version(2, true))
	alert := nextSlackMessage(t, sent)
	if alert.to != "C0COACHES" || !strings.Contains(alert.text, "assets.yaml") {
		t.Errorf("alert %+v", alert)
	}

	stop()
}

// serveSlack runs signpost serve on path with env. stop tells it to stop,
// and checks it exits 0 with no secret in its log.
func serveSlack(t *testing.T, path string, env map[string]string) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	exit := make(chan int, 1)
	var stderr syncBuffer
	go func() {
		exit <- run(ctx, []string{"serve", "--assets", path}, strings.NewReader(""), io.Discard, &stderr, func(k string) string { return env[k] })
	}()
	return func() {
		t.Helper()
		cancel()
		select {
		case code := <-exit:
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
		}
		for _, secret := range []string{slackBot, slackApp, slackSecret} {
			if strings.Contains(stderr.String(), secret) {
				t.Errorf("the log holds a secret:\n%s", stderr.String())
			}
		}
	}
}

func postSigned(t *testing.T, target, body, secret string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// fakeSocket is a Socket Mode websocket on 127.0.0.1 that says hello,
// sends the envelopes made when the adapter connects, and reports the
// envelope ids acknowledged.
func fakeSocket(t *testing.T, envelopes func() []map[string]any) (url string, acks <-chan string) {
	t.Helper()
	acked := make(chan string, 10)
	srv := httptest.NewServer(http.HandlerFunc(slacktest.Websocket(func(conn *websocket.Conn) {
		conn.WriteJSON(map[string]any{"type": "hello"})
		for _, e := range envelopes() {
			conn.WriteJSON(e)
		}
		for {
			var ack struct {
				EnvelopeID string `json:"envelope_id"`
			}
			if conn.ReadJSON(&ack) != nil {
				return
			}
			acked <- ack.EnvelopeID
		}
	})))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	return "ws" + strings.TrimPrefix(srv.URL, "http"), acked
}

// TestServeSlackSocketMode runs signpost serve as a new user sets it up:
// the two tokens and nothing else. A /signpost sent over Socket Mode is
// acknowledged and answered privately through its response URL, and serve
// stops cleanly.
func TestServeSlackSocketMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	writeFile(t, path, version(1, false))
	var api *httptest.Server
	socket, acks := fakeSocket(t, func() []map[string]any {
		return []map[string]any{{"envelope_id": "env-1", "type": "slash_commands", "payload": map[string]any{
			"team_id": "T0TEAM", "channel_id": "C0HUB", "user_id": "U0STAFF", "command": "/signpost", "text": "bingo",
			"response_url": api.URL + "/respond/1",
		}}}
	})
	api, sent := fakeSlackAPI(t, socket)
	env := map[string]string{
		"SIGNPOST_LISTEN": freeAddr(t), "SIGNPOST_GAPS_FILE": filepath.Join(dir, "gaps.jsonl"),
		"SLACK_BOT_TOKEN": slackBot, "SLACK_APP_TOKEN": slackApp, "SLACK_API_URL": api.URL + "/api/",
	}
	stop := serveSlack(t, path, env)

	select {
	case id := <-acks:
		if id != "env-1" {
			t.Errorf("acknowledged %q", id)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the command was not acknowledged")
	}
	if m := nextSlackMessage(t, sent); m.to != "/respond/1" || !strings.Contains(m.text, "bingo") {
		t.Errorf("answer %+v", m)
	}

	stop()
}

// TestServeSlackRefusesWrongTokens: a token of the wrong kind stops serve
// with exit 1 and a message naming the variable, never the token.
func TestServeSlackRefusesWrongTokens(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"user token", map[string]string{"SLACK_BOT_TOKEN": "xoxp-9-secretusertoken", "SLACK_APP_TOKEN": "xapp-1-secretapp"}, "SLACK_BOT_TOKEN must be the Bot User OAuth Token, which starts with xoxb-"},
		{"app token", map[string]string{"SLACK_BOT_TOKEN": slackBot, "SLACK_APP_TOKEN": "xoxb-9-secretwrongplace"}, "SLACK_APP_TOKEN must be an App-Level Token"},
		{"no mode", map[string]string{"SLACK_BOT_TOKEN": slackBot}, "set SLACK_APP_TOKEN (xapp-) to use Socket Mode"},
	}
	for _, c := range cases {
		c.env["SIGNPOST_GAPS_FILE"] = filepath.Join(t.TempDir(), "gaps.jsonl")
		c.env["SIGNPOST_LISTEN"] = "127.0.0.1:0"
		var out, errOut syncBuffer
		code := run(context.Background(), []string{"serve", "--assets", example}, strings.NewReader(""), &out, &errOut, func(k string) string { return c.env[k] })
		if code != 1 || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 1 and %q", c.name, code, errOut.String(), c.want)
		}
		for _, secret := range []string{"secretusertoken", "secretapp", "secretwrongplace", "servebottoken"} {
			if strings.Contains(errOut.String(), secret) {
				t.Errorf("%s: stderr shows a token:\n%s", c.name, errOut.String())
			}
		}
	}
}

// TestSlackFrontEndAlertOnlyWithChannel: without SLACK_ALERT_CHANNEL the
// front end has no alert, so serve does not count it as one.
func TestSlackFrontEndAlertOnlyWithChannel(t *testing.T) {
	svc := services{mux: http.NewServeMux(), log: newLogger(false, io.Discard)}
	fe, err := slackFrontEnd(environment{slackBotToken: slackBot, slackAppToken: "xapp-1-x"}, svc)
	if err != nil || fe == nil || fe.name != "slack" || fe.alert != nil {
		t.Fatalf("front end %+v, %v", fe, err)
	}
	if fe, err := slackFrontEnd(environment{}, svc); fe != nil || err != nil {
		t.Errorf("without SLACK_BOT_TOKEN: %+v, %v", fe, err)
	}
	fe, err = slackFrontEnd(environment{slackBotToken: slackBot, slackAppToken: "xapp-1-x", slackAlertChannel: "C1"}, svc)
	if err != nil || fe.alert == nil {
		t.Errorf("with SLACK_ALERT_CHANNEL: alert %v, %v", fe.alert != nil, err)
	}
	// Socket Mode alone mounts nothing on the listener.
	w := httptest.NewRecorder()
	svc.mux.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/slack/events", nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("/slack/events without a signing secret: %d", w.Code)
	}
}
