// Package understand reads one message into a bot.Meaning: how worried
// to be, what the person wants, the topic and the needs they describe in
// their own words, where, when and for whom. It is the first stage of
// answering; it searches nothing. Every word it knows is in
// bot/words/words.yaml, with the asset file's own places and topics.
package understand

import (
	"slices"
	"time"

	"signpost/bot"
	"signpost/bot/safety"
	"signpost/bot/words"
)

// Reader reads messages for one asset list. It is built once per list and
// is safe for concurrent use.
type Reader struct {
	vocab     *vocabulary
	places    *gazetteer
	safety    *safety.Checker
	postcodes bot.Postcodes
}

var _ bot.Reader = (*Reader)(nil)

// New builds a Reader for cat: the built-in vocabulary with cat's topics,
// its places and safety words, and postcodes (which may be nil) to place
// postcodes the list does not.
func New(cat *bot.Catalogue, postcodes bot.Postcodes) *Reader {
	return newReader(cat, postcodes, newListing(cat))
}

// Next is a Reader for cat, the list saved after r's, with r's postcodes.
// It reads the same as New would, and is made faster on a large list by
// reading again only the venues whose text cat changed. r is unchanged.
func (r *Reader) Next(cat *bot.Catalogue) *Reader {
	return newReader(cat, r.postcodes, r.vocab.list.next(cat))
}

func newReader(cat *bot.Catalogue, postcodes bot.Postcodes, list *listing) *Reader {
	return &Reader{
		vocab:     newVocabulary(words.Builtin(), cat, list),
		places:    newGazetteer(cat, postcodes),
		safety:    safety.New(cat.Safety.Words),
		postcodes: postcodes,
	}
}

// Read reads one message, as written, at now (a time in the area's zone,
// for "today" and "tonight").
func (r *Reader) Read(text string, now time.Time) bot.Meaning {
	m := bot.Meaning{Intent: bot.IntentSearch, Safety: r.safety.Check(text)}
	clean, ok := cleanText(text)
	if !ok {
		m.Intent = bot.IntentUnreadable
		return m
	}
	toks := tokenize(clean)
	if len(toks) == 0 {
		m.Intent = bot.IntentEmpty
		return m
	}
	if e := r.vocab.smallTalk.whole(toks); e != nil {
		m.Intent = e.value
		return m
	}
	if n, ok := r.vocab.choice(toks); ok {
		m.Intent, m.Choice = bot.IntentChoose, n
		return m
	}
	used := make([]bool, len(toks))
	if i := r.vocab.openWord(toks); i >= 0 {
		m.Intent = bot.IntentOpen
		used[i] = true
	}
	m.NearMe = r.vocab.nearMe.markAll(toks, used)
	m.Place, m.UnknownPlace = r.readPlace(toks, used)
	// A need phrase wins over the time, filter and age words inside it:
	// those still set their filter, but their words stay the need's.
	inNeed := r.vocab.needSpans(toks, used)
	timeUsed := slices.Clone(used)
	for i, in := range inNeed {
		timeUsed[i] = timeUsed[i] || in
	}
	m.When = r.vocab.readTime(toks, timeUsed, now)
	for i := range used {
		used[i] = used[i] || timeUsed[i] && !inNeed[i]
	}
	var ageAt []int
	m.Filters, ageAt = r.vocab.readFilters(toks, used)
	for i, in := range inNeed {
		if in {
			used[i] = false
		}
	}
	if m.Intent == bot.IntentOpen && m.Place != nil && m.Place.Source == bot.SourceAsset {
		m.Venue = m.Place.Name
	}
	// "swimming for kids" is about swimming, for kids: the age is a
	// filter, and a topic only when there is no other ("things for
	// toddlers"), or when it is part of a need ("my baby wont sleep").
	withoutAges := slices.Clone(used)
	for _, i := range ageAt {
		withoutAges[i] = !inNeed[i]
	}
	t := r.vocab.readTopic(toks, withoutAges)
	if t.empty() && len(ageAt) > 0 {
		t = r.vocab.readTopic(toks, used)
	}
	if a := m.Filters.Ages; a != nil && a.Max >= 0 && a.Max < bot.Adult && r.vocab.grownUpsOnly(t.needs) {
		// "cant afford to feed my kids": the food bank is for the parent.
		m.Filters.AdultsToo = true
	}
	m.Words, m.Needs, m.Generic, m.Ambiguous = t.words, t.needs, t.generic, t.ambiguous
	m.Topic = t.inOrder()
	return m
}

// Locate finds a place by what a person would type: a place name, a
// postcode or district, a town or street, or a venue's name.
func (r *Reader) Locate(name string) (bot.PlaceRef, bool) {
	if p, ok := r.places.postcode(name); ok {
		return p, true
	}
	np, ok := r.places.names[folded(name)]
	return np.ref, ok
}

// District names the postcode district or place nearest p, or
// "elsewhere": as closely as the bot records where someone asked about.
func (r *Reader) District(p bot.Point) string { return r.places.district(p) }

// openWord is where a message asks about opening hours ("is the library
// open?"), or -1. "Open mic" and "open day" are activities, not hours.
func (v *vocabulary) openWord(toks []token) int {
	for i := range toks {
		e := v.openWords.at(toks, i, nil)
		if e == nil {
			continue
		}
		if next := i + len(e.keys); next < len(toks) && v.openActivities.at(toks, next, nil) != nil {
			continue
		}
		return i
	}
	return -1
}

// choice reads a message that only picks a numbered choice: "2", "the
// second one", "number 2".
func (v *vocabulary) choice(toks []token) (int, bool) {
	if len(toks) == 1 {
		if n, ok := age(toks[0].word); ok && n >= 1 && n <= 9 {
			return n, true
		}
	}
	if e := v.choose.whole(toks); e != nil {
		return e.value, true
	}
	return 0, false
}
