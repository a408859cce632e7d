package understand_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"signpost/assets"
	"signpost/bot"
	"signpost/bot/understand"
)

// tuesday is "now" for every message: Tuesday 24 November 2026, 10:00
// in Oldbury.
var tuesday = func() time.Time {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return time.Date(2026, 11, 24, 10, 0, 0, 0, loc)
}()

// sampleReader reads for the bundled sample list and postcode file.
func sampleReader(t testing.TB) *understand.Reader {
	t.Helper()
	postcodes, err := assets.LoadPostcodes("../../testdata/postcodes.csv")
	if err != nil {
		t.Fatal(err)
	}
	cat, problems, err := assets.Load("../../assets.yaml", assets.Options{Postcodes: postcodes})
	if err != nil {
		t.Fatalf("%v: %v", err, problems)
	}
	return understand.New(cat, postcodes)
}

// summary writes a meaning on one line, each part only when set, so a
// table row states the whole of what a message means:
//
//	intent=open words=[library] place=Tipton(place) when=Saturday
func summary(m bot.Meaning) string {
	var parts []string
	add := func(name string, v any, set bool) {
		if set {
			parts = append(parts, fmt.Sprintf("%s=%v", name, v))
		}
	}
	add("safety", m.Safety, m.Safety != 0)
	add("intent", m.Intent, m.Intent != bot.IntentSearch)
	add("choice", m.Choice, m.Choice != 0)
	add("words", m.Words, len(m.Words) > 0)
	var needs []string
	for _, n := range m.Needs {
		needs = append(needs, n.ID+"("+strings.Join(n.Said, "|")+")")
	}
	add("needs", needs, len(needs) > 0)
	add("generic", m.Generic, len(m.Generic) > 0)
	var unclear []string
	for _, n := range m.Ambiguous {
		unclear = append(unclear, n.ID)
	}
	add("ambiguous", unclear, len(unclear) > 0)
	if m.Place != nil {
		add("place", m.Place.Name+"("+string(m.Place.Source)+")", true)
	}
	add("nearme", m.NearMe, m.NearMe)
	add("unknown", m.UnknownPlace, m.UnknownPlace != "")
	if m.When != nil {
		add("when", m.When.Label, true)
	}
	add("filters", m.Filters.Names(), len(m.Filters.Names()) > 0)
	add("venue", m.Venue, m.Venue != "")
	return strings.Join(parts, " ")
}
