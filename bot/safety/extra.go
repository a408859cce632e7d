package safety

import "strings"

// extraKey is a coach's phrase read as a message would be: the stems of
// its words joined without spaces, and the words themselves joined the
// same way. So "self-harm", "self harm" and "selfharm" give one key, and
// "blue whale" matches "bluewhale", whose stem differs.
type extraKey struct {
	stems, words string
}

// phraseKey reads a coach's phrase; ok is false for a phrase with no
// words, which would otherwise match everything.
func (r *rules) phraseKey(phrase string) (extraKey, bool) {
	var k extraKey
	for _, t := range r.normalise(phrase) {
		if !t.bound {
			k.stems += t.stem
			k.words += t.surf
		}
	}
	return k, k.stems != ""
}

// hasExtra reports whether the message holds one of the coaches' phrases:
// a run of whole words whose stems, or whose words, joined spell the
// phrase's key. Words split or joined differently ("self harm",
// "selfharm") still match, but a phrase never matches inside a word.
func (c *Checker) hasExtra(toks []token) bool {
	for _, key := range c.extra {
		for i := range toks {
			if spells(toks[i:], key.stems, func(t token) string { return t.stem }) ||
				spells(toks[i:], key.words, func(t token) string { return t.surf }) {
				return true
			}
		}
	}
	return false
}

// spells reports whether the words at the start of toks, each read by
// part, joined spell key exactly, within one sentence.
func spells(toks []token, key string, part func(token) string) bool {
	off := 0
	for _, t := range toks {
		p := part(t)
		if t.bound || p == "" || !strings.HasPrefix(key[off:], p) {
			return false
		}
		off += len(p)
		if off == len(key) {
			return true
		}
	}
	return false
}
