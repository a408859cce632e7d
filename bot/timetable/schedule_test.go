package timetable

import (
	"errors"
	"testing"
	"time"

	"signpost/bot"
)

// today is Thursday 3 December 2026.
var today = bot.Date{Year: 2026, Month: time.December, Day: 3}

// TestSchedule: timetables as organisers type them on a phone, read back
// as the bot would say them to check.
func TestSchedule(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"every other Tuesday 2 till 4", "Every other Tuesday from Tue 8 Dec, 14:00–16:00"},
		{"every other tuesday 2-4 from 1 dec", "Every other Tuesday from Tue 1 Dec, 14:00–16:00"},
		{"Every 2nd Tuesday from 1 Dec, 2pm to 4pm", "Every other Tuesday from Tue 1 Dec, 14:00–16:00"},
		{"first Monday of the month 7pm", ErrNoTime.Error()},
		{"first Monday of the month 7pm to 9pm", "The 1st Monday of the month, 19:00–21:00"},
		{"1st monday of every month 7-9pm", "The 1st Monday of the month, 19:00–21:00"},
		{"Saturdays 10-12 in term time", "Every Saturday, 10:00–12:00, in term time only"},
		{"saturdays 10 till 12 term time only", "Every Saturday, 10:00–12:00, in term time only"},
		{"Mondays 10-12 and Thursdays 2-4", "Every Monday, 10:00–12:00; Every Thursday, 14:00–16:00"},
		{"Mondays and Thursdays 10-12", "Every Monday and Thursday, 10:00–12:00"},
		{"10-12 on Mondays", "Every Monday, 10:00–12:00"},
		{"10am-12pm mondays, 2pm-4pm thursdays", "Every Monday, 10:00–12:00; Every Thursday, 14:00–16:00"},
		{"every tuesday 10:30-12:00", "Every Tuesday, 10:30–12:00"},
		{"Tuesdays 10.30am til 12", "Every Tuesday, 10:30–12:00"},
		{"tues 9:30 - 11", "Every Tuesday, 09:30–11:00"},
		{"Weds 1-3pm", "Every Wednesday, 13:00–15:00"},
		{"thurs 7 to 9", "Every Thursday, 19:00–21:00"},
		{"fridays 6.30pm to 8.30pm", "Every Friday, 18:30–20:30"},
		{"sat 10am - 1pm", "Every Saturday, 10:00–13:00"},
		{"Sundays 11-1", "Every Sunday, 11:00–13:00"},
		{"sun 2 till 5", "Every Sunday, 14:00–17:00"},
		{"weekdays 9 till 5", "Every weekday, 09:00–17:00"},
		{"Monday to Friday 9am-3pm", "Every weekday, 09:00–15:00"},
		{"weekends 10-4", "Every Saturday and Sunday, 10:00–16:00"},
		{"every day 8am to 10am", "Every day, 08:00–10:00"},
		{"daily 12-2", "Every day, 12:00–14:00"},
		{"fortnightly on thursdays 1-3pm", "Every other Thursday from Thu 3 Dec, 13:00–15:00"},
		{"fortnightly thursdays 1-3pm starting 10 December", "Every other Thursday from Thu 10 Dec, 13:00–15:00"},
		{"alternate Wednesdays 6-8pm", "Every other Wednesday from Wed 9 Dec, 18:00–20:00"},
		{"every 3 weeks on a friday 10-11", "Every 3 weeks on Friday from Fri 4 Dec, 10:00–11:00"},
		{"every six weeks on friday 10:30am to 11am", "Every 6 weeks on Friday from Fri 4 Dec, 10:30–11:00"},
		{"last thursday of the month 7.30-9.30pm", "The last Thursday of the month, 19:30–21:30"},
		{"2nd and 4th Friday 10am - 12pm", "The 2nd and 4th Friday of the month, 10:00–12:00"},
		{"1st & 3rd wednesday 1.30-3.30", "The 1st and 3rd Wednesday of the month, 13:30–15:30"},
		{"second saturday of the month 11am-12.30pm", "The 2nd Saturday of the month, 11:00–12:30"},
		{"third tuesday each month 2-4", "The 3rd Tuesday of the month, 14:00–16:00"},
		{"every first friday of each month 7pm-10pm", "The 1st Friday of the month, 19:00–22:00"},
		{"second to last sunday of the month 3-5pm", "The second last Sunday of the month, 15:00–17:00"},
		{"on Saturday 12 December 2-4pm", "On Sat 12 Dec, 14:00–16:00"},
		{"on Saturday 13 December 2-4pm", ErrDateDay.Error()},
		{"13 dec 2pm-4pm", "On Sun 13 Dec, 14:00–16:00"},
		{"Saturday 19th December, 10am till 2pm", "On Sat 19 Dec, 10:00–14:00"},
		{"December 31 8pm to 12am", "On Thu 31 Dec, 20:00–24:00"},
		{"on 6/1 10-12", "On Wed 6 Jan, 10:00–12:00"},
		{"on 06/01/2027 10-12", "On Wed 6 Jan, 10:00–12:00"},
		{"just once, 2 January 2027, 11am-3pm", "On Sat 2 Jan, 11:00–15:00"},
		{"every saturday from 9 january 10-12", "Every Saturday, 10:00–12:00, from Sat 9 Jan"},
		{"first Monday of the month 7pm to 9pm and Thursdays 2-4", "The 1st Monday of the month, 19:00–21:00; Every Thursday, 14:00–16:00"},
		{"on 29 Feb 10-12", ErrNoDay.Error()},
		{"Tuesday 29 February 2028 10-12", "On Tue 29 Feb, 10:00–12:00"},
		{"Mondays 7pm till 9pm, not on bank holidays", "Every Monday, 19:00–21:00, not on bank holidays"},
		{"mon 10-12 closed bank holidays", "Every Monday, 10:00–12:00, not on bank holidays"},
		{"tuesdays 9.30-11.30 term time, closed on bank holidays", "Every Tuesday, 09:30–11:30, in term time only, not on bank holidays"},
		{"Thursday evenings 7 till 9", "Every Thursday, 19:00–21:00"},
		{"noon to 2pm on fridays", "Every Friday, 12:00–14:00"},
		{"wednesdays 12 noon - 1.30pm", "Every Wednesday, 12:00–13:30"},
		{"fri 9pm-1am", "Every Friday, 21:00–01:00"},
		{"every Tuesday and Thursday 10am-11am", "Every Tuesday and Thursday, 10:00–11:00"},
		{"tuesdays, wednesdays and fridays 1-2", "Every Tuesday, Wednesday and Friday, 13:00–14:00"},
		{"Mon, Wed, Fri 6-7pm", "Every Monday, Wednesday and Friday, 18:00–19:00"},
		{"monthly on a sunday 2-4", ErrNoWeek.Error()},
		{"every tuesday", ErrNoTime.Error()},
		{"2 till 4", ErrNoDay.Error()},
		{"whenever we can", errNothing.Error()},
		{"ages 5-11 on saturdays", ErrNoTime.Error()},
		{"10-12 year olds, saturdays 10-11", "Every Saturday, 10:00–11:00"},
		{"", errNothing.Error()},
	} {
		s, err := reader.Schedule(c.text, today)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = Say(s)
		}
		if got != c.want {
			t.Errorf("Schedule(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzSchedule: any text reads without a panic into rules the asset file
// could hold, or into one of the questions to ask.
func FuzzSchedule(f *testing.F) {
	for _, s := range []string{"every other Tuesday 2 till 4", "first Monday of the month 7pm to 9pm", "Saturdays 10-12 in term time", "on 6/1 10-12", "31/2", "Mondays 10-12 and Thursdays 2-4", "December 99 1-2"} {
		f.Add(s)
	}
	known := []error{ErrNoTime, ErrNoDay, ErrNoWeek, ErrDateDay, errNothing}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := reader.Schedule(text, today)
		if err != nil {
			if !slicesContainsErr(known, err) {
				t.Fatalf("unknown error %v", err)
			}
			return
		}
		if len(s.Rules) == 0 {
			t.Fatalf("no rules and no error from %q", text)
		}
		for _, r := range s.Rules {
			if r.Start == r.End || r.Start < 0 || r.Start >= 24*60 || r.End < 0 || r.End > 24*60 {
				t.Fatalf("times %v-%v from %q", r.Start, r.End, text)
			}
			if r.Date.IsZero() && len(r.Days) == 0 {
				t.Fatalf("a rule with no day from %q", text)
			}
			if !r.Date.IsZero() && r.Date.AddDays(0) != r.Date {
				t.Fatalf("date %v is not on the calendar", r.Date)
			}
			if r.Every > 1 && (r.Starting.IsZero() || !r.On(r.Starting)) {
				t.Fatalf("every %d counted from %v, not a session, from %q", r.Every, r.Starting, text)
			}
		}
		if Say(s) == "" {
			t.Fatalf("nothing said of %q", text)
		}
	})
}

func slicesContainsErr(errs []error, err error) bool {
	for _, e := range errs {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
