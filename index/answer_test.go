package index_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"signpost/bot"
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

// TestFiltersApplyBeforeTheLimit: however many things match the words
// but fail the filters or the time asked, the few that pass are found,
// not hidden behind the limit and replaced by "nothing fits".
func TestFiltersApplyBeforeTheLimit(t *testing.T) {
	cat := bingoHalls(500, 3)
	ix, err := index.Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Config{PageSize: 10}, nil)
	b.Use(cat, ix)
	defer b.Close()
	tuesday := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
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
