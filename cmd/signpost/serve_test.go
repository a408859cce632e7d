package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"signpost/bot"
)

// freeAddr is a loopback address nothing is listening on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// withFrontEnd makes serve run only a test front end, which hands the
// test what serve gave it.
func withFrontEnd(t *testing.T) <-chan services {
	t.Helper()
	got := make(chan services, 1)
	saved := frontEnds
	t.Cleanup(func() { frontEnds = saved })
	frontEnds = []func(environment, services) (*frontEnd, error){
		func(_ environment, svc services) (*frontEnd, error) {
			got <- svc
			return &frontEnd{name: "test", run: func(ctx context.Context) error {
				<-ctx.Done()
				return nil
			}}, nil
		},
	}
	return got
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// eventually retries check until it holds or ten seconds pass.
func eventually(t *testing.T, what string, check func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !check() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServe runs serve as an operator would: it reports healthy with the
// list's size, counts questions on /metrics, records a question that found
// nothing, serves a coach's save, and exits 0 when told to stop.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	writeFile(t, path, version(1, false))
	addr := freeAddr(t)
	env := map[string]string{"SIGNPOST_LISTEN": addr, "SIGNPOST_GAPS_FILE": filepath.Join(dir, "gaps.jsonl")}
	svcs := withFrontEnd(t)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exit := make(chan int, 1)
	var stderr syncBuffer
	go func() {
		exit <- run(ctx, []string{"serve", "--assets", path}, strings.NewReader(""), io.Discard, &stderr, func(k string) string { return env[k] })
	}()
	var svc services
	select {
	case svc = <-svcs:
	case code := <-exit:
		t.Fatalf("serve exited %d:\n%s", code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve never started its front end")
	}

	var health string
	eventually(t, "/healthz to say ok", func() bool {
		code, body := get(t, "http://"+addr+"/healthz")
		health = body
		return code == http.StatusOK
	})
	var h struct {
		Status     string    `json:"status"`
		Assets     int       `json:"assets"`
		Activities int       `json:"activities"`
		Saved      time.Time `json:"saved"`
	}
	if err := json.Unmarshal([]byte(health), &h); err != nil || h.Status != "ok" || h.Assets != 1 || h.Activities != 1 || h.Saved.IsZero() {
		t.Fatalf("healthz = %s (%v)", health, err)
	}

	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	ans, err := svc.bot.Answer(ctx, bot.Question{Text: "bingo", Channel: "test", At: at})
	if err != nil || bingoNumber(ans) != 1 {
		t.Fatalf("answer: %v %q", err, ans.Reply)
	}
	if _, err := svc.bot.Answer(ctx, bot.Question{Text: "swimming near Hall 1", Channel: "test", At: at}); err != nil {
		t.Fatal(err)
	}
	counts, err := svc.gaps.Counts(at.Add(-time.Hour))
	if err != nil || len(counts) != 1 || counts[0].Topic != "swimming" || counts[0].Count != 1 {
		t.Fatalf("gaps = %+v, %v", counts, err)
	}

	_, metrics := get(t, "http://"+addr+"/metrics")
	for _, want := range []string{
		`signpost_questions_total{front_end="test"} 2`,
		`signpost_no_match_total{front_end="test"} 1`,
		`signpost_reloads_total{outcome="ok"} 1`,
		`signpost_reloads_total{outcome="failed"} 0`,
		"signpost_assets 1",
		"signpost_activities 1",
		"signpost_search_seconds_count",
		"signpost_answer_seconds_count 2",
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if strings.Contains(metrics, "swimming") || strings.Contains(metrics, "bingo") {
		t.Error("/metrics holds what someone asked")
	}

	if code, body := get(t, "http://"+addr+"/oruk/services"); code != http.StatusOK || !strings.Contains(body, `"name":"Bingo 1"`) || !strings.Contains(body, `"total_items":1`) {
		t.Errorf("/oruk/services = %d %s", code, body)
	}

	writeFile(t, path, version(2, false))
	eventually(t, "the saved list to go live", func() bool {
		ans, _ := svc.bot.Answer(ctx, bot.Question{Text: "bingo", Channel: "test", At: at})
		return bingoNumber(ans) == 2
	})
	if _, body := get(t, "http://"+addr+"/oruk/services"); !strings.Contains(body, `"name":"Bingo 2"`) {
		t.Errorf("/oruk/services after the save = %s", body)
	}

	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Fatalf("exit %d after being told to stop:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Contains(stderr.String(), "swimming") {
		t.Errorf("the log holds a question's words:\n%s", stderr.String())
	}
}

// TestHealthzBeforeFirstGoodLoad: 503 while the file has errors, 200 once
// a good save is live.
func TestHealthzBeforeFirstGoodLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assets.yaml")
	writeFile(t, path, version(1, true))
	var logs syncBuffer
	lv, b := newLive(t, path, &logs, nil)
	lv.reload(context.Background(), true)
	h := healthz(lv, b)

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "no asset list loaded yet") {
		t.Fatalf("before a good load: %d %s", rec.Code, rec.Body)
	}
	writeFile(t, path, version(2, false))
	lv.reload(context.Background(), false)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"assets":1`) {
		t.Fatalf("after a good load: %d %s", rec.Code, rec.Body)
	}
}

func TestServeSettings(t *testing.T) {
	example, _ := filepath.Abs("../../assets/testdata/example.yaml")
	tests := []struct {
		env  map[string]string
		code int
		says string
	}{
		{nil, 2, "no front end to run"},
		{map[string]string{"SIGNPOST_LOG": "xml"}, 2, `SIGNPOST_LOG="xml": use text or json`},
		{map[string]string{"SIGNPOST_LOCATION_TTL": "forever"}, 2, "SIGNPOST_LOCATION_TTL"},
		{map[string]string{"SIGNPOST_GAPS_DAYS": "-3"}, 2, "SIGNPOST_GAPS_DAYS"},
	}
	for _, tt := range tests {
		if tt.env == nil {
			tt.env = map[string]string{}
		}
		if tt.env["SIGNPOST_GAPS_FILE"] == "" {
			tt.env["SIGNPOST_GAPS_FILE"] = filepath.Join(t.TempDir(), "gaps.jsonl")
		}
		var stderr bytes.Buffer
		code := run(context.Background(), []string{"serve", "--assets", example}, strings.NewReader(""), io.Discard, &stderr, func(k string) string { return tt.env[k] })
		if code != tt.code || !strings.Contains(stderr.String(), tt.says) {
			t.Errorf("env %v: exit %d, %q; want exit %d saying %q", tt.env, code, stderr.String(), tt.code, tt.says)
		}
	}
}

// TestServeUnwritableGapsFile: a gaps file that cannot be written stops
// serve at once with what to set, once the front ends are known good.
func TestServeUnwritableGapsFile(t *testing.T) {
	withFrontEnd(t)
	example, _ := filepath.Abs("../../assets/testdata/example.yaml")
	env := map[string]string{"SIGNPOST_GAPS_FILE": "/nonexistent/folder/gaps.jsonl", "SIGNPOST_LISTEN": freeAddr(t)}
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", "--assets", example}, strings.NewReader(""), io.Discard, &stderr, func(k string) string { return env[k] })
	if code != 1 || !strings.Contains(stderr.String(), "set SIGNPOST_GAPS_FILE to a file signpost may write") {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
}
