package words

import (
	"strings"
	"testing"
)

// TestBuiltin: the embedded file reads, and holds what the reader relies on.
func TestBuiltin(t *testing.T) {
	w, err := Parse(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Days) != len(dayNames) || len(w.DayParts) != 3 || len(w.Weekdays) != 7 {
		t.Errorf("days %d, parts %d, weekdays %d", len(w.Days), len(w.DayParts), len(w.Weekdays))
	}
	if got := strings.Join(w.KindIDs(), ","); got != "pub,cafe,library,playgroup,community-centre,church,park,other" {
		t.Errorf("kinds = %s", got)
	}
	if len(w.Timetable.Ordinals) != 7 || len(w.Timetable.Every[2]) == 0 || len(w.Timetable.TermTime) == 0 {
		t.Errorf("timetable = %+v", w.Timetable)
	}
	for n := 1; n <= 5; n++ {
		if len(w.Choose[n]) == 0 {
			t.Errorf("no words choose %d", n)
		}
	}
}

// TestParseRefuses: a mistake in a vocabulary file is named, not guessed.
func TestParseRefuses(t *testing.T) {
	good := string(file)
	for name, bad := range map[string]string{
		"unknown section": good + "\nspelling: [x]\n",
		"bad weekday":     strings.Replace(good, "sunday: [sun", "sundae: [sun", 1),
		"bad age range":   strings.Replace(good, "ages: 0-1}", "ages: 1-0}", 1),
		"bad day part":    strings.Replace(good, `from: "06:00"`, `from: "6am"`, 1),
		"need with no id": strings.Replace(good, "  - id: meeting-people\n", "  - id: \"\"\n", 1),
		"not yaml":        "needs: [",
		"bad ordinal":     strings.Replace(good, "    5: [5th, fifth]", "    6: [6th, sixth]", 1),
		"bad every":       strings.Replace(good, "    3: [every three weeks", "    1: [every three weeks", 1),
		"bad morning":     strings.Replace(good, "morning_from: 8", "morning_from: 13", 1),
	} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
