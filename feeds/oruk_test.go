package feeds

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"signpost/bot"
)

// london is the sample area's zone; now is a Thursday in December.
var (
	london, _ = time.LoadLocation("Europe/London")
	now       = time.Date(2026, 12, 3, 12, 0, 0, 0, london)
)

func options() Options {
	return Options{Location: london, Now: now, Fetcher: &Fetcher{Backoff: time.Millisecond}}
}

// rules writes rules briefly: "tue 10:00-12:00", "mon w2 10:00-11:30",
// "thu /2 from 2026-11-05 13:00-16:00", "2026-12-13 14:00-16:00".
func rules(rs []bot.Rule) string {
	var out []string
	for _, r := range rs {
		var parts []string
		if !r.Date.IsZero() {
			parts = append(parts, r.Date.String())
		}
		var days []string
		for _, d := range r.Days {
			days = append(days, strings.ToLower(d.String()[:3]))
		}
		if len(days) > 0 {
			parts = append(parts, strings.Join(days, ","))
		}
		for _, w := range r.Weeks {
			parts = append(parts, fmt.Sprintf("w%d", w))
		}
		if r.Every > 1 {
			parts = append(parts, fmt.Sprintf("/%d from %s", r.Every, r.Starting))
		}
		parts = append(parts, r.Start.String()+"-"+r.End.String())
		out = append(out, strings.Join(parts, " "))
	}
	return strings.Join(out, "; ")
}

func find(t *testing.T, f *Feed, name string) (*bot.Asset, *bot.Activity) {
	t.Helper()
	for i := range f.Assets {
		a := &f.Assets[i]
		for j := range a.Activities {
			if a.Activities[j].Name == name {
				return a, &a.Activities[j]
			}
		}
	}
	t.Fatalf("no activity %q", name)
	return nil, nil
}

// TestORUKVersion1Page: an Outpost-style page, byte-order mark, HTML,
// placeholder emails, ages of -1, prices as strings and all, becomes
// venues and activities with the times the descriptions say.
func TestORUKVersion1Page(t *testing.T) {
	f, err := ReadORUK(context.Background(), "testdata/oruk/v1-page.json", options())
	if err != nil {
		t.Fatal(err)
	}
	if f.Read != 7 || f.Inactive != 1 || f.NoPlace != 1 {
		t.Errorf("read %d, inactive %d, no place %d; want 7 (one listed twice), 1, 1", f.Read, f.Inactive, f.NoPlace)
	}
	if len(f.Assets) != 4 {
		t.Errorf("%d venues, want library, church hall, shed, community centre", len(f.Assets))
	}

	lib, knit := find(t, f, "Knit and Natter")
	if lib.Name != "Oldbury Library" || lib.Kind != "library" || lib.Postcode != "B69 3DE" || lib.Point == nil || lib.Address != "Freeth Street, Oldbury" {
		t.Errorf("library = %+v", lib)
	}
	if len(lib.Activities) != 2 || lib.Email != "" || lib.Phone != "" {
		t.Errorf("library has %d activities, email %q, phone %q; want 2 and no contact of one service's on the venue", len(lib.Activities), lib.Email, lib.Phone)
	}
	if knit.Description != "Bring your knitting & crochet, or come and learn., Tea provided." && knit.Description != "Bring your knitting & crochet, or come and learn. Tea provided." {
		t.Errorf("description = %q", knit.Description)
	}
	if got := rules(knit.When); got != "tue 10:00-12:00" {
		t.Errorf("knit when = %s", got)
	}
	if knit.Cost != "free" || knit.Ages.Text != "18+" || strings.Join(knit.Tags, ",") != "arts and crafts,social" {
		t.Errorf("knit cost %q ages %q tags %v", knit.Cost, knit.Ages.Text, knit.Tags)
	}
	if len(knit.Except) != 2 || knit.Except[0].String() != "2026-12-22" || knit.Except[1].String() != "2026-12-29" {
		t.Errorf("knit except = %v, want the two Tuesdays of the closure", knit.Except)
	}
	if lib.Reviewed.String() != "2026-05-01" {
		t.Errorf("library reviewed %s, want the older of its services' dates", lib.Reviewed)
	}

	_, carers := find(t, f, "Carers’ Coffee Morning")
	if got := rules(carers.When); got != "mon w2 10:00-11:30" {
		t.Errorf("carers when = %s, want the 2nd Monday the description says, not every Monday", got)
	}
	if carers.Cost != "free" {
		t.Errorf("carers cost = %q", carers.Cost)
	}

	hall, toddler := find(t, f, "Toddler Time")
	if got := rules(toddler.When); got != "wed 09:30-11:00" || !toddler.TermTime || f.Notes[hall.ID+"/"+toddler.ID] != "" {
		t.Errorf("toddler when = %s, term time %v, note %q; want Wednesdays in term time", got, toddler.TermTime, f.Notes[hall.ID+"/"+toddler.ID])
	}
	if toddler.Ages.Text != "0-5" || hall.Kind != "community-centre" || hall.Point != nil || hall.Postcode != "B68 8HY" {
		t.Errorf("toddler ages %q, hall %+v", toddler.Ages.Text, hall)
	}

	shed, men := find(t, f, "Men's Shed")
	if got := rules(men.When); got != "thu /2 from 2026-11-05 13:00-16:00" {
		t.Errorf("shed when = %s", got)
	}
	if men.Cost != "£4 (a session, tea included)" || shed.Email != "" || !strings.Contains(shed.Address, "area only") || shed.Postcode != "B69" {
		t.Errorf("shed cost %q, email %q, address %q, postcode %q", men.Cost, shed.Email, shed.Address, shed.Postcode)
	}

	cc, youth := find(t, f, "Youth Club")
	if got := rules(youth.When); got != "fri 18:30-20:30" {
		t.Errorf("youth when = %s, want the time the description gives", got)
	}
	if youth.Ages.Text != "11-18" || cc.Kind != "community-centre" || cc.Website != "" {
		t.Errorf("youth ages %q, centre %+v", youth.Ages.Text, cc)
	}
	if ids := map[string]bool{}; true {
		for _, a := range f.Assets {
			if ids[a.ID] {
				t.Errorf("id %s twice", a.ID)
			}
			ids[a.ID] = true
		}
	}
}

// TestORUKVersion3Service: one full 3.0 service: GeoJSON coordinates,
// addresses[], "freq: week", a Unicode minus in byday, times ending in Z
// read as the wall clock, a past row dropped, and a description that
// mentions a different day left for the rows to decide.
func TestORUKVersion3Service(t *testing.T) {
	f, err := ReadORUK(context.Background(), "testdata/oruk/v3-service.json", options())
	if err != nil {
		t.Fatal(err)
	}
	lib, cafe := find(t, f, "Chatty Café")
	if lib.Point == nil || lib.Point.Lat != 52.5298 || lib.Point.Lon != -2.0712 || lib.Postcode != "DY4 8QL" {
		t.Errorf("venue = %+v", lib)
	}
	if got := rules(cafe.When); got != "thu 09:30-10:30; wed w2 19:00-21:00; mon w-1 19:00-21:00" {
		t.Errorf("when = %s", got)
	}
	if lib.Email != "" || lib.Website != "https://example.org/chatty" || cafe.Cost != "£1.50 (for a cup of tea)" || cafe.Ages.Text != "" {
		t.Errorf("email %q website %q cost %q ages %q", lib.Email, lib.Website, cafe.Cost, cafe.Ages.Text)
	}
	if lib.Reviewed.String() != "2026-09-30" || strings.Join(cafe.Tags, ",") != "loneliness" {
		t.Errorf("reviewed %s tags %v", lib.Reviewed, cafe.Tags)
	}
}

// TestLongFees: fees with no space to cut at, or with letters of more
// than one byte, are shortened without a panic or a broken character.
func TestLongFees(t *testing.T) {
	for _, fees := range []string{strings.Repeat("x", 130), strings.Repeat("é", 100), "https://example.org/" + strings.Repeat("a", 200)} {
		got := orukCost(&orukService{Fees: fees})
		if !utf8.ValidString(got) || len(got) > 130 || !strings.HasSuffix(got, "…") {
			t.Errorf("orukCost(%d bytes) = %q", len(fees), got)
		}
	}
}

// TestFortnightlyOnTwoDays: FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH from a
// Wednesday is on the Thursday of that week, then the Monday and
// Thursday a fortnight on, as iCal counts weeks from Monday.
func TestFortnightlyOnTwoDays(t *testing.T) {
	r := newReader(options())
	rules, unsure, _ := r.orukRow(orukSchedule{Freq: "WEEKLY", Interval: number{Value: 2, Valid: true}, Byday: "MO,TH", Dtstart: "2027-01-06", OpensAt: "10:00", ClosesAt: "11:00"})
	if unsure != "" || len(rules) != 1 {
		t.Fatalf("%v %q", rules, unsure)
	}
	var on []string
	for d := (bot.Date{Year: 2027, Month: 1, Day: 6}); d.Before(bot.Date{Year: 2027, Month: 2, Day: 1}); d = d.AddDays(1) {
		if rules[0].On(d) && !d.Before(bot.Date{Year: 2027, Month: 1, Day: 6}) {
			on = append(on, d.String()[5:])
		}
	}
	if got := strings.Join(on, " "); got != "01-07 01-18 01-21" {
		t.Errorf("on %s, want 01-07 01-18 01-21", got)
	}
}

// TestSeasonsOverlap: windows that overlap leave no false gap, and the
// export splits around excepted dates in any order.
func TestSeasonsOverlap(t *testing.T) {
	r := newReader(options())
	d := func(s string) bot.Date { v, _ := bot.ParseDate(s); return v }
	mon := bot.Rule{Days: []time.Weekday{time.Monday}, Start: 600, End: 660}
	_, from, until, except := r.seasons([]window{
		{rule: mon, from: d("2027-01-01"), until: d("2027-06-30")},
		{rule: mon, from: d("2027-02-01"), until: d("2027-02-28")},
		{rule: mon, from: d("2027-04-01"), until: d("2027-05-31")},
		{rule: mon, from: d("2027-07-06"), until: d("2027-07-31")},
	})
	if fmt.Sprint(except) != "[2027-07-05]" || from.String() != "2027-01-01" || until.String() != "2027-07-31" {
		t.Errorf("from %s until %s except %v; want only the Monday in the gap after June, none in March", from, until, except)
	}
	ws := splitAround(mon, d("2027-01-01"), d("2027-12-31"), []bot.Date{d("2027-03-15"), d("2027-03-01")})
	if len(ws) != 3 || ws[0].until.String() != "2027-02-28" || ws[1].from.String() != "2027-03-02" || ws[1].until.String() != "2027-03-14" {
		t.Errorf("windows = %+v", ws)
	}
}

// TestFeedsWithImpossibleTimes: a season that ends before it starts, and
// a session that starts at the end of the day, found by fuzzing in CI:
// the activity is listed without times, and the file is one check takes.
func TestFeedsWithImpossibleTimes(t *testing.T) {
	oa, err := ReadOpenActive(context.Background(), []string{"testdata/openactive/v2-dates-backwards.json"}, options())
	if err != nil {
		t.Fatal(err)
	}
	checkFeed(t, oa)
	oruk, err := ReadORUK(context.Background(), "testdata/oruk/v3-dates-backwards.json", options())
	if err != nil {
		t.Fatal(err)
	}
	checkFeed(t, oruk)
	if len(oa.Notes) != 2 || len(oruk.Notes) != 1 {
		t.Errorf("notes: %v %v; want each impossible timetable explained", oa.Notes, oruk.Notes)
	}
}
