package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"signpost/bot"
)

// Filters and distance are applied in memory, as bleve finds each match,
// not as more bleve queries: a conjunction with a dozen cell terms and
// seven day terms cost more than the words themselves. Every document's
// facts sit in a table indexed by bleve's own number for it, so a match
// is checked with one slice lookup; the table is built once, when the
// index is, and stays right because the index never changes after that.

// facts are what a search needs to know of one document besides its words.
type facts struct {
	asset, activity string
	venue           bool
	// days has bit d set when it can happen on time.Weekday(d).
	days     uint8
	point    bot.Point
	hasPoint bool
}

func factsOf(a *bot.Asset, act *bot.Activity) facts {
	f := facts{asset: a.ID}
	days := a.OpenWeekdays()
	if act != nil {
		f.activity, days = act.ID, act.Weekdays()
	} else {
		f.venue = true
	}
	f.days = dayMask(days)
	if a.Point != nil {
		f.point, f.hasPoint = *a.Point, true
	}
	return f
}

func dayMask(days []time.Weekday) uint8 {
	var m uint8
	for _, d := range days {
		m |= 1 << d
	}
	return m
}

// factsTable puts each document's facts at bleve's internal number for it.
func factsTable(idx bleve.Index, byID map[string]facts) ([]facts, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	defer r.Close()
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("list the documents: %w", err)
	}
	defer all.Close()
	table := make([]facts, len(byID))
	for {
		id, err := all.Next()
		if err != nil {
			return nil, fmt.Errorf("list the documents: %w", err)
		}
		if id == nil {
			return table, nil
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			return nil, fmt.Errorf("name document %d: %w", id.Value(), err)
		}
		f, ok := byID[ext]
		if !ok {
			return nil, fmt.Errorf("the index holds %q, which is not in the list", ext)
		}
		n := id.Value()
		if n >= uint64(len(table)) {
			table = append(table, make([]facts, n+1-uint64(len(table)))...)
		}
		table[n] = f
	}
}

// narrowing is what one question allows besides its words.
type narrowing struct {
	venues bool
	days   uint8 // 0 for any day
	near   *bot.Point
	km     float64 // 0 for any distance
}

func narrowingOf(q bot.Query) narrowing {
	n := narrowing{venues: q.Venues, days: dayMask(q.Days), near: q.Near}
	if q.Near != nil && q.WithinKm > 0 {
		n.km = q.WithinKm
	}
	return n
}

func (n narrowing) any() bool { return n.venues || n.days != 0 || n.near != nil }

// allows reports whether f may be a hit, and how far it is from the
// place asked about (0 when there is none).
func (n narrowing) allows(f *facts) (km float64, ok bool) {
	if n.venues && !f.venue || n.days != 0 && f.days&n.days == 0 {
		return 0, false
	}
	if n.near == nil {
		return 0, true
	}
	if !f.hasPoint {
		return 0, n.km == 0
	}
	km = n.near.DistanceKm(f.point)
	return km, n.km == 0 || km <= n.km
}

// narrowed is a query that keeps the matches of inner that n allows and,
// near a place, ranks them by relevance and distance together, as the bot
// does, so the hits cut off by the limit are the ones the bot would have
// ranked last.
type narrowed struct {
	inner query.Query
	n     narrowing
	table []facts
	// unscored scores every match of inner 1, when inner only finds
	// candidates (grid cells, or everything) and has no words to weigh.
	unscored bool
}

// Searcher is bleve's extension point for a query of one's own.
func (q narrowed) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opt search.SearcherOptions) (search.Searcher, error) {
	s, err := q.inner.Searcher(ctx, r, m, opt)
	if err != nil {
		return nil, err
	}
	return searcher.NewFilteringSearcher(ctx, s, q.keep), nil
}

func (q narrowed) keep(_ *search.SearchContext, d *search.DocumentMatch) bool {
	n := d.IndexInternalID.Value()
	if n >= uint64(len(q.table)) {
		return false
	}
	f := &q.table[n]
	km, ok := q.n.allows(f)
	if q.unscored {
		d.Score = 1
	}
	if ok && q.n.near != nil && f.hasPoint {
		d.Score = bot.Rank(d.Score, km)
	}
	return ok
}

// relevance undoes the distance in a narrowed hit's score, since the bot
// weighs relevance and distance itself.
func (n narrowing) relevance(f *facts, score float64) float64 {
	if n.near == nil || !f.hasPoint {
		return score
	}
	return score / bot.Rank(1, n.near.DistanceKm(f.point))
}
