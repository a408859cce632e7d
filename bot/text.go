package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxMessageRunes bounds how much of a message is read. Nobody asks for a
// knitting group in more than this; longer input is cut, not refused.
const maxMessageRunes = 500

// cleanText makes a message safe to read: it must be UTF-8 text, control
// characters become spaces and only the first maxMessageRunes are kept.
// ok is false when the message is not text at all (binary bytes).
func cleanText(s string) (clean string, ok bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	var b strings.Builder
	n, bad := 0, 0
	for _, r := range s {
		if n >= maxMessageRunes {
			break
		}
		n++
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteRune(' ')
		case unicode.IsControl(r) || r == utf8.RuneError:
			bad++
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	if bad > 0 && bad*4 >= n {
		return "", false
	}
	return strings.TrimSpace(b.String()), true
}

// token is one word of a message: its lower-case form for matching, and
// the form it was written in, so a capitalised place can be told from a
// common word.
type token struct {
	word     string
	original string
}

// tokenize splits text into words. Letters and digits make words; an
// apostrophe inside a word is kept ("what's"); everything else, including
// hyphens and query syntax such as + - : * ~ ^ " ( ) \, separates words.
func tokenize(text string) []token {
	var toks []token
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			orig := strings.Trim(string(cur), "'")
			if orig != "" {
				toks = append(toks, token{word: strings.ToLower(orig), original: orig})
			}
			cur = cur[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			cur = append(cur, r)
		case r == '\'' || r == '’' || r == 'ʼ':
			if len(cur) > 0 {
				cur = append(cur, '\'')
			}
		default:
			flush()
		}
	}
	flush()
	return toks
}

// words is the lower-case words of toks.
func words(toks []token) []string {
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.word
	}
	return w
}

// phraseAt reports whether the words starting at i spell phrase, a
// space-separated lower-case phrase, and how many words it takes.
func phraseAt(ws []string, i int, phrase string) (int, bool) {
	n := 0
	for p := range strings.FieldsSeq(phrase) {
		if i+n >= len(ws) || ws[i+n] != p {
			return 0, false
		}
		n++
	}
	return n, true
}

// containsPhrase reports whether ws holds phrase anywhere, word for word.
func containsPhrase(ws []string, phrase string) bool {
	for i := range ws {
		if _, ok := phraseAt(ws, i, phrase); ok {
			return true
		}
	}
	return false
}
