// Package index is the full-text search over a catalogue of assets: a bleve
// index, in memory, that implements bot.Searcher.
package index

import (
	"context"
	"fmt"
	"hash/maphash"
	"os"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"signpost/bot"
)

// Index is a searchable view of one catalogue, in memory or on disk, that
// an update moves to the next catalogue by indexing only what changed
// (see update.go). It is safe for concurrent searches, and searches go on
// while it is updated.
type Index struct {
	idx      bleve.Index
	analyzer analysis.Analyzer

	// mu guards view, closed and versions: held for reading while a search takes
	// its view, and for writing while an update swaps in a new one or
	// Close shuts the index.
	mu     sync.RWMutex
	view   *view
	closed bool
	// versions is how many Versions are open; the last one closed after
	// the index closes the bleve index.
	versions int

	// updating is held by an update, and by Close, for what follows.
	updating sync.Mutex
	// docs are the documents indexed, by id.
	docs map[string]indexed
	seed maphash.Seed
	// segments are the ids of the documents in each segment seen.
	segments segmentIDs
	// broken is set when an update failed part way.
	broken bool

	// dir is the directory of an index kept on disk, and lock holds it;
	// both are empty for an index in memory.
	dir  string
	lock *os.File
}

var _ bot.Searcher = (*Index)(nil)

// batchSize is how many documents go into one indexing batch. Each batch
// becomes one segment, and an in-memory scorch index never merges them,
// so every term of every search is looked up once per segment: 500 made
// 80 segments of 10,000 venues, and searches spent a third of their time
// opening term readers. 5,000 makes 8; 10,000 or 20,000 (4 or 2
// segments) measured no faster to answer but raised the peak memory of
// loading from about 220 MB to 290-370 and 450-550 MB.
const batchSize = 5000

// errClosed is the error of a search of a closed index, bleve's own.
var errClosed = bleve.ErrorIndexClosed

// New is an empty index in memory, to be filled by Update. It uses the
// scorch engine: bleve.NewMemOnly would pick the older upsidedown engine,
// several times slower and larger.
func New() (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	return wrap(idx), nil
}

// Build indexes every venue and activity in cat, in memory.
func Build(cat *bot.Catalogue) (*Index, error) {
	ix, err := New()
	if err != nil {
		return nil, err
	}
	if _, err := ix.Update(cat); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// wrap is an Index over idx, which holds nothing yet.
func wrap(idx bleve.Index) *Index {
	return &Index{idx: idx, analyzer: idx.Mapping().AnalyzerNamed(textAnalyzer), seed: maphash.MakeSeed()}
}

// Close releases the index once the searches under way are done, once an
// update under way has finished, and once every Version taken of it is
// closed; a search of the index itself after it fails with
// bleve.ErrorIndexClosed, while each open Version goes on answering.
func (ix *Index) Close() error {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	ix.mu.Lock()
	if ix.closed {
		ix.mu.Unlock()
		return nil
	}
	ix.closed = true
	v := ix.view
	ix.view = nil
	unused := ix.versions == 0
	ix.mu.Unlock()
	if v != nil {
		v.release()
	}
	if !unused {
		return nil
	}
	return ix.shut()
}

// shut closes bleve's index, then lets go of the directory it is kept in.
func (ix *Index) shut() error {
	err := ix.idx.Close()
	if ix.lock != nil {
		if lerr := ix.lock.Close(); err == nil {
			err = lerr
		}
	}
	return err
}

// defaultLimit is how many hits a query without a Limit returns.
const defaultLimit = 50

// Search runs q and returns hits best first: by relevance, or near a
// place by bot.Rank of relevance and distance. Words never reach bleve's
// query-string syntax: each is analysed and matched as plain text.
func (ix *Index) Search(ctx context.Context, q bot.Query) ([]bot.Hit, error) {
	v, err := ix.acquire()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer v.release()
	return ix.search(ctx, v, q)
}

// search runs q over v.
func (ix *Index) search(ctx context.Context, v *view, q bot.Query) ([]bot.Hit, error) {
	pooled := candidateLists.Get().(*[]candidate)
	defer candidateLists.Put(pooled)
	found, err := ix.matches(ctx, v, q, (*pooled)[:0])
	*pooled = found
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	hits, docs, err := v.best(ctx, found, limit, q.Keep)
	if err != nil {
		return nil, err
	}
	if err := ix.markDirect(ctx, v, q, hits, docs); err != nil {
		return nil, err
	}
	return hits, nil
}

// matches appends to found every document that q's words match and its
// place, days and kind allow.
func (ix *Index) matches(ctx context.Context, v *view, q bot.Query, found []candidate) ([]candidate, error) {
	n := narrowingOf(q)
	if words := ix.topicQuery(ctx, v, q); words != nil {
		return ix.candidates(ctx, v, words, n, found)
	}
	return v.everywhere(n, found), nil
}

// topicQuery is nil when q asks for anything at all. Each of the words is
// one part that must match, and so is each need the person named a thing
// for; the needs described only as a situation are one part together
// when there is nothing else (or any part will do), and otherwise only
// add to the score, as generic words do. With AnyWord any part will do.
func (ix *Index) topicQuery(ctx context.Context, v *view, q bot.Query) query.Query {
	var parts, boosts, situations []query.Query
	for _, w := range q.Words {
		if wq := ix.wordQuery(ctx, v, w); wq != nil {
			parts = append(parts, wq)
		}
	}
	for _, n := range q.Needs {
		var any []query.Query
		for _, p := range n.Exact {
			any = append(any, exactQuery(p, 1, true))
		}
		for _, p := range n.Related {
			any = append(any, exactQuery(p, relatedWeight, false))
		}
		if len(n.Exact) > 0 {
			parts = append(parts, disjunction(any))
		} else {
			situations = append(situations, any...)
		}
	}
	switch {
	case len(situations) == 0:
	case len(parts) == 0 || q.AnyWord:
		parts = append(parts, disjunction(situations))
	default:
		boosts = situations
	}
	var must query.Query
	switch {
	case len(parts) == 0:
		if q.Topic() || len(q.Generic) > 0 {
			return bleve.NewMatchNoneQuery()
		}
		return nil
	case len(parts) == 1:
		must = parts[0]
	case q.AnyWord:
		must = bleve.NewDisjunctionQuery(parts...)
	default:
		must = bleve.NewConjunctionQuery(parts...)
	}
	for _, g := range q.Generic {
		m := bleve.NewMatchQuery(g)
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(genericWeight)
		boosts = append(boosts, m)
	}
	if len(boosts) == 0 {
		return must
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(must)
	b.AddShould(boosts...)
	b.SetMinShould(0)
	return b
}

// disjunction is one of qs, or qs[0] alone.
func disjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// relatedWeight and genericWeight are how much a related word of a need,
// and a generic word, count beside the person's own words.
const (
	relatedWeight = 0.5
	genericWeight = 0.3
)

// exactQuery matches a phrase of the needs vocabulary as written, all its
// words, in a name, tags or the venue's kind words, and, for the person's own words (own), in a
// description too, at less weight: a word in a facility list ("baby
// changing") must not make a venue a baby group.
func exactQuery(phrase string, weight float64, own bool) query.Query {
	field := func(name string, boost float64) query.Query {
		m := bleve.NewMatchQuery(phrase)
		m.SetField(name)
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(boost * weight)
		return m
	}
	parts := []query.Query{field(fieldNameExact, nameWeight), field(fieldTagsExact, tagsWeight), field(fieldKind, tagsWeight)}
	if own {
		parts = append(parts, field(fieldTextExact, textWeight))
	}
	return bleve.NewDisjunctionQuery(parts...)
}

// nameWeight, tagsWeight and textWeight weigh a match in a name, in tags
// and in a description: what something is called and tagged says what it
// is; a word in a long description may only be mentioned.
const (
	nameWeight = 4
	tagsWeight = 3
	textWeight = 1
)

// wordQuery matches one of the person's words in a name, tag or text,
// exactly or, for a longer word the list never uses, within one or two
// typos. A word the list does use is matched exactly only: "choir" must
// not find "Chair Exercise", and the typo search, which walks the whole
// dictionary, is not paid for when it cannot help. It is nil for a word
// the analyser drops (a stop word such as "about"), so that such a word
// can never empty a result.
func (ix *Index) wordQuery(ctx context.Context, v *view, w string) query.Query {
	tokens := ix.analyzer.Analyze([]byte(w))
	if len(tokens) == 0 {
		return nil
	}
	field := func(name string, boost float64) query.Query {
		m := bleve.NewMatchQuery(w)
		m.SetField(name)
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(boost)
		return m
	}
	parts := []query.Query{field(fieldName, nameWeight), field(fieldTags, tagsWeight), field(fieldKind, tagsWeight), field(fieldText, textWeight)}
	if f := fuzziness(tokens); f > 0 && !v.allKnown(ctx, tokens) {
		m := bleve.NewMatchQuery(w)
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetFuzziness(f)
		m.SetPrefix(1)
		m.SetBoost(0.4)
		parts = append(parts, m)
	}
	return bleve.NewDisjunctionQuery(parts...)
}

// allKnown reports whether a live document of v holds every one of the
// tokens. A failed look-up counts as unknown, which only costs a typo
// search.
func (v *view) allKnown(ctx context.Context, tokens analysis.TokenStream) bool {
	for _, t := range tokens {
		r, err := v.snap.TermFieldReader(ctx, t.Term, "_all", false, false, false)
		if err != nil {
			return false
		}
		n := r.Count()
		r.Close()
		if n == 0 {
			return false
		}
	}
	return true
}

// fuzziness allows one typo in words of five letters or more and two in
// words of eight or more; shorter words must be exact, or "pub" would find
// "pug" and "bingo" would find "bin".
func fuzziness(tokens analysis.TokenStream) int {
	shortest := -1
	for _, t := range tokens {
		if n := len([]rune(string(t.Term))); shortest < 0 || n < shortest {
			shortest = n
		}
	}
	switch {
	case shortest >= 8:
		return 2
	case shortest >= 5:
		return 1
	}
	return 0
}
