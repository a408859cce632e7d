package index

import (
	"context"
	"errors"
	"slices"
	"testing"

	"signpost/bot"
)

// TestVersionKeepsItsList: a Version answers from the list served when it
// was taken, through later updates and after the index is closed, and the
// index is let go only when its last Version is.
func TestVersionKeepsItsList(t *testing.T) {
	cat := testCatalogue()
	ix, err := Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	quiz := bot.Query{Words: []string{"quiz"}}
	before, err := ix.Version()
	if err != nil {
		t.Fatal(err)
	}

	cat.Assets[1].Activities[0].Name = "Pub Games"
	cat.Assets[1].Activities[0].Tags = []string{"darts"}
	if _, err := ix.Update(cat); err != nil {
		t.Fatal(err)
	}
	after, err := ix.Version()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	check := func(when string, s bot.Searcher, want []string) {
		t.Helper()
		hits, err := s.Search(ctx, quiz)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if got := ids(hits); !slices.Equal(got, want) {
			t.Fatalf("%s: quiz found %v, want %v", when, got, want)
		}
	}
	check("the version before the update", before, []string{"the-crown/quiz"})
	check("the version after it", after, nil)
	check("the index", ix, nil)

	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Search(ctx, quiz); !errors.Is(err, errClosed) {
		t.Fatalf("the closed index answered: %v", err)
	}
	if _, err := ix.Version(); !errors.Is(err, errClosed) {
		t.Fatalf("a version of the closed index: %v", err)
	}
	check("the version before, once the index is closed", before, []string{"the-crown/quiz"})
	if err := before.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := before.Search(ctx, quiz); !errors.Is(err, errClosed) {
		t.Fatalf("a closed version answered: %v", err)
	}
	check("the last version open", after, nil)
	if err := after.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.idx.DocCount(); !errors.Is(err, errClosed) {
		t.Fatalf("the bleve index is still open once every version is closed: %v", err)
	}
}
