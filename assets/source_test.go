package assets

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"signpost/bot"
)

// TestSources: the sources section reads into typed sources, a coach's
// source_id is kept, and the file writes back the same.
func TestSources(t *testing.T) {
	cat, problems, err := Load("testdata/sources.yaml", Options{Now: now})
	if err != nil || len(problems) > 0 {
		t.Fatalf("%v %v", err, problems)
	}
	if len(cat.Sources) != 2 {
		t.Fatalf("sources = %+v", cat.Sources)
	}
	oruk, oa := cat.Sources[0], cat.Sources[1]
	if oruk.Standard != bot.ORUK || len(oruk.URLs) != 1 || oruk.Every != 24*time.Hour {
		t.Errorf("oruk = %+v", oruk)
	}
	if oa.Standard != bot.OpenActive || len(oa.URLs) != 2 || oa.Every != 6*time.Hour || oa.Standard.String() != "openactive" {
		t.Errorf("openactive = %+v", oa)
	}
	if got := cat.Assets[0].Activities[0].SourceID; got != "105" {
		t.Errorf("source_id = %q", got)
	}
	writtenAndRead(t, cat)
}

// TestTermsAndBankHolidays: an activity held in term time only is on
// only in the area's terms, one closed on bank holidays is off on the
// area's region's, and the file writes back the same.
func TestTermsAndBankHolidays(t *testing.T) {
	file := `area:
  name: Glasgow
  timezone: Europe/London
  bank_holidays: scotland
  terms:
    - {from: 2026-08-18, until: 2026-10-09}
    - {from: 2026-10-19, until: 2026-12-22}
assets:
  - id: hall
    name: Hall
    kind: community-centre
    lat: 55.86
    lon: -4.25
    reviewed: 2026-11-01
    activities:
      - id: tots
        name: Tots
        term_time: only
        when:
          - days: [mon, tue, wed, thu, fri]
            time: "09:30-11:00"
      - id: lunch
        name: Lunch club
        bank_holidays: closed
        when:
          - days: [mon]
            time: "12:00-13:00"
`
	cat, problems, err := Parse([]byte(file), Options{Now: now})
	if err != nil || len(problems) > 0 {
		t.Fatalf("%v %v", err, problems)
	}
	tots, lunch := &cat.Assets[0].Activities[0], &cat.Assets[0].Activities[1]
	on := func(a *bot.Activity, day string) bool {
		d, _ := bot.ParseDate(day)
		return a.On(d)
	}
	for day, want := range map[string]bool{"2026-10-08": true, "2026-10-12": false, "2026-12-22": true, "2026-12-23": false} {
		if on(tots, day) != want {
			t.Errorf("tots on %s = %v, want %v", day, !want, want)
		}
	}
	// St Andrew's Day 2026 is a Monday; in England it is a working day.
	if on(lunch, "2026-11-30") || !on(lunch, "2026-11-23") {
		t.Errorf("lunch club on St Andrew's Day %v, a week before %v", on(lunch, "2026-11-30"), on(lunch, "2026-11-23"))
	}
	again := writtenAndRead(t, cat)
	if again.Area.Holidays != bot.Scotland || len(again.Area.Terms) != 2 {
		t.Errorf("area = %+v", again.Area)
	}

	_, problems, _ = Parse([]byte(strings.Replace(file, "  terms:\n    - {from: 2026-08-18, until: 2026-10-09}\n    - {from: 2026-10-19, until: 2026-12-22}\n", "", 1)), Options{Now: now})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "lists no terms") {
		t.Errorf("term time with no terms: %v", problems)
	}
}

// writtenAndRead writes cat, reads it back, fails t unless it is the
// same, and returns what was read.
func writtenAndRead(t *testing.T, cat *bot.Catalogue) *bot.Catalogue {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, cat, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	again, _, err := Parse(buf.Bytes(), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameCatalogue(cat, again); diff != "" {
		t.Errorf("%s\n%s", diff, buf.Bytes())
	}
	return again
}
