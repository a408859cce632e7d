package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"signpost/bot"
)

// TestRestartOpensTheKeptIndex runs serve's live list over one index
// directory as a restart would: an unchanged file opens the index kept by
// the run before, a save while running is kept too, a file changed while
// nothing ran is indexed afresh, and a directory another run holds is
// left alone while this one serves from memory.
func TestRestartOpensTheKeptIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	path := filepath.Join(t.TempDir(), "assets.yaml")
	keep, err := newKeeper(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	// run starts a live list as serve does and returns what stops it.
	run := func(want int, wantLog string) (*live, func()) {
		t.Helper()
		var logs syncBuffer
		lv, b := newLive(t, path, &logs, nil)
		lv.keep = keep
		if !lv.reload(context.Background(), true) {
			t.Fatalf("first load refused:\n%s", logs.String())
		}
		if !strings.Contains(logs.String(), wantLog) {
			t.Errorf("log does not say %q:\n%s", wantLog, logs.String())
		}
		assertBingo(t, b, want)
		return lv, func() {
			b.Close()
			lv.close()
		}
	}

	writeFile(t, path, version(1, false))
	_, stop := run(1, "asset list live")
	stop()

	lv, stop := run(1, "opened the index kept on disk")
	writeFile(t, path, version(2, false))
	if !lv.reload(context.Background(), false) {
		t.Fatal("a good save while running was refused")
	}
	stop()

	_, stop = run(2, "opened the index kept on disk")
	stop()

	writeFile(t, path, version(3, false))
	_, stop = run(3, "building the index afresh")
	defer stop()

	other, _ := run(3, "cannot keep the index on disk")
	if other.keep != nil {
		t.Error("a run that could not lock the directory still means to keep its index there")
	}
}

// assertBingo checks that b answers from save want of version.
func assertBingo(t *testing.T, b *bot.Bot, want int) {
	t.Helper()
	ans, err := b.Answer(context.Background(), bot.Question{Text: "bingo"})
	if err != nil {
		t.Fatal(err)
	}
	if got := bingoNumber(ans); got != want {
		t.Errorf("answered from save %d, want %d", got, want)
	}
}
