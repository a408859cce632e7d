package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/metrics"
	"signpost/watch"
)

// version is an asset file whose one activity is called "Bingo <n>", so
// an answer shows which save it came from. A broken version has a kind
// that does not exist and must never be served.
func version(n int, broken bool) string {
	kind := "community-centre"
	if broken {
		kind = "bar"
	}
	return fmt.Sprintf(`area:
  name: Test
  timezone: Europe/London
assets:
  - id: hall
    name: Hall %d
    kind: %s
    lat: 52.5
    lon: -2.0
    reviewed: 2026-11-01
    activities:
      - id: bingo
        name: Bingo %d
        when:
          - days: [mon, tue, wed, thu, fri, sat, sun]
            time: "10:00-12:00"
`, n, kind, n)
}

// newLive is a live list over path, with its log in logs and its alerts
// sent to alerts.
func newLive(t testing.TB, path string, logs *syncBuffer, alerts chan<- string) (*live, *bot.Bot) {
	t.Helper()
	// These tests are about which list answers, not how fast: on a CI
	// machine busy with every other package's tests, a search can wait
	// its turn for longer than the production bound of 2 s.
	b := bot.New(bot.Config{SearchTimeout: time.Minute}, bot.NewInMemory(time.Hour))
	t.Cleanup(b.Close)
	lv := &live{
		path:    path,
		bot:     b,
		metrics: metrics.New(),
		log:     slog.New(slog.NewTextHandler(logs, nil)),
		now:     func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) },
	}
	t.Cleanup(func() { lv.close() })
	if alerts != nil {
		lv.alert = func(_ context.Context, text string) error {
			alerts <- text
			return nil
		}
	}
	return lv, b
}

// syncBuffer is a log that many goroutines may write.
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

// bingoNumber is the save an answer came from, or -1.
func bingoNumber(ans bot.Answer) int {
	if len(ans.Results) == 0 || ans.Results[0].Activity == nil {
		return -1
	}
	n, err := strconv.Atoi(strings.TrimPrefix(ans.Results[0].Activity.Name, "Bingo "))
	if err != nil {
		return -1
	}
	return n
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReloadUnderLoad saves 200 edits in quick succession, good and
// broken, written in place, renamed over and truncated then written, while
// four goroutines ask questions all the time. No question fails, every
// answer comes from a save that passed the check, and at the end the last
// good save is live.
func TestReloadUnderLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	writeFile(t, path, version(0, false))
	var logs syncBuffer
	lv, b := newLive(t, path, &logs, nil)
	if !lv.reload(context.Background(), true) {
		t.Fatalf("the first good file did not go live:\n%s", logs.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go watch.File(ctx, path, watch.Options{Poll: 100 * time.Millisecond, Settle: 30 * time.Millisecond}, func() { lv.reload(ctx, false) })

	broken := func(i int) bool { return i%3 == 1 || i == 199 }
	var answered atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	defer wg.Wait()
	defer close(stop)
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				ans, err := b.Answer(ctx, bot.Question{Text: "bingo", At: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
				n := bingoNumber(ans)
				if err != nil || n < 0 {
					t.Errorf("a question failed during reloads: %v, %q", err, ans.Reply)
					return
				}
				if broken(n) {
					t.Errorf("answered from broken save %d", n)
					return
				}
				answered.Add(1)
			}
		})
	}

	for i := 1; i <= 199; i++ {
		content := version(i, broken(i))
		switch i % 4 {
		case 0:
			writeFile(t, path, content)
		case 1:
			tmp := filepath.Join(dir, ".assets.yaml.tmp")
			writeFile(t, tmp, content)
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
		case 2:
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			half := len(content) / 2
			f.WriteString(content[:half])
			f.WriteString(content[half:])
			f.Close()
		case 3:
			writeFile(t, path, content[:len(content)/3]) // saved half-way through typing
			writeFile(t, path, content)
		}
		// Saves come in bursts, with now and then a pause long enough for
		// the watch to settle and reload while the next burst begins.
		pause := 2 * time.Millisecond
		if i%5 == 0 {
			pause = 60 * time.Millisecond
		}
		time.Sleep(pause)
		if i == 198 {
			// A save overwritten before the watch reads it is gone, so
			// the last good save is seen live, as a coach would see it,
			// before the final broken one.
			eventually(t, "save 198 to go live", func() bool {
				ans, _ := b.Answer(ctx, bot.Question{Text: "bingo", At: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
				return bingoNumber(ans) == 198
			})
		}
	}

	// The last save (199) is broken, so 198 must be what stays live, once
	// the watch has caught up with the final bytes.
	final := sha256.Sum256([]byte(version(199, true)))
	deadline := time.Now().Add(10 * time.Second)
	for {
		lv.mu.Lock()
		caughtUp := lv.tried == final
		lv.mu.Unlock()
		ans, _ := b.Answer(ctx, bot.Question{Text: "bingo", At: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
		if caughtUp && bingoNumber(ans) == 198 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the last save: caught up %v, serving save %d, want 198\n%s", caughtUp, bingoNumber(ans), logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if answered.Load() < 100 {
		t.Errorf("only %d questions answered during the saves", answered.Load())
	}
	if live := strings.Count(logs.String(), "asset list live"); live < 10 {
		t.Errorf("only %d saves went live: the test did not reload under load", live)
	}
	if !strings.Contains(logs.String(), "asset file has an error") {
		t.Errorf("no broken save was logged:\n%s", logs.String())
	}
}

// TestBrokenFilesAreNeverServed puts each file of the broken corpus live
// after a good one: each is refused with a line-numbered error in the log,
// and the good list is still what people get.
func TestBrokenFilesAreNeverServed(t *testing.T) {
	files, err := filepath.Glob("../../assets/testdata/broken/*.yaml")
	if err != nil || len(files) < 50 {
		t.Fatalf("broken corpus: %d files, %v", len(files), err)
	}
	path := filepath.Join(t.TempDir(), "assets.yaml")
	writeFile(t, path, version(1, false))
	var logs syncBuffer
	lv, b := newLive(t, path, &logs, nil)
	if !lv.reload(context.Background(), true) {
		t.Fatalf("good file refused:\n%s", logs.String())
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, string(data))
		before := len(logs.String())
		if lv.reload(context.Background(), false) {
			t.Errorf("%s went live", filepath.Base(f))
			continue
		}
		logged := logs.String()[before:]
		if !strings.Contains(logged, "line=") {
			t.Errorf("%s: no line number in the log:\n%s", filepath.Base(f), logged)
		}
		ans, err := b.Answer(context.Background(), bot.Question{Text: "bingo", At: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
		if err != nil || bingoNumber(ans) != 1 {
			t.Fatalf("after %s: %v, %q", filepath.Base(f), err, ans.Reply)
		}
	}
}

// TestAlertOncePerBadSave: a bad save is alerted once with its lines, the
// same bytes saved again are not alerted again, and a different mistake
// is; a good save goes live as usual.
func TestAlertOncePerBadSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assets.yaml")
	writeFile(t, path, version(1, false))
	var logs syncBuffer
	alerts := make(chan string, 10)
	lv, b := newLive(t, path, &logs, alerts)
	lv.reload(context.Background(), true)

	bad := strings.Replace(version(2, false), "days: [mon, tue, wed", "days: [mon, Tuseday, wed", 1)
	writeFile(t, path, bad)
	lv.reload(context.Background(), false)
	lv.reload(context.Background(), true) // SIGHUP with the same bytes
	writeFile(t, path, bad)
	lv.reload(context.Background(), false)
	writeFile(t, path, version(3, true))
	lv.reload(context.Background(), false)
	close(alerts)
	var got []string
	for a := range alerts {
		got = append(got, a)
	}
	if len(got) != 2 {
		t.Fatalf("%d alerts, want 2 (one per different bad save): %q", len(got), got)
	}
	if !strings.Contains(got[0], "line 15: 'Tuseday' is not a day") || !strings.Contains(got[0], "still answering from the list saved") {
		t.Errorf("first alert = %q", got[0])
	}
	if !strings.Contains(got[1], "line 7:") || !strings.Contains(got[1], `"bar" is not a kind`) {
		t.Errorf("second alert = %q", got[1])
	}

	writeFile(t, path, version(4, false))
	if !lv.reload(context.Background(), false) {
		t.Fatalf("the next good save did not go live:\n%s", logs.String())
	}
	ans, _ := b.Answer(context.Background(), bot.Question{Text: "bingo", At: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
	if bingoNumber(ans) != 4 {
		t.Fatalf("serving %q, want save 4", ans.Reply)
	}
}

// TestFirstLoadBad: a file that is broken from the start answers nobody
// but keeps the bot up, until a good save.
func TestFirstLoadBad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assets.yaml")
	writeFile(t, path, version(1, true))
	var logs syncBuffer
	lv, b := newLive(t, path, &logs, nil)
	if lv.reload(context.Background(), true) {
		t.Fatal("a broken first file went live")
	}
	if _, ok := lv.servedSince(); ok {
		t.Fatal("servedSince says a list is served")
	}
	if _, err := b.Answer(context.Background(), bot.Question{Text: "bingo"}); err != bot.ErrNotReady {
		t.Fatalf("err = %v, want ErrNotReady", err)
	}
	writeFile(t, path, version(2, false))
	if !lv.reload(context.Background(), false) {
		t.Fatalf("good save refused:\n%s", logs.String())
	}
	if _, _, ok := b.Ready(); !ok {
		t.Fatal("not ready after a good save")
	}
	if _, err := assets.Read(filepath.Join(t.TempDir(), "missing.yaml"), assets.Options{}); err == nil {
		t.Fatal("reading a missing file: no error")
	}
}
