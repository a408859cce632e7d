package bot

import (
	"time"

	"signpost/bot/safety"
)

// Question is one message from a person, already translated out of its
// platform by an adapter.
type Question struct {
	// Text is what the person wrote.
	Text string
	// From is an opaque id for the conversation, used to remember a shared
	// location and the last results for "more". Empty means no memory.
	From string
	// Near is a location the person shared with this message, if any.
	Near *Point
	// At is "now" for this question; the zero value means the bot's clock.
	At time.Time
	// Channel names the front end ("console", "telegram", "slack").
	Channel string
}

// Answer is the bot's reply: words for the person and the results behind
// them, so an adapter can add buttons, maps or blocks of its own. Every
// result's when, cost and distance are already written, in the area's
// time zone, in its Card: front ends lay them out and nothing more.
type Answer struct {
	// Reply is the whole answer as plain text, choices numbered.
	Reply string
	// Intro is the opening of Reply, before the results or choices.
	Intro string
	// Support is one gentle line with a listening service, set when the
	// message showed distress without danger; Reply begins with it.
	Support string
	// Results are in the order shown to the person.
	Results []Result
	// Choices are what the person may pick next: the needs a message
	// could mean, or what the area has when nothing fitted. A front end
	// shows them as buttons; typing a choice's number picks it too.
	Choices []Choice
	// Footer is the text after the results, such as how to see more.
	Footer string
	// More reports whether "more" would show further results.
	More bool
	// Relaxed names what was loosened to find anything, in this order:
	// time, place, words, related.
	Relaxed []Relaxation
	// Safety is Urgent for the safety reply (then it is the whole
	// answer), Concern when Support is set.
	Safety safety.Level
	// Understood is what the bot took from the message.
	Understood Understood
	// At is the question's "now", in the area's time zone.
	At time.Time
}

// Missed reports whether a search found nothing as asked: nothing at
// all, or only at another time, further away or for some of the words.
// Things related to a need the person described are what they asked.
func (a Answer) Missed() bool {
	switch a.Understood.Intent {
	case IntentSearch, IntentOpen:
	default:
		return false
	}
	if len(a.Results) == 0 {
		return true
	}
	for _, r := range a.Relaxed {
		if r != RelaxedRelated {
			return true
		}
	}
	return false
}

// Relaxation is one way an answer differs from what was asked.
type Relaxation string

// The relaxations, in the order they are listed. The strings are part of
// `signpost ask --json`.
const (
	// RelaxedTime: nothing was on at the time asked; shown is when it is
	// next on.
	RelaxedTime Relaxation = "time"
	// RelaxedPlace: nothing was near enough; shown is further away.
	RelaxedPlace Relaxation = "place"
	// RelaxedWords: nothing matched all the person's words; shown matches
	// some of them.
	RelaxedWords Relaxation = "words"
	// RelaxedRelated: some of what is shown matches only words the
	// person did not use, from the needs they described ("coffee morning"
	// for "lonely").
	RelaxedRelated Relaxation = "related"
)

// Match says how a result matches what was asked.
type Match string

// How results match. The strings are part of `signpost ask --json`.
const (
	MatchAny     Match = "any"     // no topic was asked: anything on then, there
	MatchWords   Match = "words"   // all the person's own words
	MatchSome    Match = "some"    // some of them
	MatchRelated Match = "related" // only words related to what they said
)

// Choice is one thing a person may pick from an answer.
type Choice struct {
	// Label is what a button or a numbered line says: "Social groups
	// and coffee mornings (6)".
	Label string
	// Ask is the question answered when it is picked, as if the person
	// had typed it.
	Ask string
}

// Result is one thing offered to the person.
type Result struct {
	Asset *Asset
	// Activity is nil when the result is the venue itself.
	Activity *Activity
	// Next is when it is next on (nil if it has no times); End goes with it.
	Next, End *time.Time
	// OpenNow is set for a venue that is open at the question's time.
	OpenNow bool
	// ClosedThen is set for a venue that is not open at the time asked
	// about; Next is then when it next opens.
	ClosedThen bool
	// DistanceKm is nil when no place was given or the asset has no point.
	DistanceKm *float64
	// Score is the rank: relevance, nearness and soonness together.
	Score float64
	// Match says how it matches the question.
	Match Match
	// Card is the result written out for the person.
	Card Card
}

// Name is what the result is called: the activity, or the venue.
func (r Result) Name() string {
	if r.Activity != nil {
		return r.Activity.Name
	}
	return r.Asset.Name
}

// Understood is what the bot made of a message, shown back so a person can
// see why they got the answer they did.
type Understood struct {
	Intent Intent `json:"intent"`
	// Topic is the person's own topic words, filler removed, with their
	// words for the needs they described.
	Topic []string `json:"topic,omitempty"`
	// Needs are the ids of the needs described.
	Needs []string `json:"needs,omitempty"`
	// Related are the words listings use for those needs.
	Related []string `json:"related,omitempty"`
	// Place is where the answer is measured from.
	Place *PlaceRef `json:"place,omitempty"`
	// UnknownPlace is a place named in the message that could not be found.
	UnknownPlace string `json:"unknown_place,omitempty"`
	// When is the time window asked about.
	When *Window `json:"when,omitempty"`
	// Filters are the filters applied: "free", "cheap", "wheelchair", "ages 0-4"...
	Filters []string `json:"filters,omitempty"`
}

// Window is a span of time asked about, such as "tomorrow evening".
type Window struct {
	Label string    `json:"label"`
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
}

// understood is m as shown back to the person.
func (m Meaning) understood() Understood {
	u := Understood{
		Intent:       m.Intent,
		Topic:        m.Topic,
		Related:      m.Related(),
		Place:        m.Place,
		UnknownPlace: m.UnknownPlace,
		When:         m.When.window(),
		Filters:      m.Filters.Names(),
	}
	for _, n := range m.Needs {
		u.Needs = append(u.Needs, n.ID)
	}
	return u
}
