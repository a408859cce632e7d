package bot

import (
	"context"
	"math"
	"time"
)

// found is the outcome of looking for what a message asked.
type found struct {
	results []Result
	// relaxed names what had to be loosened to find anything; whether a
	// page shows things only related to what was asked is said per page.
	relaxed []Relaxation
	// direct reports whether any result matches the person's own words.
	direct bool
}

// maxResults is how many results are kept for "more".
const maxResults = 30

// unrankedLimit is how many hits are asked for when nothing ranks them,
// no words and no place, so the soonest can be chosen from more than
// the first few in the list.
const unrankedLimit = 150

// relaxation says which parts of a question to let go.
type relaxation struct{ time, place bool }

// relaxations are tried in order until something is found: the question
// as asked, then without its time, then without its place too. The topic
// is never let go: when nothing fits it, the bot says so and offers what
// there is instead (see offers.go).
var relaxations = []relaxation{{}, {time: true}, {time: true, place: true}}

func (b *Bot) find(ctx context.Context, lib *library, m Meaning, now time.Time) (found, error) {
	if m.Venue != "" {
		return found{results: b.venueStatus(lib, m, now), direct: true}, nil
	}
	if !m.HasTopic() && len(m.Generic) > 0 {
		// "lessons" alone: a generic word never makes a result.
		return found{}, nil
	}
	hasTime := m.When != nil && m.Intent != IntentOpen
	hasPlace := m.Place != nil
	for _, r := range relaxations {
		if (r.time && !hasTime) || (r.place && !hasPlace) {
			continue
		}
		results, err := b.ownFirst(ctx, lib, m, now, r)
		if err != nil {
			return found{}, err
		}
		partial := false
		if len(results) == 0 && topicParts(m) > 1 {
			partial = true
			if results, err = b.lookup(ctx, lib, m, now, r, true, maxResults); err != nil {
				return found{}, err
			}
		}
		if len(results) > 0 && !anyDirect(results) && hasTime && !r.time && !r.place && !partial && len(m.Related()) > 0 {
			// Only things related to the words may be on then, while the
			// very thing asked for is on at another time or further
			// away: say so, rather than pass related things off as it.
			if f, ok, err := b.directElsewhere(ctx, lib, m, now, hasPlace); err != nil || ok {
				return f, err
			}
		}
		if len(results) > 0 {
			return foundOf(results, r, partial), nil
		}
	}
	return found{}, nil
}

// ownFirst looks for what the person named by their own words alone
// first, when the needs they named add related words: those rank after
// every match of the words themselves, so when the words fill the
// results the related ones are never needed, and searching for them is
// most of the cost of a broad question.
func (b *Bot) ownFirst(ctx context.Context, lib *library, m Meaning, now time.Time, r relaxation) ([]Result, error) {
	if own, ok := ownWordsOnly(m); ok {
		results, err := b.lookup(ctx, lib, own, now, r, false, maxResults)
		if err != nil || len(results) >= maxResults {
			return results, err
		}
	}
	return b.lookup(ctx, lib, m, now, r, false, maxResults)
}

// ownWordsOnly is m with each need named by a thing ("knitting") reduced
// to the person's own words for it, and false when that changes nothing.
func ownWordsOnly(m Meaning) (Meaning, bool) {
	own, changed := m, false
	own.Needs = nil
	for i, w := range m.needWords() {
		n := m.Needs[i]
		if len(w.Exact) > 0 && len(w.Related) > 0 {
			n.Means, changed = w.Exact, true
		}
		own.Needs = append(own.Needs, n)
	}
	return own, changed
}

// foundOf is results found under r, with what was let go to find them.
func foundOf(results []Result, r relaxation, partial bool) found {
	f := found{results: results, direct: anyDirect(results)}
	if r.time {
		f.relaxed = append(f.relaxed, RelaxedTime)
	}
	if r.place {
		f.relaxed = append(f.relaxed, RelaxedPlace)
	}
	if partial {
		f.relaxed = append(f.relaxed, RelaxedWords)
	}
	return f
}

// topicParts counts what must each match: every one of the words, each
// need named by a thing, and the needs described only as a situation as
// one when nothing else is asked.
func topicParts(m Meaning) int {
	n, situations := len(m.Words), 0
	for _, w := range m.needWords() {
		if len(w.Exact) > 0 {
			n++
		} else {
			situations++
		}
	}
	if n == 0 && situations > 0 {
		n = 1
	}
	return n
}

func anyDirect(results []Result) bool {
	for _, r := range results {
		if r.Match == MatchWords {
			return true
		}
	}
	return false
}

// directElsewhere looks for the person's own words alone, without the
// words related to them, at any time and then anywhere. It reports ok
// when they match something.
func (b *Bot) directElsewhere(ctx context.Context, lib *library, m Meaning, now time.Time, hasPlace bool) (found, bool, error) {
	own := m
	own.Needs = nil
	for i, w := range m.needWords() {
		if len(w.Exact) > 0 {
			n := m.Needs[i]
			n.Means = w.Exact
			own.Needs = append(own.Needs, n)
		}
	}
	if !own.HasTopic() {
		return found{}, false, nil
	}
	for _, wider := range []relaxation{{time: true}, {time: true, place: true}} {
		if wider.place && !hasPlace {
			continue
		}
		results, err := b.lookup(ctx, lib, own, now, wider, false, maxResults)
		if err != nil {
			return found{}, false, err
		}
		if len(results) > 0 {
			return foundOf(results, wider, false), true, nil
		}
	}
	return found{}, false, nil
}

// query is the look-up for m under r.
func (b *Bot) query(m Meaning, r relaxation, anyWord bool, limit int) Query {
	q := Query{
		Words: m.Words, Needs: m.needWords(), Generic: m.Generic,
		Limit: limit, Venues: m.Intent == IntentOpen, AnyWord: anyWord,
	}
	if m.Place != nil {
		// Nearer things rank higher even when the place is let go.
		q.Near = &Point{m.Place.Lat, m.Place.Lon}
		if !r.place {
			q.WithinKm = b.cfg.NearKm
		}
	}
	if !q.Topic() && q.Near == nil {
		q.Limit = max(limit, unrankedLimit)
	}
	if m.When != nil && m.Intent != IntentOpen && !r.time {
		q.Days = m.When.weekdays()
	}
	q.MarkDirect = len(m.Related()) > 0 && !anyWord
	return q
}

// lookup searches once, for the best limit hits that pass the filters
// and are on in time, and ranks them (see rank.go).
func (b *Bot) lookup(ctx context.Context, lib *library, m Meaning, now time.Time, r relaxation, anyWord bool, limit int) ([]Result, error) {
	q := b.query(m, r, anyWord, limit)
	spans := askedSpans(m, now)
	if r.time {
		spans = []Span{{now, now.Add(horizon)}}
	}
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
		return nil, err
	}
	best := 0.0
	for _, h := range hits {
		best = max(best, h.Score)
	}
	var results []Result
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
		res.Match = matchOf(q, h)
		relevance := 1.0
		if q.Topic() && best > 0 {
			// The square root evens out the index's fine distinctions
			// (a word in a short name or in a list of tags), so that
			// soonness and nearness decide among matches of much the
			// same strength.
			relevance = math.Sqrt(h.Score / best)
		}
		if q.Near != nil && res.Asset.Point != nil {
			d := q.Near.DistanceKm(*res.Asset.Point)
			res.DistanceKm = &d
		}
		res.Score = score(relevance, res, m.Filters, now)
		results = append(results, res)
	}
	if !q.Topic() && m.Intent != IntentOpen {
		results = activitiesFirst(results)
	}
	if m.Intent != IntentOpen {
		results = withoutTwins(withoutLooseVenues(results))
	}
	results = rank(results, m.Intent == IntentOpen)
	if len(results) > limit {
		results = results[:limit]
	}
	return results, nil
}

// matchOf says how hit h matches q.
func matchOf(q Query, h Hit) Match {
	switch {
	case !q.Topic():
		return MatchAny
	case q.AnyWord:
		return MatchSome
	case !q.MarkDirect || h.Direct:
		return MatchWords
	}
	return MatchRelated
}

// result turns a hit into a result, or reports false when it fails the
// filters or is not on in any of the spans.
func (b *Bot) result(lib *library, h Hit, m Meaning, spans []Span, now time.Time) (Result, bool) {
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
	if !m.Filters.keep(a, act) {
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
		return res, act == nil || spans[len(spans)-1].To.Sub(spans[0].From) >= horizon
	}
	for _, s := range spans {
		if o, ok := next(s.From, s.To); ok {
			res.Next, res.End = &o.Start, &o.End
			res.OpenNow = act == nil && !o.Start.After(now) && o.End.After(now)
			return res, true
		}
	}
	// A venue asked about is still worth naming when it is closed then,
	// with when it next opens; an activity that is not on then is not.
	if act != nil || m.Intent != IntentOpen {
		return res, false
	}
	after := spans[len(spans)-1].To
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

// withoutLooseVenues drops venues that match only words related to what
// was asked when something matches the words themselves: "quiz tonight"
// wants the quiz, and things like it, not a pub that has board games. A
// venue that matches a need described as a situation ("can't afford the
// heating" finds the library's warm space) stays.
func withoutLooseVenues(results []Result) []Result {
	if !anyDirect(results) {
		return results
	}
	out := results[:0:0]
	for _, r := range results {
		if r.Activity == nil && r.Match == MatchRelated {
			continue
		}
		out = append(out, r)
	}
	return out
}

// withoutTwins drops a venue when one of its activities is also in the
// results: the activity says more ("Tea & Toast", named as its venue, is
// shown once; the allotments' shared plot rather than the allotments).
func withoutTwins(results []Result) []Result {
	named := map[string]bool{}
	for _, r := range results {
		if r.Activity != nil {
			named[r.Asset.ID] = true
		}
	}
	if len(named) == 0 {
		return results
	}
	out := results[:0:0]
	for _, r := range results {
		if r.Activity == nil && named[r.Asset.ID] {
			continue
		}
		out = append(out, r)
	}
	return out
}

// askedSpans are the stretches of time a question is about: the times it
// names, or from now on.
func askedSpans(m Meaning, now time.Time) []Span {
	if m.When == nil {
		return []Span{{now, now.Add(horizon)}}
	}
	return m.When.Spans
}

// venueStatus answers "is Oldbury Library open?" about the one venue named.
func (b *Bot) venueStatus(lib *library, m Meaning, now time.Time) []Result {
	for i := range lib.cat.Assets {
		a := &lib.cat.Assets[i]
		if a.Name != m.Venue {
			continue
		}
		res, _ := b.result(lib, Hit{Asset: a.ID}, Meaning{Intent: IntentOpen}, askedSpans(m, now), now)
		res.Match = MatchWords
		if m.Place != nil && m.Place.Source != SourceAsset && a.Point != nil {
			d := Point{m.Place.Lat, m.Place.Lon}.DistanceKm(*a.Point)
			res.DistanceKm = &d
		}
		return []Result{res}
	}
	return nil
}
