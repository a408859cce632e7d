package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"signpost/bot"
)

type gapList struct {
	mu   sync.Mutex
	gaps []bot.Gap
}

func (l *gapList) Record(g bot.Gap) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gaps = append(l.gaps, g)
}

// TestGapsRecordOnlyWhatWasAsked: a question that finds nothing as asked
// leaves a gap of topic, district and time, and nothing else about the
// person; one that finds what was asked leaves none.
func TestGapsRecordOnlyWhatWasAsked(t *testing.T) {
	var l gapList
	b := sampleWith(t, bot.Config{Gaps: &l})
	ask := func(text string, near *bot.Point) {
		t.Helper()
		if _, err := b.Answer(context.Background(), bot.Question{Text: text, From: "telegram:4242", Near: near, At: tuesday, Channel: "telegram"}); err != nil {
			t.Fatal(err)
		}
	}
	ask("knitting near me", oldburyLibrary)
	ask("hello", nil)
	ask("is Oldbury Library open on sunday", nil)
	if len(l.gaps) != 0 {
		t.Fatalf("answered questions left gaps: %+v", l.gaps)
	}

	ask("swimming lessons near me tomorrow evening", oldburyLibrary)
	ask("chess club in Tipton", nil)
	ask("my wife passed away and im from poland, anything near Princes End this evening", nil)
	if len(l.gaps) != 3 {
		t.Fatalf("gaps = %+v, want three", l.gaps)
	}
	swim, chess, story := l.gaps[0], l.gaps[1], l.gaps[2]
	if story.Topic != "support after losing someone" {
		t.Errorf("a gap for a situation names the need, never the person's story: %+v", story)
	}
	if swim.Topic != "swimming lessons" || swim.Place != "B69" || swim.When != "tomorrow evening" || swim.Channel != "telegram" || !swim.At.Equal(tuesday) {
		t.Errorf("swimming gap = %+v", swim)
	}
	if chess.Topic != "chess club" || chess.Place != "DY4" || chess.When != "" {
		t.Errorf("chess gap = %+v", chess)
	}
	raw, _ := json.Marshal(l.gaps)
	for _, private := range []string{"4242", "52.50", "-2.01"} {
		if strings.Contains(string(raw), private) {
			t.Errorf("a gap holds %q: %s", private, raw)
		}
	}
}

func TestCountGaps(t *testing.T) {
	at := func(h int) time.Time { return tuesday.Add(time.Duration(h) * time.Hour) }
	got := bot.CountGaps([]bot.Gap{
		{At: at(1), Topic: "chess", Place: "B69"},
		{At: at(2), Topic: "Swimming", Place: "B69"},
		{At: at(3), Topic: "swimming", Place: "B69"},
		{At: at(4), Topic: "darts", Place: "DY4"},
	})
	want := []bot.GapCount{
		{Topic: "swimming", Place: "B69", Count: 2, Last: at(3)},
		{Topic: "darts", Place: "DY4", Count: 1, Last: at(4)},
		{Topic: "chess", Place: "B69", Count: 1, Last: at(1)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
