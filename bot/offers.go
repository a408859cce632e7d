package bot

import (
	"context"
	"fmt"
	"slices"
	"sort"
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
func (b *Bot) offers(ctx context.Context, lib *library, m Meaning, now time.Time) ([]Choice, error) {
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
		need := Need{ID: o.need.ID, Label: o.need.Label, Ask: o.need.Say[0]}
		choices = append(choices, Choice{Label: o.need.Offer + " (" + n + ")", Ask: askFor(need, m)})
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
