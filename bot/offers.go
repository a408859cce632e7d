package bot

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"signpost/bot/words"
)

// When nothing fits what a person asked, the bot says so and offers what
// the area does have near them instead: a few kinds of thing, each with
// how many there are, to pick from. The kinds are the vocabulary's needs
// that have an offer label.

// maxOffers is how many kinds of thing are offered.
const maxOffers = 4

// offerCount is the most counted of one kind; more shows as "30+".
const offerCount = 30

// offers are the kinds of thing on near the place m names (anywhere if it
// names none), within the next weeks, that pass m's filters, most first.
// Counting them costs a search for each kind, so what is found is kept
// for the rest of the day for the same district and filters.
func (b *Bot) offers(ctx context.Context, lib *library, m Meaning, now time.Time) ([]Choice, error) {
	key := offersKey{day: DateOf(now), filters: fmt.Sprint(m.Filters.Names())}
	if m.Place != nil {
		key.place = lib.read.District(Point{m.Place.Lat, m.Place.Lon})
	}
	if choices, ok := lib.offers.get(key); ok {
		return withPlace(choices, m), nil
	}
	choices, err := b.countOffers(ctx, lib, m, now)
	if err != nil {
		return nil, err
	}
	lib.offers.put(key, choices)
	return withPlace(choices, m), nil
}

// countOffers counts what offers offers.
func (b *Bot) countOffers(ctx context.Context, lib *library, m Meaning, now time.Time) ([]Choice, error) {
	type offer struct {
		need  words.Need
		count int
		hits  map[string]bool
	}
	var found []offer
	spans := []Span{{now, now.Add(horizon)}}
	for _, n := range words.Builtin().Needs {
		if n.Offer == "" {
			continue
		}
		q := Query{Needs: []NeedWords{{Related: n.Means}}, Limit: offerCount + 1}
		if m.Place != nil {
			q.Near = &Point{m.Place.Lat, m.Place.Lon}
			q.WithinKm = b.cfg.NearKm
		}
		asked := Meaning{Filters: m.Filters}
		q.Keep = func(h Hit) bool {
			res, ok := b.result(lib, h, asked, spans, now)
			return ok && res.Activity != nil
		}
		hits, err := lib.search.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("offers: %w", err)
		}
		o := offer{need: n, hits: map[string]bool{}}
		for _, h := range hits {
			if res, ok := b.result(lib, h, asked, spans, now); ok && res.Activity != nil {
				o.count++
				o.hits[h.Asset+"/"+h.Activity] = true
			}
		}
		if o.count > 0 {
			found = append(found, o)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].count > found[j].count })
	var chosen []offer
	for _, o := range found {
		if len(chosen) < maxOffers && !slices.ContainsFunc(chosen, func(c offer) bool { return mostlyIn(o.hits, c.hits) }) {
			chosen = append(chosen, o)
		}
	}
	var choices []Choice
	for _, o := range chosen {
		n := fmt.Sprint(o.count)
		if o.count > offerCount {
			n = fmt.Sprintf("%d+", offerCount)
		}
		// The question is the need's alone; withPlace adds the place and
		// filters of whoever is asking.
		choices = append(choices, Choice{Label: o.need.Offer + " (" + n + ")", Ask: o.need.Say[0]})
	}
	return choices, nil
}

// mostlyIn reports whether most of a are in b: two kinds of thing that
// are mostly the same things are offered once.
func mostlyIn(a, b map[string]bool) bool {
	shared := 0
	for k := range a {
		if b[k] {
			shared++
		}
	}
	return shared*2 > len(a)
}

// withPlace asks each choice's question for m's place and filters.
func withPlace(choices []Choice, m Meaning) []Choice {
	out := make([]Choice, len(choices))
	for i, c := range choices {
		out[i] = Choice{Label: c.Label, Ask: askFor(Need{Ask: c.Ask}, m)}
	}
	return out
}

// offersKey is what the offers near a place depend on.
type offersKey struct {
	day            Date
	place, filters string
}

// maxCachedOffers bounds the offers kept: a district a day each, and
// the filters people use, is a few hundred at most.
const maxCachedOffers = 512

// offerCache keeps counted offers, for one library.
type offerCache struct {
	mu   sync.Mutex
	kept map[offersKey][]Choice
}

func (c *offerCache) get(k offersKey) ([]Choice, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	choices, ok := c.kept[k]
	return choices, ok
}

// put keeps choices for k, starting afresh when full rather than growing
// without bound.
func (c *offerCache) put(k offersKey, choices []Choice) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.kept == nil || len(c.kept) >= maxCachedOffers {
		c.kept = map[offersKey][]Choice{}
	}
	c.kept[k] = choices
}
