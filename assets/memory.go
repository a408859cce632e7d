package assets

import (
	"hash/maphash"
	"reflect"
	"sync"

	"signpost/bot"
)

// Parser reads one asset file version after version, as `signpost serve`
// does on every save. It remembers each item of the assets list, by its
// text, with what it read as, so a save that changes one venue of
// 100,000 parses one venue, not the file: an item whose text is unchanged
// is taken from memory, its line numbers moved to where it now starts.
// Everything else (the area, places, topics, safety, and the check for
// ids used twice) is read afresh every time, and a file that is read
// whole (see stream.go) is read whole, so Parse returns exactly what the
// package's Parse does.
//
// It remembers the items of the latest version only. The venues of the
// catalogues it returns share their lists (tags, times, activities) with
// one another and with its memory; like every catalogue, they are
// read-only. The zero Parser is ready to use; a Parser is safe for use by
// several goroutines, which take turns.
type Parser struct {
	mu   sync.Mutex
	memo memory
}

// Parse reads data as the package's Parse does, re-reading only the items
// that changed since the last call.
func (p *Parser) Parse(data []byte, opt Options) (*bot.Catalogue, []Problem, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.memo.suit(opt)
	return parseWith(&parser{opt: opt, memo: &p.memo}, data)
}

// memory is the items a Parser remembers, by the hash of their text.
type memory struct {
	seed maphash.Seed
	// under is what, besides its text, an item's reading depends on; a
	// change to it forgets every item.
	under readingOf
	items map[uint64]item
	// hashes are those of the items of the file being read.
	hashes []uint64
	// fresh is how many items of the last file cut into items were not
	// remembered, so had to be parsed; tests check it.
	fresh int
}

// readingOf is what, from Options, an item's reading depends on: the day
// it is read on (for the review and season warnings) and the postcode
// file (for placing assets by postcode).
type readingOf struct {
	dated bool
	today bot.Date
	// postcodes is held, not only its address compared, so that a new
	// map cannot be made at the address of one gone. A Parser takes a map
	// it is given to be left as it is, as the bot does.
	postcodes bot.Postcodes
}

func (r readingOf) same(s readingOf) bool {
	return r.dated == s.dated && r.today == s.today &&
		reflect.ValueOf(r.postcodes).UnsafePointer() == reflect.ValueOf(s.postcodes).UnsafePointer()
}

// suit forgets every item if opt reads items otherwise than before.
func (m *memory) suit(opt Options) {
	if m.seed == (maphash.Seed{}) {
		m.seed = maphash.MakeSeed()
	}
	under := readingOf{dated: !opt.Now.IsZero(), postcodes: opt.Postcodes}
	if under.dated {
		under.today = bot.DateOf(opt.Now)
	}
	if !under.same(m.under) {
		m.items = nil
	}
	m.under = under
}

// recall fills in, in items, every item of c whose text is remembered. A
// nil memory remembers nothing.
func (m *memory) recall(data []byte, c listCut, items []item) {
	if m == nil {
		return
	}
	m.hashes = m.hashes[:0]
	m.fresh = 0
	for k := range items {
		h := maphash.Bytes(m.seed, data[c.items[k]:c.items[k+1]])
		m.hashes = append(m.hashes, h)
		if it, ok := m.items[h]; ok {
			items[k] = it.movedTo(c.lines[k])
		} else {
			m.fresh++
		}
	}
}

// keep remembers the items read, in place of those remembered before, so
// memory never holds more than one file's items.
func (m *memory) keep(items []item) {
	if m == nil {
		return
	}
	kept := make(map[uint64]item, len(items))
	for k, it := range items {
		if it.read {
			kept[m.hashes[k]] = it
		}
	}
	m.items = kept
}
