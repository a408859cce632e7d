package safety_test

import (
	"testing"

	"signpost/bot/safety"
)

// TestExtraWords: the coaches' safety.words make a message Urgent
// wherever they appear, however the words are split, joined or cased,
// even where a built-in guard would read the words as harmless.
func TestExtraWords(t *testing.T) {
	extra := []string{"jump off the bridge", "self-harm", "Blue Whale", "killing time"}
	plain, coached := safety.New(nil), safety.New(extra)
	for _, text := range []string{
		"the blue whale challenge",
		"BLUE WHALE",
		"bluewhale",
		"blue-whale",
		"just killing time",
	} {
		if got := plain.Check(text); got == safety.Urgent {
			t.Errorf("without extra words, %q is already urgent: the test proves nothing", text)
		}
		if got := coached.Check(text); got != safety.Urgent {
			t.Errorf("with extra words, %q: %s, want urgent", text, got)
		}
	}
	for _, text := range []string{"self harm", "SELF HARM", "selfharm", "self-harming", "i'm going to jump off the bridge"} {
		if got := coached.Check(text); got != safety.Urgent {
			t.Errorf("%q: %s, want urgent", text, got)
		}
	}
	for _, text := range []string{"whales in the blue sea", "bluebell walk", "bridge club"} {
		if got := coached.Check(text); got != safety.None {
			t.Errorf("%q: %s, want none: an extra phrase matches whole words in order", text, got)
		}
	}
}

// TestExtraWordsEmpty: empty or wordless extra entries are ignored, not a
// match for everything.
func TestExtraWordsEmpty(t *testing.T) {
	c := safety.New([]string{"", "  ", "!!!", "-"})
	if got := c.Check("knitting near me"); got != safety.None {
		t.Fatalf("got %s, want none", got)
	}
}
