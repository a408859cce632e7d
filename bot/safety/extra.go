package safety

import "strings"

// phraseKey reads a coach's phrase as a message would be read and joins the
// stems of its words without spaces, so that "self-harm", "self harm" and
// "selfharm" all give the same key. It is empty for a phrase with no words.
func (r *rules) phraseKey(phrase string) string {
	var b strings.Builder
	for _, t := range r.normalise(phrase) {
		if !t.bound {
			b.WriteString(t.stem)
		}
	}
	return b.String()
}

// hasExtra reports whether the message holds one of the coaches' phrases:
// a run of whole words whose stems, joined, spell the phrase's key. Words
// split or joined differently ("self harm", "selfharm") still match, but a
// phrase never matches inside a word.
func (c *Checker) hasExtra(toks []token) bool {
	for _, key := range c.extra {
		for i := range toks {
			off := 0
			for j := i; j < len(toks) && !toks[j].bound; j++ {
				st := toks[j].stem
				if st == "" || !strings.HasPrefix(key[off:], st) {
					break
				}
				off += len(st)
				if off == len(key) {
					return true
				}
			}
		}
	}
	return false
}
