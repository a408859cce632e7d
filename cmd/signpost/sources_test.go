package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"signpost/bot"
	"signpost/feeds"
	"signpost/metrics"
)

// sourcesFile is an asset file naming a council's feed at url, with the
// coach's own entry for the feed's Men's Shed (record 105).
func sourcesFile(url string) string {
	return `area:
  name: Oldbury
  timezone: Europe/London
sources:
  - oruk: ` + url + `
assets:
  - id: shed
    name: Coach's Shed
    kind: other
    lat: 52.49
    lon: -2.02
    reviewed: 2026-11-01
    activities:
      - id: mens-shed
        name: Men's Shed
        source_id: "105"
        when:
          - days: [mon, tue, wed, thu, fri, sat, sun]
            time: "10:00-12:00"
`
}

// startServe runs serve over path with env until the test ends, and
// returns the bot it serves.
func startServe(t *testing.T, path string, env map[string]string) (services, context.CancelFunc, <-chan int) {
	t.Helper()
	svcs := withFrontEnd(t)
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve", "--assets", path}, strings.NewReader(""), io.Discard, io.Discard, func(k string) string { return env[k] })
	}()
	select {
	case svc := <-svcs:
		return svc, cancel, exit
	case code := <-exit:
		t.Fatalf("serve exited %d", code)
	case <-time.After(10 * time.Second):
		t.Fatal("serve never started its front end")
	}
	return services{}, cancel, exit
}

func stopServe(t *testing.T, cancel context.CancelFunc, exit <-chan int) {
	t.Helper()
	cancel()
	select {
	case <-exit:
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestServeSources: a council's feed named in the asset file is served
// beside the coaches' list, the coach's entry for one of its services
// winning; its state shows on /healthz and /metrics; and after a restart
// with the feed gone, its kept copy is still served.
func TestServeSources(t *testing.T) {
	page, err := os.ReadFile("../../feeds/testdata/oruk/v1-page.json")
	if err != nil {
		t.Fatal(err)
	}
	var up atomic.Bool
	up.Store(true)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "down", http.StatusNotFound)
			return
		}
		w.Write(page)
	}))
	defer feed.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	writeFile(t, path, sourcesFile(feed.URL+"/api/services?key=secret"))
	addr := freeAddr(t)
	env := map[string]string{"SIGNPOST_LISTEN": addr, "SIGNPOST_CACHE_DIR": filepath.Join(dir, "cache"), "SIGNPOST_GAPS_FILE": filepath.Join(dir, "gaps.jsonl")}
	at := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	ask := func(svc services, text string) bot.Answer {
		ans, _ := svc.bot.Answer(context.Background(), bot.Question{Text: text, Channel: "test", At: at, Near: &bot.Point{Lat: 52.5041, Lon: -2.0165}})
		return ans
	}
	knitServed := func(svc services) bool {
		ans := ask(svc, "knit and natter")
		return len(ans.Results) > 0 && ans.Results[0].Activity != nil && ans.Results[0].Activity.Name == "Knit and Natter"
	}

	svc, cancel, exit := startServe(t, path, env)
	eventually(t, "the council's Knit and Natter to be served", func() bool { return knitServed(svc) })
	for _, r := range ask(svc, "mens shed").Results {
		if r.Activity != nil && r.Activity.Name == "Men's Shed" && r.Asset.Name != "Coach's Shed" {
			t.Errorf("the council's Men's Shed at %s is served beside the coach's own", r.Asset.Name)
		}
	}
	var health struct {
		Sources []sourceStatus `json:"sources"`
	}
	_, body := get(t, "http://"+addr+"/healthz")
	if err := json.Unmarshal([]byte(body), &health); err != nil || len(health.Sources) != 1 || health.Sources[0].LastSuccess == nil ||
		health.Sources[0].Activities != 5 || strings.Contains(body, "secret") {
		t.Errorf("healthz = %s", body)
	}
	if _, metrics := get(t, "http://"+addr+"/metrics"); !strings.Contains(metrics, "signpost_source_activities{source=\"oruk "+feed.URL+"/api/services\"} 5") || strings.Contains(metrics, "secret") {
		t.Errorf("/metrics lacks the feed's activities, or shows its key")
	}
	stopServe(t, cancel, exit)

	up.Store(false)
	svc, cancel, exit = startServe(t, path, env)
	defer stopServe(t, cancel, exit)
	eventually(t, "the kept copy of the feed to be served after a restart with the feed down", func() bool { return knitServed(svc) })
	eventually(t, "healthz to say the feed failed", func() bool {
		_, body := get(t, "http://"+addr+"/healthz")
		return json.Unmarshal([]byte(body), &health) == nil && len(health.Sources) == 1 && health.Sources[0].LastError != ""
	})
	if !knitServed(svc) {
		t.Error("a failed read took the feed's venues away")
	}
}

// TestSourceThatPanics: a reader that panics on a feed is a failed read,
// not a stopped serve, and the last good copy stays.
func TestSourceThatPanics(t *testing.T) {
	s := newSources("", slog.New(slog.DiscardHandler), metrics.New())
	calls := 0
	s.read = func(context.Context, bot.Source, *time.Location) (*feeds.Feed, error) {
		calls++
		if calls == 1 {
			return &feeds.Feed{Assets: []bot.Asset{{ID: "hall", Name: "Hall", Activities: []bot.Activity{{ID: "tots", Name: "Tots"}}}}}, nil
		}
		panic("a feed nobody foresaw")
	}
	src := bot.Source{Standard: bot.ORUK, URLs: []string{"https://council.example/api"}, Every: time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.mu.Lock()
	key := sourceKey(src)
	s.feeds[key], s.order = &feed{src: src, loc: time.UTC}, []string{key}
	s.mu.Unlock()
	s.fetch(ctx, key)
	s.fetch(ctx, key)
	got, _ := s.imported()
	st := s.status()
	if len(got) != 1 || len(got[0]) != 1 || len(st) != 1 || !strings.Contains(st[0].LastError, "could not be read") {
		t.Errorf("imported %v, status %+v", got, st)
	}
}
