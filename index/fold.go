package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"signpost/bot"
)

// Every update's batch becomes a small segment of its own, and every
// term of every search is looked up once per segment, so a list edited
// all day would grow slower to search. An index in memory is never merged
// by bleve, so once there are more than maxSmallSegments small segments
// their live documents are indexed again, as one batch: the copies they
// replace are deleted, and segments left with nothing live are dropped.
// What this costs is bounded by the documents in small segments, never
// the whole list.
const (
	// smallSegment is the most documents a segment may hold and still
	// count as small.
	smallSegment = 1000
	// maxSmallSegments is how many small segments an index may hold.
	maxSmallSegments = 8
)

// fold indexes again the live documents of the small segments, taken
// from cat, when there are too many of them. Bleve merges the segments of
// an index on disk itself.
func (ix *Index) fold(cat *bot.Catalogue) error {
	if ix.dir != "" {
		return nil
	}
	r, err := ix.idx.Advanced()
	if err != nil {
		return fmt.Errorf("open the index: %w", err)
	}
	reader, err := r.Reader()
	if err != nil {
		return fmt.Errorf("open the index: %w", err)
	}
	defer reader.Close()
	snap, ok := reader.(*scorch.IndexSnapshot)
	if !ok {
		return fmt.Errorf("open the index: a %T is not a scorch snapshot", reader)
	}
	var small []*scorch.SegmentSnapshot
	for _, s := range snap.Segments() {
		if s.Segment().Count() <= smallSegment {
			small = append(small, s)
		}
	}
	if len(small) <= maxSmallSegments {
		return nil
	}
	again := make(map[string]bool)
	for _, s := range small {
		ids, ok := ix.segments[s.Id()]
		if !ok {
			if ids, err = idsOf(s); err != nil {
				return err
			}
		}
		deleted := s.Deleted()
		for num, id := range ids {
			if deleted == nil || !deleted.Contains(uint32(num)) {
				again[id] = true
			}
		}
	}
	b := newBatcher(ix.idx)
	err = eachDocument(cat, func(id string, d *document, _ facts) error {
		if !again[id] {
			return nil
		}
		return b.index(id, d)
	})
	if err != nil {
		return err
	}
	return b.flush()
}
