package gaps

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"signpost/bot"
)

var monday = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func openAt(t *testing.T, path string, now time.Time, logs *bytes.Buffer) *File {
	t.Helper()
	f := New(path, 90*24*time.Hour, slog.New(slog.NewTextHandler(logs, nil)))
	f.now = func() time.Time { return now }
	if err := f.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestRecordAndCount(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gaps.jsonl")
	var logs bytes.Buffer
	f := openAt(t, path, monday, &logs)
	for i, g := range []bot.Gap{
		{Topic: "swimming", Place: "B69", When: "tomorrow"},
		{Topic: "Swimming", Place: "B69"},
		{Topic: "swimming", Place: "DY4"},
		{Topic: "chess", Place: "B69"},
		{Topic: "swimming", Place: "B69"},
	} {
		g.At = monday.Add(time.Duration(i) * time.Minute)
		f.Record(g)
	}
	got, err := f.Counts(monday.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		topic, place string
		n            int
	}{{"swimming", "B69", 3}, {"chess", "B69", 1}, {"swimming", "DY4", 1}}
	if len(got) != len(want) {
		t.Fatalf("counts = %+v", got)
	}
	for i, w := range want {
		if got[i].Topic != w.topic || got[i].Place != w.place || got[i].Count != w.n {
			t.Errorf("count %d = %+v, want %+v", i, got[i], w)
		}
	}
	if later, _ := f.Counts(monday.Add(3 * time.Minute)); len(later) != 2 {
		t.Errorf("counts since the fourth gap = %+v, want chess and swimming", later)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, %v: want 0600, readable only by the bot", info.Mode(), err)
	}
	if logs.Len() != 0 {
		t.Errorf("logged: %s", logs.String())
	}
}

func TestPruneKeepsOnlyRecentGaps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gaps.jsonl")
	old := `{"at":"2026-07-01T10:00:00Z","topic":"bowls","place":"B69"}` + "\n"
	recent := `{"at":"2026-11-01T10:00:00Z","topic":"chess","place":"DY4"}` + "\n"
	cutOff := `{"at":"2026-11-02T10:00:00Z","topic":"sw` + "\n"
	if err := os.WriteFile(path, []byte(old+recent+cutOff), 0o600); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	now := monday
	f := openAt(t, path, now, &logs)
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "bowls") || !strings.Contains(string(data), "chess") {
		t.Fatalf("after opening, the file holds:\n%s", data)
	}

	// A day later, past chess's 90 days, the next record prunes again.
	f.now = func() time.Time { return time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC) }
	f.Record(bot.Gap{At: f.now(), Topic: "darts", Place: "B69"})
	gs, err := Read(path, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 || gs[0].Topic != "darts" {
		t.Fatalf("after a day's prune: %+v", gs)
	}
}

func TestRecordToAnUnwritableFileLogsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "gaps.jsonl")
	var logs bytes.Buffer
	f := New(path, time.Hour, slog.New(slog.NewTextHandler(&logs, nil)))
	f.now = func() time.Time { return monday }
	if err := f.Open(); err == nil {
		t.Fatal("opening a gaps file in a folder that does not exist: no error")
	}
	f.Record(bot.Gap{At: monday, Topic: "chess"})
	if !strings.Contains(logs.String(), "gap not recorded") || strings.Contains(logs.String(), "chess") {
		t.Fatalf("the failed record was not logged, or its topic was: %q", logs.String())
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	f.Record(bot.Gap{At: monday, Topic: "darts"})
	if gs, err := Read(path, time.Time{}); err != nil || len(gs) != 1 {
		t.Fatalf("once the folder exists, the next gap is kept: %v %+v", err, gs)
	}
}

func TestReadMissingFile(t *testing.T) {
	if _, err := Read(filepath.Join(t.TempDir(), "none.jsonl"), time.Time{}); err == nil {
		t.Fatal("no error for a missing file")
	}
}
