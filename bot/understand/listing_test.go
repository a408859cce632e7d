package understand

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"signpost/assets"
	"signpost/assets/assetstest"
	"signpost/bot"
)

// A listing made from the last one by counting only what changed must be
// exactly the listing a fresh count of the new list makes, after every
// kind of edit a coach makes, and must leave the last one as it was.
func TestNextListingIsAFreshCount(t *testing.T) {
	cat, problems, err := assets.Parse(assetstest.GenerateRealistic(300, 2, 3), assets.Options{})
	if err != nil {
		t.Fatalf("%v: %v", err, problems)
	}
	r := rand.New(rand.NewPCG(1, 2))
	list := newListing(cat)
	for round := range 300 {
		next := edit(cat, r, round)
		before := clone(list)
		got := list.next(next)
		if !sameListing(list, before) {
			t.Fatalf("round %d: next changed the listing it was made from", round)
		}
		want := newListing(next)
		if !maps.Equal(got.words, want.words) || !maps.Equal(got.runs, want.runs) {
			t.Fatalf("round %d: counted %d words and %d runs, a fresh count %d and %d", round, len(got.words), len(got.runs), len(want.words), len(want.runs))
		}
		if !maps.Equal(got.venues, want.venues) {
			t.Fatalf("round %d: the listing holds other venues than the list's", round)
		}
		cat, list = next, got
	}
}

// edit is cat with one random change, in a new Catalogue as a save makes:
// a venue added, removed or given a new id; a venue's or an activity's
// name, description or tags changed; or nothing.
func edit(cat *bot.Catalogue, r *rand.Rand, round int) *bot.Catalogue {
	next := *cat
	next.Assets = slices.Clone(cat.Assets)
	i := r.IntN(len(next.Assets))
	a := &next.Assets[i]
	word := fmt.Sprintf("Edit%d", round)
	switch r.IntN(8) {
	case 0:
		added := *a
		added.ID = fmt.Sprintf("added-%d", round)
		added.Name = word + " Hall"
		next.Assets = slices.Insert(next.Assets, r.IntN(len(next.Assets)), added)
	case 1:
		next.Assets = slices.Delete(next.Assets, i, i+1)
	case 2:
		a.ID = fmt.Sprintf("renamed-%d", round)
	case 3:
		a.Name = word + " " + a.Name
	case 4:
		a.Description = a.Description + " " + word
	case 5:
		a.Tags = append(slices.Clone(a.Tags), word)
	case 6:
		if len(a.Activities) > 0 {
			a.Activities = slices.Clone(a.Activities)
			act := &a.Activities[r.IntN(len(a.Activities))]
			act.Name = word + " " + act.Name
			act.Description = ""
		}
	}
	return &next
}

func clone(l *listing) *listing {
	return &listing{words: maps.Clone(l.words), runs: maps.Clone(l.runs), venues: maps.Clone(l.venues)}
}

func sameListing(a, b *listing) bool {
	return maps.Equal(a.words, b.words) && maps.Equal(a.runs, b.runs) && maps.Equal(a.venues, b.venues)
}
