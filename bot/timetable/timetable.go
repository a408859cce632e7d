// Package timetable reads when something happens from text written for
// people: "2nd and 4th Friday of the month, 10am-12pm", "fortnightly on
// Tuesdays", "term time only". Councils' feeds often give a timetable row
// that says every Monday while the description says the second Monday;
// the importer reads the description with this package and believes it.
package timetable

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"signpost/bot"
	"signpost/bot/words"
)

// Pattern is what a piece of text says about when something happens. The
// zero value says nothing.
type Pattern struct {
	// Days are the weekdays named.
	Days []time.Weekday
	// Weeks are the nth such weekdays of the month (1..5, -1 the last,
	// -2 the one before), as in "2nd and 4th Friday".
	Weeks []int
	// Every is n for "every n weeks" ("fortnightly" is 2); 0 when not said.
	Every int
	// Monthly is set when the text says monthly without saying which week,
	// which cannot be placed on a day.
	Monthly bool
	// TermTime is set when it happens in school terms only.
	TermTime bool
	// NoBankHolidays is set when it is not on bank holidays.
	NoBankHolidays bool
	// Start and End are the first time span named, when Timed.
	Start, End bot.Clock
	Timed      bool
}

// Found reports whether the text said anything about when.
func (p Pattern) Found() bool {
	return len(p.Days) > 0 || len(p.Weeks) > 0 || p.Every > 0 || p.Monthly || p.TermTime || p.NoBankHolidays || p.Timed
}

// Reader reads text with one vocabulary. It is safe for concurrent use.
type Reader struct {
	phrases     map[string]mark
	longest     int
	morningFrom int
	// groups are names for several days ("weekdays"), and months the
	// names of months, for timetables people write.
	groups map[string][]time.Weekday
	months map[string]int
}

// markKind is what a phrase in the vocabulary stands for.
type markKind int

const (
	weekday markKind = iota + 1
	ordinal
	every
	ofMonth
	monthly
	termTime
	bankHolidays
	joiner
	everyWord
	filler
	other
)

// mark is a phrase's meaning: its kind and, for weekdays, ordinals and
// every, which one.
type mark struct {
	kind markKind
	n    int
}

// New makes a reader from a vocabulary's weekdays and timetable words.
func New(w *words.Words) *Reader {
	r := &Reader{phrases: map[string]mark{}, morningFrom: w.Timetable.MorningFrom,
		groups: map[string][]time.Weekday{}, months: map[string]int{}}
	for _, g := range w.Timetable.DayGroups {
		for _, say := range g.Say {
			r.groups[strings.Join(tokens(say), " ")] = g.Days
		}
	}
	for n, say := range w.Timetable.Months {
		for _, name := range say {
			r.months[name] = n
		}
	}
	add := func(say []string, m mark) {
		for _, s := range say {
			key := strings.Join(tokens(s), " ")
			if key == "" {
				continue
			}
			if _, taken := r.phrases[key]; !taken {
				r.phrases[key] = m
			}
			r.longest = max(r.longest, len(strings.Fields(key)))
		}
	}
	// Term time first: "term time only" is not a span of time.
	add(w.Timetable.TermTime, mark{kind: termTime})
	add(w.Timetable.BankHolidaysClosed, mark{kind: bankHolidays})
	for _, n := range sortedKeys(w.Timetable.Ordinals) {
		add(w.Timetable.Ordinals[n], mark{kind: ordinal, n: n})
	}
	for _, n := range sortedKeys(w.Timetable.Every) {
		add(w.Timetable.Every[n], mark{kind: every, n: n})
	}
	add(w.Timetable.OfMonth, mark{kind: ofMonth})
	add(w.Timetable.Monthly, mark{kind: monthly})
	for d := time.Sunday; d <= time.Saturday; d++ {
		add(w.Weekdays[d], mark{kind: weekday, n: int(d)})
	}
	add([]string{"and", "or", "&"}, mark{kind: joiner})
	add([]string{"every", "each"}, mark{kind: everyWord})
	add([]string{"on", "the", "of", "in", "a", "at", "from"}, mark{kind: filler})
	return r
}

func sortedKeys(m map[int][]string) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Read says what text says about when something happens.
func (r *Reader) Read(text string) Pattern {
	var p Pattern
	lower := strings.ToLower(text)
	if s, e, ok := r.firstSpan(lower); ok {
		p.Start, p.End, p.Timed = s, e, true
	}
	marks := r.marks(tokens(spanPattern.ReplaceAllString(lower, " \x00 ")))
	for i := 0; i < len(marks); i++ {
		m := marks[i]
		switch m.kind {
		case termTime:
			p.TermTime = true
		case bankHolidays:
			p.NoBankHolidays = true
		case monthly, ofMonth:
			p.Monthly = true
		case every:
			p.Every = m.n
		case weekday:
			p.addDay(time.Weekday(m.n))
		case ordinal:
			i = r.ordinals(marks, i, &p)
		}
	}
	if len(p.Weeks) > 0 {
		p.Monthly = false
	}
	slices.Sort(p.Days)
	slices.Sort(p.Weeks)
	p.Weeks = slices.Compact(p.Weeks)
	return p
}

// ordinals reads "2nd and 4th Friday (of the month)" starting at marks[i],
// an ordinal, into p, and returns the index of the last mark it used. An
// ordinal not followed by a weekday ("first come, first served") says
// nothing; "every second Tuesday" with no "of the month" is fortnightly.
func (r *Reader) ordinals(marks []mark, i int, p *Pattern) int {
	start := i
	ns, j := run(marks, i, ordinal)
	days, j := run(marks, j, weekday)
	if len(days) == 0 {
		return start
	}
	ofTheMonth := j < len(marks) && (marks[j].kind == ofMonth || marks[j].kind == monthly)
	afterEvery := start > 0 && marks[start-1].kind == everyWord
	for _, d := range days {
		p.addDay(time.Weekday(d))
	}
	if afterEvery && !ofTheMonth && len(ns) == 1 && ns[0] > 1 {
		p.Every = ns[0]
		return j - 1
	}
	p.Weeks = append(p.Weeks, ns...)
	if ofTheMonth {
		return j
	}
	return j - 1
}

// run reads a list of one kind of mark from marks[i], "2nd, 3rd and 4th"
// or "Mondays and Thursdays", and returns their numbers and the index
// after it.
func run(marks []mark, i int, kind markKind) ([]int, int) {
	var ns []int
	for i < len(marks) {
		switch {
		case marks[i].kind == kind:
			ns = append(ns, marks[i].n)
			i++
		case marks[i].kind == joiner && len(ns) > 0 && i+1 < len(marks) && marks[i+1].kind == kind:
			i++
		default:
			return ns, i
		}
	}
	return ns, i
}

func (p *Pattern) addDay(d time.Weekday) {
	if !slices.Contains(p.Days, d) {
		p.Days = append(p.Days, d)
	}
}

// marks are the phrases of the vocabulary found in toks, longest first at
// each place. Small words such as "on the" are left out, so "2nd and 4th
// Friday" reads as "the 2nd Friday"; any other word is kept as a break,
// so "2nd floor, Mondays" names no week of the month.
func (r *Reader) marks(toks []string) []mark {
	var out []mark
	for i := 0; i < len(toks); {
		m, n := mark{kind: other}, 1
		for l := min(r.longest, len(toks)-i); l > 0; l-- {
			if found, ok := r.phrases[strings.Join(toks[i:i+l], " ")]; ok {
				m, n = found, l
				break
			}
		}
		if m.kind != filler {
			out = append(out, m)
		}
		i += n
	}
	return out
}

// tokens splits lower-case text into words, keeping "&", the time-span
// marker "\x00", and ordinals like "2nd"; apostrophes are dropped and
// other punctuation breaks words.
func tokens(s string) []string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'", "", "’", "", "&", " & ", "-", " ", "‑", " ").Replace(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '&' || r == '\x00' || r > 127 && r != '–' && r != '—')
	})
}

// spanPattern finds a span of time: "10am-12pm", "9.30 - 11.30am",
// "19:00–21:00", "2 till 4", "noon to 2pm".
var spanPattern = regexp.MustCompile(`(?:\b(?:age|ages|aged)\s+|^|[^\d:.])(\d{1,2}|noon|midday)(?:[:.](\d{2})(?::\d{2})?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(-|–|—|to|till|til|until|’til)\s*(\d{1,2}|noon|midday)(?:[:.](\d{2})(?::\d{2})?)?\s*(am|pm|a\.m\.|p\.m\.)?(\s*(?:years?|yrs?|months?|s)\b)?`)

// span is a span of time found in text: where it is, and its times.
type span struct {
	at, to     int
	start, end bot.Clock
}

// firstSpan is the first span of time in lower-case text that reads as
// one; see spans.
func (r *Reader) firstSpan(lower string) (bot.Clock, bot.Clock, bool) {
	if found := r.spans(lower, false); len(found) > 0 {
		return found[0].start, found[0].end, true
	}
	return 0, 0, false
}

// spans are the spans of time in lower-case text. In a description a
// span joined by a dash needs am, pm or minutes on one side, so "ages
// 5-11" and "10-12 year olds" are not times; in a timetable a person
// writes (bareDash), "10-12" is a time. Ages are never times.
func (r *Reader) spans(lower string, bareDash bool) []span {
	var out []span
	for _, at := range spanPattern.FindAllStringSubmatchIndex(lower, -1) {
		m := make([]string, len(at)/2)
		for i := range m {
			if at[2*i] >= 0 {
				m[i] = lower[at[2*i]:at[2*i+1]]
			}
		}
		if strings.HasPrefix(strings.TrimLeftFunc(m[0], func(r rune) bool { return r < 'a' || r > 'z' }), "age") || m[8] != "" {
			continue
		}
		dash := m[4] == "-" || m[4] == "–" || m[4] == "—"
		marked := m[3] != "" || m[7] != "" || m[2] != "" || m[6] != "" || isNoon(m[1]) || isNoon(m[5])
		if dash && !marked && !bareDash {
			continue
		}
		if s, e, ok := r.clocks(m); ok {
			out = append(out, span{at: at[0], to: at[1], start: s, end: e})
		}
	}
	return out
}

func isNoon(s string) bool { return s == "noon" || s == "midday" }

// clocks turns a matched span into start and end clocks. A side without am
// or pm takes the other side's, unless that would put the start after the
// end ("11-1pm" is 11:00 to 13:00); with neither, hours before
// morningFrom are the afternoon.
func (r *Reader) clocks(m []string) (bot.Clock, bot.Clock, bool) {
	sh, sm, ok1 := hourMinute(m[1], m[2])
	eh, em, ok2 := hourMinute(m[5], m[6])
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	sMark, eMark := meridiem(m[3]), meridiem(m[7])
	if isNoon(m[1]) {
		sMark = "pm"
	}
	if isNoon(m[5]) {
		eMark = "pm"
	}
	switch {
	case sh > 12 || eh > 12:
		if sMark != "" || eMark != "" {
			return 0, 0, false
		}
	case sMark == "" && eMark == "":
		if sh < r.morningFrom {
			sh += 12
		}
		if eh < r.morningFrom || eh*60+em <= sh*60+sm {
			eh += 12
		}
	default:
		if sMark == "" {
			sMark = eMark
			if at(sh, sMark)*60+sm > at(eh, eMark)*60+em {
				sMark = flip(eMark)
			}
		}
		if eMark == "" {
			eMark = sMark
			if at(eh, eMark)*60+em <= at(sh, sMark)*60+sm {
				eMark = flip(sMark)
			}
		}
		sh, eh = at(sh, sMark), at(eh, eMark)
		if eh == 0 && em == 0 {
			eh = 24
		}
	}
	start, end := bot.Clock(sh*60+sm), bot.Clock(eh*60+em)
	if start == end || start >= 24*60 || end > 24*60 {
		return 0, 0, false
	}
	return start, end, true
}

func hourMinute(h, m string) (int, int, bool) {
	if isNoon(h) {
		return 12, 0, m == ""
	}
	hh, err := strconv.Atoi(h)
	if err != nil || hh > 24 {
		return 0, 0, false
	}
	mm := 0
	if m != "" {
		mm, err = strconv.Atoi(m)
		if err != nil || mm > 59 {
			return 0, 0, false
		}
	}
	return hh, mm, true
}

func meridiem(s string) string { return strings.ReplaceAll(s, ".", "") }

func flip(m string) string {
	if m == "am" {
		return "pm"
	}
	return "am"
}

// at is the 24-hour hour of a 12-hour one.
func at(h int, m string) int {
	switch {
	case m == "am" && h == 12:
		return 0
	case m == "pm" && h < 12:
		return h + 12
	}
	return h
}
