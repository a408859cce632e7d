package index

import (
	"context"
	"fmt"
	"sync"

	"signpost/bot"
)

// Version searches the list an index served when the Version was taken,
// however the index is updated after, until it is closed. The bot pairs
// each list with its Version, so a question sees the same list in the
// index as in the catalogue, from its first search to its last.
type Version struct {
	ix *Index

	mu     sync.RWMutex
	view   *view
	closed bool
}

var _ bot.Searcher = (*Version)(nil)

// Version is the list ix serves now.
func (ix *Index) Version() (*Version, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil, fmt.Errorf("take a version of the index: %w", errClosed)
	}
	ix.view.snap.AddRef()
	ix.versions++
	return &Version{ix: ix, view: ix.view}, nil
}

// Search runs q over this version's list, as Index.Search does over the
// latest.
func (ver *Version) Search(ctx context.Context, q bot.Query) ([]bot.Hit, error) {
	ver.mu.RLock()
	defer ver.mu.RUnlock()
	if ver.closed {
		return nil, fmt.Errorf("search: %w", errClosed)
	}
	return ver.ix.search(ctx, ver.view, q)
}

// Close lets go of this version once the searches under way are done.
// The index stays open unless it was closed already and this was its
// last Version.
func (ver *Version) Close() error {
	ver.mu.Lock()
	defer ver.mu.Unlock()
	if ver.closed {
		return nil
	}
	ver.closed = true
	ver.view.release()
	ix := ver.ix
	ix.mu.Lock()
	ix.versions--
	last := ix.closed && ix.versions == 0
	ix.mu.Unlock()
	if !last {
		return nil
	}
	return ix.shut()
}
