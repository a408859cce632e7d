package index

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"

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
	point           bot.Point
	// seq is the document's place in the list, which orders equal
	// matches: bleve numbers a batch's documents in no fixed order.
	seq uint32
	// days has bit d set when it can happen on time.Weekday(d).
	days     uint8
	venue    bool
	hasPoint bool
}

func factsOf(a *bot.Asset, act *bot.Activity, seq uint32) facts {
	f := facts{asset: a.ID, seq: seq}
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
