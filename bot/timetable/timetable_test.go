package timetable

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"signpost/bot"
	"signpost/bot/words"
)

var reader = New(words.Builtin())

// want writes a Pattern briefly: "days=mon weeks=2,4 every=2 monthly
// term 10:00-12:00".
func brief(p Pattern) string {
	var parts []string
	if len(p.Days) > 0 {
		var ds []string
		for _, d := range p.Days {
			ds = append(ds, strings.ToLower(d.String()[:3]))
		}
		parts = append(parts, "days="+strings.Join(ds, ","))
	}
	if len(p.Weeks) > 0 {
		var ws []string
		for _, w := range p.Weeks {
			ws = append(ws, fmt.Sprint(w))
		}
		parts = append(parts, "weeks="+strings.Join(ws, ","))
	}
	if p.Every > 0 {
		parts = append(parts, fmt.Sprintf("every=%d", p.Every))
	}
	if p.Monthly {
		parts = append(parts, "monthly")
	}
	if p.TermTime {
		parts = append(parts, "term")
	}
	if p.NoBankHolidays {
		parts = append(parts, "not-bank-holidays")
	}
	if p.Timed {
		parts = append(parts, clock(p.Start)+"-"+clock(p.End))
	}
	return strings.Join(parts, " ")
}

func clock(c bot.Clock) string { return fmt.Sprintf("%02d:%02d", c/60, c%60) }

// TestRead: descriptions as councils' and providers' listings write them.
func TestRead(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Meets on the 2nd Monday of the month.", "days=mon weeks=2"},
		{"Last Thursday of every month, 7pm-9pm", "days=thu weeks=-1 19:00-21:00"},
		{"2nd and 4th Friday 10am - 12pm", "days=fri weeks=2,4 10:00-12:00"},
		{"1st, 3rd and 5th Tuesday of each month", "days=tue weeks=1,3,5"},
		{"First & third Wednesdays, 1.30-3.30pm", "days=wed weeks=1,3 13:30-15:30"},
		{"Every first Friday of each month", "days=fri weeks=1"},
		{"Second Saturday of the month | 11am-12.30pm", "days=sat weeks=2 11:00-12:30"},
		{"second to last Friday of the month", "days=fri weeks=-2"},
		{"Fortnightly on Tuesdays, 2 till 4", "days=tue every=2 14:00-16:00"},
		{"Every other Tuesday 2 till 4", "days=tue every=2 14:00-16:00"},
		{"every 2nd Tuesday, 10:00-11:30", "days=tue every=2 10:00-11:30"},
		{"Alternate Mondays from 6.30pm to 8pm", "days=mon every=2 18:30-20:00"},
		{"Every six weeks on Friday starting 24 July 2026 until 28 August 2026: 10:30am to 11:00am", "days=fri every=6 10:30-11:00"},
		{"Every three weeks, Thursday mornings", "days=thu every=3"},
		{"9.30am-11.30am Thursdays, Term-time", "days=thu term 09:30-11:30"},
		{"Term time only. Mondays 9:30 to 11:30", "days=mon term 09:30-11:30"},
		{"Runs during term time (not in school holidays)", "term"},
		{"Closed during school holidays", "term"},
		{"Monthly coffee morning", "monthly"},
		{"We meet once a month on a Sunday", "days=sun monthly"},
		{"Mondays and Thursdays 10-12pm", "days=mon,thu 10:00-12:00"},
		{"Every Wednesday 19:00–21:00", "days=wed 19:00-21:00"},
		{"Saturdays 10-12 in term time", "days=sat term"},
		{"Saturdays 10 till 12 in term time", "days=sat term 10:00-12:00"},
		{"Open 10am to 4pm weekdays", "10:00-16:00"},
		{"11-1pm, Fridays", "days=fri 11:00-13:00"},
		{"noon to 2pm on the last Sunday", "days=sun weeks=-1 12:00-14:00"},
		{"12 noon - 1.30pm lunch club", "12:00-13:30"},
		{"Evenings 7.30pm-9.30pm", "19:30-21:30"},
		{"6pm-12am", "18:00-24:00"},
		{"10pm to 1am on Fridays", "days=fri 22:00-01:00"},
		{"Ages 5-11, Saturday mornings", "days=sat"},
		{"For 10-12 year olds", ""},
		{"for children aged 2 to 4", ""},
		{"First come, first served", ""},
		{"Our 2nd floor room, open Monday", "days=mon"},
		{"Last orders at the bar 10.45", ""},
		{"A friendly group for anyone who wants to chat.", ""},
		{"Drop in every Monday", "days=mon"},
		{"2nd Mon of the month, 2pm–4pm", "days=mon weeks=2 14:00-16:00"},
		{"On the 1st and 3rd Wednesday", "days=wed weeks=1,3"},
		{"last Friday and first Monday of the month", "days=mon,fri weeks=-1,1"},
		{"Meets the second Tuesday of every month at St Mary's", "days=tue weeks=2"},
		{"every 4 weeks on a Thursday", "days=thu every=4"},
		{"Bi-weekly, Wednesday evenings", "days=wed every=2"},
		{"Runs every month", "monthly"},
		{"Weds 1-3pm", "days=wed 13:00-15:00"},
		{"Thurs 9:30am - 11am", "days=thu 09:30-11:00"},
		{"10:00:00 to 12:00:00", "10:00-12:00"},
		{"", ""},
		{"Mondays 10-12pm, closed on bank holidays", "days=mon not-bank-holidays 10:00-12:00"},
		{"Every Tuesday in term time, except bank holidays", "days=tue term not-bank-holidays"},
	} {
		if got := brief(reader.Read(c.text)); got != c.want {
			t.Errorf("Read(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFound: a pattern knows whether anything was read.
func TestFound(t *testing.T) {
	if reader.Read("A warm welcome for all").Found() {
		t.Error("plain text found a time")
	}
	if !reader.Read("fortnightly").Found() {
		t.Error("fortnightly not found")
	}
}

// FuzzRead: any text reads without a panic, and what is read is a
// pattern the asset file could hold.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"2nd and 4th Friday 10am-12pm", "every other Tuesday 2 till 4", "term time only", "11-1pm", "noon to midday", "−1 FR", "1st, 3rd & 5th Tues of the month"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := reader.Read(s)
		for _, w := range p.Weeks {
			if w == 0 || w > 5 || w < -2 {
				t.Fatalf("week %d from %q", w, s)
			}
		}
		if !slices.IsSorted(p.Days) || slices.ContainsFunc(p.Days, func(d time.Weekday) bool { return d < 0 || d > 6 }) {
			t.Fatalf("days %v from %q", p.Days, s)
		}
		if p.Timed && (p.Start < 0 || p.Start >= 24*60 || p.End < 0 || p.End > 24*60 || p.Start == p.End) {
			t.Fatalf("span %d-%d from %q", p.Start, p.End, s)
		}
	})
}
