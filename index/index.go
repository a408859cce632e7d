// Package index is the full-text search over a catalogue of assets: a bleve
// index, in memory, that implements bot.Searcher.
package index

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"signpost/bot"
)

// Index is a searchable, read-only view of one catalogue. It is safe for
// concurrent searches.
type Index struct {
	idx bleve.Index
	// reader is the index beneath bleve's request API, for walking
	// matches (see collect.go).
	reader   index.Index
	analyzer analysis.Analyzer
	// table holds each document's facts at bleve's number for it.
	table []facts
	// grid finds the documents near a place without asking bleve.
	grid grid
	// terms are every word the index holds, after analysis, so a word
	// people spell as the list does is never matched fuzzily as well.
	terms map[string]struct{}
	// mu is held for reading by each search and for writing by Close, as
	// bleve's own search requests do: walking matches directly (see
	// collect.go) passes by bleve's check that the index is open.
	mu     sync.RWMutex
	closed bool
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

// Build indexes every venue and activity in cat, in memory. It uses the
// scorch engine: bleve.NewMemOnly would pick the older upsidedown engine,
// several times slower and larger.
func Build(cat *bot.Catalogue) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	ix, err := build(idx, cat)
	if err != nil {
		idx.Close()
		return nil, err
	}
	ix.analyzer = m.AnalyzerNamed(textAnalyzer)
	return ix, nil
}

func build(idx bleve.Index, cat *bot.Catalogue) (*Index, error) {
	byID, err := fill(idx, cat)
	if err != nil {
		return nil, err
	}
	table, err := factsTable(idx, byID)
	if err != nil {
		return nil, err
	}
	terms, err := allTerms(idx)
	if err != nil {
		return nil, err
	}
	reader, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	return &Index{idx: idx, reader: reader, table: table, grid: gridOf(table), terms: terms}, nil
}

// allTerms reads the dictionary of the field every text field is copied
// into.
func allTerms(idx bleve.Index) (map[string]struct{}, error) {
	dict, err := idx.FieldDict("_all")
	if err != nil {
		return nil, fmt.Errorf("read the index's words: %w", err)
	}
	defer dict.Close()
	terms := make(map[string]struct{}, dict.Cardinality())
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("read the index's words: %w", err)
		}
		if e == nil {
			return terms, nil
		}
		terms[e.Term] = struct{}{}
	}
}

// fill indexes cat and returns the facts of each document by its id.
func fill(idx bleve.Index, cat *bot.Catalogue) (map[string]facts, error) {
	byID := make(map[string]facts)
	var seq uint32
	b := idx.NewBatch()
	flush := func() error {
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("index assets: %w", err)
		}
		b.Reset()
		return nil
	}
	for i := range cat.Assets {
		a := &cat.Assets[i]
		id := docID(a.ID, "")
		if err := b.Index(id, venueDocument(a)); err != nil {
			return nil, fmt.Errorf("index %s: %w", a.ID, err)
		}
		byID[id] = factsOf(a, nil, seq)
		seq++
		for j := range a.Activities {
			act := &a.Activities[j]
			id := docID(a.ID, act.ID)
			if err := b.Index(id, activityDocument(a, act)); err != nil {
				return nil, fmt.Errorf("index %s/%s: %w", a.ID, act.ID, err)
			}
			byID[id] = factsOf(a, act, seq)
			seq++
		}
		if b.Size() >= batchSize {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	return byID, flush()
}

// Close releases the index once the searches under way are done; a
// search after it fails with bleve.ErrorIndexClosed.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	return ix.idx.Close()
}

// defaultLimit is how many hits a query without a Limit returns.
const defaultLimit = 50

// Search runs q and returns hits best first: by relevance, or near a
// place by bot.Rank of relevance and distance. Words never reach bleve's
// query-string syntax: each is analysed and matched as plain text.
func (ix *Index) Search(ctx context.Context, q bot.Query) ([]bot.Hit, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return nil, fmt.Errorf("search: %w", bleve.ErrorIndexClosed)
	}
	pooled := candidateLists.Get().(*[]candidate)
	defer candidateLists.Put(pooled)
	found, err := ix.matches(ctx, q, (*pooled)[:0])
	*pooled = found
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	hits, docs, err := ix.best(ctx, found, limit, q.Keep)
	if err != nil {
		return nil, err
	}
	if err := ix.markDirect(ctx, q, hits, docs); err != nil {
		return nil, err
	}
	return hits, nil
}

// matches appends to found every document that q's words match and its
// place, days and kind allow.
func (ix *Index) matches(ctx context.Context, q bot.Query, found []candidate) ([]candidate, error) {
	n := narrowingOf(q)
	if words := ix.topicQuery(q); words != nil {
		return ix.candidates(ctx, words, n, found)
	}
	return ix.everywhere(n, found), nil
}

// topicQuery is nil when q asks for anything at all. Each of the words is
// one part that must match, and so is each need the person named a thing
// for; the needs described only as a situation are one part together
// when there is nothing else (or any part will do), and otherwise only
// add to the score, as generic words do. With AnyWord any part will do.
func (ix *Index) topicQuery(q bot.Query) query.Query {
	var parts, boosts, situations []query.Query
	for _, w := range q.Words {
		if wq := ix.wordQuery(w); wq != nil {
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
func (ix *Index) wordQuery(w string) query.Query {
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
	if f := fuzziness(tokens); f > 0 && !ix.allKnown(tokens) {
		m := bleve.NewMatchQuery(w)
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetFuzziness(f)
		m.SetPrefix(1)
		m.SetBoost(0.4)
		parts = append(parts, m)
	}
	return bleve.NewDisjunctionQuery(parts...)
}

// allKnown reports whether the index holds every one of the tokens.
func (ix *Index) allKnown(tokens analysis.TokenStream) bool {
	for _, t := range tokens {
		if _, ok := ix.terms[string(t.Term)]; !ok {
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
