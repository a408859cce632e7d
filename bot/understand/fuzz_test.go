package understand_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"signpost/bot"
)

// FuzzRead reads arbitrary messages: query syntax, binary, very long and
// mixed-script text. Reading never panics, is the same every time, keeps
// every word it returns to valid text, and a spanned time is never
// backwards.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"knitting near me", "kniting", "toddler groups in Tipton tomorrow", "is the library open now?",
		`+knit* -natter "quiz" name:(bingo) ~2 ^3 \ ::`, "", "   ", "more", "2", "the second one", "B69 4RJ", "b694rj quiz",
		"I want to die", strings.Repeat("knitting ", 400), "\x00\x01\x02\xff", "编织 knitting вязание حياكة",
		"near near near in at by", "free free cheap wheelchair over 50s", "tonight tomorrow weekend friday",
		"my 8 year old after school", "im 80", "ages 4-11", "just moved here and dont know a soul", "lonley",
	} {
		f.Add(s)
	}
	r := sampleReader(f)
	f.Fuzz(func(t *testing.T, text string) {
		m := r.Read(text, tuesday)
		if again := r.Read(text, tuesday); summary(again) != summary(m) {
			t.Fatalf("%q read two ways:\n%s\n%s", text, summary(m), summary(again))
		}
		for _, w := range append(append(append([]string(nil), m.Words...), m.Generic...), m.Topic...) {
			if w == "" || !utf8.ValidString(w) {
				t.Fatalf("%q: word %q", text, w)
			}
		}
		if m.When != nil {
			if len(m.When.Spans) == 0 {
				t.Fatalf("%q: a time with no spans", text)
			}
			for _, s := range m.When.Spans {
				if s.To.Before(s.From) {
					t.Fatalf("%q: span %v to %v", text, s.From, s.To)
				}
			}
		}
		if m.Intent == bot.IntentChoose && m.Choice < 1 {
			t.Fatalf("%q: choice %d", text, m.Choice)
		}
		if m.Place != nil && m.UnknownPlace != "" {
			t.Fatalf("%q: both a place and an unknown place", text)
		}
	})
}
