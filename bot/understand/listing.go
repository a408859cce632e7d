package understand

import (
	"maps"
	"slices"

	"signpost/bot"
)

// listing is what a Reader knows from the list's own text: every word of
// its names, tags and descriptions, so one is never taken for a typo
// ("chair" is not "choir"), and every run of two or more words of its
// names, for telling a named thing ("is there a chatty table") among the
// words of someone describing their situation.
//
// Each word and run is counted as often as the list uses it, so the
// listing of the next save is this one with only the venues that save
// changed counted out and in again: on a list of 100,000 venues, reading
// every name and description again would take longer than indexing the
// change.
type listing struct {
	words map[string]int32
	runs  map[string]int32
	// venues are the venues counted, by id, in the list the listing is of.
	venues map[string]*bot.Asset
}

// newListing counts the words and runs of every venue of cat.
func newListing(cat *bot.Catalogue) *listing {
	l := &listing{
		words:  map[string]int32{},
		runs:   map[string]int32{},
		venues: make(map[string]*bot.Asset, len(cat.Assets)),
	}
	for i := range cat.Assets {
		a := &cat.Assets[i]
		l.venues[a.ID] = a
		l.count(a, 1)
	}
	return l
}

// next is the listing of cat, made from l by counting again only the
// venues whose text differs from l's list. l is left as it was: questions
// still being read with it see no change.
func (l *listing) next(cat *bot.Catalogue) *listing {
	n := &listing{
		words:  maps.Clone(l.words),
		runs:   maps.Clone(l.runs),
		venues: maps.Clone(l.venues),
	}
	matched := 0
	for i := range cat.Assets {
		a := &cat.Assets[i]
		old, had := n.venues[a.ID]
		n.venues[a.ID] = a
		if had {
			matched++
			if sameText(old, a) {
				continue
			}
			n.count(old, -1)
		}
		n.count(a, 1)
	}
	if matched == len(l.venues) {
		return n
	}
	ids := make(map[string]bool, len(cat.Assets))
	for i := range cat.Assets {
		ids[cat.Assets[i].ID] = true
	}
	for id, old := range n.venues {
		if !ids[id] {
			n.count(old, -1)
			delete(n.venues, id)
		}
	}
	return n
}

// uses reports whether the list uses the folded word w.
func (l *listing) uses(w string) bool { return l.words[w] > 0 }

// names reports whether run, folded words joined by spaces, is two or
// more words in a row of a name in the list.
func (l *listing) names(run string) bool { return l.runs[run] > 0 }

// count adds by to the count of every word and run of a, dropping those
// that fall to nothing.
func (l *listing) count(a *bot.Asset, by int32) {
	add := func(m map[string]int32, key string) {
		if c := m[key] + by; c > 0 {
			m[key] = c
		} else {
			delete(m, key)
		}
	}
	words := func(texts ...string) {
		for _, t := range texts {
			eachWord(t, func(_, w string) { add(l.words, w) })
		}
	}
	runs := func(name string) {
		toks := split(name, false)
		for i := range toks {
			for j := i + 2; j <= len(toks); j++ {
				add(l.runs, joinWords(toks[i:j]))
			}
		}
	}
	words(a.Name, a.Description)
	words(a.Tags...)
	runs(a.Name)
	for j := range a.Activities {
		act := &a.Activities[j]
		words(act.Name, act.Description)
		words(act.Tags...)
		runs(act.Name)
	}
}

// sameText reports whether a and b have the same text for the listing to
// count. A venue a save left alone usually shares its strings with the
// last list's, so comparing them is cheap.
func sameText(a, b *bot.Asset) bool {
	if a.Name != b.Name || a.Description != b.Description || !slices.Equal(a.Tags, b.Tags) || len(a.Activities) != len(b.Activities) {
		return false
	}
	for j := range a.Activities {
		x, y := &a.Activities[j], &b.Activities[j]
		if x.Name != y.Name || x.Description != y.Description || !slices.Equal(x.Tags, y.Tags) {
			return false
		}
	}
	return true
}
