package feeds

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
)

// sessions are the next n times act is on from now, in the area's time.
func nextSessions(act *bot.Activity, n int, loc *time.Location) []string {
	var out []string
	from, to := now, now.Add(180*24*time.Hour)
	for len(out) < n {
		occ, ok := act.Next(from, to, loc)
		if !ok {
			break
		}
		out = append(out, occ.Start.In(loc).Format("Mon 2 Jan 15:04")+"-"+occ.End.In(loc).Format("15:04"))
		from = occ.End.Add(time.Minute)
	}
	return out
}

// sample is the repository's sample list.
func sample(t *testing.T) *bot.Catalogue {
	t.Helper()
	data, err := os.ReadFile("../assets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, _, err := assets.Parse(data, assets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestORUKRoundTrip: the sample list served as Open Referral UK and read
// back by the importer gives the same activities, at the same venues,
// with the same next sessions: the weekly, the 1st and 3rd Monday, the
// fortnightly, the one-offs, the seasons, the excepted dates, term time
// and bank holidays.
func TestORUKRoundTrip(t *testing.T) {
	cat := sample(t)
	// One activity in term time only, one closed on bank holidays.
	cat.Area.Terms = []bot.Term{{From: bot.Date{Year: 2026, Month: 9, Day: 3}, Until: bot.Date{Year: 2026, Month: 12, Day: 18}}, {From: bot.Date{Year: 2027, Month: 1, Day: 5}, Until: bot.Date{Year: 2027, Month: 2, Day: 12}}}
	acts := cat.Assets[0].Activities
	acts[0].TermTime, acts[len(acts)-1].ClosedOn = true, bot.EnglandAndWales
	cat.Assets[0].Activities = cat.Area.Bind(acts)
	srv := httptest.NewServer(ORUKHandler(func() *bot.Catalogue { return cat }))
	defer srv.Close()
	f, err := ReadORUK(context.Background(), srv.URL+"/oruk/", options())
	if err != nil {
		t.Fatal(err)
	}
	f.Assets = Merge(&bot.Catalogue{Area: cat.Area}, f.Assets).Assets
	untimed := 0
	for _, a := range cat.Assets {
		for _, act := range a.Activities {
			if len(act.When) == 0 {
				untimed++
			}
		}
	}
	if len(f.Notes) != untimed {
		t.Errorf("%d activities without times on the way back, want the %d that had none: %v", len(f.Notes), untimed, f.Notes)
	}
	imported := map[string]*bot.Activity{}
	for i := range f.Assets {
		a := &f.Assets[i]
		for j := range a.Activities {
			imported[a.Name+" / "+a.Activities[j].Name] = &a.Activities[j]
		}
	}
	compared := 0
	for _, a := range cat.Assets {
		for j := range a.Activities {
			want := &a.Activities[j]
			got, ok := imported[a.Name+" / "+want.Name]
			if !ok {
				t.Errorf("%s / %s did not come back", a.Name, want.Name)
				continue
			}
			compared++
			if got.TermTime != want.TermTime || got.ClosedOn != want.ClosedOn {
				t.Errorf("%s / %s: term time %v, closed on %v; want %v, %v", a.Name, want.Name, got.TermTime, got.ClosedOn, want.TermTime, want.ClosedOn)
			}
			w, g := nextSessions(want, 8, cat.Area.Location), nextSessions(got, 8, cat.Area.Location)
			if strings.Join(w, ", ") != strings.Join(g, ", ") {
				t.Errorf("%s / %s next sessions:\n got %v\nwant %v", a.Name, want.Name, g, w)
			}
			if got.Description != want.Description || got.Ages.Min != want.Ages.Min || got.Ages.Max != want.Ages.Max || strings.Join(got.Tags, ",") != strings.Join(want.Tags, ",") {
				t.Errorf("%s / %s:\n got %q %+v %v\nwant %q %+v %v", a.Name, want.Name, got.Description, got.Ages, got.Tags, want.Description, want.Ages, want.Tags)
			}
			if strings.EqualFold(want.Cost, "free") != strings.EqualFold(got.Cost, "free") || want.Cost == "" != (got.Cost == "") {
				t.Errorf("%s / %s cost %q, want %q", a.Name, want.Name, got.Cost, want.Cost)
			}
		}
	}
	if compared < 50 {
		t.Errorf("compared %d activities; the sample has more", compared)
	}
}

// TestORUKServing: the API's pages, a service by id, and what it refuses.
func TestORUKServing(t *testing.T) {
	cat := sample(t)
	var served *bot.Catalogue
	srv := httptest.NewServer(ORUKHandler(func() *bot.Catalogue { return served }))
	defer srv.Close()
	get := func(path string, into any) int {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: no CORS header", path)
		}
		if into != nil {
			json.NewDecoder(resp.Body).Decode(into)
		}
		return resp.StatusCode
	}
	if code := get("/oruk/services", nil); code != http.StatusServiceUnavailable {
		t.Errorf("before a list is loaded: %d", code)
	}
	served = cat
	var root map[string]string
	if code := get("/oruk/", &root); code != 200 || root["version"] != "3.0" {
		t.Errorf("root: %d %v", code, root)
	}
	var p struct {
		TotalItems int              `json:"total_items"`
		TotalPages int              `json:"total_pages"`
		LastPage   bool             `json:"last_page"`
		Contents   []map[string]any `json:"contents"`
	}
	if code := get("/oruk/services?page=2&per_page=10", &p); code != 200 || len(p.Contents) != 10 || p.TotalPages != (p.TotalItems+9)/10 || p.LastPage {
		t.Fatalf("page 2: %d, %d services of %d in %d pages", code, len(p.Contents), p.TotalItems, p.TotalPages)
	}
	for _, s := range p.Contents {
		for _, key := range []string{"id", "name", "status", "organization_id"} {
			if s[key] == nil || s[key] == "" {
				t.Errorf("service lacks %s: %v", key, s)
			}
		}
		for k, v := range s {
			if v == nil {
				t.Errorf("service sends %s as null", k)
			}
		}
		for _, row := range s["schedules"].([]any) {
			if freq := row.(map[string]any)["freq"]; freq != "WEEKLY" && freq != "MONTHLY" {
				t.Errorf("freq %v", freq)
			}
		}
	}
	id := p.Contents[0]["id"].(string)
	var one map[string]any
	if code := get("/oruk/services/"+id, &one); code != 200 || one["id"] != id {
		t.Errorf("service %s: %d %v", id, code, one["id"])
	}
	for path, want := range map[string]int{"/oruk/services/nope": 404, "/oruk/services?page=0": 400, "/oruk/services?per_page=9999": 400, "/oruk/services?page=99999999999": 200} {
		if code := get(path, nil); code != want {
			t.Errorf("%s: %d, want %d", path, code, want)
		}
	}
}
