package bot

import (
	"strings"
	"testing"
	"time"
)

// TestBankHolidays: each region's bank holidays for years with
// substitute days, as gov.uk lists them.
func TestBankHolidays(t *testing.T) {
	for _, c := range []struct {
		region Region
		year   int
		want   string
	}{
		{EnglandAndWales, 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28"},
		{EnglandAndWales, 2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28"},
		{EnglandAndWales, 2028, "01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26"},
		{Scotland, 2027, "01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28"},
		{Scotland, 2028, "01-03 01-04 04-14 05-01 05-29 08-07 11-30 12-25 12-26"},
		{NorthernIreland, 2026, "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28"},
		{NoRegion, 2026, ""},
	} {
		var got []string
		for d := (Date{Year: c.year, Month: time.January, Day: 1}); d.Year == c.year; d = d.AddDays(1) {
			if c.region.Holiday(d) {
				got = append(got, d.String()[5:])
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%v %d:\n got %s\nwant %s", c.region, c.year, strings.Join(got, " "), c.want)
		}
	}
	for name, r := range Regions {
		if r.String() != name {
			t.Errorf("%v named %q, want %q", r, r.String(), name)
		}
	}
}
