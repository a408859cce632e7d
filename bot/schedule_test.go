package bot

import (
	"testing"
	"time"
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func date(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestActivityNext(t *testing.T) {
	loc := london(t)
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	weekly := func(day time.Weekday, start, end Clock) Rule {
		return Rule{Days: []time.Weekday{day}, Start: start, End: end}
	}
	tests := []struct {
		name      string
		act       Activity
		from      string
		wantStart string // "" means not on within the window
		wantEnd   string
	}{
		{"weekly, later today", Activity{When: []Rule{weekly(time.Tuesday, 600, 720)}}, "2026-11-24 09:00", "2026-11-24 10:00", "2026-11-24 12:00"},
		{"weekly, under way", Activity{When: []Rule{weekly(time.Tuesday, 600, 720)}}, "2026-11-24 11:00", "2026-11-24 10:00", "2026-11-24 12:00"},
		{"weekly, just finished", Activity{When: []Rule{weekly(time.Tuesday, 600, 720)}}, "2026-11-24 12:00", "2026-12-01 10:00", "2026-12-01 12:00"},
		{"first and third Monday", Activity{When: []Rule{{Days: []time.Weekday{time.Monday}, Weeks: []int{1, 3}, Start: 1140, End: 1260}}}, "2026-11-24 09:00", "2026-12-07 19:00", "2026-12-07 21:00"},
		{"last Monday", Activity{When: []Rule{{Days: []time.Weekday{time.Monday}, Weeks: []int{-1}, Start: 1140, End: 1260}}}, "2026-11-24 09:00", "2026-11-30 19:00", "2026-11-30 21:00"},
		{"second to last Friday", Activity{When: []Rule{{Days: []time.Weekday{time.Friday}, Weeks: []int{-2}, Start: 600, End: 660}}}, "2026-11-24 09:00", "2026-12-18 10:00", "2026-12-18 11:00"},
		{"fifth Monday skips months without one", Activity{When: []Rule{{Days: []time.Weekday{time.Monday}, Weeks: []int{5}, Start: 600, End: 660}}}, "2026-12-01 09:00", "2027-03-29 10:00", "2027-03-29 11:00"},
		{"fortnightly", Activity{When: []Rule{{Days: []time.Weekday{time.Thursday}, Every: 2, Starting: date("2026-11-05"), Start: 840, End: 930}}}, "2026-11-24 09:00", "2026-12-03 14:00", "2026-12-03 15:30"},
		{"three-weekly", Activity{When: []Rule{{Days: []time.Weekday{time.Thursday}, Every: 3, Starting: date("2026-11-05"), Start: 840, End: 930}}}, "2026-11-24 09:00", "2026-11-26 14:00", "2026-11-26 15:30"},
		{"three-weekly, after one", Activity{When: []Rule{{Days: []time.Weekday{time.Thursday}, Every: 3, Starting: date("2026-11-05"), Start: 840, End: 930}}}, "2026-11-27 09:00", "2026-12-17 14:00", "2026-12-17 15:30"},
		{"fortnightly, not before it starts", Activity{When: []Rule{{Days: []time.Weekday{time.Thursday}, Every: 2, Starting: date("2027-01-07"), Start: 840, End: 930}}}, "2026-11-24 09:00", "2027-01-07 14:00", "2027-01-07 15:30"},
		{"one-off", Activity{When: []Rule{{Date: date("2026-12-13"), Start: 840, End: 960}}}, "2026-11-24 09:00", "2026-12-13 14:00", "2026-12-13 16:00"},
		{"one-off in the past", Activity{When: []Rule{{Date: date("2026-11-13"), Start: 840, End: 960}}}, "2026-11-24 09:00", "", ""},
		{"season not started", Activity{When: []Rule{weekly(time.Tuesday, 600, 720)}, From: date("2027-01-05")}, "2026-11-24 13:00", "2027-01-05 10:00", "2027-01-05 12:00"},
		{"season over", Activity{When: []Rule{weekly(time.Tuesday, 600, 720)}, Until: date("2026-11-30")}, "2026-11-24 13:00", "", ""},
		{"except dates skipped", Activity{When: []Rule{weekly(time.Tuesday, 600, 720)}, Except: []Date{date("2026-12-01"), date("2026-12-08")}}, "2026-11-24 13:00", "2026-12-15 10:00", "2026-12-15 12:00"},
		{"earliest of two rules", Activity{When: []Rule{weekly(time.Wednesday, 1140, 1200), weekly(time.Wednesday, 600, 660)}}, "2026-11-24 13:00", "2026-11-25 10:00", "2026-11-25 11:00"},
		{"past midnight, under way", Activity{When: []Rule{weekly(time.Friday, 1320, 120)}}, "2026-11-28 01:00", "2026-11-27 22:00", "2026-11-28 02:00"},
		{"until midnight", Activity{When: []Rule{weekly(time.Friday, 1320, 1440)}}, "2026-11-24 01:00", "2026-11-27 22:00", "2026-11-28 00:00"},
		{"clocks go forward: last Sunday of March", Activity{When: []Rule{weekly(time.Sunday, 600, 720)}}, "2026-03-28 12:00", "2026-03-29 10:00", "2026-03-29 12:00"},
		{"clocks go back: last Sunday of October", Activity{When: []Rule{weekly(time.Sunday, 600, 720)}}, "2026-10-24 12:00", "2026-10-25 10:00", "2026-10-25 12:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := at(tt.from)
			o, ok := tt.act.Next(from, from.Add(horizon), loc)
			if tt.wantStart == "" {
				if ok {
					t.Fatalf("Next = %v, want nothing", o.Start)
				}
				return
			}
			if !ok {
				t.Fatalf("Next found nothing, want %s", tt.wantStart)
			}
			if !o.Start.Equal(at(tt.wantStart)) || !o.End.Equal(at(tt.wantEnd)) {
				t.Errorf("Next = %v to %v, want %s to %s", o.Start, o.End, tt.wantStart, tt.wantEnd)
			}
		})
	}
}

// The hour lost or gained at a clock change shows in the real length of a
// session that spans it, and in its UTC offset either side.
func TestClockChanges(t *testing.T) {
	loc := london(t)
	night := Activity{When: []Rule{{Days: []time.Weekday{time.Sunday}, Start: 0, End: 180}}}
	cases := []struct {
		day  string
		want time.Duration
	}{
		{"2026-03-29", 2 * time.Hour},
		{"2026-10-25", 4 * time.Hour},
		{"2026-11-01", 3 * time.Hour},
	}
	for _, c := range cases {
		from := date(c.day).At(0, loc)
		o, ok := night.Next(from, from.Add(24*time.Hour), loc)
		if !ok {
			t.Fatalf("%s: nothing found", c.day)
		}
		if got := o.End.Sub(o.Start); got != c.want {
			t.Errorf("%s: session lasts %v, want %v", c.day, got, c.want)
		}
	}
	morning := Activity{When: []Rule{{Days: []time.Weekday{time.Sunday}, Start: 600, End: 660}}}
	for day, wantUTC := range map[string]int{"2026-03-22": 10, "2026-03-29": 9, "2026-10-18": 9, "2026-10-25": 10} {
		from := date(day).At(0, loc)
		o, _ := morning.Next(from, from.Add(24*time.Hour), loc)
		if got := o.Start.UTC().Hour(); got != wantUTC {
			t.Errorf("%s 10:00 London = %d:00 UTC, want %d:00", day, got, wantUTC)
		}
	}
}

func TestNextOpen(t *testing.T) {
	loc := london(t)
	lib := Asset{Open: []Rule{{Days: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}, Start: 540, End: 1020}}}
	sat := date("2026-11-28").At(11*60, loc)
	o, ok := lib.NextOpen(sat, sat.Add(horizon), loc)
	if !ok || !o.Start.Equal(date("2026-11-30").At(540, loc)) {
		t.Errorf("open after Saturday = %v %v, want Mon 30 Nov 09:00", o.Start, ok)
	}
	if _, ok := (&Asset{}).NextOpen(sat, sat.Add(horizon), loc); ok {
		t.Error("a venue with no hours is never open")
	}
	if got := lib.OpenWeekdays(); len(got) != 5 || got[0] != time.Monday {
		t.Errorf("OpenWeekdays = %v", got)
	}
}

func TestWeekdays(t *testing.T) {
	act := Activity{When: []Rule{
		{Days: []time.Weekday{time.Thursday, time.Monday}},
		{Days: []time.Weekday{time.Monday}},
		{Date: date("2026-12-13")},
	}}
	got := act.Weekdays()
	want := []time.Weekday{time.Sunday, time.Monday, time.Thursday}
	if len(got) != len(want) {
		t.Fatalf("Weekdays = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Weekdays = %v, want %v", got, want)
		}
	}
}
