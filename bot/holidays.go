package bot

import "time"

// Region is a part of the UK with its own bank holidays.
type Region int

// The regions whose bank holidays Signpost knows. NoRegion closes on none.
const (
	NoRegion Region = iota
	EnglandAndWales
	Scotland
	NorthernIreland
)

// Regions are the names the asset file writes, in order.
var Regions = map[string]Region{
	"england-and-wales": EnglandAndWales,
	"scotland":          Scotland,
	"northern-ireland":  NorthernIreland,
}

// String is the region's name as the asset file writes it.
func (r Region) String() string {
	for name, region := range Regions {
		if region == r {
			return name
		}
	}
	return ""
}

// Holiday reports whether d is a bank holiday in the region. They are
// worked out from the rules in the Banking and Financial Dealings Act and
// the proclamations that follow it every year (a holiday on a weekend
// moves to the next weekday free), not typed in; one-off holidays for a
// coronation or a jubilee are not known.
func (r Region) Holiday(d Date) bool {
	if r == NoRegion {
		return false
	}
	y := d.Year
	easter := easterSunday(y)
	holidays := []Date{
		easter.AddDays(-2), // Good Friday
		nthWeekday(y, time.May, time.Monday, 1),
		nthWeekday(y, time.May, time.Monday, -1),
	}
	newYear := Date{Year: y, Month: time.January, Day: 1}
	christmas := Date{Year: y, Month: time.December, Day: 25}
	switch r {
	case Scotland:
		holidays = append(holidays, pair(newYear)...)
		holidays = append(holidays, nthWeekday(y, time.August, time.Monday, 1),
			weekday(Date{Year: y, Month: time.November, Day: 30}))
	default:
		holidays = append(holidays, weekday(newYear), easter.AddDays(1), nthWeekday(y, time.August, time.Monday, -1))
	}
	if r == NorthernIreland {
		holidays = append(holidays, weekday(Date{Year: y, Month: time.March, Day: 17}), weekday(Date{Year: y, Month: time.July, Day: 12}))
	}
	holidays = append(holidays, pair(christmas)...)
	for _, h := range holidays {
		if h == d {
			return true
		}
	}
	return false
}

// weekday is d, or the Monday after when d falls at a weekend.
func weekday(d Date) Date {
	switch d.Weekday() {
	case time.Saturday:
		return d.AddDays(2)
	case time.Sunday:
		return d.AddDays(1)
	}
	return d
}

// pair is two holidays on d and the day after (Christmas and Boxing Day,
// New Year's Day and 2 January), each kept off the weekend and off the
// other.
func pair(d Date) []Date {
	switch d.Weekday() {
	case time.Friday:
		return []Date{d, d.AddDays(3)}
	case time.Saturday:
		return []Date{d.AddDays(2), d.AddDays(3)}
	case time.Sunday:
		return []Date{d.AddDays(1), d.AddDays(2)}
	}
	return []Date{d, d.AddDays(1)}
}

// nthWeekday is the nth day of the week in a month; -1 is the last.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) Date {
	if n < 0 {
		d := Date{Year: y, Month: m + 1, Day: 1}.AddDays(-1) // the month's last day; month 13 is next January
		for d.Weekday() != wd {
			d = d.AddDays(-1)
		}
		return d
	}
	d := Date{Year: y, Month: m, Day: 1}
	for d.Weekday() != wd {
		d = d.AddDays(1)
	}
	return d.AddDays(7 * (n - 1))
}

// easterSunday is Easter Day in the Gregorian calendar (the anonymous
// algorithm published in Nature in 1876).
func easterSunday(y int) Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{Year: y, Month: time.Month(month), Day: day}
}
