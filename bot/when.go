package bot

import "time"

// span is one stretch of time something must fall in.
type span struct{ from, to time.Time }

// timeAsk is the time a question is about: one or more spans in order,
// such as the Saturday and Sunday of "this weekend".
type timeAsk struct {
	label string
	spans []span
	// now marks "now" questions, where "open" means open at this minute.
	now bool
}

// window is the whole stretch, for showing what was understood.
func (t *timeAsk) window() *Window {
	if t == nil {
		return nil
	}
	return &Window{Label: t.label, From: t.spans[0].from, To: t.spans[len(t.spans)-1].to}
}

// weekdays are the days of the week the spans touch, to narrow a search.
func (t *timeAsk) weekdays() []time.Weekday {
	if t == nil {
		return nil
	}
	var days []time.Weekday
	seen := map[time.Weekday]bool{}
	for _, s := range t.spans {
		for d := DateOf(s.from); d.Before(DateOf(s.to)) || d == DateOf(s.to); d = d.AddDays(1) {
			if !seen[d.Weekday()] {
				seen[d.Weekday()] = true
				days = append(days, d.Weekday())
			}
		}
	}
	return days
}

var weekdayWords = map[string]time.Weekday{
	"sun": time.Sunday, "sunday": time.Sunday, "sundays": time.Sunday,
	"mon": time.Monday, "monday": time.Monday, "mondays": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday, "tuesdays": time.Tuesday,
	"wed": time.Wednesday, "weds": time.Wednesday, "wednesday": time.Wednesday, "wednesdays": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday, "thursdays": time.Thursday,
	"fri": time.Friday, "friday": time.Friday, "fridays": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday, "saturdays": time.Saturday,
}

// dayPart is part of a day, in minutes after midnight.
type dayPart struct {
	name       string
	start, end Clock
}

var dayParts = map[string]dayPart{
	"morning":    {"morning", 6 * 60, 12 * 60},
	"mornings":   {"morning", 6 * 60, 12 * 60},
	"afternoon":  {"afternoon", 12 * 60, 17 * 60},
	"afternoons": {"afternoon", 12 * 60, 17 * 60},
	"evening":    {"evening", 17 * 60, 24 * 60},
	"evenings":   {"evening", 17 * 60, 24 * 60},
	"night":      {"evening", 17 * 60, 24 * 60},
	"nights":     {"evening", 17 * 60, 24 * 60},
	"tonight":    {"evening", 17 * 60, 24 * 60},
}

// readTime finds when a question is about, marking the words it used.
// It returns nil when the words name no time.
func readTime(ws []string, used []bool, now time.Time) *timeAsk {
	today := DateOf(now)
	var days []Date
	var dayLabel string
	var part *dayPart
	isNow := false
	mark := func(i, n int) {
		for j := i; j < i+n; j++ {
			used[j] = true
		}
	}
	for i := 0; i < len(ws); i++ {
		if used[i] {
			continue
		}
		if n, d, label, ok := dayPhrase(ws, i, now); ok {
			if days == nil {
				days, dayLabel = d, label
			}
			mark(i, n)
			i += n - 1
			continue
		}
		if p, ok := dayParts[ws[i]]; ok {
			if ws[i] != "tonight" && i > 0 && !used[i-1] && !fillerWords[ws[i-1]] {
				// "coffee morning", "quiz night": the name of a thing,
				// not a time. "Thursday evening" and "this morning" are
				// times: the day is already used, "this" is filler.
				continue
			}
			part = &p
			if ws[i] == "tonight" && days == nil {
				days, dayLabel = []Date{today}, "today"
			}
			mark(i, 1)
			continue
		}
		for _, phrase := range []string{"right now", "at the moment", "now", "currently"} {
			if n, ok := phraseAt(ws, i, phrase); ok {
				isNow = true
				mark(i, n)
				i += n - 1
				break
			}
		}
	}
	if days == nil && part == nil && !isNow {
		return nil
	}
	if isNow {
		return &timeAsk{label: "now", spans: []span{{now, now.Add(time.Hour)}}, now: true}
	}
	if days == nil {
		days, dayLabel = []Date{today}, "today"
		if today.At(part.end, now.Location()).Before(now) || today.At(part.end, now.Location()).Equal(now) {
			days, dayLabel = []Date{today.AddDays(1)}, "tomorrow"
		}
	}
	t := &timeAsk{label: dayLabel}
	if part != nil {
		t.label = labelWithPart(dayLabel, part.name)
	}
	for _, d := range days {
		s := span{d.At(0, now.Location()), d.AddDays(1).At(0, now.Location())}
		if part != nil {
			s = span{d.At(part.start, now.Location()), d.At(part.end, now.Location())}
		}
		if s.from.Before(now) {
			s.from = now
		}
		if s.to.After(s.from) {
			t.spans = append(t.spans, s)
		}
	}
	if len(t.spans) == 0 {
		// Asked about a time already past today, such as "this morning"
		// in the afternoon: nothing can be on, so say so honestly with an
		// empty stretch rather than quietly looking at another day.
		t.spans = []span{{now, now}}
	}
	return t
}

// dayPhrase reads a phrase naming days at ws[i], giving the number of
// words, the days and a label.
func dayPhrase(ws []string, i int, now time.Time) (int, []Date, string, bool) {
	today := DateOf(now)
	untilSunday := (7 - int(today.Weekday())) % 7
	weekend := func(from Date) []Date {
		if from.Weekday() == time.Sunday {
			return []Date{from}
		}
		sat := from.AddDays((int(time.Saturday) - int(from.Weekday()) + 7) % 7)
		return []Date{sat, sat.AddDays(1)}
	}
	nextMonday := today.AddDays(untilSunday + 1)
	phrases := []struct {
		words string
		days  func() []Date
		label string
	}{
		{"this weekend", func() []Date { return weekend(today) }, "this weekend"},
		{"the weekend", func() []Date { return weekend(today) }, "this weekend"},
		{"next weekend", func() []Date { return weekend(nextMonday) }, "next weekend"},
		{"weekend", func() []Date { return weekend(today) }, "this weekend"},
		{"next week", func() []Date { return dateRange(nextMonday, 7) }, "next week"},
		{"this week", func() []Date { return dateRange(today, untilSunday+1) }, "this week"},
		{"today", func() []Date { return []Date{today} }, "today"},
		{"later", func() []Date { return []Date{today} }, "today"},
		{"tomorrow", func() []Date { return []Date{today.AddDays(1)} }, "tomorrow"},
		{"tmrw", func() []Date { return []Date{today.AddDays(1)} }, "tomorrow"},
		{"tomoz", func() []Date { return []Date{today.AddDays(1)} }, "tomorrow"},
	}
	for _, p := range phrases {
		if n, ok := phraseAt(ws, i, p.words); ok {
			return n, p.days(), p.label, true
		}
	}
	n := 0
	if ws[i] == "next" || ws[i] == "this" {
		n = 1
	}
	if i+n < len(ws) {
		if wd, ok := weekdayWords[ws[i+n]]; ok {
			d := today.AddDays((int(wd) - int(today.Weekday()) + 7) % 7)
			if ws[i] == "next" && d == today {
				d = d.AddDays(7)
			}
			return n + 1, []Date{d}, wd.String(), true
		}
	}
	return 0, nil, "", false
}

func dateRange(from Date, n int) []Date {
	ds := make([]Date, n)
	for i := range ds {
		ds[i] = from.AddDays(i)
	}
	return ds
}

func labelWithPart(day, part string) string {
	switch {
	case day == "today" && part == "evening":
		return "tonight"
	case day == "today":
		return "this " + part
	case day == "tomorrow" && part == "evening":
		return "tomorrow evening"
	}
	return day + " " + part
}
