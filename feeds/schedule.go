package feeds

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"signpost/bot"
	"signpost/bot/timetable"
)

// times are an activity's times as worked out from a feed: the rules, or
// why there are none ("check the dates with them").
type times struct {
	rules       []bot.Rule
	from, until bot.Date
	except      []bot.Date
	// termTime and noBankHolidays are read from the description: on in
	// the area's school terms only, and not on bank holidays.
	termTime, noBankHolidays bool
	// unsure says why the times could not be worked out; rules is then
	// empty, so the activity is listed without a time.
	unsure string
}

// settle believes the description where it says more than the rows: a
// row that says every Monday for a group whose description says "2nd
// Monday of the month" becomes the 2nd Monday, and "term time only" or
// "closed on bank holidays" are kept for the area's terms and bank
// holidays to decide. A bare "monthly" beside a timetable is not believed
// over it: descriptions say "a speaker comes monthly" of weekly groups
// far more often than they mean the group is monthly.
func (r *reader) settle(rows []bot.Rule, unsure string, description string) times {
	p := r.times.Read(description)
	t := times{termTime: p.TermTime, noBankHolidays: p.NoBankHolidays}
	switch {
	case len(p.Weeks) > 0:
		t.rules, t.unsure = withWeeks(rows, p)
	case p.Every > 1:
		t.rules, t.unsure = withEvery(rows, p)
	case p.Monthly && len(rows) == 0 && unsure == "":
		t.unsure = "the description says monthly but not which week"
	case len(rows) == 0 && unsure == "" && len(p.Days) > 0 && p.Timed:
		t.rules = []bot.Rule{{Days: p.Days, Start: p.Start, End: p.End}}
	case len(rows) == 0 && unsure == "":
		t.unsure = "the feed gives no times"
	default:
		t.rules, t.unsure = rows, unsure
	}
	return t
}

// sane is t, or no times with why when its season runs backwards (a
// feed's end date before its start), which would promise nothing true.
func (t times) sane() times {
	if !t.from.IsZero() && !t.until.IsZero() && t.until.Before(t.from) {
		return times{unsure: fmt.Sprintf("the feed's dates run backwards, from %s until %s", t.from, t.until)}
	}
	return t
}

// apply gives act its times. Term time and bank holidays are bound to
// the area's when the list is loaded or merged; until then England and
// Wales's bank holidays stand in.
func (t times) apply(act *bot.Activity) {
	act.When, act.From, act.Until, act.Except = t.rules, t.from, t.until, t.except
	act.TermTime = t.termTime && len(t.rules) > 0
	if t.noBankHolidays && len(t.rules) > 0 {
		act.ClosedOn = bot.EnglandAndWales
	}
}

// withWeeks gives the rows on the description's days its weeks of the
// month. Rows that already say which weeks are believed as they are; a
// description whose days no row shares ("every Thursday" against "last
// Monday") cannot be settled, so no times are given.
func withWeeks(rows []bot.Rule, p timetable.Pattern) ([]bot.Rule, string) {
	if len(rows) == 0 {
		if !p.Timed || len(p.Days) == 0 {
			return nil, fmt.Sprintf("the description gives the week of the month (%s) but no day or time", weeksText(p.Weeks))
		}
		return []bot.Rule{{Days: p.Days, Weeks: p.Weeks, Start: p.Start, End: p.End}}, ""
	}
	if slices.ContainsFunc(rows, func(r bot.Rule) bool { return len(r.Weeks) > 0 }) {
		return rows, ""
	}
	var out []bot.Rule
	matched := false
	for _, row := range rows {
		if days := shared(row.Days, p.Days); row.Date.IsZero() && len(days) > 0 {
			row.Days, row.Weeks, row.Every, row.Starting = days, p.Weeks, 0, bot.Date{}
			matched = true
		}
		if !slices.ContainsFunc(out, func(o bot.Rule) bool { return sameRule(o, row) }) {
			out = append(out, row)
		}
	}
	if !matched {
		return nil, fmt.Sprintf("the timetable says %s but the description says %s of the month", daysText(rows[0].Days), weeksText(p.Weeks)+" "+daysText(p.Days))
	}
	return out, ""
}

// withEvery makes the rows on the description's days every n weeks,
// counted from a date the feed gives; with none, the weeks cannot be
// counted.
func withEvery(rows []bot.Rule, p timetable.Pattern) ([]bot.Rule, string) {
	var out []bot.Rule
	for _, row := range rows {
		if row.Date.IsZero() && len(shared(row.Days, p.Days)) > 0 && row.Every != p.Every {
			if row.Starting.IsZero() {
				return nil, fmt.Sprintf("the description says every %d weeks but the feed gives no date to count from", p.Every)
			}
			row.Every = p.Every
		}
		out = append(out, row)
	}
	if len(out) == 0 {
		return nil, fmt.Sprintf("the description says every %d weeks but the feed gives no date to count from", p.Every)
	}
	return out, ""
}

// shared are the days of a row that the description names too; all of
// them when the description names none.
func shared(row, described []time.Weekday) []time.Weekday {
	if len(described) == 0 {
		return row
	}
	var out []time.Weekday
	for _, d := range row {
		if slices.Contains(described, d) {
			out = append(out, d)
		}
	}
	return out
}

func daysText(days []time.Weekday) string {
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = d.String()
	}
	if len(names) == 0 {
		return "no day"
	}
	return strings.Join(names, " and ")
}

func sameRule(a, b bot.Rule) bool {
	return slices.Equal(a.Days, b.Days) && slices.Equal(a.Weeks, b.Weeks) && a.Every == b.Every &&
		a.Starting == b.Starting && a.Date == b.Date && a.Start == b.Start && a.End == b.End
}

// weeksText names weeks of the month: "the 2nd and 4th", "the last".
func weeksText(weeks []int) string {
	s := make([]string, len(weeks))
	for i, w := range weeks {
		s[i] = timetable.Ordinal(w)
	}
	return "the " + strings.Join(s, " and ")
}

// startOf reads a feed's start time: as clockOf, but midnight at the end
// of the day is no time to start.
func startOf(s string) (bot.Clock, bool) {
	c, ok := clockOf(s)
	return c, ok && c < 24*60
}

// clockOf reads a feed's time of day as the area's wall clock, whatever
// it carries after the minutes: "09:30", "9:30", "09:30:00", "09:30:00Z",
// "09:30:00+01:00". Feeds that write "Z" on a time of day mean the clock
// on the wall, not UTC (which would be an hour wrong all summer).
func clockOf(s string) (bot.Clock, bool) {
	s = strings.TrimSpace(s)
	h, rest, ok := strings.Cut(s, ":")
	if !ok || len(rest) < 2 {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(rest[:2])
	if err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh == 24 && mm > 0 || len(h) > 2 {
		return 0, false
	}
	return bot.Clock(hh*60 + mm), true
}

// dateOf reads a feed's date, "2026-09-10" or an instant such as
// "2026-09-10T00:00:00.000Z", as a day in the area.
func (r *reader) dateOf(s string) (bot.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) == len(time.DateOnly) {
		d, err := bot.ParseDate(s)
		return d, err == nil
	}
	if t, ok := instant(s); ok {
		return bot.DateOf(t.In(r.loc)), true
	}
	if len(s) > len(time.DateOnly) && s[len(time.DateOnly)] == 'T' {
		d, err := bot.ParseDate(s[:len(time.DateOnly)])
		return d, err == nil
	}
	return bot.Date{}, false
}

// instant reads a point in time as feeds write it.
func instant(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000Z0700", "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// dayCodes are iCal's two-letter days.
var dayCodes = map[string]time.Weekday{
	"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
	"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday,
}

// byDay reads an iCal BYDAY list: "MO,TH", "2MO", "-1FR", with a Unicode
// minus sign or a plus, or day names written out. It returns each day with
// its week of the month (0 for every week), and false if any part is not
// a day.
func (r *reader) byDay(s string) ([]dayInMonth, bool) {
	s = strings.NewReplacer("\u2212", "-", "\u2013", "-", " ", "").Replace(s)
	var out []dayInMonth
	for _, part := range strings.Split(s, ",") {
		if part == "" {
			continue
		}
		i := 0
		for i < len(part) && (part[i] == '-' || part[i] == '+' || part[i] >= '0' && part[i] <= '9') {
			i++
		}
		n := 0
		if i > 0 {
			v, err := strconv.Atoi(strings.TrimPrefix(part[:i], "+"))
			if err != nil || v == 0 || v > 5 || v < -2 {
				return nil, false
			}
			n = v
		}
		d, ok := r.weekday(part[i:])
		if !ok {
			return nil, false
		}
		out = append(out, dayInMonth{day: d, week: n})
	}
	return out, len(out) > 0
}

// dayInMonth is a day of an iCal rule: every such day, or the nth.
type dayInMonth struct {
	day  time.Weekday
	week int
}

// weekday reads a day as feeds write it: "MO", "Monday", "mon",
// "https://schema.org/Monday", "http://schema.org/Monday".
func (r *reader) weekday(s string) (time.Weekday, bool) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, "/#"); i >= 0 {
		s = s[i+1:]
	}
	if d, ok := dayCodes[strings.ToUpper(s)]; ok {
		return d, true
	}
	lower := strings.ToLower(s)
	for d, say := range r.words.Weekdays {
		if slices.Contains(say, lower) {
			return d, true
		}
	}
	return 0, false
}
