package telegram

import (
	"strings"
	"testing"
	"unicode/utf8"

	"signpost/adapters/telegram/telegramtest"
)

// FuzzSplitHTML feeds the splitter text made HTML as format makes it:
// escaped, with some of it bold. Every message must fit, be valid on its
// own, and together they must say all of the text in order.
func FuzzSplitHTML(f *testing.F) {
	f.Add("Here's what I found:\n\nKnit & Natter <Tuesdays>\nTue 1 Dec · Free", "Oldbury Library", 64)
	f.Add(strings.Repeat("word ", 300), strings.Repeat("bold ", 50), 100)
	f.Add(strings.Repeat("😀", 90), "é", 40)
	f.Add("a\n\nb\nc d", "", 32)
	f.Fuzz(func(t *testing.T, plain, bold string, limit int) {
		if !utf8.ValidString(plain) || !utf8.ValidString(bold) {
			return
		}
		limit = 32 + abs(limit)%4000
		html := escape(plain) + "<b>" + escape(bold) + "</b>" + escape(plain)
		parts := splitHTML(html, limit)
		var joined strings.Builder
		for i, p := range parts {
			if n := utf16Len(p); n > limit {
				t.Fatalf("part %d is %d long, limit %d", i, n, limit)
			}
			if err := telegramtest.CheckHTML(p); err != nil {
				t.Fatalf("part %d %q: %v", i, p, err)
			}
			if strings.TrimSpace(plainOf(p)) == "" {
				t.Fatalf("part %d %q is empty", i, p)
			}
			joined.WriteString(plainOf(p))
		}
		if got, want := noSpace(joined.String()), noSpace(plainOf(html)); got != want {
			t.Fatalf("the parts say\n%q\nthe whole said\n%q", got, want)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// FuzzParseCommand checks that anything a person types is either a command
// with a clean name, or text, and that a mention is only found as a word.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"/start", "/near@signpost_bot Tipton", "/near@", "/ hello", "/home/me", "/START now", "@signpost_bot quiz", "x@signpost_bots.org", "@signpost_bot@signpost_bot hi", "/" + strings.Repeat("a", 40), "/help@other_bot"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		name, target, args, ok := parseCommand(text)
		if ok {
			if name == "" || len(name) > 32 || name != strings.ToLower(name) || !strings.HasPrefix(strings.ToLower(text), "/"+name) {
				t.Fatalf("parseCommand(%q) = %q", text, name)
			}
			if strings.TrimSpace(args) != args || len(target) > 64 || strings.ContainsAny(name+target, " @/") {
				t.Fatalf("parseCommand(%q) = %q, %q, %q", text, name, target, args)
			}
		}
		rest, found := stripMention(text, "signpost_bot")
		if !found && rest != strings.Join(strings.Fields(text), " ") {
			t.Fatalf("stripMention(%q) changed the text without finding a mention: %q", text, rest)
		}
		if strings.Contains(strings.ToLower(" "+rest+" "), " @signpost_bot ") {
			t.Fatalf("stripMention(%q) left the mention: %q", text, rest)
		}
	})
}

// FuzzButtonData checks that every Map button's data fits Telegram's 64
// bytes and leads back to its asset, and that no data crashes the reader.
func FuzzButtonData(f *testing.F) {
	for _, s := range []string{"oldbury-library", strings.Repeat("a-very-long-asset-id-", 5), "#hash", "more", "map:", "map#0123456789abcdef"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		keys := newAssetKeys(4)
		data := keys.data(id)
		if len(data) > maxData || data == "" {
			t.Fatalf("data(%q) = %q: %d bytes", id, data, len(data))
		}
		b, ok := parseButton(data)
		if !ok || b.more {
			t.Fatalf("parseButton(data(%q)) = %+v, %v", id, b, ok)
		}
		if got, ok := keys.resolve(b.key); !ok || got != id {
			t.Fatalf("resolve(data(%q)) = %q, %v", id, got, ok)
		}
		if b, ok := parseButton(id); ok {
			keys.resolve(b.key)
		}
	})
}
