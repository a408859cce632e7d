package bot

import (
	"sort"
	"strings"
	"time"
)

// Gap is a question that found nothing as asked. Coaches read gaps to see
// which activities their area is missing, so a gap holds only what was
// asked for: never who asked, their words beyond the topic, or where they
// are more closely than a postcode district.
type Gap struct {
	// At is when the question was asked.
	At time.Time `json:"at"`
	// Topic is the topic words, filler removed, in the order asked.
	Topic string `json:"topic"`
	// Place is the postcode district or place name nearest to where the
	// answer was measured from; empty when no place was given.
	Place string `json:"place,omitempty"`
	// When is the time asked about as the person put it ("tomorrow
	// evening"); empty when no time was given.
	When string `json:"when,omitempty"`
	// Channel is the front end the question came from.
	Channel string `json:"channel,omitempty"`
}

// GapRecorder keeps gaps. Record must not block a reply for long, and
// reports its own failures to the operator: a gap that cannot be kept
// never stops a person getting an answer.
type GapRecorder interface {
	Record(Gap)
}

// GapCount is how often one topic, in one place, found nothing.
type GapCount struct {
	Topic string `json:"topic"`
	Place string `json:"place"`
	Count int    `json:"count"`
	// Last is when it was last asked.
	Last time.Time `json:"last"`
}

// CountGaps groups gaps by topic and place, most asked first, then most
// recently asked, then by topic.
func CountGaps(gaps []Gap) []GapCount {
	type key struct{ topic, place string }
	counts := map[key]*GapCount{}
	for _, g := range gaps {
		k := key{strings.ToLower(g.Topic), g.Place}
		c := counts[k]
		if c == nil {
			c = &GapCount{Topic: k.topic, Place: g.Place}
			counts[k] = c
		}
		c.Count++
		if g.At.After(c.Last) {
			c.Last = g.At
		}
	}
	out := make([]GapCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		switch {
		case x.Count != y.Count:
			return x.Count > y.Count
		case !x.Last.Equal(y.Last):
			return x.Last.After(y.Last)
		case x.Topic != y.Topic:
			return x.Topic < y.Topic
		}
		return x.Place < y.Place
	})
	return out
}

// gapOf is the gap a question leaves when nothing matched it as asked, or
// false when it found what was asked or had no topic to miss. A match
// through words related to a need is what was asked, not a gap.
func (l *library) gapOf(m Meaning, f found, now time.Time, channel string) (Gap, bool) {
	missed := len(f.results) == 0
	for _, r := range f.relaxed {
		missed = missed || r != RelaxedRelated
	}
	if !missed || m.Venue != "" {
		return Gap{}, false
	}
	topic := gapTopic(m)
	if topic == "" {
		return Gap{}, false
	}
	g := Gap{At: now, Topic: topic, Channel: channel}
	if m.Place != nil {
		g.Place = l.read.District(Point{m.Place.Lat, m.Place.Lon})
	}
	if m.When != nil {
		g.When = m.When.Label
	}
	return g, true
}

// gapTopic is what a gap says was asked for: the person's own topic
// words, and each need by the listings' word the person used or else by
// its name, never the words in which they described their situation
// ("my wife passed" is kept as "support after losing someone"). Generic
// words tell a coach more ("swimming lessons"), though they find nothing
// themselves; beside a need they are the rest of someone's story, so
// they are left out.
func gapTopic(m Meaning) string {
	parts := append([]string(nil), m.Words...)
	for i, w := range m.needWords() {
		if len(w.Exact) > 0 {
			parts = appendNew(parts, w.Exact...)
		} else {
			parts = appendNew(parts, m.Needs[i].Label)
		}
	}
	if len(m.Needs) == 0 {
		parts = appendNew(parts, m.Generic...)
	}
	return strings.Join(parts, " ")
}
