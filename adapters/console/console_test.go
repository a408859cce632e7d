package console

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// fakeBot records questions and answers each with a fixed reply, or fails
// when asked to.
type fakeBot struct {
	asked []bot.Question
}

func (f *fakeBot) Answer(_ context.Context, q bot.Question) (bot.Answer, error) {
	f.asked = append(f.asked, q)
	if q.Text == "break" {
		return bot.Answer{Reply: "Sorry, something went wrong on my side."}, errors.New("index closed")
	}
	return bot.Answer{Reply: "reply to " + q.Text}, nil
}

func TestRun(t *testing.T) {
	f := &fakeBot{}
	var out, logs bytes.Buffer
	near := &bot.Point{Lat: 52.5, Lon: -2.0}
	in := strings.NewReader("knitting near me\nbreak\n\nquiz tonight\nquit\nnever read\n")
	err := Run(context.Background(), f, in, &out, Options{Near: near, Welcome: "Hello there", Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"Hello there\n", "reply to knitting near me\n", "Sorry, something went wrong on my side.\n", "reply to quiz tonight\n", "Bye for now!\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if len(f.asked) != 4 {
		t.Fatalf("asked %d questions, want 4 (stopping at quit)", len(f.asked))
	}
	if f.asked[0].Near != near || f.asked[1].Near != nil {
		t.Error("the --near location should be shared with the first question only; the bot remembers it")
	}
	if f.asked[0].From != conversation || f.asked[0].Channel != "console" {
		t.Errorf("question = %+v", f.asked[0])
	}
	if !strings.Contains(logs.String(), "index closed") || strings.Contains(logs.String(), "break") {
		t.Errorf("the log should hold the error and never the message text: %s", logs.String())
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	pr, pw := io.Pipe()
	defer pw.Close()
	var out bytes.Buffer
	if err := Run(ctx, &fakeBot{}, pr, &out, Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestRunEndsAtEndOfInput(t *testing.T) {
	var out bytes.Buffer
	f := &fakeBot{}
	if err := Run(context.Background(), f, strings.NewReader("hi"), &out, Options{}); err != nil {
		t.Fatal(err)
	}
	if len(f.asked) != 1 || !strings.Contains(out.String(), "reply to hi") {
		t.Errorf("a last line with no newline should still be answered: %q", out.String())
	}
}

// "help" in the console is the real bot's help over the sample list,
// which ends with the area's crisis numbers; and choices are numbered,
// so typing a number picks one.
func TestHelpShowsCrisisNumbersAndChoicesAreNumbered(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	cat, _, err := assets.Load("../../assets.yaml", assets.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Config{Now: func() time.Time { return now }}, bot.NewInMemory(time.Hour))
	b.Use(cat, ix, understand.New(cat, nil))
	t.Cleanup(b.Close)

	var out bytes.Buffer
	if err := Run(context.Background(), b, strings.NewReader("help\nstruggling\n1\n"), &out, Options{}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"Tell me what you're looking for",
		"\n\n" + b.SafetyMessage() + "\n",
		"1. Help with money\n2. Wellbeing and mental health\n\nType a number to choose.",
		"Here's what I found for money advice",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(b.SafetyMessage(), "999") {
		t.Errorf("the sample's crisis message %q has no 999", b.SafetyMessage())
	}
}
