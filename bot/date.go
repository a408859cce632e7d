package bot

import (
	"fmt"
	"slices"
	"time"
)

// Date is a day on the calendar with no time or zone, as coaches write it
// (2026-12-13). Keeping dates civil avoids clock-change surprises: a date
// only becomes an instant when joined with a Clock in the area's zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a date written as YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date like 2026-12-13", s)
	}
	return DateOf(t), nil
}

// DateOf is the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// At is the instant at clock c on this date in loc. On the morning the
// clocks go forward a time that does not exist moves an hour on, as Go's
// time.Date does.
func (d Date) At(c Clock, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, int(c)/60, int(c)%60, 0, 0, loc)
}

// AddDays is the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date {
	return DateOf(d.utc().AddDate(0, 0, n))
}

// Weekday is the day of the week the date falls on.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.utc().Before(e.utc()) }

// Compare is -1 when d is before e, 1 when after, 0 when they are the
// same day, for sorting.
func (d Date) Compare(e Date) int { return d.utc().Compare(e.utc()) }

// OnOrAfter is the first day from d on that falls on one of days, for
// counting fortnights from a start that is not itself a session; d a week
// on when days is empty.
func (d Date) OnOrAfter(days []time.Weekday) Date {
	for range 7 {
		if slices.Contains(days, d.Weekday()) {
			return d
		}
		d = d.AddDays(1)
	}
	return d
}

// DaysSince is the number of days from e to d.
func (d Date) DaysSince(e Date) int {
	return int(d.utc().Sub(e.utc()).Hours() / 24)
}

// String writes the date as YYYY-MM-DD.
func (d Date) String() string { return d.utc().Format(time.DateOnly) }

func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// ParseClock reads a time of day written as HH:MM (24-hour).
func ParseClock(s string) (Clock, error) {
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); n != 2 || err != nil || len(s) != 5 || h > 24 || m > 59 || (h == 24 && m != 0) || h < 0 || m < 0 {
		return 0, fmt.Errorf("%q is not a time like 09:30 (24-hour clock, 00:00 to 24:00)", s)
	}
	return Clock(h*60 + m), nil
}

// String writes the clock as HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }
