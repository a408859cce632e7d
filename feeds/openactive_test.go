package feeds

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestOpenActiveVersion1: a 2020-style page: "type" and "id" without
// "@", a schedule with days and no times, so the sessions give the dates,
// each turned from UTC into the area's time; a cancelled session and a
// deleted series left out.
func TestOpenActiveVersion1(t *testing.T) {
	f, err := ReadOpenActive(context.Background(), []string{"testdata/openactive/v1-page.json"}, options())
	if err != nil {
		t.Fatal(err)
	}
	if f.Read != 2 || f.NoPlace != 1 || f.Licence != "https://creativecommons.org/licenses/by/4.0/" {
		t.Errorf("read %d, no place %d, licence %q", f.Read, f.NoPlace, f.Licence)
	}
	centre, aqua := find(t, f, "Aqua Fit")
	if got := rules(aqua.When); got != "2026-12-07 10:00-10:45; 2026-12-09 10:00-10:45" {
		t.Errorf("when = %s, want the two sessions from today on that are not cancelled", got)
	}
	if aqua.Credit != "Listing from v1-page.json, CC BY 4.0" {
		t.Errorf("credit = %q", aqua.Credit)
	}
	if aqua.Cost != "from £3.90" || strings.Join(aqua.Tags, ",") != "aqua aerobics" || centre.Postcode != "DY4 7NR" || centre.Point == nil {
		t.Errorf("cost %q tags %v venue %+v", aqua.Cost, aqua.Tags, centre)
	}
}

// TestOpenActiveVersion2: "@type" and "@id", a weekly schedule with its
// season and excepted dates (one an instant, one a date), an iCal "1SU"
// monthly, a price as a string, a cancelled series, and a term-time
// series kept for the area's terms to decide.
func TestOpenActiveVersion2(t *testing.T) {
	f, err := ReadOpenActive(context.Background(), []string{"testdata/openactive/v2-page.json"}, options())
	if err != nil {
		t.Fatal(err)
	}
	if f.Read != 4 || f.Inactive != 1 || f.NoPlace != 0 || len(f.Assets) != 2 {
		t.Errorf("read %d, inactive %d, no place %d, %d venues", f.Read, f.Inactive, f.NoPlace, len(f.Assets))
	}
	hall, netball := find(t, f, "Walking Netball")
	if got := rules(netball.When); got != "thu 11:00-14:00" || netball.From.String() != "2026-09-03" || netball.Until.String() != "2027-07-15" {
		t.Errorf("when = %s from %s until %s", got, netball.From, netball.Until)
	}
	if fmt.Sprint(netball.Except) != "[2026-12-24 2026-12-31]" {
		t.Errorf("except = %v", netball.Except)
	}
	if netball.Cost != "£4.50" || netball.Ages.Text != "16+" || strings.Join(netball.Tags, ",") != "walking netball,netball" ||
		netball.Credit != "Listing from Oldbury Netball Club, CC BY 4.0" ||
		netball.Booking != "book at https://playwaze.example/book/1" || netball.Description != "A gentle version of netball – no running!" {
		t.Errorf("netball = %+v", netball)
	}
	_, badminton := find(t, f, "Family Badminton")
	if got := rules(badminton.When); got != "sun w1 14:00-16:00" || badminton.Cost != "free" || badminton.Ages.Text != "" {
		t.Errorf("badminton when %s cost %q ages %q", got, badminton.Cost, badminton.Ages.Text)
	}
	if len(hall.Activities) != 2 {
		t.Errorf("the sports hall has %d activities, want both series held there", len(hall.Activities))
	}
	centre, tots := find(t, f, "Term Time Tots Gym")
	if got := rules(tots.When); got != "tue 09:30-10:15" || !tots.TermTime || f.Notes[centre.ID+"/"+tots.ID] != "" {
		t.Errorf("tots when %s, term time %v, note %q", got, tots.TermTime, f.Notes[centre.ID+"/"+tots.ID])
	}
}

// fakeRPDE serves a session-series feed over three pages (the last empty,
// its next itself) and a scheduled-sessions feed, on 127.0.0.1.
type fakeRPDE struct {
	mu   sync.Mutex
	hits map[string]int
	// failPage answers that page with 500 every time.
	failPage string
}

func (s *fakeRPDE) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.RequestURI()]++
	s.mu.Unlock()
	page := r.URL.Query().Get("page")
	if r.URL.Path+"?page="+page == s.failPage {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	series := func(id, name, day string) map[string]any {
		return map[string]any{"id": id, "kind": "SessionSeries", "state": "updated", "data": map[string]any{
			"@type": "SessionSeries", "@id": "https://feed.example/series/" + id, "name": name,
			"location":      map[string]any{"@type": "Place", "@id": "place-1", "name": "Tipton Library", "geo": map[string]any{"latitude": 52.5298, "longitude": -2.0712}},
			"eventSchedule": []any{map[string]any{"byDay": []string{"https://schema.org/" + day}, "startTime": "10:00", "endTime": "11:00", "repeatFrequency": "P1W"}},
		}}
	}
	self := "http://" + r.Host + r.URL.RequestURI()
	var body map[string]any
	switch r.URL.Path + "?page=" + page {
	case "/series?page=":
		body = map[string]any{"items": []any{series("1", "Chess Club", "Monday"), series("2", "Scrabble", "Tuesday")}, "next": "/series?page=2"}
	case "/series?page=2":
		body = map[string]any{"items": []any{series("1", "Chess and Draughts Club", "Monday"), series("3", "Bridge", "Friday"),
			map[string]any{"id": "2", "kind": "SessionSeries", "state": "deleted"}}, "next": "http://" + r.Host + "/series?page=3"}
	case "/series?page=3":
		body = map[string]any{"items": []any{}, "next": self, "license": "https://creativecommons.org/licenses/by/4.0/"}
	case "/sessions?page=":
		session := func(id, series, start, end string) map[string]any {
			return map[string]any{"id": id, "kind": "ScheduledSession", "state": "updated", "data": map[string]any{
				"@type": "ScheduledSession", "@id": "https://feed.example/session/" + id, "superEvent": series, "startDate": start, "endDate": end}}
		}
		body = map[string]any{"items": []any{
			session("s1", "https://feed.example/series/3", "2027-06-11T09:00:00Z", "2027-06-11T10:30:00Z"),
			session("s2", "https://feed.example/series/99", "2027-06-12T09:00:00Z", "2027-06-12T10:00:00Z"),
		}, "next": self}
	default:
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(body)
}

// TestOpenActiveFeedServer: pages are followed by next (relative or not)
// to the empty page that names itself; a record changed later replaces
// the earlier one and a deletion removes it; sessions join their series;
// a failing page fails the whole read.
func TestOpenActiveFeedServer(t *testing.T) {
	fake := &fakeRPDE{hits: map[string]int{}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	f, err := ReadOpenActive(context.Background(), []string{srv.URL + "/series", srv.URL + "/sessions"}, options())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range f.Assets {
		for _, act := range a.Activities {
			names = append(names, act.Name)
		}
	}
	if strings.Join(names, ",") != "Chess and Draughts Club,Bridge" || f.Licence == "" {
		t.Errorf("activities = %v, licence %q; want the changed name, no deleted one", names, f.Licence)
	}
	for uri, n := range fake.hits {
		if n != 1 {
			t.Errorf("%s fetched %d times", uri, n)
		}
	}
	_, bridge := find(t, f, "Bridge")
	if got := rules(bridge.When); got != "fri 10:00-11:00" {
		t.Errorf("bridge = %s", got)
	}

	fake.failPage = "/series?page=2"
	opt := options()
	opt.Fetcher.Attempts = 2
	if f, err := ReadOpenActive(context.Background(), []string{srv.URL + "/series"}, opt); err == nil || f != nil {
		t.Errorf("a failing page gave %v, %v; want an error and nothing", f, err)
	}
}

// TestOpenActiveSessionsInSummer: sessions are instants in UTC; in
// summer the area's clock is an hour ahead.
func TestOpenActiveSessionsInSummer(t *testing.T) {
	r := newReader(options())
	got := rules(r.sessions([]oaEvent{{StartDate: "2027-06-11T09:00:00Z", EndDate: "2027-06-11T10:30:00Z"}, {StartDate: "2026-12-11T09:00:00.000Z", EndDate: "2026-12-11T10:00:00.000Z"}}))
	if got != "2026-12-11 09:00-10:00; 2027-06-11 10:00-11:30" {
		t.Errorf("sessions = %s", got)
	}
}
