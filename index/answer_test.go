package index_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"signpost/bot"
	"signpost/bot/understand"
	"signpost/index"
)

// bingoHalls is n halls, each with a bingo at £5 on Fridays, but for the
// last few, whose bingo is free and on Tuesdays. The index finds them all
// equally well for "bingo", and lists the odd ones last.
func bingoHalls(n, odd int) *bot.Catalogue {
	cat := &bot.Catalogue{Area: bot.Area{Name: "Test", Location: time.UTC}}
	for i := range n {
		cost, day := "£5", time.Friday
		if i >= n-odd {
			cost, day = "free", time.Tuesday
		}
		cat.Assets = append(cat.Assets, bot.Asset{
			ID: fmt.Sprintf("hall-%03d", i), Name: "Hall", Kind: "other", Point: &bot.Point{Lat: 52.5, Lon: -2},
			Activities: []bot.Activity{{ID: "bingo", Name: "Bingo", Cost: cost, Ages: bot.Ages{Min: 0, Max: -1},
				When: []bot.Rule{{Days: []time.Weekday{day}, Start: 19 * 60, End: 21 * 60}}}},
		})
	}
	return cat
}

// tuesday is when the bingo questions are asked: the odd halls' bingo is
// that evening, the others' on Friday.
var tuesday = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// bingoBot is a bot over cat, searching the index of it through wrap, or
// directly when wrap is nil. It shows 10 results a page.
func bingoBot(t *testing.T, cat *bot.Catalogue, wrap func(*index.Index) bot.Searcher) *bot.Bot {
	t.Helper()
	ix, err := index.Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	var s bot.Searcher = ix
	if wrap != nil {
		s = wrap(ix)
	}
	b := bot.New(bot.Config{PageSize: 10}, nil)
	b.Use(cat, s, understand.New(cat, nil))
	t.Cleanup(func() { b.Close(); ix.Close() })
	return b
}

// TestFiltersApplyBeforeTheLimit: however many things match the words
// but fail the filters or the time asked, the few that pass are found,
// not hidden behind the limit and replaced by "nothing fits".
func TestFiltersApplyBeforeTheLimit(t *testing.T) {
	b := bingoBot(t, bingoHalls(500, 3), nil)
	for _, text := range []string{"free bingo", "bingo tonight"} {
		ans, err := b.Answer(context.Background(), bot.Question{Text: text, At: tuesday})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Relaxed) != 0 || len(ans.Results) != 3 {
			t.Errorf("%q: %d results, relaxed %v; want the 3 free Tuesday ones as asked", text, len(ans.Results), ans.Relaxed)
		}
		for _, r := range ans.Results {
			if r.Activity.Cost != "free" {
				t.Errorf("%q: got %s, which costs %s", text, r.Asset.ID, r.Activity.Cost)
			}
		}
	}
}

// TestUnrankedSoonestFirst: a question with no words and no place ranks
// everything level, and the thing on soonest comes first, even when the
// list holds far more than the bot keeps and it comes late in the list.
func TestUnrankedSoonestFirst(t *testing.T) {
	b := bingoBot(t, bingoHalls(60, 1), nil)
	ans, err := b.Answer(context.Background(), bot.Question{Text: "what's on this week", At: tuesday})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Results) == 0 || ans.Results[0].Asset.ID != "hall-059" {
		var got []string
		for _, r := range ans.Results {
			got = append(got, r.Asset.ID)
		}
		t.Fatalf("got %v first; want hall-059, the one on tonight", got)
	}
}

// keepIgnored is a Searcher as the bot must expect one may be: it shows
// Keep every hit but pays no heed to its answers, returning the hits Keep
// turned down among the rest.
type keepIgnored struct{ ix *index.Index }

func (s keepIgnored) Search(ctx context.Context, q bot.Query) ([]bot.Hit, error) {
	keep := q.Keep
	q.Keep, q.Limit = nil, 10_000
	hits, err := s.ix.Search(ctx, q)
	for _, h := range hits {
		keep(h)
	}
	return hits, err
}

// TestEveryHitCheckedAgain: whatever a Searcher does with Keep, the bot
// shows only what fits the question.
func TestEveryHitCheckedAgain(t *testing.T) {
	b := bingoBot(t, bingoHalls(50, 3), func(ix *index.Index) bot.Searcher { return keepIgnored{ix} })
	ans, err := b.Answer(context.Background(), bot.Question{Text: "free bingo", At: tuesday})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Relaxed) != 0 || len(ans.Results) != 3 {
		t.Errorf("%d results, relaxed %v; want the 3 free ones as asked", len(ans.Results), ans.Relaxed)
	}
	for _, r := range ans.Results {
		if r.Activity.Cost != "free" {
			t.Errorf("got %s, which costs %s", r.Asset.ID, r.Activity.Cost)
		}
	}
}
