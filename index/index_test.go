package index

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"signpost/bot"
)

// testCatalogue is small and hand-made, so each test's expectation can be
// checked by eye.
func testCatalogue() *bot.Catalogue {
	weekly := func(d time.Weekday) []bot.Rule {
		return []bot.Rule{{Days: []time.Weekday{d}, Start: 600, End: 720}}
	}
	return &bot.Catalogue{
		Area: bot.Area{Name: "Test", Location: time.UTC},
		Assets: []bot.Asset{
			{ID: "oldbury-library", Name: "Oldbury Library", Kind: "library", Description: "Books and a warm space.",
				Address: "Freeth Street, Oldbury", Point: &bot.Point{Lat: 52.5041, Lon: -2.0165},
				Activities: []bot.Activity{
					{ID: "knit-and-natter", Name: "Knit and Natter", Tags: []string{"knitting", "craft"}, When: weekly(time.Tuesday)},
					{ID: "rhyme-time", Name: "Baby Rhyme Time", Tags: []string{"toddler", "baby"}, When: weekly(time.Friday)},
					{ID: "chair-exercise", Name: "Chair Exercise", Tags: []string{"fitness"}, When: weekly(time.Monday)},
				}},
			{ID: "the-crown", Name: "The Crown", Kind: "pub", Description: "Friendly local.",
				Address: "High Street, Tipton", Point: &bot.Point{Lat: 52.5290, Lon: -2.0680},
				Activities: []bot.Activity{
					{ID: "quiz", Name: "Quiz Night", Description: "Teams of up to six.", Tags: []string{"quiz"}, When: weekly(time.Wednesday)},
				}},
			{ID: "tea-and-toast", Name: "Tea & Toast Café", Kind: "cafe", Description: "About the best toast around.",
				Address: "Market Street, Oldbury", Point: &bot.Point{Lat: 52.5060, Lon: -2.0150},
				Activities: []bot.Activity{
					{ID: "crochet", Name: "Crochet Corner", Tags: []string{"crochet", "craft"}, When: weekly(time.Tuesday)},
					{ID: "choir", Name: "Community Choir", Tags: []string{"singing"}, When: weekly(time.Thursday)},
				}},
			{ID: "memorial-hall", Name: "Gas Street Memorial Hall", Kind: "community-centre", Description: "Toilets, baby changing, free parking.",
				Address: "Gas Street, Tipton", Point: &bot.Point{Lat: 52.5500, Lon: -2.0200},
				Activities: []bot.Activity{
					{ID: "memory-cafe", Name: "Memory Café", Description: "For people living with dementia and their carers.", Tags: []string{"dementia"}, When: weekly(time.Monday)},
					{ID: "bingo", Name: "Bingo", Description: "Eyes down. Help yourself to tea and a lesson in dabbing.", When: weekly(time.Friday)},
				}},
		},
	}
}

func buildTest(t *testing.T) *Index {
	t.Helper()
	ix, err := Build(testCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func ids(hits []bot.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, docID(h.Asset, h.Activity))
	}
	return out
}

func TestSearch(t *testing.T) {
	ix := buildTest(t)
	oldbury := &bot.Point{Lat: 52.505, Lon: -2.016}
	tests := []struct {
		name     string
		q        bot.Query
		want     []string // the hits expected first, in order
		anyOrder bool     // want's hits score the same, so order is free
		none     bool     // expect no hits at all
		only     bool     // expect want and nothing else
	}{
		{name: "stemming finds knit from knitting", q: bot.Query{Words: []string{"knitting"}}, want: []string{"oldbury-library/knit-and-natter"}},
		{name: "one typo in a long word", q: bot.Query{Words: []string{"kniting"}}, want: []string{"oldbury-library/knit-and-natter"}},
		{name: "two typos in a very long word", q: bot.Query{Words: []string{"crotchett"}}, want: []string{"tea-and-toast/crochet"}},
		{name: "accents folded", q: bot.Query{Words: []string{"cafe"}, Venues: true}, want: []string{"tea-and-toast/"}},
		{name: "kind words on activities", q: bot.Query{Words: []string{"pub", "quiz"}}, want: []string{"the-crown/quiz"}},
		{name: "every word must match", q: bot.Query{Words: []string{"quiz", "knitting"}}, none: true},
		{name: "any word when asked", q: bot.Query{Words: []string{"quiz", "zzzz"}, AnyWord: true}, want: []string{"the-crown/quiz"}},
		{name: "a word the list uses is matched exactly", q: bot.Query{Words: []string{"choir"}}, want: []string{"tea-and-toast/choir"}, only: true},
		{name: "a typo of a word the list uses", q: bot.Query{Words: []string{"chiors"}}, want: []string{"tea-and-toast/choir"}, only: true},
		{name: "short words are never fuzzy", q: bot.Query{Words: []string{"pug"}}, none: true},
		{name: "a stop word alone matches nothing", q: bot.Query{Words: []string{"about"}}, none: true},
		{name: "a stop word never empties a result", q: bot.Query{Words: []string{"about", "quiz"}}, want: []string{"the-crown/quiz"}},
		{name: "a related phrase that is one of the words never matches alone", q: bot.Query{Words: []string{"pub", "quiz"}, Needs: []bot.NeedWords{{Related: []string{"pub"}}}}, want: []string{"the-crown/quiz"}, only: true},
		{name: "related phrases alone", q: bot.Query{Needs: []bot.NeedWords{{Related: []string{"knit and natter"}}}}, want: []string{"oldbury-library/knit-and-natter"}, only: true},
		{name: "words and needs must both match", q: bot.Query{Words: []string{"cafe"}, Needs: []bot.NeedWords{{Exact: []string{"memory"}, Related: []string{"dementia"}}}}, want: []string{"memorial-hall/memory-cafe"}, only: true},
		{name: "a related word matches as written, never by stem", q: bot.Query{Needs: []bot.NeedWords{{Related: []string{"memory"}}}}, want: []string{"memorial-hall/memory-cafe"}, only: true},
		{name: "the same word stemmed finds the stem's relatives", q: bot.Query{Words: []string{"memory"}}, want: []string{"memorial-hall/memory-cafe"}},
		{name: "a related word never matches a description", q: bot.Query{Needs: []bot.NeedWords{{Related: []string{"baby changing"}}}}, none: true},
		{name: "the person's own need word matches a description, after names and tags", q: bot.Query{Needs: []bot.NeedWords{{Exact: []string{"dementia"}}}}, want: []string{"memorial-hall/memory-cafe"}, only: true},
		{name: "each need named by a thing must match", q: bot.Query{Needs: []bot.NeedWords{{Exact: []string{"quiz"}}, {Exact: []string{"crochet"}}}}, none: true},
		{name: "a situation only adds to a thing named", q: bot.Query{Words: []string{"quiz"}, Needs: []bot.NeedWords{{Related: []string{"knit and natter", "singing"}}}}, want: []string{"the-crown/quiz"}, only: true},
		{name: "situations alone match any of their words", q: bot.Query{Needs: []bot.NeedWords{{Related: []string{"singing"}}, {Related: []string{"crochet"}}}}, want: []string{"tea-and-toast/crochet", "tea-and-toast/choir"}, anyOrder: true, only: true},
		{name: "addresses are not topic words", q: bot.Query{Words: []string{"freeth"}}, none: true},
		{name: "a generic word alone matches nothing", q: bot.Query{Generic: []string{"help"}}, none: true},
		{name: "a generic word never widens a match", q: bot.Query{Words: []string{"craft"}, Generic: []string{"corner", "choir"}}, want: []string{"oldbury-library/knit-and-natter", "tea-and-toast/crochet"}, anyOrder: true, only: true},
		{name: "a name counts more than a description", q: bot.Query{Words: []string{"bingo"}}, want: []string{"memorial-hall/bingo"}, only: true},
		{name: "query syntax is plain text", q: bot.Query{Words: []string{`+quiz -"x" name:* ~^()\`}}, none: true},
		{name: "days", q: bot.Query{Words: []string{"craft"}, Days: []time.Weekday{time.Tuesday}}, want: []string{"oldbury-library/knit-and-natter", "tea-and-toast/crochet"}, anyOrder: true},
		{name: "wrong day", q: bot.Query{Words: []string{"quiz"}, Days: []time.Weekday{time.Monday}}, none: true},
		{name: "within distance", q: bot.Query{Words: []string{"quiz"}, Near: oldbury, WithinKm: 2}, none: true},
		{name: "venues only", q: bot.Query{Words: []string{"oldbury"}, Venues: true}, want: []string{"oldbury-library/"}, only: true},
		{name: "no words, one day", q: bot.Query{Days: []time.Weekday{time.Tuesday}}, want: []string{"oldbury-library/knit-and-natter", "tea-and-toast/crochet"}, anyOrder: true, only: true},
		{name: "no words, within a small circle", q: bot.Query{Near: &bot.Point{Lat: 52.5290, Lon: -2.0680}, WithinKm: 1}, want: []string{"the-crown/", "the-crown/quiz"}, anyOrder: true, only: true},
		{name: "nearest first with no topic", q: bot.Query{Near: oldbury, WithinKm: 20, Venues: true}, want: []string{"oldbury-library/", "tea-and-toast/", "the-crown/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := ix.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(hits)
			if tt.none {
				if len(got) != 0 {
					t.Fatalf("want no hits, got %v", got)
				}
				return
			}
			if tt.only && len(got) != len(tt.want) {
				t.Fatalf("got %v, want only %v", got, tt.want)
			}
			if len(got) < len(tt.want) {
				t.Fatalf("got %v, want %v first", got, tt.want)
			}
			for i, w := range tt.want {
				if tt.anyOrder && !contains(got[:len(tt.want)], w) || !tt.anyOrder && got[i] != w {
					t.Fatalf("got %v, want %v first", got, tt.want)
				}
			}
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestNearRanksBeforeTheLimit: of many equal matches, the ones kept
// under the limit are the nearest, wherever the question is asked from.
func TestNearRanksBeforeTheLimit(t *testing.T) {
	cat := &bot.Catalogue{Area: bot.Area{Name: "Test", Location: time.UTC}}
	for i := range 5 {
		cat.Assets = append(cat.Assets, bot.Asset{
			ID: fmt.Sprintf("hall-%d", i), Name: "Hall", Kind: "other", Point: &bot.Point{Lat: 52.5 + 0.05*float64(i), Lon: -2},
			Activities: []bot.Activity{{ID: "bingo", Name: "Bingo"}},
		})
	}
	ix, err := Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i, a := range cat.Assets {
		hits, err := ix.Search(context.Background(), bot.Query{Words: []string{"bingo"}, Near: a.Point, WithinKm: 50, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(hits); len(got) != 1 || got[0] != docID(a.ID, "bingo") {
			t.Errorf("near hall %d: got %v", i, got)
		}
	}
}

// TestGenericAddsToTheScore: a generic word a hit holds raises its score.
func TestGenericAddsToTheScore(t *testing.T) {
	ix := buildTest(t)
	score := func(q bot.Query) float64 {
		t.Helper()
		hits, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.Activity == "crochet" {
				return h.Score
			}
		}
		t.Fatalf("%v: no crochet in %v", q, hits)
		return 0
	}
	without := score(bot.Query{Words: []string{"craft"}})
	with := score(bot.Query{Words: []string{"craft"}, Generic: []string{"corner"}})
	if with <= without {
		t.Errorf("score with the generic word %v, without %v", with, without)
	}
}

// TestDirect: a hit says whether the person's own words match it, or
// only the related phrases the vocabulary added.
func TestDirect(t *testing.T) {
	ix := buildTest(t)
	tests := []struct {
		q      bot.Query
		direct map[string]bool
	}{
		{bot.Query{Needs: []bot.NeedWords{{Exact: []string{"knitting"}, Related: []string{"craft"}}}}, map[string]bool{"oldbury-library/knit-and-natter": true, "tea-and-toast/crochet": false}},
		{bot.Query{Needs: []bot.NeedWords{{Related: []string{"knit and natter", "crochet"}}}}, map[string]bool{"oldbury-library/knit-and-natter": false, "tea-and-toast/crochet": false}},
		{bot.Query{Words: []string{"cafe"}, Needs: []bot.NeedWords{{Exact: []string{"memory"}, Related: []string{"dementia", "crochet"}}}}, map[string]bool{"memorial-hall/memory-cafe": true, "tea-and-toast/crochet": false}},
		{bot.Query{Words: []string{"crochet"}}, map[string]bool{"tea-and-toast/crochet": true}},
		{bot.Query{Words: []string{"baby", "time"}, Needs: []bot.NeedWords{{Related: []string{"craft", "quiz"}}}, AnyWord: true}, map[string]bool{"memorial-hall/": true, "oldbury-library/rhyme-time": true, "oldbury-library/knit-and-natter": false, "tea-and-toast/crochet": false, "the-crown/quiz": false}},
	}
	for _, tt := range tests {
		tt.q.MarkDirect = true
		hits, err := ix.Search(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, h := range hits {
			got[docID(h.Asset, h.Activity)] = h.Direct
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.direct) {
			t.Errorf("%v %v: got %v, want %v", tt.q.Words, tt.q.Needs, got, tt.direct)
		}
	}
}

// TestScoreIsRelevanceAlone: near a place, hits are ranked with their
// distance, but the score reported is relevance alone, since the bot
// weighs distance itself.
func TestScoreIsRelevanceAlone(t *testing.T) {
	ix := buildTest(t)
	anywhere, err := ix.Search(context.Background(), bot.Query{Words: []string{"quiz"}})
	if err != nil || len(anywhere) != 1 {
		t.Fatalf("got %v, %v", anywhere, err)
	}
	near, err := ix.Search(context.Background(), bot.Query{Words: []string{"quiz"}, Near: &bot.Point{Lat: 52.60, Lon: -2.10}, WithinKm: 50})
	if err != nil || len(near) != 1 {
		t.Fatalf("got %v, %v", near, err)
	}
	if d := near[0].Score - anywhere[0].Score; d > 1e-9 || d < -1e-9 {
		t.Fatalf("score %v near a place, %v anywhere", near[0].Score, anywhere[0].Score)
	}
}

func TestSearchHonoursCancelledContext(t *testing.T) {
	ix := buildTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, q := range []bot.Query{{Words: []string{"knitting"}}, {Days: []time.Weekday{time.Tuesday}}} {
		if _, err := ix.Search(ctx, q); !errors.Is(err, context.Canceled) {
			t.Errorf("%+v: got %v, want the context's error", q, err)
		}
	}
}

// TestSearchAfterClose: a closed index says so, as bleve's own searches
// do, rather than answering from what it has let go.
func TestSearchAfterClose(t *testing.T) {
	ix, err := Build(testCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
	for _, q := range []bot.Query{{Words: []string{"knitting"}}, {}} {
		if hits, err := ix.Search(context.Background(), q); !errors.Is(err, bleve.ErrorIndexClosed) {
			t.Errorf("%+v: got %v, %v; want bleve.ErrorIndexClosed", q, hits, err)
		}
	}
}

// TestEqualsInListOrder: matches that rank level come in the list's own
// order, whatever numbers bleve gave them in this build.
func TestEqualsInListOrder(t *testing.T) {
	cat := &bot.Catalogue{Area: bot.Area{Name: "Test", Location: time.UTC}}
	for i := range 40 {
		cat.Assets = append(cat.Assets, bot.Asset{
			ID: fmt.Sprintf("hall-%02d", i), Name: "Hall", Kind: "other", Point: &bot.Point{Lat: 52.5, Lon: -2},
			Activities: []bot.Activity{{ID: "bingo", Name: "Bingo"}},
		})
	}
	for range 3 {
		ix, err := Build(cat)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Search(context.Background(), bot.Query{Words: []string{"bingo"}, Limit: 10})
		ix.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 10 {
			t.Fatalf("got %d hits for a limit of 10", len(hits))
		}
		for i, h := range hits {
			if want := fmt.Sprintf("hall-%02d", i); h.Asset != want {
				t.Fatalf("got %v, want the halls in the list's order", ids(hits))
			}
		}
	}
}

// TestNearTheEdgeOfTheCircle: a venue just inside the distance asked,
// due north, where the grid's box is tightest, is found by a question
// with no words, which looks only in the grid.
func TestNearTheEdgeOfTheCircle(t *testing.T) {
	edge := 2100 * cellDegrees // a cell boundary
	from := bot.Point{Lat: edge - 0.0089930, Lon: -2}
	venue := bot.Point{Lat: edge + 0.0000001, Lon: -2}
	if d := from.DistanceKm(venue); d > 1 {
		t.Fatalf("the venue is %v km away; the test wants it within 1", d)
	}
	cat := &bot.Catalogue{Area: bot.Area{Name: "Test", Location: time.UTC}, Assets: []bot.Asset{
		{ID: "hall", Name: "Hall", Kind: "other", Point: &venue},
	}}
	ix, err := Build(cat)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	hits, err := ix.Search(context.Background(), bot.Query{Near: &from, WithinKm: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Fatalf("got %v, want the hall %.5f km away", ids(hits), from.DistanceKm(venue))
	}
}
