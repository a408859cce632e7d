package bot

import (
	"sync"
	"time"
)

// Memory keeps one conversation per person between messages: a shared
// location and the last results, for "near me" and "more". It lives in
// memory only; nothing a person says is written anywhere.
type Memory interface {
	Recall(from string) Conversation
	Remember(from string, c Conversation)
	Forget(from string)
}

// Conversation is what the bot remembers of one person.
type Conversation struct {
	// Near is the location the person shared, until NearUntil.
	Near      *Point
	NearUntil time.Time
	// Last are the results of the last question, and Shown how many of
	// them the person has seen.
	Last  []Result
	Shown int
	// Asked is what the last question was understood as, and Relaxed
	// what was let go to answer it.
	Asked   Understood
	Relaxed []Relaxation
	// Choices are what the last answer offered to pick from by number.
	Choices []Choice
	// Seen is when the person last wrote, so idle conversations can go.
	Seen time.Time
}

// InMemory is a Memory in a map, safe for concurrent use. Conversations
// idle for longer than its lifetime are dropped.
type InMemory struct {
	mu       sync.Mutex
	lifetime time.Duration
	convs    map[string]Conversation
	writes   int
}

var _ Memory = (*InMemory)(nil)

// NewInMemory keeps each conversation for lifetime after its last message.
func NewInMemory(lifetime time.Duration) *InMemory {
	return &InMemory{lifetime: lifetime, convs: map[string]Conversation{}}
}

// Recall returns the conversation with from, or an empty one.
func (m *InMemory) Recall(from string) Conversation {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.convs[from]
}

// Remember stores c. Every so often it also sweeps out idle conversations,
// measured against c.Seen, so memory stays bounded by recent use.
func (m *InMemory) Remember(from string, c Conversation) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.convs[from] = c
	m.writes++
	if m.writes%1024 == 0 {
		for k, old := range m.convs {
			if c.Seen.Sub(old.Seen) > m.lifetime {
				delete(m.convs, k)
			}
		}
	}
}

// Forget drops everything remembered of from.
func (m *InMemory) Forget(from string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.convs, from)
}
