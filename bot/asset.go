package bot

import (
	"slices"
	"time"

	"signpost/bot/words"
)

// Catalogue is one loaded asset file: the area, the words people use for
// places and needs, and the community assets with their activities. It is
// read-only once built, so many questions may share it.
type Catalogue struct {
	Area   Area
	Places []Place
	Topics []Topic
	Safety Safety
	Assets []Asset
	// Sources are published directories whose services are served
	// beside the coaches' own list.
	Sources []Source
}

// Standard is the form a published directory is in.
type Standard int

// The standards Signpost reads.
const (
	// ORUK is Open Referral UK, the form councils' directories take.
	ORUK Standard = iota + 1
	// OpenActive is the form activity providers' session feeds take.
	OpenActive
)

// String is the standard's name as the asset file writes it.
func (s Standard) String() string {
	switch s {
	case ORUK:
		return "oruk"
	case OpenActive:
		return "openactive"
	}
	return "unknown"
}

// Source is one published directory an asset file names: its standard,
// its addresses (OpenActive's session series and sessions are two), and
// how often it is read again.
type Source struct {
	Standard Standard
	URLs     []string
	Every    time.Duration
	Line     int
}

// Area is the patch an asset file covers. Every time in the file is local
// time in Location.
type Area struct {
	Name     string
	Location *time.Location
	// Terms are the school terms, for activities held in term time only.
	Terms []Term
	// Holidays is whose bank holidays apply, for activities closed on
	// them.
	Holidays Region
}

// Term is a school term: the days from From to Until, both included.
type Term struct {
	From, Until Date
}

// Bind gives the term-time activities in acts the area's terms, and
// those closed on bank holidays the area's region. It changes a copy when
// it changes anything: loaded activities are shared with the list
// already being served.
func (ar Area) Bind(acts []Activity) []Activity {
	stale := func(a Activity) bool {
		return a.TermTime && !slices.Equal(a.Terms, ar.Terms) || a.ClosedOn != NoRegion && a.ClosedOn != ar.Holidays
	}
	if !slices.ContainsFunc(acts, stale) {
		return acts
	}
	acts = slices.Clone(acts)
	for i := range acts {
		if acts[i].TermTime {
			acts[i].Terms = ar.Terms
		}
		if acts[i].ClosedOn != NoRegion {
			acts[i].ClosedOn = ar.Holidays
		}
	}
	return acts
}

// Holds reports whether d is in the term.
func (s Term) Holds(d Date) bool { return !d.Before(s.From) && !s.Until.Before(d) }

// Place is a name residents use for where they are, such as a town or a
// postcode district, with the point it stands for.
type Place struct {
	Name  string
	Also  []string
	Point Point
}

// Topic maps words residents use ("lonely") to words the list uses
// ("coffee morning"), so a question finds what the person means.
type Topic struct {
	Words []string
	Means []string
}

// Safety is what the bot says at once when a message sounds like a crisis.
// Words are added to the built-in list.
type Safety struct {
	Message string
	Words   []string
	// Support is one gentle line with a listening service, shown beside a
	// normal answer when a message shows distress without danger; the bot
	// has a default when it is empty.
	Support string
}

// Asset is a venue: a pub, café, library, playgroup, community centre and so
// on, with the activities that happen in it.
type Asset struct {
	ID          string
	Name        string
	Kind        string
	Description string
	Address     string
	Postcode    string
	// Point is nil when the file gives no coordinates and the postcode
	// could not be placed; such an asset is found but shows no distance.
	Point      *Point
	Phone      string
	Email      string
	Website    string
	Tags       []string
	Access     []string
	Open       []Rule
	Reviewed   Date
	Activities []Activity
	// Line is where the asset starts in the file, for messages to coaches.
	Line int
}

// Activity is something that happens at an asset, with when it happens.
type Activity struct {
	ID          string
	Name        string
	Description string
	Tags        []string
	Cost        string
	Ages        Ages
	Booking     string
	When        []Rule
	From, Until Date
	Except      []Date
	// TermTime is set for an activity held in school terms only: it is on
	// only on days inside Terms, the area's terms, and on none when the
	// area lists none.
	TermTime bool
	Terms    []Term
	// ClosedOn is whose bank holidays the activity is not on: the area's
	// (Area.Bind sets it), or NoRegion for one that does not close.
	ClosedOn Region
	// Credit names who published the listing and under what licence,
	// shown with it where the licence asks: "Listing from Everyone
	// Active, CC BY 4.0".
	Credit string
	// SourceID is the id a published directory gives this activity:
	// set on imported ones, and on a coach's own entry for the same
	// service, whose entry is then served instead of the imported one.
	SourceID string
	Line     int
}

// Rule is one line of a timetable: a weekly, nth-weekday, every-n-weeks or
// one-off pattern, with a start and end time in the area's local time.
type Rule struct {
	// Days the rule happens on; empty for a one-off Date.
	Days []time.Weekday
	// Weeks picks the nth such weekday of the month (1..5, -1 is the last).
	Weeks []int
	// Every n weeks, counted from Starting; 0 or 1 means every week.
	Every    int
	Starting Date
	// Date is set for a one-off.
	Date       Date
	Start, End Clock
	Line       int
}

// Clock is a time of day in minutes after midnight.
type Clock int

// Ages is the age range an activity is for; Max < 0 means no upper limit.
// The zero value is not used: "all" is {0, -1}.
type Ages struct {
	Min, Max int
	// Text is what the coach wrote, shown back to people.
	Text string
}

// Kinds are the kinds of asset a file may use, in the order coaches are
// told them, from the vocabulary.
var Kinds = words.Builtin().KindIDs()
