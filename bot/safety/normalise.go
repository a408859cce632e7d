package safety

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// token is one word of a normalised message, or a sentence boundary.
type token struct {
	surf  string // the word as spelt after normalising: lower case, slang and misspellings mended
	stem  string // its Snowball stem, which rules match by default
	num   int    // its value when it is a whole number, else -1
	bound bool   // a sentence boundary: . ! ? ; a line break, or either end of the text
	sent  int    // which sentence it is in, counting from 0
}

// maxNumber caps numbers read from messages, so a long string of digits
// cannot overflow.
const maxNumber = 1_000_000

// normalise turns any text into tokens: it folds case, drops apostrophes,
// reads emoji as words of their own, mends leetspeak, stretched letters,
// spaced-out letters, slang and misspellings (rules.yaml's rewrite and
// fuzzy sections), and stems each word. The result always starts and ends
// with a boundary.
func (r *rules) normalise(text string) []token {
	raw := r.rawWords(fold(text))
	raw = joinSpelledOut(raw)
	mended := make([]string, 0, len(raw))
	for _, w := range raw {
		if w == boundaryWord {
			mended = append(mended, w)
			continue
		}
		mended = r.mendWord(mended, w)
	}
	raw = r.rewrite(mended)
	toks := make([]token, 0, len(raw)+2)
	sent := 0
	toks = append(toks, token{bound: true, num: -1})
	for _, w := range raw {
		if w == boundaryWord {
			if !toks[len(toks)-1].bound {
				toks = append(toks, token{bound: true, num: -1, sent: sent})
				sent++
			}
			continue
		}
		toks = append(toks, token{surf: w, stem: stem(w), num: number(w), sent: sent})
	}
	if !toks[len(toks)-1].bound {
		toks = append(toks, token{bound: true, num: -1, sent: sent})
	}
	return toks
}

// boundaryWord stands for a sentence boundary between normalising steps.
// It cannot be a word: words never hold a space.
const boundaryWord = " "

// ignorable runes are dropped before anything else, so "don't" reads as
// "dont", "⚰️" as "⚰", and an invisible joiner inside a word does not split it.
func ignorable(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´', '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufe0e', '\ufe0f':
		return true
	}
	return (r >= 0x1f3fb && r <= 0x1f3ff) || unicode.Is(unicode.Mn, r)
}

// fold lower-cases text and drops ignorable runes; bytes that are not
// UTF-8 become spaces.
func fold(text string) []rune {
	out := make([]rune, 0, len(text))
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
			out = append(out, ' ')
		case ignorable(r):
		default:
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// isEmoji reports whether r is a pictograph, read as a word of its own.
func isEmoji(r rune) bool {
	return unicode.Is(unicode.So, r) || (r >= 0x1f000 && r <= 0x1faff)
}

// isWordRune reports whether r belongs in a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// leetInside are symbols read as letters when they stand between two word
// runes ("k!ll", "su$cide"), and as punctuation anywhere else.
func leetInside(r rune) bool {
	return r == '@' || r == '$' || r == '!'
}

// rawWords splits folded text into words, emoji and boundaries. A full
// stop between single letters joins them ("o.d.", "k.i.l.l"); one followed
// at once by a word separates words; any other is a boundary. A comma
// between digits is dropped ("10,400").
func (r *rules) rawWords(rs []rune) []string {
	var words []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			words = append(words, string(rs[start:end]))
			start = -1
		}
	}
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return ' '
		}
		return rs[i]
	}
	for i, c := range rs {
		switch {
		case isWordRune(c):
			if start < 0 {
				start = i
			}
		case leetInside(c) && start >= 0 && isWordRune(at(i+1)):
		case c == ',' && unicode.IsDigit(at(i-1)) && unicode.IsDigit(at(i+1)):
			// keep the number whole: the comma is removed in mendWord
		case isEmoji(c):
			flush(i)
			words = append(words, string(c))
		case c == '.' && start >= 0 && singleLetter(rs, i-1) && singleLetter(rs, i+1):
			// a dotted abbreviation, "o.d." or "k.i.l.l": the dots are
			// removed in mendWord
		case c == '.' && isWordRune(at(i+1)):
			flush(i)
		case c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r' || c == '…':
			flush(i)
			words = append(words, boundaryWord)
		default:
			flush(i)
		}
	}
	flush(len(rs))
	return words
}

// singleLetter reports whether rs[i] is a letter standing alone between
// non-word runes (a dot, a space, either end).
func singleLetter(rs []rune, i int) bool {
	word := func(j int) bool { return j >= 0 && j < len(rs) && isWordRune(rs[j]) && rs[j] != '.' }
	return i >= 0 && i < len(rs) && unicode.IsLetter(rs[i]) && !word(i-1) && !word(i+1)
}

// joinSpelledOut joins three or more single letters in a row into one word,
// so "k i l l" and "k.i.l.l" read as "kill".
func joinSpelledOut(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && utf8.RuneCountInString(words[j]) == 1 && unicode.IsLetter([]rune(words[j])[0]) {
			j++
		}
		if j-i >= 3 {
			out = append(out, strings.Join(words[i:j], ""))
			i = j
			continue
		}
		out = append(out, words[i])
		i++
	}
	return out
}

// mendWord mends one word and appends it to out: digits read as letters
// (leetspeak), stretched letters, a dropped final g ("cuttin"), and
// misspellings of the words listed under fuzzy. A number glued to a unit ("30mg", "20x") becomes two words.
func (r *rules) mendWord(out []string, w string) []string {
	w = dropJoiners.Replace(w)
	if r.known(w) {
		return append(out, w)
	}
	hasLetter, hasDigit, hasSym := false, false, false
	for _, c := range w {
		switch {
		case unicode.IsLetter(c):
			hasLetter = true
		case unicode.IsDigit(c):
			hasDigit = true
		default:
			hasSym = true
		}
	}
	if hasLetter && (hasDigit || hasSym) {
		if n, unit, ok := splitNumber(w); ok {
			return append(out, n, r.unStretch(unit))
		}
		w = r.unLeet(w)
	}
	w = r.unStretch(w)
	if g := w + "g"; strings.HasSuffix(w, "in") && !r.known(w) && r.known(g) {
		return append(out, g)
	}
	if !r.known(w) {
		if f, ok := r.fuzzyMatch(w); ok {
			return append(out, f)
		}
	}
	return append(out, w)
}

// dropJoiners removes the commas kept inside numbers and the dots kept
// inside dotted abbreviations.
var dropJoiners = strings.NewReplacer(",", "", ".", "")

// splitNumber splits "30mg" into "30" and "mg": digits then letters.
func splitNumber(w string) (num, rest string, ok bool) {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 || i == len(w) {
		return "", "", false
	}
	for _, c := range w[i:] {
		if !unicode.IsLetter(c) {
			return "", "", false
		}
	}
	return w[:i], w[i:], true
}

// leet maps digits and symbols to the letters they stand for in leetspeak.
var leet = strings.NewReplacer("0", "o", "1", "i", "3", "e", "4", "a", "5", "s", "7", "t", "8", "b", "@", "a", "$", "s", "!", "i")

// leetL reads 1 as l, for words such as "ki11".
var leetL = strings.NewReplacer("0", "o", "1", "l", "3", "e", "4", "a", "5", "s", "7", "t", "8", "b", "@", "a", "$", "s", "!", "i")

// unLeet reads leetspeak: "su1c1de" is "suicide", "ki11" is "kill".
func (r *rules) unLeet(w string) string {
	a := r.unStretch(leet.Replace(w))
	if r.known(a) {
		return a
	}
	if b := r.unStretch(leetL.Replace(w)); r.known(b) {
		return b
	}
	return a
}

// unStretch shortens letters typed three or more times: to two when that
// spells a word the rules know ("killll" is "kill"), else to one
// ("kiiill" is "kill", "pleeease" is "please", "sooo" is "so"). Letters
// typed twice are left alone.
func (r *rules) unStretch(w string) string {
	rs := []rune(w)
	stretched := false
	for i := 2; i < len(rs); i++ {
		if rs[i] == rs[i-1] && rs[i] == rs[i-2] {
			stretched = true
			break
		}
	}
	if !stretched {
		return w
	}
	if two := squeeze(rs, 2); r.known(two) {
		return two
	}
	return squeeze(rs, 1)
}

// squeeze cuts each run of three or more of the same rune to n.
func squeeze(rs []rune, n int) string {
	var b strings.Builder
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		run := j - i
		if run >= 3 {
			run = n
		}
		for range run {
			b.WriteRune(rs[i])
		}
		i = j
	}
	return b.String()
}

// stem gives the Snowball English stem of a word of letters; numbers,
// emoji and words of three letters or fewer are their own stems.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return w
		}
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}

// number reads a whole number, or gives -1.
func number(w string) int {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return -1
	}
	if len(w) > 7 {
		return maxNumber
	}
	n, err := strconv.Atoi(w)
	if err != nil {
		return -1
	}
	return min(n, maxNumber)
}
