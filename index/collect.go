package index

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"signpost/bot"
)

// Search walks bleve's matches itself rather than through a bleve search
// request, whose collector would look up the stored id and fields of
// every hit it returns, and could only cut to a limit before the bot's
// own filters had their say. Here each match is narrowed and ranked as it
// comes (see narrow.go), and the best are handed to the bot's Keep in
// rank order until Limit are kept: a filter that turns many away costs a
// few more calls, never a second search.

// candidate is one match that passed the narrowing.
type candidate struct {
	doc   uint32 // bleve's number for it, the index into the table
	seq   uint32 // its place in the list, which orders equals
	score float64
	rank  float64
}

// ctxCheckEvery is how many matches are walked between looks at the
// context, so a cancelled or timed-out question stops promptly.
const ctxCheckEvery = 1024

// candidateLists are reused from search to search: a broad question
// gathers thousands of candidates, and allocating them anew each time
// was most of the garbage a question left.
var candidateLists = sync.Pool{New: func() any { return new([]candidate) }}

// searcher is bleve's searcher for q over v; close it when done.
func (ix *Index) searcher(ctx context.Context, v *view, q query.Query) (search.Searcher, *search.SearchContext, error) {
	s, err := q.Searcher(ctx, v.snap, ix.idx.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	return s, &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}, nil
}

// candidates walks every match of q in v and appends those n allows to
// found.
func (ix *Index) candidates(ctx context.Context, v *view, q query.Query, n narrowing, found []candidate) ([]candidate, error) {
	s, sctx, err := ix.searcher(ctx, v, q)
	if err != nil {
		return found, err
	}
	defer s.Close()
	for i := 0; ; i++ {
		if i%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return found, fmt.Errorf("search: %w", err)
			}
		}
		d, err := s.Next(sctx)
		if err != nil {
			return found, fmt.Errorf("search: %w", err)
		}
		if d == nil {
			return found, nil
		}
		num := d.IndexInternalID.Value()
		score := d.Score
		sctx.DocumentMatchPool.Put(d)
		if num >= uint64(len(v.table)) {
			return found, fmt.Errorf("search: document %d is not in the index's table", num)
		}
		found = v.consider(found, uint32(num), score, n)
	}
}

// markDirect sets Direct on the hits (documents docs) that q's own words
// (Words, and each need's Exact words) match, not only related ones: one
// more searcher, for the own words alone, is moved to each of them in
// turn, rather than walked whole.
func (ix *Index) markDirect(ctx context.Context, v *view, q bot.Query, hits []bot.Hit, docs []uint32) error {
	if !q.MarkDirect || len(hits) == 0 {
		return nil
	}
	own := q
	own.Needs, own.Generic = nil, nil
	related := false
	for _, n := range q.Needs {
		related = related || len(n.Related) > 0
		if len(n.Exact) > 0 {
			own.Needs = append(own.Needs, bot.NeedWords{Exact: n.Exact})
		}
	}
	if !related {
		for i := range hits {
			hits[i].Direct = true
		}
		return nil
	}
	if !own.Topic() {
		return nil
	}
	s, sctx, err := ix.searcher(ctx, v, ix.topicQuery(ctx, v, own))
	if err != nil {
		return err
	}
	defer s.Close()
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(docs[a], docs[b]) })
	// Advance gives the first match at or after a document and moves
	// past it, so the last one given is kept for the hits it may be.
	var at uint64
	started := false
	for _, i := range order {
		want := uint64(docs[i])
		if !started || at < want {
			d, err := s.Advance(sctx, index.NewIndexInternalID(nil, want))
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if d == nil {
				return nil
			}
			at, started = d.IndexInternalID.Value(), true
			sctx.DocumentMatchPool.Put(d)
		}
		hits[i].Direct = at == want
	}
	return nil
}

// everywhere appends the documents n allows to found, for a question with
// no words to match: near a place those in the cells around it, else all
// of them. Each scores 1, so only distance ranks them.
func (v *view) everywhere(n narrowing, found []candidate) []candidate {
	if n.km > 0 {
		if cells, ok := cellsNear(*n.near, n.km); ok {
			for _, c := range cells {
				for _, d := range v.grid[c] {
					found = v.consider(found, d, 1, n)
				}
			}
			return found
		}
	}
	for d := range v.table {
		if v.table[d].asset == "" {
			continue // deleted
		}
		found = v.consider(found, uint32(d), 1, n)
	}
	return found
}

// consider appends document d to found if n allows it, ranked.
func (v *view) consider(found []candidate, d uint32, score float64, n narrowing) []candidate {
	f := &v.table[d]
	km, ok := n.allows(f)
	if !ok {
		return found
	}
	c := candidate{doc: d, seq: f.seq, score: score, rank: score}
	if n.near != nil && f.hasPoint {
		c.rank = bot.Rank(score, km)
	}
	return append(found, c)
}

// best hands candidates to keep best first until limit are kept, and
// returns those with their documents. A nil keep keeps everything. Of
// equals, the one first in the list comes first: bleve numbers a batch's
// documents in no fixed order, and a question should get the same answer
// after every reload.
func (v *view) best(ctx context.Context, found []candidate, limit int, keep func(bot.Hit) bool) ([]bot.Hit, []uint32, error) {
	h := byRank(found)
	heap.Init(&h)
	var hits []bot.Hit
	var docs []uint32
	for i := 0; len(h) > 0 && len(hits) < limit; i++ {
		if i%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("search: %w", err)
			}
		}
		c := heap.Pop(&h).(candidate)
		f := &v.table[c.doc]
		hit := bot.Hit{Asset: f.asset, Activity: f.activity, Score: c.score}
		if keep == nil || keep(hit) {
			hits, docs = append(hits, hit), append(docs, c.doc)
		}
	}
	return hits, docs, nil
}

// byRank is a heap with the best candidate on top, and of equals the one
// first in the list.
type byRank []candidate

func (h byRank) Len() int { return len(h) }
func (h byRank) Less(i, j int) bool {
	if h[i].rank != h[j].rank {
		return h[i].rank > h[j].rank
	}
	return h[i].seq < h[j].seq
}
func (h byRank) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *byRank) Push(x any)   { *h = append(*h, x.(candidate)) }
func (h *byRank) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
