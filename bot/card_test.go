package bot

import (
	"testing"
	"time"
)

// TestCardTodayIsTheAreasToday: between midnight and 01:00 in summer a
// server on UTC is still on yesterday; the card must not be. Cards are
// written at the question's time in the area's zone, whatever zone the
// time came in.
func TestCardTodayIsTheAreasToday(t *testing.T) {
	loc := london(t)
	// 23:30 UTC on Tuesday 14 July is 00:30 on Wednesday 15 July in London.
	serverNow := time.Date(2026, 7, 14, 23, 30, 0, 0, time.UTC)
	a := &Asset{ID: "hall", Name: "Hall", Kind: "community-centre"}
	act := &Activity{ID: "walk", Name: "Walk", When: []Rule{{Days: []time.Weekday{time.Wednesday}, Start: 600, End: 720}}}
	o, ok := act.Next(serverNow, serverNow.Add(48*time.Hour), loc)
	if !ok {
		t.Fatal("no next walk")
	}
	r := Result{Asset: a, Activity: act, Next: &o.Start, End: &o.End}
	if got, want := card(r, serverNow.In(loc)).When, "Today (Wed 15 Jul), 10:00–12:00"; got != want {
		t.Errorf("When = %q, want %q", got, want)
	}
	// The times themselves are shown in the area's zone even when the
	// result's times come in another.
	utcStart, utcEnd := o.Start.UTC(), o.End.UTC()
	r.Next, r.End = &utcStart, &utcEnd
	if got, want := card(r, serverNow.In(loc)).When, "Today (Wed 15 Jul), 10:00–12:00"; got != want {
		t.Errorf("from UTC times: When = %q, want %q", got, want)
	}
}

func TestCard(t *testing.T) {
	loc := london(t)
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, loc)
	km := 1.0
	venue := &Asset{ID: "tea", Name: "Tea & Toast", Kind: "cafe", Address: "Owen Street, Tipton DY4 8EX", Postcode: "DY4 8EX", Reviewed: date("2026-09-01")}
	old := &Asset{ID: "old", Name: "Old Hall", Kind: "community-centre", Address: "High Street", Postcode: "B69 3DE", Reviewed: date("2025-11-01")}
	same := &Activity{ID: "tea", Name: "Tea & Toast", Cost: "free"}
	other := &Activity{ID: "bingo", Name: "Bingo", Cost: "£2"}
	tests := []struct {
		name string
		r    Result
		want Card
	}{
		{"an activity named as its venue is named once", Result{Asset: venue, Activity: same},
			Card{Title: "Tea & Toast", Name: "Tea & Toast", When: "Times vary: get in touch to ask", Cost: "Free", Where: "Owen Street, Tipton DY4 8EX"}},
		{"a postcode in the address is not repeated; one not in it is added", Result{Asset: old, Activity: other, DistanceKm: &km},
			Card{Title: "Bingo, Old Hall", Name: "Bingo", Venue: "Old Hall", When: "Times vary: get in touch to ask", Cost: "£2", Distance: "0.6 miles", Where: "High Street, B69 3DE", Stale: true}},
		{"a venue with its kind", Result{Asset: old},
			Card{Title: "Old Hall (community centre)", Name: "Old Hall", Where: "High Street, B69 3DE", Stale: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := card(tt.r, now); got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestStaleByTheAreasCalendar: an entry reviewed 365 days ago is due at
// the area's midnight, not the server's.
func TestStaleByTheAreasCalendar(t *testing.T) {
	loc := london(t)
	a := &Asset{ID: "a", Name: "A", Kind: "other", Reviewed: date("2025-07-15")}
	// 00:30 on 16 July 2026 in London, still 15 July on a UTC server:
	// 366 days after the review in the area, 365 on the server.
	now := time.Date(2026, 7, 15, 23, 30, 0, 0, time.UTC).In(loc)
	if !card(Result{Asset: a}, now).Stale {
		t.Error("not stale on the area's 366th day")
	}
}

func TestCosts(t *testing.T) {
	for cost, want := range map[string][2]bool{
		"free": {true, true}, "Free!": {true, true}, "free, donations welcome": {true, true}, "£0": {true, true},
		"freezer bags £1": {false, true}, "£3": {false, true}, "£3.50": {false, false}, "£5": {false, false},
		"pay as you feel": {false, true}, "£2 donation": {false, true}, "10p": {false, false},
	} {
		if got := [2]bool{isFree(cost), isCheap(cost)}; got != want {
			t.Errorf("%q: free, cheap = %v, want %v", cost, got, want)
		}
	}
}
