package review

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
)

const file = `area:
  name: Oldbury
  timezone: Europe/London
assets:
  # the hall: ring first
  - id: hall
    name: St Francis Hall
    kind: community-centre
    lat: 52.49
    lon: -2.02
    reviewed: 2026-10-01
    activities:
      - id: tots
        name: Tots
        when:
          - days: [wed]
            time: "09:30-11:00"
`

var today = bot.Date{Year: 2026, Month: 12, Day: 4}

// setup is an asset file and a queue beside it.
func setup(t *testing.T) (string, *Queue) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	q, err := Open(filepath.Join(dir, "review.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return path, q
}

func cancel(day int, base string) Suggestion {
	return Suggestion{From: "the organiser of hall/tots", Summary: "Tots at St Francis Hall: not on this Wednesday",
		Change: assets.Change{Asset: "hall", Activity: "tots", Base: base, Today: today, Source: "the organiser, approved by a coach",
			Cancel: bot.Date{Year: 2026, Month: 12, Day: day}}}
}

// TestQueue: suggestions wait until a coach decides; an approval is
// written into the file, a rejection is not; a change to an entry a
// coach edited since stays waiting as a conflict; the log survives a
// restart and is readable by its owner only.
func TestQueue(t *testing.T) {
	path, q := setup(t)
	data, _ := os.ReadFile(path)
	base, err := assets.EntryHash(data, "hall")
	if err != nil {
		t.Fatal(err)
	}
	apply := func(c assets.Change) error { return assets.ApplyFile(path, c) }
	a, _ := q.Suggest(cancel(9, base))
	b, _ := q.Suggest(cancel(16, base))
	c, _ := q.Suggest(cancel(23, base))
	if p, _ := q.Pending(); len(p) != 3 {
		t.Fatalf("%d pending, want 3", len(p))
	}
	if err := q.Decide(a, true, "coach Jo", apply); err != nil {
		t.Fatal(err)
	}
	if err := q.Decide(b, false, "coach Jo", apply); err != nil {
		t.Fatal(err)
	}
	// The first write changed the hall's entry, so the third, made
	// against the entry as it was, is a conflict.
	if err := q.Decide(c, true, "coach Sam", apply); !errors.Is(err, assets.ErrConflict) {
		t.Fatalf("third decision: %v, want a conflict", err)
	}
	out, _ := os.ReadFile(path)
	if !strings.Contains(string(out), "except: [2026-12-09]") || strings.Contains(string(out), "2026-12-16") || !strings.Contains(string(out), "# the hall: ring first") {
		t.Errorf("file after the decisions:\n%s", out)
	}
	again, err := Open(q.path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := again.Pending()
	if err != nil || len(p) != 1 || p[0].ID != c || p[0].Status != Conflict || p[0].Note == "" {
		t.Fatalf("pending after a restart = %+v, %v", p, err)
	}
	if err := again.Decide(a, true, "coach Jo", apply); !errors.Is(err, ErrNotPending) {
		t.Errorf("deciding a written suggestion again: %v", err)
	}
	if info, _ := os.Stat(q.path); info.Mode().Perm() != 0o600 {
		t.Errorf("log mode %v, want 0600", info.Mode().Perm())
	}
	log, _ := os.ReadFile(q.path)
	for _, kind := range []Kind{Suggested, Approved, Rejected, Written, Conflict} {
		if !strings.Contains(string(log), `"kind":"`+string(kind)+`"`) {
			t.Errorf("the log has no %s line", kind)
		}
	}
}

// TestConcurrentApprovals: twenty approvals at once all land.
func TestConcurrentApprovals(t *testing.T) {
	path, q := setup(t)
	apply := func(c assets.Change) error { return assets.ApplyFile(path, c) }
	var ids []string
	for day := range 20 {
		s := cancel(1, "")
		s.Change.Cancel = bot.Date{Year: 2027, Month: 1, Day: 1}.AddDays(day)
		id, err := q.Suggest(s)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(ids))
	for _, id := range ids {
		wg.Go(func() { errs <- q.Decide(id, true, "coach", apply) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	data, _ := os.ReadFile(path)
	cat, _, err := assets.Parse(data, assets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cat.Assets[0].Activities[0].Except); n != 20 {
		t.Errorf("%d cancellations in the file, want 20", n)
	}
	if p, _ := q.Pending(); len(p) != 0 {
		t.Errorf("%d still pending", len(p))
	}
}

// TestInterruptedApproval: an approval whose write was cut short (no
// written line after it) is not written a second time.
func TestInterruptedApproval(t *testing.T) {
	_, q := setup(t)
	id, _ := q.Suggest(cancel(9, ""))
	if err := q.append(line{Kind: Approved, ID: id, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	calls := 0
	err := q.Decide(id, true, "coach", func(assets.Change) error { calls++; return nil })
	if !errors.Is(err, ErrUnfinished) || calls != 0 {
		t.Fatalf("err %v, %d writes", err, calls)
	}
	if p, _ := q.Pending(); len(p) != 1 || p[0].Status != Approved {
		t.Errorf("pending = %+v", p)
	}
	if err := q.Decide(id, false, "coach", nil); err != nil {
		t.Errorf("rejecting it: %v", err)
	}
}
