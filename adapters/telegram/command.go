package telegram

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseCommand reads a command at the start of text: "/near", "/near@signpost_bot",
// "/near Tipton". name is lower-cased; target is the bot named after '@',
// if any; args are the words after it. ok is false when text is not a
// command, such as "/ hello" or "/home/me".
func parseCommand(text string) (name, target, args string, ok bool) {
	rest, found := strings.CutPrefix(text, "/")
	if !found {
		return "", "", "", false
	}
	name, rest = leadingWord(rest, 32)
	if name == "" {
		return "", "", "", false
	}
	if after, at := strings.CutPrefix(rest, "@"); at {
		target, rest = leadingWord(after, 64)
		if target == "" {
			return "", "", "", false
		}
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !unicode.IsSpace(r) {
		return "", "", "", false
	}
	return strings.ToLower(name), target, strings.TrimSpace(rest), true
}

// leadingWord splits off up to max letters, digits and underscores, as
// Telegram allows in command and bot names; a longer run is no word.
func leadingWord(s string, max int) (word, rest string) {
	i := 0
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	if i > max {
		return "", s
	}
	return s[:i], s[i:]
}

func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// stripMention removes every "@username" standing as a word in text,
// ignoring case as Telegram does, and reports whether there was one.
// Removing one can leave another standing alone ("@bot@bot"), so it goes
// round until none is left.
func stripMention(text, username string) (string, bool) {
	found := false
	for {
		rest, ok := stripMentionOnce(text, username)
		if !ok {
			return rest, found
		}
		text, found = rest, true
	}
}

func stripMentionOnce(text, username string) (string, bool) {
	if username == "" {
		return text, false
	}
	// Usernames are ASCII, so folding only A-Z keeps every byte where it was.
	mention := "@" + asciiLower(username)
	lower := asciiLower(text)
	var b strings.Builder
	found := false
	for i := 0; i < len(text); {
		j := strings.Index(lower[i:], mention)
		if j < 0 {
			b.WriteString(text[i:])
			break
		}
		start, end := i+j, i+j+len(mention)
		if (start > 0 && isNameByte(text[start-1])) || (end < len(text) && isNameByte(text[end])) {
			b.WriteString(text[i:end])
			i = end
			continue
		}
		b.WriteString(text[i:start])
		found = true
		i = end
	}
	return strings.Join(strings.Fields(b.String()), " "), found
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
