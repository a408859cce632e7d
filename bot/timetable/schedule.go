package timetable

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"signpost/bot"
)

// Schedule is a timetable a person wrote in plain words, as the asset
// file holds it.
type Schedule struct {
	Rules []bot.Rule
	// From is the day a weekly timetable starts, when it says ("every
	// Saturday from 9 January").
	From bot.Date
	// TermTime and NoBankHolidays are said of the whole timetable.
	TermTime, NoBankHolidays bool
}

// What a timetable in plain words can lack, worded as the question to ask
// the person.
var (
	ErrNoTime  = errors.New("what time does it start and finish? For example \"2pm to 4pm\"")
	ErrNoDay   = errors.New("which day is it on? For example \"every Tuesday\" or \"on Saturday 12 December\"")
	ErrNoWeek  = errors.New("which week of the month is it? For example \"the first Monday of the month\"")
	ErrDateDay = errors.New("that date falls on another day of the week; which is right, the day or the date?")
	errNothing = errors.New("when is it? For example \"every other Tuesday 2 till 4\"")
)

// Schedule reads a timetable written in plain words: "every other Tuesday
// 2 till 4", "first Monday of the month 7pm to 9pm", "Saturdays 10-12 in
// term time", "Mondays 10-12 and Thursdays 2-4", "on Saturday 12 December
// 2-4pm". Every n weeks counts from the date it says it starts, or from
// the first such day from today. The error, when there is one, is the
// question to ask.
func (r *Reader) Schedule(text string, today bot.Date) (Schedule, error) {
	lower := strings.ToLower(text)
	whole := r.Read(text)
	s := Schedule{TermTime: whole.TermTime, NoBankHolidays: whole.NoBankHolidays}
	spans := r.spans(lower, true)
	if len(spans) == 0 {
		if whole.Found() {
			return s, ErrNoTime
		}
		return s, errNothing
	}
	start, hasStart := r.startDate(lower, today, spans)
	used := 0
	for i, sp := range spans {
		// Each time goes with the days named before it, or else after it;
		// the words of its own part of the text say how often.
		part := lower[used:]
		if i+1 < len(spans) {
			part = lower[used:spans[i+1].at]
		}
		days := r.daysIn(lower[used:sp.at])
		if len(days) == 0 {
			next := len(lower)
			if i+1 < len(spans) {
				next = spans[i+1].at
			}
			days = r.daysIn(lower[sp.to:next])
			used = next
		} else {
			used = sp.to
		}
		p := r.Read(part)
		rule := bot.Rule{Days: days, Start: sp.start, End: sp.end}
		recurs := p.Every > 0 || len(p.Weeks) > 0 || p.Monthly || r.weekly(part)
		if hasStart && !recurs && len(days) == 1 && days[0] != start.Weekday() {
			return s, ErrDateDay
		}
		switch {
		case hasStart && !recurs && (len(days) == 0 || days[0] == start.Weekday()):
			rule = bot.Rule{Date: start, Start: sp.start, End: sp.end}
		case len(days) == 0:
			return s, ErrNoDay
		case len(p.Weeks) > 0:
			rule.Weeks = p.Weeks
		case p.Every > 1:
			from := today
			if hasStart {
				from = start
			}
			rule.Every, rule.Starting = p.Every, from.OnOrAfter(days)
		case p.Monthly:
			return s, ErrNoWeek
		case hasStart:
			s.From = start
		}
		s.Rules = append(s.Rules, rule)
	}
	return s, nil
}

// weekly reports whether text says a day recurs: "every Tuesday",
// "Tuesdays", "weekdays".
func (r *Reader) weekly(lower string) bool {
	for _, t := range tokens(lower) {
		m, isDay := r.phrases[t]
		_, isGroup := r.groups[t]
		if t == "every" || t == "each" || isGroup || isDay && m.kind == weekday && strings.HasSuffix(t, "days") {
			return true
		}
	}
	return false
}

// daysIn are the days of the week a piece of text names, "weekdays" and
// the like included.
func (r *Reader) daysIn(lower string) []time.Weekday {
	var days []time.Weekday
	toks := tokens(lower)
	for i := 0; i < len(toks); i++ {
		if group, n := r.dayGroup(toks[i:]); n > 0 {
			days = append(days, group...)
			i += n - 1
			continue
		}
		if m, ok := r.phrases[toks[i]]; ok && m.kind == weekday {
			days = append(days, time.Weekday(m.n))
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}

// dayGroup is the group of days toks start with ("weekdays"), and how
// many words name it.
func (r *Reader) dayGroup(toks []string) ([]time.Weekday, int) {
	for n := min(4, len(toks)); n > 0; n-- {
		if g, ok := r.groups[strings.Join(toks[:n], " ")]; ok {
			return g, n
		}
	}
	return nil, 0
}

// datePattern finds a date: "1 Dec", "1st December 2026", "December 1",
// "1/12", "01/12/2026".
var datePattern = regexp.MustCompile(`\b(?:(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]+)(?:\s+(\d{4}))?|([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?)\b`)

// startDate is the date the text says it starts or happens on, the next
// such day from today when it gives no year.
func (r *Reader) startDate(lower string, today bot.Date, spans []span) (bot.Date, bool) {
	for pos := 0; pos < len(lower); {
		at := datePattern.FindStringSubmatchIndex(lower[pos:])
		if at == nil {
			break
		}
		base := pos
		pos = base + at[0] + 1
		if base+at[0] > 0 && isLetterOrDigit(lower[base+at[0]-1]) {
			continue
		}
		if slices.ContainsFunc(spans, func(sp span) bool { return base+at[0] < sp.to && sp.at < base+at[1] }) {
			continue // "feb 10-12": the 10 is a time
		}
		m := make([]string, len(at)/2)
		for i := range m {
			if at[2*i] >= 0 {
				m[i] = lower[base+at[2*i] : base+at[2*i+1]]
			}
		}
		var day, month, year int
		switch {
		case m[1] != "":
			day, month = atoi(m[1]), r.months[m[2]]
			year = atoi(m[3])
		case m[4] != "":
			month, day = r.months[m[4]], atoi(m[5])
			year = atoi(m[6])
		default:
			day, month, year = atoi(m[7]), atoi(m[8]), atoi(m[9])
			if year > 0 && year < 100 {
				year += 2000
			}
		}
		if month < 1 || month > 12 || day < 1 || day > 31 {
			continue
		}
		y := year
		if y == 0 {
			y = today.Year
		}
		d := bot.Date{Year: y, Month: time.Month(month), Day: day}
		if d.AddDays(0) != d {
			continue // 31 November
		}
		// "from 1 Dec" written on the 3rd means this year; a date months
		// gone means next year's.
		if year == 0 && d.Before(today.AddDays(-recentDays)) {
			d.Year++
			if d.AddDays(0) != d {
				continue // 29 February, next year
			}
		}
		return d, true
	}
	return bot.Date{}, false
}

// recentDays is how far back a date with no year is still this year's.
const recentDays = 60

func isLetterOrDigit(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Say writes a schedule back in words, so the person can check it was
// understood: "Every other Tuesday from Tue 1 Dec, 14:00–16:00".
func Say(s Schedule) string {
	var parts []string
	for _, r := range s.Rules {
		span := r.Start.String() + "–" + r.End.String()
		switch {
		case !r.Date.IsZero():
			parts = append(parts, "On "+dateText(r.Date)+", "+span)
		case len(r.Weeks) > 0:
			parts = append(parts, "The "+ordinalsText(r.Weeks)+" "+daysText(r.Days, false)+" of the month, "+span)
		case r.Every == 2:
			parts = append(parts, "Every other "+daysText(r.Days, false)+" from "+dateText(r.Starting)+", "+span)
		case r.Every > 2:
			parts = append(parts, fmt.Sprintf("Every %d weeks on %s from %s, %s", r.Every, daysText(r.Days, false), dateText(r.Starting), span))
		default:
			parts = append(parts, "Every "+daysText(r.Days, true)+", "+span)
		}
	}
	out := strings.Join(parts, "; ")
	if !s.From.IsZero() {
		out += ", from " + dateText(s.From)
	}
	if s.TermTime {
		out += ", in term time only"
	}
	if s.NoBankHolidays {
		out += ", not on bank holidays"
	}
	return out
}

func dateText(d bot.Date) string {
	return d.Weekday().String()[:3] + " " + strconv.Itoa(d.Day) + " " + d.Month.String()[:3]
}

func daysText(days []time.Weekday, groups bool) string {
	if groups && slices.Equal(days, []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}) {
		return "weekday"
	}
	if groups && len(days) == 7 {
		return "day"
	}
	// Sunday is said last, as people say the week.
	ordered := slices.Clone(days)
	if len(ordered) > 1 && ordered[0] == time.Sunday {
		ordered = append(ordered[1:], time.Sunday)
	}
	names := make([]string, len(ordered))
	for i, d := range ordered {
		names[i] = d.String()
	}
	return list(names)
}

func ordinalsText(weeks []int) string {
	names := make([]string, len(weeks))
	for i, w := range weeks {
		names[i] = Ordinal(w)
	}
	return list(names)
}

// Ordinal names a week of the month as the asset file counts them: "1st",
// "2nd", "last" for -1, "second last" for -2.
func Ordinal(w int) string {
	switch w {
	case -1:
		return "last"
	case -2:
		return "second last"
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return strconv.Itoa(w) + "th"
}

// list joins names as a sentence does: "a", "a and b", "a, b and c".
func list(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
