package bot

import "time"

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
// them, so an adapter can add buttons, maps or blocks of its own.
type Answer struct {
	// Reply is the whole answer as plain text.
	Reply string
	// Intro is the first line of Reply, before the results.
	Intro string
	// Results are in the order shown to the person.
	Results []Result
	// Footer is the text after the results, such as how to see more.
	Footer string
	// More reports whether "more" would show further results.
	More bool
	// Relaxed names what was loosened to find anything: "time", "place",
	// "topic", in that order.
	Relaxed []string
	// Safety is set when the message sounded like a crisis.
	Safety bool
	// Understood is what the bot took from the message.
	Understood Understood
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
	Score      float64
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
	// Intent is one of "search", "open", "more", "greeting", "help",
	// "thanks", "safety", "empty", "unreadable".
	Intent string `json:"intent"`
	// Topic is the topic words used, after filler was removed.
	Topic   []string `json:"topic,omitempty"`
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

// PlaceRef is a place the bot recognised, with how it was found.
type PlaceRef struct {
	Name string `json:"name"`
	// Source is "shared", "place", "postcode", "district", "street", "asset".
	Source string  `json:"source"`
	Lat    float64 `json:"lat"`
	Lon    float64 `json:"lon"`
}

// Window is a span of time asked about, such as "tomorrow evening".
type Window struct {
	Label string    `json:"label"`
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
}
