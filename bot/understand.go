package bot

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// meaning is everything read from one message.
type meaning struct {
	intent string
	// words are the topic words left once place, time, filters and filler
	// are taken out; related are what the topic vocabulary adds.
	words, related []string
	place          *PlaceRef
	nearMe         bool
	unknownPlace   string
	when           *timeAsk
	filters        filters
	// venue is set when "is X open" names one asset.
	venue string
}

func (m meaning) understood() Understood {
	return Understood{
		Intent:       m.intent,
		Topic:        m.words,
		Related:      m.related,
		Place:        m.place,
		UnknownPlace: m.unknownPlace,
		When:         m.when.window(),
		Filters:      m.filters.names(),
	}
}

// placeWords come before a place: "near Tipton", "in B69", "at the Swan".
var placeWords = []string{"near", "in", "at", "around", "by", "close to", "next to", "nr", "within", "from"}

// nearMePhrases mean "where I am".
var nearMePhrases = []string{"near me", "nearby", "near by", "near here", "close to me", "close by", "around me", "around here", "round here", "near to me", "near where i live", "near my house", "near home", "local", "locally", "closest", "nearest", "in my area"}

// understand reads a cleaned message. It never searches.
func (v *vocabulary) understand(toks []token, now time.Time) meaning {
	ws := words(toks)
	used := make([]bool, len(ws))
	var m meaning
	m.intent = "search"
	if i := openWord(ws); i >= 0 {
		m.intent = "open"
		used[i] = true
	}
	m.nearMe = markPhrases(ws, used, nearMePhrases)
	m.place, m.unknownPlace = v.readPlace(toks, used)
	m.when = readTime(ws, used, now)
	m.filters = readFilters(ws, used)
	if m.intent == "open" && m.place != nil && m.place.Source == "asset" {
		m.venue = m.place.Name
	}
	m.words, m.related = v.readTopic(ws, slices.Clone(used))
	if len(m.filters.ageWords) > 0 {
		// "swimming for kids" is about swimming, for kids: the age is a
		// filter, and only a topic on its own ("things for toddlers").
		withoutAges := slices.Clone(used)
		for _, i := range m.filters.ageWords {
			withoutAges[i] = true
		}
		if w, r := v.readTopic(ws, withoutAges); len(w)+len(r) > 0 {
			m.words, m.related = w, r
		}
	}
	return m
}

// openWord is where a message asks about opening hours ("is the library
// open?"), or -1. "Open mic" and "open day" are activities, not hours.
func openWord(ws []string) int {
	for i, w := range ws {
		if w == "open" || w == "opening" || w == "closed" || w == "closing" {
			if i+1 < len(ws) && (ws[i+1] == "mic" || ws[i+1] == "day" || ws[i+1] == "session") {
				continue
			}
			return i
		}
	}
	return -1
}

// markPhrases marks every unused occurrence of the phrases in ws and
// reports whether there was any.
func markPhrases(ws []string, used []bool, phrases []string) bool {
	found := false
	for i := range ws {
		for _, p := range phrases {
			if n, ok := phraseAt(ws, i, p); ok && !used[i] {
				for j := i; j < i+n; j++ {
					used[j] = true
				}
				found = true
			}
		}
	}
	return found
}

// readPlace finds the place a message names: a postcode or district, or
// the longest known name. It returns the words that follow "near" when
// they name no known place, so the reply can say so.
func (v *vocabulary) readPlace(toks []token, used []bool) (*PlaceRef, string) {
	ws := words(toks)
	afterPlaceWord := func(i int) bool {
		for _, p := range placeWords {
			n := len(strings.Fields(p))
			for skip := 0; skip <= 1; skip++ { // "near the Swan"
				j := i - n - skip
				if j < 0 {
					continue
				}
				if skip == 1 && ws[i-1] != "the" {
					continue
				}
				if _, ok := phraseAt(ws, j, p); ok {
					return true
				}
			}
		}
		return false
	}
	mark := func(i, n int) {
		for j := i; j < i+n; j++ {
			used[j] = true
		}
	}
	// Postcodes first: "B69 4RJ" may be written as one word or two.
	for i := range ws {
		if used[i] {
			continue
		}
		if i+1 < len(ws) {
			if pc := NormalizePostcode(ws[i] + ws[i+1]); fullPostcode.MatchString(pc) && !used[i+1] {
				mark(i, 2)
				if p, ok := v.places.postcode(pc); ok {
					return &p, ""
				}
				return nil, prettyPostcode(pc)
			}
		}
		if pc := NormalizePostcode(ws[i]); v.places.looksLikePostcode(pc) {
			mark(i, 1)
			if p, ok := v.places.postcode(pc); ok {
				return &p, ""
			}
			return nil, prettyPostcode(pc)
		}
	}
	// Then names, longest first.
	for n := min(v.places.maxWords, len(ws)); n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if anyUsed(used[i : i+n]) {
				continue
			}
			key := strings.Join(ws[i:i+n], " ")
			np, ok := v.places.names[key]
			if !ok && ws[i] == "the" {
				continue
			}
			if !ok {
				np, ok = v.places.names["the "+key]
			}
			if ok && (np.anywhere || afterPlaceWord(i)) {
				mark(i, n)
				ref := np.ref
				return &ref, ""
			}
		}
	}
	return nil, v.unknownPlace(toks, used)
}

// unknownPlace is the name after "near", "around" or a capitalised name
// after "in", when no known place matched it: better to say we don't know
// it than to ignore it.
func (v *vocabulary) unknownPlace(toks []token, used []bool) string {
	ws := words(toks)
	for i, w := range ws {
		if used[i] || i+1 >= len(ws) || used[i+1] {
			continue
		}
		next := i + 1
		if ws[next] == "the" && next+1 < len(ws) {
			next++
		}
		candidate := toks[next]
		switch {
		case w == "near" || w == "around":
		case w == "in" || w == "at":
			if !startsUpper(candidate.original) || isAllUpper(toks) {
				continue
			}
		default:
			continue
		}
		if v.isKnownWord(candidate.word) {
			continue
		}
		end := next + 1
		for end < len(toks) && end < next+3 && startsUpper(toks[end].original) && !v.isKnownWord(toks[end].word) {
			end++
		}
		var name []string
		for j := next; j < end; j++ {
			name = append(name, toks[j].original)
			used[j] = true
		}
		return strings.Join(name, " ")
	}
	return ""
}

// isKnownWord reports whether a word has a meaning of its own here, so
// "near the library" or "in the evening" is not taken for a place.
func (v *vocabulary) isKnownWord(w string) bool {
	if fillerWords[w] || v.topicWords[w] || kindNames[w] {
		return true
	}
	if _, ok := weekdayWords[w]; ok {
		return true
	}
	if _, ok := dayParts[w]; ok {
		return true
	}
	switch w {
	case "today", "tomorrow", "weekend", "week", "now", "free", "cheap", "town", "centre", "center", "city":
		return true
	}
	return false
}

var kindNames = toSet("pub", "pubs", "cafe", "cafes", "café", "cafés", "library", "libraries", "playgroup", "playgroups",
	"community", "church", "churches", "park", "parks", "hall", "centre", "mosque", "gurdwara", "temple", "school")

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

func isAllUpper(toks []token) bool {
	for _, t := range toks {
		if strings.ToUpper(t.original) != t.original {
			return false
		}
	}
	return true
}

func anyUsed(u []bool) bool {
	for _, b := range u {
		if b {
			return true
		}
	}
	return false
}

// readTopic is what is left: the person's own topic words, and the list's
// words the topic vocabulary adds for them. A multi-word need ("on my
// own") is replaced by what it means; a single word ("knitting") stays,
// since the list may use it too.
func (v *vocabulary) readTopic(ws []string, used []bool) (words, related []string) {
	seenRelated := map[string]bool{}
	for i := 0; i < len(ws); i++ {
		if used[i] {
			continue
		}
		for _, e := range v.phrases {
			n, ok := phraseAt(ws, i, e.phrase)
			if !ok || anyUsed(used[i:i+n]) {
				continue
			}
			for _, r := range e.means {
				if !seenRelated[r] {
					seenRelated[r] = true
					related = append(related, r)
				}
			}
			if n > 1 {
				for j := i; j < i+n; j++ {
					used[j] = true
				}
			}
			break
		}
	}
	seen := map[string]bool{}
	for i, w := range ws {
		if used[i] || fillerWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	return words, related
}

// vocabulary is what the bot knows of words for one catalogue: the topic
// phrases (built in and the file's own), and the places.
type vocabulary struct {
	phrases    []topicPhrase // longest first
	topicWords map[string]bool
	places     *gazetteer
	safety     []string
}

type topicPhrase struct {
	phrase string
	means  []string
}

func newVocabulary(cat *Catalogue, postcodes Postcodes) *vocabulary {
	v := &vocabulary{topicWords: map[string]bool{}, places: newGazetteer(cat, postcodes)}
	byPhrase := map[string][]string{}
	var order []string
	for _, topics := range [][]Topic{cat.Topics, builtinTopics} {
		for _, t := range topics {
			var means []string
			for _, m := range t.Means {
				means = append(means, phraseWords(m))
			}
			for _, w := range t.Words {
				p := phraseWords(w)
				if p == "" {
					continue
				}
				if _, ok := byPhrase[p]; !ok {
					order = append(order, p)
				}
				byPhrase[p] = append(byPhrase[p], means...)
				for _, single := range strings.Fields(p) {
					v.topicWords[single] = true
				}
			}
		}
	}
	for _, p := range order {
		v.phrases = append(v.phrases, topicPhrase{phrase: p, means: byPhrase[p]})
	}
	sort.SliceStable(v.phrases, func(i, j int) bool {
		return len(strings.Fields(v.phrases[i].phrase)) > len(strings.Fields(v.phrases[j].phrase))
	})
	for _, w := range cat.Safety.Words {
		v.safety = append(v.safety, phraseWords(w))
	}
	return v
}
