package bot_test

import (
	"context"
	"strings"
	"testing"

	"signpost/bot"
	"signpost/bot/safety"
)

// TestCrisisBeforeAnyList: someone in danger gets the safety message even
// while no asset list is loaded; anyone else gets the apology.
func TestCrisisBeforeAnyList(t *testing.T) {
	b := bot.New(bot.Config{}, nil)
	ans, err := b.Answer(context.Background(), bot.Question{Text: "I want to end it all", At: tuesday})
	if err != nil || ans.Safety != safety.Urgent || !strings.Contains(ans.Reply, "116 123") {
		t.Fatalf("crisis with no list: %v, %+v", err, ans)
	}
	if _, err := b.Answer(context.Background(), bot.Question{Text: "knitting", At: tuesday}); err != bot.ErrNotReady {
		t.Fatalf("a question with no list: err %v, want ErrNotReady", err)
	}
}

// TestCrisisChecksWithoutSearching: Crisis finds the built-in phrases and
// the file's own safety words, and is not fooled by ordinary questions.
func TestCrisisChecksWithoutSearching(t *testing.T) {
	b := sample(t)
	for text, want := range map[string]bool{
		"i've been self-harming again": true,
		"SUICIDE":                      true,
		"i want to hurt myself":        true,
		"knitting near me":             false,
		"\xff\xfe":                     false,
		"":                             false,
	} {
		ans, ok := b.Crisis(text)
		if ok != want || ok != (ans.Safety == safety.Urgent) {
			t.Errorf("Crisis(%q) = %v (safety %v), want %v", text, ok, ans.Safety, want)
		}
		if ok && !strings.Contains(ans.Reply, "999") {
			t.Errorf("Crisis(%q) reply %q lacks the safety message", text, ans.Reply)
		}
	}
}
