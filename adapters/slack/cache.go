package slack

import (
	"sync"
	"time"
)

// recent keeps values for a fixed time, up to a fixed number of them,
// dropping the oldest first. It remembers which events were already
// answered, which signatures were already used and which answers the
// buttons refer to, without growing for ever. It is safe for concurrent
// use.
type recent[V any] struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	now   func() time.Time
	items map[string]entry[V]
	order []keyAt // insertion order, which is also expiry order
}

type entry[V any] struct {
	v  V
	at time.Time
}

// keyAt is one key in the order it was added; every key held appears
// exactly once, since Add never replaces.
type keyAt struct {
	key string
	at  time.Time
}

func newRecent[V any](ttl time.Duration, max int, now func() time.Time) *recent[V] {
	return &recent[V]{ttl: ttl, max: max, now: now, items: map[string]entry[V]{}}
}

// Add stores v under key unless key is already held, and reports whether
// it was new.
func (r *recent[V]) Add(key string, v V) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	r.expire(now)
	if _, ok := r.items[key]; ok {
		return false
	}
	r.items[key] = entry[V]{v, now}
	r.order = append(r.order, keyAt{key, now})
	for len(r.items) > r.max {
		r.dropOldest()
	}
	return true
}

// Get returns the value under key, if it is still held.
func (r *recent[V]) Get(key string) (V, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expire(r.now())
	e, ok := r.items[key]
	return e.v, ok
}

// Len is how many values are held.
func (r *recent[V]) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.items)
}

func (r *recent[V]) expire(now time.Time) {
	for len(r.order) > 0 && now.Sub(r.order[0].at) >= r.ttl {
		r.dropOldest()
	}
}

func (r *recent[V]) dropOldest() {
	k := r.order[0]
	r.order[0] = keyAt{}
	r.order = r.order[1:]
	delete(r.items, k.key)
}
