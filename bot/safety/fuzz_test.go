package safety_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"signpost/bot/safety"
)

// dropApostrophes removes the apostrophes people leave out.
var dropApostrophes = strings.NewReplacer("'", "", "’", "")

// FuzzCheck: Check never panics, always gives a known level, and gives
// the same level for the text in capitals and for the text without
// apostrophes, where those are the same words (valid UTF-8 whose case
// folds back to the same lower case: not "ß", which upper-cases to "SS").
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"", " ", "knitting near me tomorrow", "i want to kill myself", "I'M NOT OK",
		"don't want to be here anymore", "💊💊💊 tonight", "su1c1de", "k i l l", "took 30 paracetamol",
		"my back is killing me", "he said he'd kill me if i left", "\xff\xfe", "a\x00b", "ß", "İ",
		"self-harm", "10,400mg", "...", "!!!???", "od'd", strings.Repeat("my my ", 200),
	} {
		f.Add(s)
	}
	c := safety.New([]string{"jump off the bridge", "self-harm"})
	f.Fuzz(func(t *testing.T, s string) {
		lvl := c.Check(s)
		if lvl < safety.None || lvl > safety.Urgent {
			t.Fatalf("level %d out of range", lvl)
		}
		if !utf8.ValidString(s) {
			return
		}
		if up := strings.ToUpper(s); strings.ToLower(up) == strings.ToLower(s) {
			if got := c.Check(up); got != lvl {
				t.Errorf("%q is %s but in capitals %s", s, lvl, got)
			}
		}
		if got := c.Check(dropApostrophes.Replace(s)); got != lvl {
			t.Errorf("%q is %s but without apostrophes %s", s, lvl, got)
		}
	})
}
