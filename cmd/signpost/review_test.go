package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"signpost/assets"
	"signpost/bot"
	"signpost/review"
)

// TestReviewCommand: a coach lists what is waiting, approves one (written
// into the asset file, which check still passes) and rejects another.
func TestReviewCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "assets.yaml")
	writeFile(t, path, version(1, false))
	q, err := review.Open(filepath.Join(dir, "review.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	suggest := func(day int) string {
		id, err := q.Suggest(review.Suggestion{From: "the organiser of hall/bingo", Summary: "Bingo 1: not on this Monday",
			Change: assets.Change{Asset: "hall", Activity: "bingo", Source: "the organiser, approved by a coach", Cancel: bot.Date{Year: 2026, Month: 12, Day: day}}})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	yes, no := suggest(7), suggest(14)

	code, out, _ := signpost(t, "", "review", "--assets", path)
	if code != 0 || !strings.Contains(out, yes) || !strings.Contains(out, no) || !strings.Contains(out, "Bingo 1: not on this Monday") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	if code, out, errOut := signpost(t, "", "review", "--assets", path, "approve", yes); code != 0 || !strings.Contains(out, "Approved") {
		t.Fatalf("approve: exit %d %s %s", code, out, errOut)
	}
	if code, _, _ := signpost(t, "", "review", "--assets", path, "reject", no); code != 0 {
		t.Fatalf("reject: exit %d", code)
	}
	if code, _, errOut := signpost(t, "", "review", "--assets", path, "approve", yes); code != 1 || !strings.Contains(errOut, "nothing with the id") {
		t.Errorf("approving twice: exit %d %s", code, errOut)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "except: [2026-12-07]") || strings.Contains(string(data), "2026-12-14") {
		t.Errorf("file:\n%s", data)
	}
	if code, out, _ := signpost(t, "", "check", path); code != 0 {
		t.Errorf("check after the write: %s", out)
	}
	if code, out, _ := signpost(t, "", "review", "--assets", path); code != 0 || !strings.Contains(out, "Nothing is waiting") {
		t.Errorf("list after: %s", out)
	}
}
