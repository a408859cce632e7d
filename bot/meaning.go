package bot

import (
	"slices"
	"time"

	"signpost/bot/safety"
)

// Meaning is everything one message says, read before anything is
// searched: how worried to be, what the person wants done, the topic in
// their own words and the needs they describe, where, when, and for whom.
// A Reader makes it; the rest of the bot finds, ranks and words the answer
// from it alone, so a wrong answer can be traced to the stage that went
// wrong.
type Meaning struct {
	// Safety is decided first, from the whole message.
	Safety safety.Level
	Intent Intent
	// Choice is the choice picked, counting from 1, when Intent is
	// IntentChoose.
	Choice int
	// Topic is the person's own topic words in the order written, filler
	// taken out: Words and the needs' Said together, to say back.
	Topic []string
	// Words are the person's own topic words that name no need: matched
	// with stemming and typos, and all must match.
	Words []string
	// Needs are the needs and situations the message describes ("just
	// moved here"), each with the person's words for it.
	Needs []Need
	// Generic are words that add to a match but never make one alone
	// ("group", "help", "lessons").
	Generic []string
	// Ambiguous are the needs the message could mean when nothing in it
	// says which ("struggling"): the bot asks rather than guesses.
	Ambiguous []Need
	// Place is where to look from; nil when the message names none.
	Place *PlaceRef
	// NearMe is set when the person said "near me" or the like.
	NearMe bool
	// UnknownPlace is a place named that could not be found, so the reply
	// can say so.
	UnknownPlace string
	// When is the time asked about; nil for any time.
	When *TimeAsk
	// Filters narrow what is shown: cost, access and ages.
	Filters Filters
	// Venue is the one venue an "is X open?" question names.
	Venue string
}

// HasTopic reports whether the message names anything to look for,
// besides generic words.
func (m Meaning) HasTopic() bool { return len(m.Words)+len(m.Needs) > 0 }

// Related are the words listings use for the needs, besides the person's
// own: matched as written, weighing less.
func (m Meaning) Related() []string {
	var exact, related []string
	for _, w := range m.needWords() {
		exact = appendNew(exact, w.Exact...)
		related = appendNew(related, w.Related...)
	}
	var out []string
	for _, w := range related {
		if !slices.Contains(exact, w) {
			out = append(out, w)
		}
	}
	return out
}

// needWords are m's needs as a Query asks for them: each one's words the
// person used that listings use too (its Exact words: "knitting", "memory
// cafe"; words that only describe a situation, "just moved here", are not
// searched for), and the rest of what listings call it.
func (m Meaning) needWords() []NeedWords {
	var out []NeedWords
	for _, n := range m.Needs {
		var w NeedWords
		for _, s := range n.Said {
			if slices.Contains(n.Means, s) {
				w.Exact = appendNew(w.Exact, s)
			}
		}
		for _, s := range n.Means {
			if !slices.Contains(w.Exact, s) {
				w.Related = appendNew(w.Related, s)
			}
		}
		out = append(out, w)
	}
	return out
}

// Reader reads messages for one asset list: its places, its own topics
// and safety words. The understand package implements it; the bot is
// given one with each list it uses.
type Reader interface {
	// Read reads one message, as written, at time now in the area's zone.
	Read(text string, now time.Time) Meaning
	// Locate finds a place by what a person would type: a place name, a
	// postcode or district, a town or street, or a venue's name.
	Locate(name string) (PlaceRef, bool)
	// District names the postcode district or place nearest p, as closely
	// as the bot ever records where someone asked about.
	District(p Point) string
}

// Intent is what a message asks the bot to do.
type Intent string

// The intents a message or an answer can have. The strings are part of
// `signpost ask --json`.
const (
	IntentSearch   Intent = "search"   // find things to go to: most messages
	IntentOpen     Intent = "open"     // opening hours: "is the library open?"
	IntentMore     Intent = "more"     // the next page of the last answer
	IntentChoose   Intent = "choose"   // one of the choices the last answer offered: "2"
	IntentGreeting Intent = "greeting" // hello
	IntentHelp     Intent = "help"     // what can you do?
	IntentThanks   Intent = "thanks"   // thanks, bye
	IntentEmpty    Intent = "empty"    // nothing but punctuation or spaces
	// IntentUnreadable is a message that is not text at all.
	IntentUnreadable Intent = "unreadable"
	// The rest are set on answers only.
	IntentSafety   Intent = "safety"   // the safety reply, alone
	IntentClarify  Intent = "clarify"  // the bot asked which of two needs was meant
	IntentLocation Intent = "location" // a shared location with no words
	IntentError    Intent = "error"    // the bot's own failure, with an apology
)

// Need is one need or situation a message describes, and what listings
// call the things that help with it.
type Need struct {
	// ID names the need in the vocabulary ("new-to-area").
	ID string
	// Label names it to the person ("settling in somewhere new").
	Label string
	// Said are the person's own words for it ("just moved here"), as the
	// vocabulary writes them; one that listings use too is written as in
	// Means.
	Said []string
	// Ask is how to ask for the need alone ("meet people"): the question
	// answered when a person picks it from a choice.
	Ask string
	// Means are the words listings use for what helps.
	Means []string
}

// PlaceSource says how a place in a message was recognised.
type PlaceSource string

// The ways a place is recognised. The strings are part of `signpost ask
// --json`.
const (
	SourceShared   PlaceSource = "shared"   // a location the person shared
	SourcePlace    PlaceSource = "place"    // a name in the file's places:
	SourcePostcode PlaceSource = "postcode" // a full postcode
	SourceDistrict PlaceSource = "district" // a postcode district such as B69
	SourceAddress  PlaceSource = "address"  // a town or street in the assets' addresses
	SourceAsset    PlaceSource = "asset"    // a venue's own name
)

// PlaceRef is a place the bot recognised, with how it was found.
type PlaceRef struct {
	Name   string      `json:"name"`
	Source PlaceSource `json:"source"`
	Lat    float64     `json:"lat"`
	Lon    float64     `json:"lon"`
}

// TimeAsk is the time a question is about: one or more spans in order,
// such as the Saturday and Sunday of "this weekend".
type TimeAsk struct {
	// Label says it as a person would: "tomorrow evening".
	Label string
	Spans []Span
	// Now marks "now" questions, where "open" means open at this minute.
	Now bool
}

// Span is one stretch of time something must fall in.
type Span struct{ From, To time.Time }

// window is the whole stretch, for showing what was understood.
func (t *TimeAsk) window() *Window {
	if t == nil {
		return nil
	}
	return &Window{Label: t.Label, From: t.Spans[0].From, To: t.Spans[len(t.Spans)-1].To}
}

// weekdays are the days of the week the spans touch, to narrow a search.
func (t *TimeAsk) weekdays() []time.Weekday {
	if t == nil {
		return nil
	}
	var days []time.Weekday
	seen := map[time.Weekday]bool{}
	for _, s := range t.Spans {
		for d := DateOf(s.From); d.Before(DateOf(s.To)) || d == DateOf(s.To); d = d.AddDays(1) {
			if !seen[d.Weekday()] {
				seen[d.Weekday()] = true
				days = append(days, d.Weekday())
			}
		}
	}
	return days
}

// Filters narrow results by what a person can afford, get into and is the
// right age for.
type Filters struct {
	Free, Cheap, StepFree bool
	// Ages is the age range asked for; nil for any.
	Ages *Ages
	// AdultsToo lets activities for grown-ups pass a child's Ages, when
	// every need described is the grown-up's: "cant afford to feed my
	// kids" wants the food bank, which is for the parent.
	AdultsToo bool
}

// Adult is the age from which a person is a grown-up.
const Adult = 18

// Names lists the filters for showing what was understood: "free",
// "cheap", "wheelchair", "ages 0-4".
func (f Filters) Names() []string {
	var n []string
	if f.Free {
		n = append(n, "free")
	}
	if f.Cheap {
		n = append(n, "cheap")
	}
	if f.StepFree {
		n = append(n, "wheelchair")
	}
	if f.Ages != nil {
		n = append(n, "ages "+f.Ages.Text)
	}
	return n
}

// any reports whether any filter is set.
func (f Filters) any() bool { return f.Free || f.Cheap || f.StepFree || f.Ages != nil }

// appendNew appends each of add not already in list.
func appendNew(list []string, add ...string) []string {
	for _, s := range add {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}
