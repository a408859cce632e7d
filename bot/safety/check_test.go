package safety_test

import (
	"strings"
	"sync"
	"testing"

	"signpost/bot/safety"
)

// TestAnyText: Check takes any text at all.
func TestAnyText(t *testing.T) {
	c := safety.New(nil)
	for _, tc := range []struct {
		name, text string
		want       safety.Level
	}{
		{"empty", "", safety.None},
		{"spaces", "   \t\n ", safety.None},
		{"invalid UTF-8", "\xff\xfe\xfd", safety.None},
		{"control bytes", "\x00\x01\x02", safety.None},
		{"emoji only", "😀😀🎉", safety.None},
		{"pill emoji only", "💊", safety.Urgent},
		{"100 KB of chat", strings.Repeat("knitting near me tomorrow? ", 4000), safety.None},
		{"100 KB with a cry at the end", strings.Repeat("knitting near me tomorrow? ", 4000) + "i want to die", safety.Urgent},
		{"one 100 KB word", strings.Repeat("a", 100_000), safety.None},
		{"100 KB of digits", strings.Repeat("9", 100_000), safety.None},
		{"invalid UTF-8 around a cry", "\xffi want to die\xfe", safety.Urgent},
	} {
		if got := c.Check(tc.text); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestConcurrent: one Checker serves many goroutines at once (run with
// -race to see it).
func TestConcurrent(t *testing.T) {
	c := safety.New([]string{"blue whale"})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if c.Check("i want to kill myself") != safety.Urgent || c.Check("knitting near me") != safety.None {
					t.Error("wrong level under concurrent use")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestLevelString(t *testing.T) {
	for l, want := range map[safety.Level]string{safety.None: "none", safety.Concern: "concern", safety.Urgent: "urgent", safety.Level(7): "level(7)"} {
		if got := l.String(); got != want {
			t.Errorf("%d: %q, want %q", int(l), got, want)
		}
	}
}
