// Package words is Signpost's vocabulary: every list of words the bot uses
// to understand a message (filler, times, places, filters, kinds of venue,
// and the needs people describe in their own words), read from one
// embedded, commented file, words.yaml. Keeping them as data in one place
// means a word decides the same thing everywhere: the reader, the asset
// loader and the index all take their words from here.
package words

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

//go:embed words.yaml
var file []byte

// builtin is words.yaml, read once. The file is part of the program, so a
// mistake in it is a bug that the package's tests catch before release.
var builtin = mustParse(file)

// Builtin is the vocabulary every area starts with. It is shared: callers
// must not change it.
func Builtin() *Words { return builtin }

// Words is the whole vocabulary. Phrases are as words.yaml writes them:
// lower case, words separated by spaces, apostrophes optional.
type Words struct {
	// Filler carries no topic ("what", "near", "please").
	Filler []string
	// Generic may add to a match but never makes one on its own ("group").
	Generic []string
	// PlaceWords come before a place ("near", "in", "close to").
	PlaceWords []string
	// NearMe mean where the person is ("near me", "nearby").
	NearMe []string
	// OpenWords ask about opening hours, unless followed by one of
	// OpenActivities ("open mic").
	OpenWords, OpenActivities []string
	// Weekdays are the ways each day of the week is written.
	Weekdays map[time.Weekday][]string
	// Days are days named from today ("tomorrow", "this weekend").
	Days []Day
	// DayParts are parts of a day ("morning").
	DayParts []DayPart
	// Tonight are the words for this evening.
	Tonight []string
	// Now mean at this minute.
	Now []string
	// Free, Cheap and StepFree name filters.
	Free, Cheap, StepFree []string
	// FreeCosts, CheapCosts and StepFreeAccess are how listings say an
	// activity is free or cheap, or a venue step-free.
	FreeCosts, CheapCosts, StepFreeAccess []string
	// Ages are age groups people name ("toddler", "over 60s").
	Ages []AgeGroup
	// AgeWords follow a number to give an age ("8 year old"); AgeOf come
	// before one ("aged 7", "I'm 80"), unless one of NotAgeUnits follows
	// it ("I'm 5 minutes away").
	AgeWords, AgeOf, NotAgeUnits []string
	// Kinds are the kinds of venue, in the order coaches are told them.
	Kinds []Kind
	// Greeting, Help, Thanks and More are whole messages of small talk.
	Greeting, Help, Thanks, More []string
	// Choose picks a numbered choice: Choose[1] are ways to say "the
	// first one".
	Choose map[int][]string
	// Needs are situations and needs in a person's own words.
	Needs []Need
	// Timetable is how listings write when something happens.
	Timetable Timetable
}

// Timetable is how listings' descriptions write when something happens,
// for reading what an imported feed's timetable leaves out.
type Timetable struct {
	// Ordinals name the nth weekday of a month: Ordinals[2] are ways to
	// say "2nd"; -1 is the last, -2 the one before.
	Ordinals map[int][]string
	// Every names every n weeks: Every[2] are ways to say "fortnightly".
	Every map[int][]string
	// OfMonth follow an ordinal and a day to say it is of the month.
	OfMonth []string
	// Monthly say monthly without saying which week.
	Monthly []string
	// TermTime say it happens in school terms only.
	TermTime []string
	// BankHolidaysClosed say it is not on bank holidays.
	BankHolidaysClosed []string
	// DayGroups name several days at once ("weekdays").
	DayGroups []DayGroup
	// Months are the ways each month is written: Months[12] for December.
	Months map[int][]string
	// MorningFrom is the first hour read as morning in a time written
	// without am or pm; hours below it are the afternoon.
	MorningFrom int
}

// Day is a day or days named from today.
type Day struct {
	// Name is one of "today", "tomorrow", "this weekend", "next weekend",
	// "this week", "next week".
	Name string
	Say  []string
}

// DayPart is part of a day, from From to To minutes after midnight.
type DayPart struct {
	Name     string
	Say      []string
	From, To int
}

// AgeGroup is an age range people name; Max < 0 means no upper limit.
type AgeGroup struct {
	Say      []string
	Min, Max int
	// Text is the range as written in words.yaml ("0-4", "60+").
	Text string
}

// Kind is a kind of venue and the words people use for it.
type Kind struct {
	ID  string
	Say []string
}

// Need is a situation people describe ("I've just moved here") and what
// listings call the things that help with it.
type Need struct {
	// ID names the need in logs and tests.
	ID string
	// Label names the need to the person: "meeting people".
	Label string
	// Offer, if set, is how the need is offered when nothing fits.
	Offer string
	// Say are the phrases people use for it, first person included.
	Say []string
	// Means are the words listings use for what helps, matched as
	// written.
	Means []string
	// GrownUps marks a need of the grown-up writing: a child's age in
	// the message says whose it is, not who the help is for.
	GrownUps bool
}

// KindIDs are the kinds of venue an asset file may use, in order.
func (w *Words) KindIDs() []string {
	ids := make([]string, len(w.Kinds))
	for i, k := range w.Kinds {
		ids[i] = k.ID
	}
	return ids
}

// KindWords are the words people use for kind id, or nil for none.
func (w *Words) KindWords(id string) []string {
	for _, k := range w.Kinds {
		if k.ID == id {
			return k.Say
		}
	}
	return nil
}

// file is words.yaml as written.
type fileWords struct {
	Filler         []string            `yaml:"filler"`
	Generic        []string            `yaml:"generic"`
	PlaceWords     []string            `yaml:"place_words"`
	NearMe         []string            `yaml:"near_me"`
	OpenWords      []string            `yaml:"open_words"`
	OpenActivities []string            `yaml:"open_activities"`
	Weekdays       map[string][]string `yaml:"weekdays"`
	Days           map[string][]string `yaml:"days"`
	DayParts       map[string]struct {
		Say  []string `yaml:"say"`
		From string   `yaml:"from"`
		To   string   `yaml:"to"`
	} `yaml:"day_parts"`
	Tonight        []string `yaml:"tonight"`
	Now            []string `yaml:"now"`
	Free           []string `yaml:"free"`
	Cheap          []string `yaml:"cheap"`
	StepFree       []string `yaml:"step_free"`
	FreeCosts      []string `yaml:"free_costs"`
	CheapCosts     []string `yaml:"cheap_costs"`
	StepFreeAccess []string `yaml:"step_free_access"`
	Ages           []struct {
		Say  []string `yaml:"say"`
		Ages string   `yaml:"ages"`
	} `yaml:"ages"`
	AgeWords    []string            `yaml:"age_words"`
	AgeOf       []string            `yaml:"age_of"`
	NotAgeUnits []string            `yaml:"not_age_units"`
	Kinds       []Kind              `yaml:"kinds"`
	SmallTalk   map[string][]string `yaml:"small_talk"`
	Choose      map[int][]string    `yaml:"choose"`
	Needs       []struct {
		ID       string   `yaml:"id"`
		Label    string   `yaml:"label"`
		Offer    string   `yaml:"offer"`
		Say      []string `yaml:"say"`
		Means    []string `yaml:"means"`
		GrownUps bool     `yaml:"grown_ups"`
	} `yaml:"needs"`
	Timetable struct {
		Ordinals           map[int][]string `yaml:"ordinals"`
		Every              map[int][]string `yaml:"every"`
		OfMonth            []string         `yaml:"of_month"`
		Monthly            []string         `yaml:"monthly"`
		TermTime           []string         `yaml:"term_time"`
		BankHolidaysClosed []string         `yaml:"bank_holidays_closed"`
		DayGroups          []struct {
			Days []string `yaml:"days"`
			Say  []string `yaml:"say"`
		} `yaml:"day_groups"`
		Months      map[int][]string `yaml:"months"`
		Starts      []string         `yaml:"starts"`
		MorningFrom int              `yaml:"morning_from"`
	} `yaml:"timetable"`
}

// dayNames are the names Days may use, in the order they are tried.
var dayNames = []string{"this weekend", "next weekend", "this week", "next week", "today", "tomorrow"}

// partOrder is the order DayParts are given in.
var partOrder = []string{"morning", "afternoon", "evening"}

func mustParse(b []byte) *Words {
	w, err := Parse(b)
	if err != nil {
		panic(fmt.Sprintf("words.yaml: %v", err))
	}
	return w
}

// Parse reads a vocabulary in the form of words.yaml. It is exported so
// tests, and anyone trying a change to the vocabulary, can check a file.
func Parse(b []byte) (*Words, error) {
	var f fileWords
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	w := &Words{
		Filler: f.Filler, Generic: f.Generic, PlaceWords: f.PlaceWords, NearMe: f.NearMe,
		OpenWords: f.OpenWords, OpenActivities: f.OpenActivities,
		Tonight: f.Tonight, Now: f.Now, Free: f.Free, Cheap: f.Cheap, StepFree: f.StepFree,
		FreeCosts: f.FreeCosts, CheapCosts: f.CheapCosts, StepFreeAccess: f.StepFreeAccess,
		AgeWords: f.AgeWords, AgeOf: f.AgeOf, NotAgeUnits: f.NotAgeUnits, Kinds: f.Kinds, Choose: f.Choose,
		Greeting: f.SmallTalk["greeting"], Help: f.SmallTalk["help"],
		Thanks: f.SmallTalk["thanks"], More: f.SmallTalk["more"],
		Weekdays: map[time.Weekday][]string{},
		Timetable: Timetable{
			Ordinals: f.Timetable.Ordinals, Every: f.Timetable.Every, OfMonth: f.Timetable.OfMonth,
			Monthly: f.Timetable.Monthly, TermTime: f.Timetable.TermTime, BankHolidaysClosed: f.Timetable.BankHolidaysClosed,
			Months: f.Timetable.Months, MorningFrom: f.Timetable.MorningFrom,
		},
	}
	for _, g := range f.Timetable.DayGroups {
		group := DayGroup{Say: g.Say}
		for _, name := range g.Days {
			d, ok := weekday(name)
			if !ok {
				return nil, fmt.Errorf("timetable: day_groups: %q is not a day of the week", name)
			}
			group.Days = append(group.Days, d)
		}
		w.Timetable.DayGroups = append(w.Timetable.DayGroups, group)
	}
	if err := checkTimetable(w.Timetable); err != nil {
		return nil, fmt.Errorf("timetable: %w", err)
	}
	for name, say := range f.Weekdays {
		d, ok := weekday(name)
		if !ok {
			return nil, fmt.Errorf("weekdays: %q is not a day of the week", name)
		}
		w.Weekdays[d] = say
	}
	if len(w.Weekdays) != 7 {
		return nil, fmt.Errorf("weekdays: %d days, want all 7", len(w.Weekdays))
	}
	for name := range f.Days {
		if !slices.Contains(dayNames, name) {
			return nil, fmt.Errorf("days: %q is not one of %s", name, strings.Join(dayNames, ", "))
		}
	}
	for _, name := range dayNames {
		if say, ok := f.Days[name]; ok {
			w.Days = append(w.Days, Day{Name: name, Say: say})
		}
	}
	for name := range f.DayParts {
		if !slices.Contains(partOrder, name) {
			return nil, fmt.Errorf("day_parts: %q is not one of %s", name, strings.Join(partOrder, ", "))
		}
	}
	for _, name := range partOrder {
		p, ok := f.DayParts[name]
		if !ok {
			return nil, fmt.Errorf("day_parts: %s is missing", name)
		}
		from, err1 := clock(p.From)
		to, err2 := clock(p.To)
		if err1 != nil || err2 != nil || to <= from {
			return nil, fmt.Errorf("day_parts: %s should run from an earlier HH:MM to a later one", name)
		}
		w.DayParts = append(w.DayParts, DayPart{Name: name, Say: p.Say, From: from, To: to})
	}
	for _, a := range f.Ages {
		g, err := ageGroup(a.Ages)
		if err != nil {
			return nil, fmt.Errorf("ages %v: %w", a.Say, err)
		}
		g.Say = a.Say
		w.Ages = append(w.Ages, g)
	}
	for _, k := range w.Kinds {
		if k.ID == "" {
			return nil, fmt.Errorf("kinds: a kind has no id")
		}
	}
	ids := map[string]bool{}
	for _, n := range f.Needs {
		switch {
		case n.ID == "" || n.Label == "":
			return nil, fmt.Errorf("needs: every need needs an id and a label (%q has not)", n.ID)
		case ids[n.ID]:
			return nil, fmt.Errorf("needs: the id %s is used twice", n.ID)
		case len(n.Say) == 0 || len(n.Means) == 0:
			return nil, fmt.Errorf("needs: %s needs both say and means", n.ID)
		}
		ids[n.ID] = true
		w.Needs = append(w.Needs, Need{ID: n.ID, Label: n.Label, Offer: n.Offer, Say: n.Say, Means: n.Means, GrownUps: n.GrownUps})
	}
	return w, nil
}

// DayGroup is several days named at once: "weekdays".
type DayGroup struct {
	Days []time.Weekday
	Say  []string
}

// checkTimetable says what is wrong with a timetable vocabulary.
func checkTimetable(t Timetable) error {
	for n := range t.Ordinals {
		if n == 0 || n > 5 || n < -2 {
			return fmt.Errorf("ordinals: %d is not a week of the month (1 to 5, -1 or -2)", n)
		}
	}
	for n := range t.Every {
		if n < 2 || n > 52 {
			return fmt.Errorf("every: %d is not a number of weeks from 2 to 52", n)
		}
	}
	for n := range t.Months {
		if n < 1 || n > 12 {
			return fmt.Errorf("months: %d is not a month", n)
		}
	}
	if len(t.Months) != 12 {
		return fmt.Errorf("months: %d months, want all 12", len(t.Months))
	}
	if t.MorningFrom < 1 || t.MorningFrom > 12 {
		return fmt.Errorf("morning_from: %d is not an hour from 1 to 12", t.MorningFrom)
	}
	return nil
}

func weekday(name string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), name) {
			return d, true
		}
	}
	return 0, false
}

// clock reads HH:MM as minutes after midnight; 24:00 is the end of a day.
func clock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh == 24 && mm != 0 {
		return 0, fmt.Errorf("%q is not a time like 09:30", s)
	}
	return hh*60 + mm, nil
}

// ageGroup reads "0-4" or "60+".
func ageGroup(s string) (AgeGroup, error) {
	if lo, ok := strings.CutSuffix(s, "+"); ok {
		n, err := strconv.Atoi(lo)
		if err != nil {
			return AgeGroup{}, fmt.Errorf("%q is not an age range like 0-4 or 60+", s)
		}
		return AgeGroup{Min: n, Max: -1, Text: s}, nil
	}
	lo, hi, ok := strings.Cut(s, "-")
	a, err1 := strconv.Atoi(lo)
	b, err2 := strconv.Atoi(hi)
	if !ok || err1 != nil || err2 != nil || b < a {
		return AgeGroup{}, fmt.Errorf("%q is not an age range like 0-4 or 60+", s)
	}
	return AgeGroup{Min: a, Max: b, Text: s}, nil
}
