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

// Query is one look-up in the index.
type Query struct {
	// Words are the person's own topic words, filler removed. They match
	// with stemming and tolerate typos. Empty means anything.
	Words []string
	// AnyWord lets a hit match only some of Words instead of all of them.
	AnyWord bool
	// Related are phrases the topic vocabulary adds ("coffee morning" for
	// "lonely"); they match as written and weigh less than Words.
	Related []string
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

// Hit is one match: an activity, or a venue itself when Activity is "".
type Hit struct {
	Asset    string
	Activity string
	// Score is how well it matches the words, before any distance.
	Score float64
	// Direct is set, when the Query asks to MarkDirect, if the person's
	// own Words match it, not only the Related phrases.
	Direct bool
}

// Rank weighs relevance against distance: a match 2 km away counts for
// half as much as the same match on the doorstep. The bot ranks results
// with it, and a Searcher asked for things Near a place must rank hits
// with it too, so the hits a Limit cuts off are the ones that would have
// come last.
func Rank(score, km float64) float64 { return score / (1 + km/2) }
