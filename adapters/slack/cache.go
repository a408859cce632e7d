package slack

import (
	"container/list"
	"sync"
	"time"
)

// recent keeps values for a fixed time, up to a fixed number of them,
// dropping the oldest first. It remembers which events were already
// answered, which signatures were already used, which answers the buttons
// refer to and which answer each person's "more" follows on from, without
// growing for ever. It is safe for concurrent use.
type recent[V any] struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	now   func() time.Time
	items map[string]*list.Element // each holds an *entry[V]
	order list.List                // oldest first, which is also expiry order
}

type entry[V any] struct {
	key string
	v   V
	at  time.Time
}

func newRecent[V any](ttl time.Duration, max int, now func() time.Time) *recent[V] {
	return &recent[V]{ttl: ttl, max: max, now: now, items: map[string]*list.Element{}}
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
	r.insert(key, v, now)
	return true
}

// Put stores v under key, replacing what was there, and keeps it for the
// full time from now.
func (r *recent[V]) Put(key string, v V) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	r.expire(now)
	if el, ok := r.items[key]; ok {
		r.order.Remove(el)
		delete(r.items, key)
	}
	r.insert(key, v, now)
}

// Get returns the value under key, if it is still held.
func (r *recent[V]) Get(key string) (V, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expire(r.now())
	el, ok := r.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	return el.Value.(*entry[V]).v, true
}

func (r *recent[V]) insert(key string, v V, now time.Time) {
	r.items[key] = r.order.PushBack(&entry[V]{key, v, now})
	for len(r.items) > r.max {
		r.dropOldest()
	}
}

func (r *recent[V]) expire(now time.Time) {
	for r.order.Len() > 0 && now.Sub(r.order.Front().Value.(*entry[V]).at) >= r.ttl {
		r.dropOldest()
	}
}

func (r *recent[V]) dropOldest() {
	e := r.order.Remove(r.order.Front()).(*entry[V])
	delete(r.items, e.key)
}
