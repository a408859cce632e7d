package bot

import (
	"io"
	"sync"
	"sync/atomic"

	"signpost/bot/safety"
)

// library is one asset list with everything built from it. It is swapped
// whole, so a question always sees one consistent list.
type library struct {
	cat    *Catalogue
	search Searcher
	read   Reader
	// safety checks messages the bot will not read in full.
	safety *safety.Checker
	assets map[string]*Asset
	// activities is how many activities cat holds.
	activities int
	// offers are the kinds of thing counted for answers that found
	// nothing, by district and day.
	offers offerCache

	// users counts the questions answering from this library; once it is
	// retired and the last of them is done, its searcher is closed, once.
	users     atomic.Int64
	retired   atomic.Bool
	closeOnce sync.Once
}

func newLibrary(cat *Catalogue, s Searcher, r Reader) *library {
	lib := &library{cat: cat, search: s, read: r, safety: safety.New(cat.Safety.Words), assets: make(map[string]*Asset, len(cat.Assets))}
	for i := range cat.Assets {
		lib.assets[cat.Assets[i].ID] = &cat.Assets[i]
		lib.activities += len(cat.Assets[i].Activities)
	}
	return lib
}

// acquire returns the library in use, counted as used until release, or
// nil before the first Use. A library swapped out between the load and
// the count is let go and the new one taken instead.
func (b *Bot) acquire() *library {
	for {
		lib := b.lib.Load()
		if lib == nil {
			return nil
		}
		lib.users.Add(1)
		if b.lib.Load() == lib {
			return lib
		}
		lib.release()
	}
}

// release ends one question's use of the library.
func (l *library) release() {
	if l.users.Add(-1) == 0 && l.retired.Load() {
		l.close()
	}
}

// retire marks the library as no longer in use by new questions; it is
// closed now if no question is using it, or when the last one finishes.
func (l *library) retire() {
	l.retired.Store(true)
	if l.users.Load() == 0 {
		l.close()
	}
}

// close closes the searcher exactly once: closing a bleve index twice
// panics.
func (l *library) close() {
	l.closeOnce.Do(func() {
		if c, ok := l.search.(io.Closer); ok {
			c.Close()
		}
	})
}
