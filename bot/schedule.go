package bot

import (
	"slices"
	"time"
)

// horizon is how far ahead the bot looks for the next time something is on.
// A year and a bit covers annual events and seasons that start next term.
const horizon = 400 * 24 * time.Hour

// Occurrence is one time something is on, as instants in the area's zone.
type Occurrence struct {
	Start, End time.Time
}

// On reports whether the rule happens on day d (ignoring any season).
func (r Rule) On(d Date) bool {
	if !r.Date.IsZero() {
		return d == r.Date
	}
	if !slices.Contains(r.Days, d.Weekday()) {
		return false
	}
	if len(r.Weeks) > 0 && !slices.ContainsFunc(r.Weeks, func(n int) bool { return weekOfMonth(d, n) }) {
		return false
	}
	if r.Every > 1 {
		days := d.DaysSince(r.Starting)
		if days < 0 || (days/7)%r.Every != 0 {
			return false
		}
	}
	return true
}

// weekOfMonth reports whether d is the nth of its weekday in its month;
// n = -1 is the last, -2 the one before.
func weekOfMonth(d Date, n int) bool {
	if n > 0 {
		return (d.Day-1)/7+1 == n
	}
	return d.AddDays(-7*n).Month != d.Month && d.AddDays(-7*(n+1)).Month == d.Month
}

// occurrence is the rule's sitting on day d. An end at or before the start
// means the session runs past midnight into the next day.
func (r Rule) occurrence(d Date, loc *time.Location) Occurrence {
	end := d
	if r.End <= r.Start {
		end = d.AddDays(1)
	}
	return Occurrence{Start: d.At(r.Start, loc), End: end.At(r.End, loc)}
}

// On reports whether the activity happens on day d: inside its season and,
// if it says so, in term and not on a bank holiday, not an except date,
// and on one of its rules.
func (a *Activity) On(d Date) bool {
	if !a.inSeason(d) {
		return false
	}
	return slices.ContainsFunc(a.When, func(r Rule) bool { return r.On(d) })
}

func (a *Activity) inSeason(d Date) bool {
	switch {
	case !a.From.IsZero() && d.Before(a.From):
		return false
	case !a.Until.IsZero() && a.Until.Before(d):
		return false
	case a.TermTime && !slices.ContainsFunc(a.Terms, func(s Term) bool { return s.Holds(d) }):
		return false
	case a.ClosedOn.Holiday(d):
		return false
	}
	return !slices.Contains(a.Except, d)
}

// Next is the first sitting of the activity that overlaps [from, to): one
// already under way counts, so "what's on now" finds it.
func (a *Activity) Next(from, to time.Time, loc *time.Location) (Occurrence, bool) {
	first, last := a.From, a.Until
	return next(a.When, a.inSeason, first, last, from, to, loc)
}

// NextOpen is the first opening period of the venue that overlaps [from, to).
func (a *Asset) NextOpen(from, to time.Time, loc *time.Location) (Occurrence, bool) {
	return next(a.Open, func(Date) bool { return true }, Date{}, Date{}, from, to, loc)
}

// next walks the calendar a day at a time from the day before from (a
// session may run past midnight) to the end of the window, the horizon or
// the season's end, whichever is first.
func next(rules []Rule, allowed func(Date) bool, first, last Date, from, to time.Time, loc *time.Location) (Occurrence, bool) {
	if len(rules) == 0 || !from.Before(to) {
		return Occurrence{}, false
	}
	if limit := from.Add(horizon); to.After(limit) {
		to = limit
	}
	day := DateOf(from.In(loc)).AddDays(-1)
	if !first.IsZero() && day.Before(first) {
		day = first
	}
	end := DateOf(to.In(loc))
	if !last.IsZero() && last.Before(end) {
		end = last
	}
	for ; !end.Before(day); day = day.AddDays(1) {
		if !allowed(day) {
			continue
		}
		var best Occurrence
		found := false
		for _, r := range rules {
			if !r.On(day) {
				continue
			}
			o := r.occurrence(day, loc)
			if o.End.After(from) && o.Start.Before(to) && (!found || o.Start.Before(best.Start)) {
				best, found = o, true
			}
		}
		if found {
			return best, true
		}
	}
	return Occurrence{}, false
}

// Weekdays are the days of the week the activity can fall on, for the
// index's day filter.
func (a *Activity) Weekdays() []time.Weekday { return weekdays(a.When) }

// OpenWeekdays are the days of the week the venue opens.
func (a *Asset) OpenWeekdays() []time.Weekday { return weekdays(a.Open) }

func weekdays(rules []Rule) []time.Weekday {
	var days []time.Weekday
	for _, r := range rules {
		if !r.Date.IsZero() {
			days = append(days, r.Date.Weekday())
		}
		days = append(days, r.Days...)
	}
	slices.Sort(days)
	return slices.Compact(days)
}
