package bot

import (
	"context"
	"sort"
	"time"
)

// found is the outcome of looking for what a message asked.
type found struct {
	results []Result
	// relaxed names what had to be loosened to find anything.
	relaxed []string
	// partial is set when only some of the topic words matched.
	partial bool
}

// maxResults is how many results are kept for "more".
const maxResults = 30

// unrankedLimit is how many hits are asked for when nothing ranks them,
// no words and no place, so the soonest can be chosen from more than
// the first few in the list.
const unrankedLimit = 150

// relaxation says which parts of a question to drop.
type relaxation struct{ time, place, topic bool }

// relaxations are tried in order until something is found: first the
// question as asked, then without its time, then without its place, and
// last without its topic.
var relaxations = []relaxation{
	{}, {time: true}, {time: true, place: true},
	{topic: true}, {topic: true, time: true}, {topic: true, time: true, place: true},
}

func (b *Bot) find(ctx context.Context, lib *library, m meaning, now time.Time) (found, error) {
	if m.venue != "" {
		return found{results: b.venueStatus(lib, m, now)}, nil
	}
	hasTime := m.when != nil && m.intent != "open"
	hasPlace := m.place != nil
	hasTopic := len(m.words)+len(m.related) > 0
	for _, r := range relaxations {
		if (r.time && !hasTime) || (r.place && !hasPlace) || (r.topic && !hasTopic) {
			continue
		}
		results, direct, err := b.lookup(ctx, lib, m, now, r, false, maxResults)
		if err != nil {
			return found{}, err
		}
		partial := false
		if len(results) == 0 && !r.topic && len(m.words) > 1 {
			partial = true
			if results, direct, err = b.lookup(ctx, lib, m, now, r, true, maxResults); err != nil {
				return found{}, err
			}
		}
		if len(results) > 0 && !direct && hasTime && !r.time && !r.place && !partial && len(m.words) > 0 && len(m.related) > 0 {
			// Only things related to the words may be on then, while the
			// very thing asked for is on at another time or further
			// away: say so, rather than pass related things off as it.
			// (When one of the results is the very thing, it is on.)
			if f, ok, err := b.directElsewhere(ctx, lib, m, now, r, hasTime, hasPlace); err != nil || ok {
				return f, err
			}
		}
		if len(results) > 0 {
			f := found{results: results, partial: partial}
			if r.time {
				f.relaxed = append(f.relaxed, "time")
			}
			if r.place {
				f.relaxed = append(f.relaxed, "place")
			}
			if r.topic {
				f.relaxed = append(f.relaxed, "topic")
			}
			return f, nil
		}
	}
	return found{}, nil
}

// directElsewhere looks for the words alone, without their related
// phrases. It reports ok when they match nothing under r but do match
// once the time or place is let go.
func (b *Bot) directElsewhere(ctx context.Context, lib *library, m meaning, now time.Time, r relaxation, hasTime, hasPlace bool) (found, bool, error) {
	direct := m
	direct.related = nil
	// Whether there is one is all that matters here.
	results, _, err := b.lookup(ctx, lib, direct, now, r, false, 1)
	if err != nil || len(results) > 0 {
		return found{}, false, err
	}
	for _, wider := range []relaxation{{time: true}, {time: true, place: true}} {
		if (wider.time && !hasTime) || (wider.place && !hasPlace) {
			continue
		}
		results, _, err := b.lookup(ctx, lib, direct, now, wider, false, maxResults)
		if err != nil {
			return found{}, false, err
		}
		if len(results) > 0 {
			f := found{results: results, relaxed: []string{"time"}}
			if wider.place {
				f.relaxed = append(f.relaxed, "place")
			}
			return f, true, nil
		}
	}
	return found{}, false, nil
}

// lookup searches once, for the best limit hits that pass the filters
// and are on in time, and ranks them by relevance and distance together.
// direct reports whether any of them matches the person's own words, not
// only related ones.
func (b *Bot) lookup(ctx context.Context, lib *library, m meaning, now time.Time, r relaxation, anyWord bool, limit int) (results []Result, direct bool, err error) {
	q := Query{Limit: limit, Venues: m.intent == "open", AnyWord: anyWord}
	if !r.topic {
		q.Words, q.Related = m.words, m.related
	}
	var from *Point
	if m.place != nil {
		// Nearer things rank higher even when the place is let go.
		from = &Point{m.place.Lat, m.place.Lon}
		q.Near = from
		if !r.place {
			q.WithinKm = b.cfg.NearKm
		}
	}
	if len(q.Words)+len(q.Related) == 0 && q.Near == nil {
		q.Limit = max(limit, unrankedLimit)
	}
	spans := askedSpans(m, now)
	if m.when != nil && m.intent != "open" && !r.time {
		q.Days = m.when.weekdays()
	}
	if r.time {
		spans = []span{{now, now.Add(horizon)}}
	}
	// Whether the words themselves match matters only where find checks
	// that the very thing asked for is on at the time asked.
	q.MarkDirect = m.when != nil && m.intent != "open" && !r.time && !r.place && !anyWord && len(q.Words) > 0 && len(q.Related) > 0
	// kept are the results Keep made, in the order it made them, which is
	// the order a Searcher returns hits in, so each hit is looked at once.
	// A hit Keep never saw (a Searcher may ignore Keep) is checked below.
	var kept []Result
	q.Keep = func(h Hit) bool {
		res, ok := b.result(lib, h, m, spans, now)
		if ok {
			kept = append(kept, res)
		}
		return ok
	}
	hits, err := lib.search.Search(ctx, q)
	if err != nil {
		return nil, false, err
	}
	best := 0.0
	for _, h := range hits {
		best = max(best, h.Score)
	}
	for i, h := range hits {
		var res Result
		var ok bool
		if i < len(kept) && kept[i].is(h) {
			res, ok = kept[i], true
		} else {
			res, ok = b.result(lib, h, m, spans, now)
		}
		if !ok {
			continue
		}
		direct = direct || h.Direct
		res.Score = 1
		if len(q.Words)+len(q.Related) > 0 && best > 0 {
			res.Score = h.Score / best
		}
		if from != nil && res.Asset.Point != nil {
			d := from.DistanceKm(*res.Asset.Point)
			res.DistanceKm = &d
			res.Score = Rank(res.Score, d)
		}
		results = append(results, res)
	}
	if len(q.Words)+len(q.Related) == 0 && m.intent != "open" {
		results = activitiesFirst(results)
	}
	sort.SliceStable(results, func(i, j int) bool { return ranksBefore(results[i], results[j]) })
	if m.intent == "open" {
		// "Is the library open?" puts the ones open then first.
		sort.SliceStable(results, func(i, j int) bool {
			x, y := results[i], results[j]
			if x.ClosedThen != y.ClosedThen {
				return !x.ClosedThen
			}
			return x.OpenNow && !y.OpenNow
		})
	}
	if len(results) > limit {
		results = results[:limit]
	}
	return results, direct, nil
}

// result turns a hit into a result, or reports false when it fails the
// filters or is not on in any of the spans.
func (b *Bot) result(lib *library, h Hit, m meaning, spans []span, now time.Time) (Result, bool) {
	a := lib.assets[h.Asset]
	if a == nil {
		return Result{}, false
	}
	var act *Activity
	if h.Activity != "" {
		for i := range a.Activities {
			if a.Activities[i].ID == h.Activity {
				act = &a.Activities[i]
			}
		}
		if act == nil {
			return Result{}, false
		}
	}
	if !m.filters.keep(a, act) {
		return Result{}, false
	}
	res := Result{Asset: a, Activity: act}
	loc := lib.cat.Area.Location
	var rules []Rule
	next := func(from, to time.Time) (Occurrence, bool) { return a.NextOpen(from, to, loc) }
	if act != nil {
		rules = act.When
		next = func(from, to time.Time) (Occurrence, bool) { return act.Next(from, to, loc) }
	} else {
		rules = a.Open
	}
	if len(rules) == 0 {
		// No times listed: offered without a time, unless a time was asked.
		return res, act == nil || spans[len(spans)-1].to.Sub(spans[0].from) >= horizon
	}
	for _, s := range spans {
		if o, ok := next(s.from, s.to); ok {
			res.Next, res.End = &o.Start, &o.End
			res.OpenNow = act == nil && !o.Start.After(now) && o.End.After(now)
			return res, true
		}
	}
	// A venue asked about is still worth naming when it is closed then,
	// with when it next opens; an activity that is not on then is not.
	if act != nil || m.intent != "open" {
		return res, false
	}
	after := spans[len(spans)-1].to
	if after.Before(now) {
		after = now
	}
	if o, ok := next(after, after.Add(horizon)); ok {
		res.Next, res.End, res.ClosedThen = &o.Start, &o.End, true
	}
	return res, true
}

// is reports whether r is what h names.
func (r Result) is(h Hit) bool {
	if r.Asset.ID != h.Asset {
		return false
	}
	if r.Activity == nil {
		return h.Activity == ""
	}
	return r.Activity.ID == h.Activity
}

// activitiesFirst keeps only activities when there are any: "what's on
// Thursday evening" wants things to go to, not every venue that is open.
func activitiesFirst(results []Result) []Result {
	var acts []Result
	for _, r := range results {
		if r.Activity != nil {
			acts = append(acts, r)
		}
	}
	if len(acts) == 0 {
		return results
	}
	return acts
}

// askedSpans are the stretches of time a question is about: the times it
// names, or from now on.
func askedSpans(m meaning, now time.Time) []span {
	if m.when == nil {
		return []span{{now, now.Add(horizon)}}
	}
	return m.when.spans
}

// venueStatus answers "is Oldbury Library open?" about the one venue named.
func (b *Bot) venueStatus(lib *library, m meaning, now time.Time) []Result {
	for i := range lib.cat.Assets {
		a := &lib.cat.Assets[i]
		if a.Name != m.venue {
			continue
		}
		res, _ := b.result(lib, Hit{Asset: a.ID}, meaning{intent: "open"}, askedSpans(m, now), now)
		if m.place != nil && m.place.Source != "asset" && a.Point != nil {
			d := Point{m.place.Lat, m.place.Lon}.DistanceKm(*a.Point)
			res.DistanceKm = &d
		}
		return []Result{res}
	}
	return nil
}

// ranksBefore orders results best first: higher score, then sooner, then
// nearer, then by name so the order never depends on the index's whims.
func ranksBefore(x, y Result) bool {
	if d := x.Score - y.Score; d > 1e-9 || d < -1e-9 {
		return d > 0
	}
	switch {
	case x.Next != nil && y.Next == nil:
		return true
	case x.Next == nil && y.Next != nil:
		return false
	case x.Next != nil && !x.Next.Equal(*y.Next):
		return x.Next.Before(*y.Next)
	}
	if x.DistanceKm != nil && y.DistanceKm != nil && *x.DistanceKm != *y.DistanceKm {
		return *x.DistanceKm < *y.DistanceKm
	}
	return x.Name() < y.Name()
}
