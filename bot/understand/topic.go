package understand

import (
	"slices"
	"sort"
	"strings"

	"signpost/bot"
)

// topic is what is left of a message once place, time and filters are
// read: the needs it describes, the person's own words, and generic ones.
type topic struct {
	words, generic []string
	needs          []bot.Need
	ambiguous      []bot.Need
	// said is each topic word or need phrase with where it was written,
	// to give the topic back in the person's order.
	said []placed
}

type placed struct {
	at   int
	text string
}

// ordered is said in the order it was written.
func ordered(said []placed) []placed {
	o := slices.Clone(said)
	sort.SliceStable(o, func(i, j int) bool { return o[i].at < o[j].at })
	return o
}

func (t topic) empty() bool { return len(t.words)+len(t.needs)+len(t.ambiguous) == 0 }

// inOrder is the topic words and need phrases as written, in order.
func (t topic) inOrder() []string {
	var out []string
	for _, p := range ordered(t.said) {
		if !slices.Contains(out, p.text) {
			out = append(out, p.text)
		}
	}
	return out
}

// readTopic reads what the unused words say. Needs are read first,
// longest phrase first, then kinds of venue, then single words: filler
// is dropped, generic words kept aside, and a word the vocabulary does
// not know may be a typo of a need's word ("lonley").
func (v *vocabulary) readTopic(toks []token, used []bool) topic {
	used = slices.Clone(used)
	var t topic
	var unclear [][]int // the needs each ambiguous phrase may mean
	kinds := 0          // how many of t.words are kinds of venue, first
	resolved := map[int]int{}
	addNeed := func(id int, at int, said string) {
		n, ok := resolved[id]
		if !ok {
			nd := v.needs[id]
			n = len(t.needs)
			resolved[id] = n
			t.needs = append(t.needs, bot.Need{ID: nd.id, Label: nd.label, Ask: nd.ask, Means: nd.means})
		}
		said = v.listed(v.needs[id], said)
		if !slices.Contains(t.needs[n].Said, said) {
			t.needs[n].Said = append(t.needs[n].Said, said)
		}
		t.said = append(t.said, placed{at, said})
	}
	for i := range toks {
		if used[i] {
			continue
		}
		e := v.needPhrases.at(toks, i, used)
		if e == nil {
			continue
		}
		mark(used, i, len(e.keys))
		if len(e.value) > 1 {
			unclear = append(unclear, e.value)
			continue
		}
		addNeed(e.value[0], i, e.text)
	}
	for i := range toks {
		if used[i] {
			continue
		}
		if e := v.kinds.at(toks, i, used); e != nil {
			kinds++
			mark(used, i, len(e.keys))
			t.words = append(t.words, e.text)
			t.said = append(t.said, placed{i, e.text})
		}
	}
	for i, tok := range toks {
		switch {
		case used[i] || v.filler.at(toks, i, nil) != nil || isNumber(tok.word):
			// A number left over ("5 minutes", "20") names no topic.
		case v.generic.at(toks, i, nil) != nil:
			if !slices.Contains(t.generic, tok.word) {
				t.generic = append(t.generic, tok.word)
			}
		default:
			if id, said, ok := v.typoOfNeed(tok); ok {
				addNeed(id, i, said)
				continue
			}
			if !slices.Contains(t.words, tok.word) {
				t.words = append(t.words, tok.word)
				t.said = append(t.said, placed{i, tok.word})
			}
		}
	}
	if len(t.needs)+len(unclear) > 0 {
		// Someone describing their situation says more than the things
		// that help with it ("we just moved here from Poland", "caring for
		// my husband full time"): their other words may add to a match,
		// but must not decide it. Kinds of venue and words that name a
		// listing still do ("I feel low, is there a chatty table").
		named := v.namedRuns(t.said, t.words[kinds:])
		t.words, t.generic, t.said = demote(append(t.words[:kinds:kinds], named...), t.words[kinds:], t.generic, t.said)
	}
	for _, ids := range unclear {
		if len(t.words)+len(t.needs) > 0 {
			// Something else says what the message is about; the
			// ambiguous phrase only colours it.
			continue
		}
		for _, id := range ids {
			n := v.needs[id]
			if !slices.ContainsFunc(t.ambiguous, func(a bot.Need) bool { return a.ID == n.id }) {
				t.ambiguous = append(t.ambiguous, bot.Need{ID: n.id, Label: n.label, Ask: n.ask, Means: n.means})
			}
		}
	}
	return t
}

// namedRuns are the words, of words, that stand next to each other in
// the message, two or more at a time, as in one of the list's names.
func (v *vocabulary) namedRuns(said []placed, words []string) []string {
	var runs []string
	var run []placed
	flush := func() {
		if len(run) >= 2 {
			var ws []string
			for _, p := range run {
				ws = append(ws, p.text)
			}
			if v.list.names(strings.Join(ws, " ")) {
				runs = append(runs, ws...)
			}
		}
		run = run[:0]
	}
	for _, p := range ordered(said) {
		if !slices.Contains(words, p.text) {
			flush()
			continue
		}
		if len(run) > 0 && run[len(run)-1].at != p.at-1 {
			flush()
		}
		run = append(run, p)
	}
	flush()
	return runs
}

// demote makes others generic, but for those in keep, and drops them
// from the topic said back; keep are the words that still decide.
func demote(keep, others, generic []string, said []placed) ([]string, []string, []placed) {
	var dropped []string
	for _, w := range others {
		if slices.Contains(keep, w) {
			continue
		}
		dropped = append(dropped, w)
		if !slices.Contains(generic, w) {
			generic = append(generic, w)
		}
	}
	kept := said[:0:0]
	for _, p := range said {
		if !slices.Contains(dropped, p.text) {
			kept = append(kept, p)
		}
	}
	return keep, generic, kept
}

// listed is phrase written as n's means write it, if they list it too:
// then listings are searched for it as the person's own word.
func (v *vocabulary) listed(n need, phrase string) string {
	for _, m := range n.means {
		if folded(m) == phrase {
			return m
		}
	}
	return phrase
}

// minTypoLetters is the shortest word read as a typo of a need's word.
const minTypoLetters = 5

// typoKeeps is how many first letters a typo keeps: people slip inside
// a word, rarely at its start, and a real word one letter from a need's
// ("swimming", "slimming") usually differs there.
const typoKeeps = 2

// typoOfNeed reads a word neither the vocabulary nor the list knows as a one-letter
// slip (two in a long word) of a one-word need phrase, when exactly one
// phrase is that close: "lonley" is "lonely", "kniting" is "knitting".
func (v *vocabulary) typoOfNeed(tok token) (id int, said string, ok bool) {
	w := tok.word
	if v.known[w] || v.list.uses(w) || len([]rune(w)) < minTypoLetters || strings.ContainsAny(w, "0123456789") {
		return 0, "", false
	}
	limit := 1
	if len([]rune(w)) >= 8 {
		limit = 2
	}
	var best *entry[[]int]
	for _, e := range v.needWords {
		if len(e.value) != 1 || !samePrefix(w, e.text, typoKeeps) || !withinEdits(w, e.text, limit) {
			continue
		}
		if best != nil && best.value[0] != e.value[0] {
			return 0, "", false
		}
		best = e
	}
	if best == nil {
		return 0, "", false
	}
	return best.value[0], best.text, true
}

// samePrefix reports whether a and b begin with the same n letters.
func samePrefix(a, b string, n int) bool {
	x, y := []rune(a), []rune(b)
	return len(x) >= n && len(y) >= n && string(x[:n]) == string(y[:n])
}

// withinEdits reports whether a and b are at most limit insertions,
// deletions, substitutions or swaps of neighbours apart.
func withinEdits(a, b string, limit int) bool {
	x, y := []rune(a), []rune(b)
	if d := len(x) - len(y); d > limit || -d > limit {
		return false
	}
	// Optimal string alignment distance, rows of the usual table.
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)] <= limit
}

// isNumber reports whether w is digits only.
func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}
