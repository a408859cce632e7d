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
	// Near and WithinKm keep only things within that distance of a point.
	Near     *Point
	WithinKm float64
	// Days keeps only things that can happen on one of these days.
	Days []time.Weekday
	// Venues keeps only venues themselves, not their activities.
	Venues bool
	// Limit is the most hits to return.
	Limit int
}

// Hit is one match: an activity, or a venue itself when Activity is "".
type Hit struct {
	Asset    string
	Activity string
	Score    float64
}
