package bot

import (
	"context"
	"time"
)

// Searcher finds assets and activities by topic, place and day. The index
// package implements it over bleve; the bot needs nothing more of it, so a
// question's meaning stays here and the search engine stays there.
type Searcher interface {
	Search(ctx context.Context, q Query) ([]Hit, error)
}

// Query is one look-up in the index. A hit must match every one of
// Words, and every need the person named a thing for (one with Exact
// words: "knitting", "quiz"); needs described only as a situation
// ("lonely") must match as a group, one of their words, when nothing else
// is asked, and otherwise only add to the score, as Generic words do.
type Query struct {
	// Words are the person's own topic words that name no need, filler
	// removed. They match with stemming and tolerate typos.
	Words []string
	// AnyWord lets a hit match only some of the topic: one of Words, or
	// one of the needs.
	AnyWord bool
	// Needs are the words of each need the message describes.
	Needs []NeedWords
	// Generic words add to the score of a hit that matches, but never
	// make one ("group", "help").
	Generic []string
	// Near ranks hits by Rank of their score and their distance from it,
	// and with WithinKm keeps only things within that distance.
	Near     *Point
	WithinKm float64
	// Days keeps only things that can happen on one of these days.
	Days []time.Weekday
	// Venues keeps only venues themselves, not their activities.
	Venues bool
	// Limit is the most hits to return.
	Limit int
	// Keep, if set, is asked about hits best first, and one it turns
	// down does not count toward Limit: the bot's own checks (the exact
	// times, cost, ages, access) apply before the Limit cuts, so nothing
	// that fits is lost behind things that do not. A Searcher may ignore
	// it; the bot checks every hit again.
	Keep func(Hit) bool
	// MarkDirect asks for Hit.Direct to be set; it costs a little more.
	MarkDirect bool
}

// NeedWords are one need's words in a Query. Exact are the person's own
// words for it that listings use too ("knitting", "memory cafe"); Related
// are the other words listings use for it ("crochet"; "coffee morning"
// for "lonely"). Both match as written, never by stem, in names, tags
// and kinds; Exact also in descriptions, and Related weigh less.
type NeedWords struct {
	Exact, Related []string
}

// Topic reports whether q has anything to match besides generic words.
func (q Query) Topic() bool {
	n := len(q.Words)
	for _, need := range q.Needs {
		n += len(need.Exact) + len(need.Related)
	}
	return n > 0
}

// Hit is one match: an activity, or a venue itself when Activity is "".
type Hit struct {
	Asset    string
	Activity string
	// Score is how well it matches the words, before any distance.
	Score float64
	// Direct is set, when the Query asks to MarkDirect, if the person's
	// own words match it: all of Words, and one Exact word of each need
	// that has them; not only the Related words.
	Direct bool
}

// Rank weighs relevance against distance: a match 2 km away counts for
// half as much as the same match on the doorstep. A Searcher asked for
// things Near a place must rank hits with it, so the hits a Limit cuts
// off are the ones that would have come last; the bot then weighs how
// soon each is on as well (see rank.go).
func Rank(score, km float64) float64 { return score / (1 + km/2) }
