package slack

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Seeds for the fuzzers are also in testdata/fuzz.

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"<@U0BOT> knitting near B69", "tea &amp; toast &lt;3", "<mailto:a@b.c|a@b.c>", "<https://x.org|x>", "<#C1|general>", "<!here> <", "&lt;&gt;&amp;amp;", "<<>>|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := plainText(in)
		if len(out) > len(in) {
			t.Errorf("plainText(%q) = %q, longer than what was typed", in, out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Errorf("plainText(%q) = %q, not UTF-8", in, out)
		}
		if out != strings.TrimSpace(out) {
			t.Errorf("plainText(%q) = %q, not trimmed", in, out)
		}
	})
}

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"", "help", "gaps", " STALE. ", "stale bread", "knitting near B69", "<@U1> gaps", "more", "?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c := parseCommand(text)
		switch c.kind {
		case askQuestion:
			if c.question == "" || c.question != plainText(text) {
				t.Errorf("parseCommand(%q) asks %q", text, c.question)
			}
		case showHelp, showGaps, showStale:
			if c.question != "" {
				t.Errorf("parseCommand(%q) is a keyword with question %q", text, c.question)
			}
		default:
			t.Errorf("parseCommand(%q) kind %d", text, c.kind)
		}
	})
}

func FuzzParseAction(f *testing.F) {
	f.Add(actionMore, "0123456789abcdef")
	f.Add(actionShare, "fedcba9876543210")
	f.Add(actionMore, "0123456789ABCDEF")
	f.Add("other", "0123456789abcdef")
	f.Add(actionShare, "")
	f.Add(actionChoice+"_1", "money advice")
	f.Add(actionChoice+"_", "money advice")
	f.Add(actionChoice+"_2", " ")
	f.Fuzz(func(t *testing.T, actionID, value string) {
		act, ok := parseAction(actionID, value)
		if !ok {
			if act != (action{}) {
				t.Errorf("parseAction(%q, %q) refused but gave %+v", actionID, value, act)
			}
			return
		}
		switch act.kind {
		case pressMore, pressShare:
			if act.id != value || act.ask != "" || len(act.id) != answerIDLen || strings.Trim(act.id, "0123456789abcdef") != "" {
				t.Errorf("parseAction(%q, %q) took id %q", actionID, value, act.id)
			}
			if (act.kind == pressMore) != (actionID == actionMore) || (actionID != actionMore && actionID != actionShare) {
				t.Errorf("parseAction(%q, %q) = %+v", actionID, value, act)
			}
		case pressChoice:
			if act.ask != value || act.id != "" || strings.TrimSpace(value) == "" || len(value) > maxValue || !strings.HasPrefix(actionID, actionChoice+"_") {
				t.Errorf("parseAction(%q, %q) = %+v", actionID, value, act)
			}
		default:
			t.Errorf("parseAction(%q, %q) kind %d", actionID, value, act.kind)
		}
	})
}
