package understand

import (
	"time"

	"signpost/bot"
	"signpost/bot/words"
)

// readTime finds when a question is about, marking the words it used.
// It returns nil when the words name no time.
func (v *vocabulary) readTime(toks []token, used []bool, now time.Time) *bot.TimeAsk {
	today := bot.DateOf(now)
	var days []bot.Date
	var dayLabel string
	var part *words.DayPart
	isNow := false
	// byTime marks the words read as times here, so "Thursday evening"
	// is a time while "coffee morning" and "board games night" are names.
	byTime := make([]bool, len(toks))
	markTime := func(i, n int) {
		mark(used, i, n)
		mark(byTime, i, n)
	}
	for i := 0; i < len(toks); i++ {
		if used[i] {
			continue
		}
		if n, d, label, ok := v.dayPhrase(toks, i, used, now); ok {
			if days == nil {
				days, dayLabel = d, label
			}
			markTime(i, n)
			i += n - 1
			continue
		}
		if e := v.parts.at(toks, i, used); e != nil {
			tonight := v.tonight.at(toks, i, used) != nil
			if !tonight && i > 0 && !byTime[i-1] && v.filler.at(toks, i-1, nil) == nil {
				// "coffee morning", "quiz night": the name of a thing,
				// not a time. "Thursday evening" and "this morning" are
				// times: the day is read already, "this" is filler.
				continue
			}
			p := e.value
			part = &p
			if tonight && days == nil {
				days, dayLabel = []bot.Date{today}, "today"
			}
			markTime(i, len(e.keys))
			i += len(e.keys) - 1
			continue
		}
		if e := v.now.at(toks, i, used); e != nil {
			isNow = true
			markTime(i, len(e.keys))
			i += len(e.keys) - 1
		}
	}
	if days == nil && part == nil && !isNow {
		return nil
	}
	loc := now.Location()
	if isNow && days == nil && part == nil {
		return &bot.TimeAsk{Label: "now", Spans: []bot.Span{{From: now, To: now.Add(time.Hour)}}, Now: true}
	}
	if days == nil {
		days, dayLabel = []bot.Date{today}, "today"
		if end := today.At(bot.Clock(part.To), loc); !end.After(now) {
			days, dayLabel = []bot.Date{today.AddDays(1)}, "tomorrow"
		}
	}
	t := &bot.TimeAsk{Label: dayLabel}
	if part != nil {
		t.Label = labelWithPart(dayLabel, part.Name)
	}
	for _, d := range days {
		s := bot.Span{From: d.At(0, loc), To: d.AddDays(1).At(0, loc)}
		if part != nil {
			s = bot.Span{From: d.At(bot.Clock(part.From), loc), To: d.At(bot.Clock(part.To), loc)}
		}
		if s.From.Before(now) {
			s.From = now
		}
		if s.To.After(s.From) {
			t.Spans = append(t.Spans, s)
		}
	}
	if len(t.Spans) == 0 {
		// Asked about a time already past today, such as "this morning"
		// in the afternoon: nothing can be on, so say so honestly with an
		// empty stretch rather than quietly looking at another day.
		t.Spans = []bot.Span{{From: now, To: now}}
	}
	return t
}

// dayPhrase reads a phrase naming days at toks[i], giving the number of
// words, the days and a label.
func (v *vocabulary) dayPhrase(toks []token, i int, used []bool, now time.Time) (int, []bot.Date, string, bool) {
	today := bot.DateOf(now)
	untilSunday := (7 - int(today.Weekday())) % 7
	nextMonday := today.AddDays(untilSunday + 1)
	weekend := func(from bot.Date) []bot.Date {
		if from.Weekday() == time.Sunday {
			return []bot.Date{from}
		}
		sat := from.AddDays((int(time.Saturday) - int(from.Weekday()) + 7) % 7)
		return []bot.Date{sat, sat.AddDays(1)}
	}
	if e := v.days.at(toks, i, used); e != nil {
		var d []bot.Date
		switch e.value {
		case "today":
			d = []bot.Date{today}
		case "tomorrow":
			d = []bot.Date{today.AddDays(1)}
		case "this weekend":
			d = weekend(today)
		case "next weekend":
			d = weekend(nextMonday)
		case "this week":
			d = dateRange(today, untilSunday+1)
		case "next week":
			d = dateRange(nextMonday, 7)
		}
		return len(e.keys), d, e.value, true
	}
	n := 0
	if w := toks[i].word; w == "next" || w == "this" || w == "on" || w == "every" {
		n = 1
	}
	if i+n < len(toks) && !used[i+n] {
		if e := v.weekdays.at(toks, i+n, used); e != nil {
			wd := e.value
			d := today.AddDays((int(wd) - int(today.Weekday()) + 7) % 7)
			if toks[i].word == "next" && d == today {
				d = d.AddDays(7)
			}
			return n + len(e.keys), []bot.Date{d}, wd.String(), true
		}
	}
	return 0, nil, "", false
}

func dateRange(from bot.Date, n int) []bot.Date {
	ds := make([]bot.Date, n)
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
