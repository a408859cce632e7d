package index

import (
	"time"

	"signpost/bot"
)

// Filters and distance are applied in memory, as bleve finds each match,
// not as more bleve queries: a conjunction with a dozen cell terms and
// seven day terms cost more than the words themselves. Every document's
// facts sit in a table indexed by bleve's own number for it, so a match
// is checked with one slice lookup; each view of the index has its own
// table, made when the view is (see view.go).

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
