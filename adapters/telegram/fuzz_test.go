package telegram

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
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

// FuzzButtonData checks that every Map and choice button's data fits
// Telegram's 64 bytes, is UTF-8 (Telegram takes no other), and leads back
// to what the button holds, and that no data crashes the reader.
func FuzzButtonData(f *testing.F) {
	for _, s := range []string{"oldbury-library", strings.Repeat("a-very-long-asset-id-", 5), "#hash", "more", "map:", "map#0123456789abcdef", "ask:", "ask#0123456789abcdef", "free meet people for ages 1-4 near Great Bridge", "café près de chez moi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		keys := newButtonKeys(4)
		for _, kind := range []buttonKind{mapButton, choiceButton} {
			data := keys.data(kind, value)
			if len(data) > maxData || data == "" || !utf8.ValidString(data) {
				t.Fatalf("data(%s, %q) = %q: %d bytes", kind, value, data, len(data))
			}
			b, ok := parseButton(data)
			if !ok || b.more || b.kind != kind {
				t.Fatalf("parseButton(data(%s, %q)) = %+v, %v", kind, value, b, ok)
			}
			if got, ok := keys.resolve(b.key); !ok || got != value {
				t.Fatalf("resolve(data(%s, %q)) = %q, %v", kind, value, got, ok)
			}
		}
		if b, ok := parseButton(value); ok {
			keys.resolve(b.key)
		}
	})
}

// FuzzSeenFile opens an answered-updates file with any content: it is
// either refused and left untouched, or written back as at most keep of
// the ids it held, one a line, which opening again reads unchanged.
func FuzzSeenFile(f *testing.F) {
	for _, s := range []string{"", "1\n2\n3\n", "100\n101\n10", "100\n\x00\x00\x00", "area:\n  name: x\n", "12\x0034\n5\n", "-3\n", "99999999999999999999\n7\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		path := filepath.Join(t.TempDir(), "seen")
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		s := newSeenSet(path, 4, slog.New(slog.DiscardHandler))
		if err := s.open(); err != nil {
			if b, _ := os.ReadFile(path); !bytes.Equal(b, content) {
				t.Fatalf("refused (%v), yet changed to %q", err, b)
			}
			return
		}
		s.close()
		held := map[int64]bool{}
		for _, line := range strings.Split(string(content), "\n") {
			if id, err := strconv.ParseInt(line, 10, 64); err == nil {
				held[id] = true
			}
		}
		written, _ := os.ReadFile(path)
		var ids []string
		for _, line := range strings.SplitAfter(string(written), "\n") {
			if line == "" {
				continue
			}
			id, err := strconv.ParseInt(strings.TrimSuffix(line, "\n"), 10, 64)
			if err != nil || !strings.HasSuffix(line, "\n") || s.add(id) {
				t.Fatalf("wrote %q, which is not one remembered id a line", written)
			}
			if !held[id] {
				t.Fatalf("wrote %q, not a line of %q", line, content)
			}
			ids = append(ids, line)
		}
		if len(ids) > 4 {
			t.Fatalf("wrote %d ids, keeping 4", len(ids))
		}
		again := newSeenSet(path, 4, slog.New(slog.DiscardHandler))
		if err := again.open(); err != nil {
			t.Fatalf("opening what it wrote: %v", err)
		}
		again.close()
		if b, _ := os.ReadFile(path); !bytes.Equal(b, written) {
			t.Fatalf("opened twice: %q then %q", written, b)
		}
	})
}
