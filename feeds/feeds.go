// Package feeds reads the directories councils and activity providers
// already publish, Open Referral UK service directories and OpenActive
// session feeds, into the core's venues and activities, so an area's bot
// can start with everything its council knows and coaches need not type
// it in. Real feeds are dirty: the readers take every shape seen in the
// wild (see ../shared/data-standards.md) and say what they left out.
package feeds

import (
	"time"

	"signpost/bot"
	"signpost/bot/timetable"
	"signpost/bot/words"
)

// Options are what reading a feed needs from outside it.
type Options struct {
	// Fetcher reads pages; nil means a Fetcher with its defaults.
	Fetcher *Fetcher
	// Location is the area's time zone: feeds' times of day are read as
	// its wall clock, and instants are turned into it.
	Location *time.Location
	// Now dates what is past: holiday closures and sessions before today
	// are left out.
	Now time.Time
	// Words is the vocabulary descriptions are read with; nil means the
	// built-in one.
	Words *words.Words
}

// Feed is what one feed held, in the core's terms.
type Feed struct {
	// Assets are the venues, each with the activities the feed holds
	// there, in the order the feed first named them.
	Assets []bot.Asset
	// Notes say, for an activity keyed "asset/activity", why its times
	// could not be worked out; such an activity is listed with no times,
	// so residents are told to check with the group.
	Notes map[string]string
	// Licence is the licence the feed states, if any.
	Licence string
	// Read counts the records read; Inactive those the feed says are not
	// running; NoPlace those with no address, postcode or coordinates;
	// NoName those with no name to show.
	Read, Inactive, NoPlace, NoName int
}

// reader holds what one import uses throughout.
type reader struct {
	fetch *Fetcher
	loc   *time.Location
	today bot.Date
	words *words.Words
	times *timetable.Reader
}

func newReader(opt Options) *reader {
	r := &reader{fetch: opt.Fetcher, loc: opt.Location, words: opt.Words}
	if r.fetch == nil {
		r.fetch = &Fetcher{}
	}
	if r.loc == nil {
		r.loc = time.UTC
	}
	if r.words == nil {
		r.words = words.Builtin()
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	r.today = bot.DateOf(now.In(r.loc))
	r.times = timetable.New(r.words)
	return r
}
