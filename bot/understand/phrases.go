package understand

import (
	"slices"
	"strings"
)

// phrases is a table of phrases, each standing for a value, found in a
// message word for word, or stem for stem when stemmed, longest first.
type phrases[T any] struct {
	stemmed bool
	byFirst map[string][]*entry[T]
}

// entry is one phrase: its keys (words or stems) and what it stands for.
type entry[T any] struct {
	keys  []string
	text  string
	value T
}

func newPhrases[T any](stemmed bool) *phrases[T] {
	return &phrases[T]{stemmed: stemmed, byFirst: map[string][]*entry[T]{}}
}

func (p *phrases[T]) key(t token) string {
	if p.stemmed {
		return t.stem
	}
	return t.word
}

// add puts phrase in the table. If it is there already, merge is given
// its value to change; otherwise the value starts as v. A phrase with no
// words is ignored.
func (p *phrases[T]) add(phrase string, v T, merge func(*T)) {
	toks := tokenize(phrase)
	if len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = p.key(t)
	}
	first := keys[0]
	for _, e := range p.byFirst[first] {
		if slices.Equal(e.keys, keys) {
			if merge != nil {
				merge(&e.value)
			}
			return
		}
	}
	list := append(p.byFirst[first], &entry[T]{keys: keys, text: joinWords(toks), value: v})
	slices.SortStableFunc(list, func(a, b *entry[T]) int { return len(b.keys) - len(a.keys) })
	p.byFirst[first] = list
}

// at is the longest phrase starting at toks[i] whose words are all unused
// (used may be nil), or nil.
func (p *phrases[T]) at(toks []token, i int, used []bool) *entry[T] {
	for _, e := range p.byFirst[p.key(toks[i])] {
		if i+len(e.keys) > len(toks) || used != nil && anyUsed(used[i:i+len(e.keys)]) {
			continue
		}
		ok := true
		for j, k := range e.keys[1:] {
			if p.key(toks[i+1+j]) != k {
				ok = false
				break
			}
		}
		if ok {
			return e
		}
	}
	return nil
}

// markAll marks every unused occurrence of the table's phrases and
// reports whether there was any.
func (p *phrases[T]) markAll(toks []token, used []bool) bool {
	found := false
	for i := 0; i < len(toks); i++ {
		if used[i] {
			continue
		}
		if e := p.at(toks, i, used); e != nil {
			mark(used, i, len(e.keys))
			i += len(e.keys) - 1
			found = true
		}
	}
	return found
}

// whole is the phrase that is the whole of toks, or nil.
func (p *phrases[T]) whole(toks []token) *entry[T] {
	if len(toks) == 0 {
		return nil
	}
	want := p.keyString(toks)
	for _, e := range p.byFirst[p.key(toks[0])] {
		if len(e.keys) == len(toks) && strings.Join(e.keys, " ") == want {
			return e
		}
	}
	return nil
}

func (p *phrases[T]) keyString(toks []token) string {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = p.key(t)
	}
	return strings.Join(keys, " ")
}

// set is a table of phrases that stand for nothing but themselves.
type set = phrases[struct{}]

func newSet(stemmed bool, lists ...[]string) *set {
	s := newPhrases[struct{}](stemmed)
	for _, l := range lists {
		for _, p := range l {
			s.add(p, struct{}{}, nil)
		}
	}
	return s
}
