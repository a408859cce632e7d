package understand

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
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

// token is one word of a message: its folded form for matching (lower
// case, accents and apostrophes gone, "don't" and "dont" alike), its
// English stem, and the form it was written in, so a capitalised place
// can be told from a common word.
type token struct {
	word     string
	stem     string
	original string
}

// tokenize splits text into words. Letters and digits make words; an
// apostrophe inside a word is dropped ("what's" is "whats"); everything
// else, including hyphens and query syntax such as + - : * ~ ^ " ( ) \,
// separates words.
func tokenize(text string) []token { return split(text, true) }

// split is tokenize, with stems only when withStems is set: stemming
// costs more than the rest together.
func split(text string, withStems bool) []token {
	var toks []token
	eachWord(text, func(orig, w string) {
		t := token{word: w, original: orig}
		if withStems {
			t.stem = stem(w)
		}
		toks = append(toks, t)
	})
	return toks
}

// eachWord calls fn with each word of text, as written and folded. It
// runs over every name and description of the list each time a save
// goes live, so a word written plainly is cut from text, not copied out
// rune by rune.
func eachWord(text string, fn func(orig, folded string)) {
	start := -1 // where the word being read began, or -1 between words
	curly := false
	flush := func(end int) {
		if start < 0 {
			return
		}
		orig := text[start:end]
		if curly {
			orig = apostrophes.Replace(orig)
		}
		start, curly = -1, false
		if orig = strings.Trim(orig, "'"); orig == "" {
			return
		}
		if w := fold(orig); w != "" {
			fn(orig, w)
		}
	}
	for i, r := range text {
		switch {
		case r == '\'':
		case r == '’' || r == 'ʼ' || r == '‘':
			curly = true
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		default:
			flush(i)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(text))
}

// apostrophes writes the apostrophes people type as the one fold drops.
var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'")

// accents folds the accented Latin letters English text meets ("café",
// "naïve") to plain ones.
var accents = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y",
)

// fold is a word as it is matched: lower case, accents folded,
// apostrophes dropped.
func fold(w string) string {
	w = strings.ReplaceAll(strings.ToLower(w), "'", "")
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return accents.Replace(w)
		}
	}
	return w
}

// stem is w's English (Snowball) stem, so "looking after" matches "look
// after" and "carers" matches "carer".
func stem(w string) string {
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}

// folded is text's words folded and joined by single spaces, the form
// names are kept and looked up in. It needs no stems, so it is cheap
// enough to run over every name in the list.
func folded(text string) string { return joinWords(split(text, false)) }

// joinWords is toks' words joined by spaces.
func joinWords(toks []token) string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.word
	}
	return strings.Join(ws, " ")
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

func isAllUpper(toks []token) bool {
	for _, t := range toks {
		if strings.ToUpper(t.original) != t.original {
			return false
		}
	}
	return true
}

func anyUsed(u []bool) bool {
	for _, b := range u {
		if b {
			return true
		}
	}
	return false
}

func mark(used []bool, i, n int) {
	for j := i; j < i+n; j++ {
		used[j] = true
	}
}
