package telegram

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSeenSetRemembersAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seen")
	s := newSeenSet(path, 3, slog.New(slog.DiscardHandler))
	if err := s.open(); err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 5; id++ {
		if !s.add(id) {
			t.Fatalf("%d is new", id)
		}
	}
	if s.add(5) || !s.add(1) {
		t.Error("in memory, the newest 3 are remembered and older ones forgotten")
	}
	s.done(2)
	s.done(3)
	s.done(4)
	s.close()

	again := newSeenSet(path, 3, slog.New(slog.DiscardHandler))
	if err := again.open(); err != nil {
		t.Fatal(err)
	}
	defer again.close()
	for _, id := range []int64{2, 3, 4} {
		if again.add(id) {
			t.Errorf("update %d was answered before the restart", id)
		}
	}
	if !again.add(5) {
		t.Error("update 5 was taken but never answered: it should be answered when sent again")
	}
	// Twice keep lines (6) rewrites the file with the newest 3.
	for id := int64(10); id < 13; id++ {
		again.done(id)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Fields(string(b)); strings.Join(got, ",") != "10,11,12" {
		t.Errorf("after compaction the file holds %v", got)
	}
	again.done(13)
	if b, _ := os.ReadFile(path); !strings.HasSuffix(string(b), "12\n13\n") {
		t.Errorf("the file should be appended to after compaction: %q", b)
	}
}

func TestSeenSetFileProblemIsClear(t *testing.T) {
	dir := t.TempDir()
	s := newSeenSet(filepath.Join(dir, "no-such-dir", "seen"), 3, slog.New(slog.DiscardHandler))
	if err := s.open(); err == nil || !strings.Contains(err.Error(), "choose a file signpost can write") {
		t.Errorf("open = %v", err)
	}
}

func TestSeenSetSurvivesWhatACrashLeaves(t *testing.T) {
	for name, content := range map[string]string{
		"a last line cut short":        "100\n101\n10",
		"zero bytes never written out": "100\n101\n\x00\x00\x00\x00",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "seen")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			var logs strings.Builder
			s := newSeenSet(path, 10, slog.New(slog.NewTextHandler(&logs, nil)))
			if err := s.open(); err != nil {
				t.Fatalf("open: %v", err)
			}
			if s.add(100) || s.add(101) || !s.add(10) {
				t.Error("100 and 101 were answered; nothing else was")
			}
			s.done(102)
			s.close()
			if b, _ := os.ReadFile(path); string(b) != "100\n101\n102\n" {
				t.Errorf("the file should be clean again and added to: %q", b)
			}
			if strings.Contains(content, "\x00") == strings.Contains(logs.String(), "skipped lines cut short") {
				t.Errorf("a cut-short line, and only that, should be logged:\n%s", logs.String())
			}
		})
	}
}

func TestSeenSetRefusesSomeoneElsesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assets.yaml")
	const yaml = "area:\n  name: Oldbury\n"
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newSeenSet(path, 10, slog.New(slog.DiscardHandler))
	if err := s.open(); err == nil || !strings.Contains(err.Error(), "is not an answered updates file") {
		t.Errorf("open = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != yaml {
		t.Errorf("the file was changed: %q", b)
	}
}
