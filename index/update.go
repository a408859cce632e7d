package index

import (
	"errors"
	"fmt"
	"hash/maphash"

	"github.com/blevesearch/bleve/v2"

	"signpost/bot"
)

// An update indexes only what changed: each document of the new list is
// fingerprinted, and only those new or different from the fingerprint
// of what the index holds are indexed again, with the ones gone deleted,
// as batches applied to the index in use. Searches go on meanwhile over
// the view they hold, and see the new list all at once when the update
// swaps in its view. A coach's save of one entry costs a batch of a few
// documents and a new view, whatever the size of the list.

// Changes are how many documents an update added, indexed again because
// they changed, and removed.
type Changes struct{ Added, Changed, Removed int }

// errBroken is the error of an update after one that failed part way:
// what the index holds is then not known, so it must be built afresh.
var errBroken = errors.New("an earlier update of the index failed part way; build it afresh")

// Update makes the index serve cat, indexing only the documents that
// differ from the list it serves now. It returns once searches see cat.
// An error leaves the searches on the list served before, and the index
// fit only to be closed and built afresh.
func (ix *Index) Update(cat *bot.Catalogue) (Changes, error) {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	if ix.broken {
		return Changes{}, errBroken
	}
	ch, err := ix.update(cat)
	if err != nil {
		ix.broken = true
		return ch, fmt.Errorf("update the index: %w", err)
	}
	return ch, nil
}

func (ix *Index) update(cat *bot.Catalogue) (Changes, error) {
	var ch Changes
	if err := ix.forget(); err != nil {
		return ch, err
	}
	docs := make(map[string]indexed, docCount(cat))
	b := newBatcher(ix.idx)
	err := eachDocument(cat, func(id string, d *document, f facts) error {
		p := d.print(ix.seed)
		docs[id] = indexed{print: p, facts: f}
		switch old, had := ix.docs[id]; {
		case !had:
			ch.Added++
		case old.print != p:
			ch.Changed++
		default:
			return nil
		}
		return b.index(id, d)
	})
	if err != nil {
		return ch, err
	}
	for id := range ix.docs {
		if _, kept := docs[id]; !kept {
			ch.Removed++
			if err := b.delete(id); err != nil {
				return ch, err
			}
		}
	}
	if err := b.flush(); err != nil {
		return ch, err
	}
	ix.docs = docs
	if err := ix.fold(cat); err != nil {
		return ch, err
	}
	v, err := ix.newView(docs)
	if err != nil {
		return ch, err
	}
	ix.swap(v)
	return ch, nil
}

// indexed is what the index knows of one document it holds: a
// fingerprint of what was indexed, to tell whether the next list changed
// it, and the facts searches narrow by.
type indexed struct {
	print uint64
	facts facts
}

// eachDocument calls fn with each venue and activity of cat, in list
// order, with its facts, and stops at its first error.
func eachDocument(cat *bot.Catalogue, fn func(id string, d *document, f facts) error) error {
	var seq uint32
	for i := range cat.Assets {
		a := &cat.Assets[i]
		d := venueDocument(a)
		if err := fn(docID(a.ID, ""), &d, factsOf(a, nil, seq)); err != nil {
			return err
		}
		seq++
		for j := range a.Activities {
			act := &a.Activities[j]
			d := activityDocument(a, act)
			if err := fn(docID(a.ID, act.ID), &d, factsOf(a, act, seq)); err != nil {
				return err
			}
			seq++
		}
	}
	return nil
}

// print is a fingerprint of everything d indexes.
func (d *document) print(seed maphash.Seed) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	field := func(ss ...string) {
		for _, s := range ss {
			h.WriteString(s)
			h.WriteByte(0)
		}
		h.WriteByte(1)
	}
	field(d.Name)
	field(d.Tags...)
	field(d.Text...)
	field(d.Kind...)
	// The _exact fields are copies of the above, so they add nothing.
	return h.Sum64()
}

// batcher applies documents to an index batchSize at a time.
type batcher struct {
	idx bleve.Index
	b   *bleve.Batch
}

func newBatcher(idx bleve.Index) *batcher { return &batcher{idx: idx, b: idx.NewBatch()} }

func (b *batcher) index(id string, d *document) error {
	if err := b.b.Index(id, d); err != nil {
		return fmt.Errorf("index %s: %w", id, err)
	}
	return b.full()
}

func (b *batcher) delete(id string) error {
	b.b.Delete(id)
	return b.full()
}

func (b *batcher) full() error {
	if b.b.Size() < batchSize {
		return nil
	}
	return b.flush()
}

func (b *batcher) flush() error {
	if b.b.Size() == 0 {
		return nil
	}
	if err := b.idx.Batch(b.b); err != nil {
		return fmt.Errorf("index assets: %w", err)
	}
	b.b.Reset()
	return nil
}
