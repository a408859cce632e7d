package feeds

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"signpost/assets"
	"signpost/bot"
)

// checkFeed fails t unless every venue and activity f holds can be
// written as an asset file that check accepts without an error.
func checkFeed(t *testing.T, f *Feed) {
	t.Helper()
	if len(f.Assets) == 0 {
		return
	}
	cat := &bot.Catalogue{Area: bot.Area{Name: "Fuzz", Location: london}, Assets: f.Assets}
	var buf bytes.Buffer
	if err := assets.Write(&buf, cat, assets.WriteOptions{Notes: f.Notes}); err != nil {
		t.Fatal(err)
	}
	if _, problems, err := assets.Parse(buf.Bytes(), assets.Options{}); err != nil {
		t.Fatalf("imported file has errors: %v %v\n%s", err, problems, buf.Bytes())
	}
}

// seedFiles adds each fixture under dir to f.
func seedFiles(f *testing.F, dir string) {
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzFile writes the fuzzer's bytes to a file a feed can be read from.
func fuzzFile(t *testing.T, data []byte) string {
	path := filepath.Join(t.TempDir(), "feed.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// FuzzORUKPage: any page reads without a panic, and what it yields is a
// list the asset file accepts.
func FuzzORUKPage(f *testing.F) {
	seedFiles(f, "testdata/oruk")
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ReadORUK(context.Background(), fuzzFile(t, data), options())
		if err != nil {
			return
		}
		checkFeed(t, feed)
	})
}

// FuzzOpenActivePage: the same for an OpenActive page.
func FuzzOpenActivePage(f *testing.F) {
	seedFiles(f, "testdata/openactive")
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ReadOpenActive(context.Background(), []string{fuzzFile(t, data)}, options())
		if err != nil {
			return
		}
		checkFeed(t, feed)
	})
}

// FuzzScheduleRow: a timetable row's fields, however written, give rules
// the asset file can hold or a reason there are none, never both.
func FuzzScheduleRow(f *testing.F) {
	f.Add("Monday", "09:30", "12:00", "", 0.0, "", "", "", "")
	f.Add("", "09:30:00Z", "10:30:00Z", "week", 1.0, "TH", "", "2026-09-10T00:00:00.000Z", "")
	f.Add("", "19:00", "21:00", "MONTHLY", 1.0, "2WE,\u22121MO", "", "", "")
	f.Add("", "10:00", "11:00", "MONTHLY", 1.0, "", "15", "", "")
	f.Add("Thursday", "13:00", "16:00", "WEEKLY", 2.0, "", "", "2026-11-03", "2027-03-31")
	f.Add("", "21:00", "00:30", "weekly", 1.0, "FR,SA", "", "", "")
	f.Add("Tuesday", "24:00", "01:00", "WEEKLY", 1.0, "", "", "", "")
	r := newReader(options())
	f.Fuzz(func(t *testing.T, weekday, opens, closes, freq string, interval float64, byday, bymonthday, dtstart, validTo string) {
		row := orukSchedule{Weekday: text(weekday), OpensAt: opens, ClosesAt: closes, Freq: freq,
			Interval: number{Value: interval, Valid: true}, Byday: text(byday), Bymonthday: text(bymonthday),
			Dtstart: dtstart, ValidTo: validTo}
		rules, unsure, expired := r.orukRow(row)
		if len(rules) > 0 && (unsure != "" || expired) {
			t.Fatalf("rules %v with a reason %q or expired %v", rules, unsure, expired)
		}
		for _, rule := range rules {
			checkRule(t, rule)
		}
		settled := r.settle(rules, unsure, weekday+" "+opens+" "+byday)
		if len(settled.rules) > 0 && settled.unsure != "" {
			t.Fatalf("settled %v with a reason %q", settled.rules, settled.unsure)
		}
		for _, rule := range settled.rules {
			checkRule(t, rule)
		}
	})
}

// checkRule fails t unless the asset file could hold rule.
func checkRule(t *testing.T, r bot.Rule) {
	t.Helper()
	switch {
	case r.Start == r.End || r.Start < 0 || r.Start >= 24*60 || r.End < 0 || r.End > 24*60:
		t.Fatalf("times %d-%d", r.Start, r.End)
	case r.Date.IsZero() && (len(r.Days) == 0 || !slices.IsSorted(r.Days)):
		t.Fatalf("days %v", r.Days)
	case slices.ContainsFunc(r.Weeks, func(w int) bool { return w == 0 || w > 5 || w < -2 }):
		t.Fatalf("weeks %v", r.Weeks)
	case r.Every > 1 && (r.Starting.IsZero() || !slices.Contains(r.Days, r.Starting.Weekday()) || r.Every > 52):
		t.Fatalf("every %d from %s on %v", r.Every, r.Starting, r.Days)
	}
}
