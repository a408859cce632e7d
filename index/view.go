package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"signpost/bot"
)

// A view is what one search reads: a snapshot of bleve's index and the
// facts of each document in it, at the number bleve gives it in that
// snapshot. Bleve numbers a document by its segment's place in the
// snapshot plus its place in the segment, and an update adds a segment,
// drops emptied ones and, on disk, merges them; so every update makes a
// new view, and each search holds the one it started with until it is
// done. Questions in flight finish on the list they began with, and none
// waits for an update.
type view struct {
	snap  *scorch.IndexSnapshot
	table []facts
	// grid finds the documents near a place without asking bleve.
	grid grid
}

// segmentIDs are the ids of each segment's documents, by the segment's
// id and then the document's number in it. Segments never change once
// made, so each is read once, when it first appears in a snapshot.
type segmentIDs map[uint64][]string

// newView makes the view of the index's current snapshot, with the facts
// of each document from byID. It reads the ids of segments not seen
// before, and forgets those of segments gone. A live document missing
// from byID means the index is not of this list.
func (ix *Index) newView(byID map[string]indexed) (*view, error) {
	r, err := ix.idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	reader, err := r.Reader()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	snap, ok := reader.(*scorch.IndexSnapshot)
	if !ok {
		reader.Close()
		return nil, fmt.Errorf("open the index: a %T is not a scorch snapshot", reader)
	}
	table, err := ix.tableOf(snap, byID)
	if err != nil {
		snap.Close()
		return nil, err
	}
	return &view{snap: snap, table: table, grid: gridOf(table)}, nil
}

// tableOf puts each document's facts at snap's number for it. A deleted
// document's place holds the zero facts: no search ever returns it.
func (ix *Index) tableOf(snap *scorch.IndexSnapshot, byID map[string]indexed) ([]facts, error) {
	segs := snap.Segments()
	seen := make(segmentIDs, len(segs))
	var n uint64
	for _, s := range segs {
		n += s.Segment().Count()
	}
	table := make([]facts, 0, n)
	for _, s := range segs {
		ids, ok := ix.segments[s.Id()]
		if !ok {
			var err error
			if ids, err = idsOf(s); err != nil {
				return nil, err
			}
		}
		seen[s.Id()] = ids
		deleted := s.Deleted()
		for num, id := range ids {
			if deleted != nil && deleted.Contains(uint32(num)) {
				table = append(table, facts{})
				continue
			}
			doc, ok := byID[id]
			if !ok {
				return nil, fmt.Errorf("the index holds %q, which is not in the list", id)
			}
			table = append(table, doc.facts)
		}
	}
	ix.segments = seen
	return table, nil
}

// idsOf reads the id of every document in s, deleted or not.
func idsOf(s *scorch.SegmentSnapshot) ([]string, error) {
	seg := s.Segment()
	ids := make([]string, seg.Count())
	for num := range ids {
		id, err := seg.DocID(uint64(num))
		if err != nil {
			return nil, fmt.Errorf("name document %d of segment %d: %w", num, s.Id(), err)
		}
		ids[num] = string(id)
	}
	return ids, nil
}

// acquire is the view for one search, held until release; it fails once
// the index is closed.
func (ix *Index) acquire() (*view, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return nil, errClosed
	}
	ix.view.snap.AddRef()
	return ix.view, nil
}

// release lets go of a view a search acquired.
func (v *view) release() { v.snap.DecRef() }

// swap serves next from now on, and lets go of the view it replaces once
// the searches holding it are done.
func (ix *Index) swap(next *view) {
	ix.mu.Lock()
	old := ix.view
	ix.view = next
	ix.mu.Unlock()
	if old != nil {
		old.release()
	}
}

// docCount is how many documents cat makes: each venue and each activity.
func docCount(cat *bot.Catalogue) int {
	n := len(cat.Assets)
	for i := range cat.Assets {
		n += len(cat.Assets[i].Activities)
	}
	return n
}
