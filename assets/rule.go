package assets

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"signpost/bot"
)

// dayNames are the ways coaches write days, any case.
var dayNames = map[string]time.Weekday{
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "weds": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
	"sun": time.Sunday, "sunday": time.Sunday,
}

const dayHelp = "use mon, tue, wed, thu, fri, sat or sun"

// rules reads a `when:` or `open:` list.
func (p *parser) rules(n *yaml.Node, field string) []bot.Rule {
	var out []bot.Rule
	for _, item := range p.items(n, field) {
		if r, ok := p.rule(item); ok {
			out = append(out, r)
		}
	}
	return out
}

func (p *parser) rule(n *yaml.Node) (bot.Rule, bool) {
	m, ok := p.fields(n, "a time", "days", "weeks", "every", "starting", "date", "time")
	if !ok {
		return bot.Rule{}, false
	}
	r := bot.Rule{Line: n.Line}
	good := true
	daysN, hasDays := m["days"]
	dateN, hasDate := m["date"]
	switch {
	case hasDays && hasDate:
		p.errorAt(n.Line, "a time has both days and date; use days for something regular, date for a one-off, in separate entries")
		good = false
	case !hasDays && !hasDate:
		p.errorAt(n.Line, "a time needs `days: [tue]` for something regular or `date: 2026-12-13` for a one-off")
		good = false
	case hasDays:
		r.Days, ok = p.days(daysN)
		good = good && ok
	default:
		r.Date, ok = p.date(dateN, "date")
		good = good && ok
	}
	if w, has := m["weeks"]; has {
		r.Weeks, ok = p.weeks(w)
		good = good && ok
	}
	if e, has := m["every"]; has {
		r.Every, ok = p.integer(e, "every", "2 (fortnightly)")
		if ok && (r.Every < 1 || r.Every > 52) {
			p.errorAt(e.Line, "every %d makes no sense; use 2 for fortnightly, 3 for every third week", r.Every)
			ok = false
		}
		good = good && ok
	}
	if s, has := m["starting"]; has {
		r.Starting, ok = p.date(s, "starting")
		good = good && ok
		if ok && len(r.Days) > 0 && !slices.Contains(r.Days, r.Starting.Weekday()) {
			p.errorAt(s.Line, "starting %s is a %s, but this happens on %s; give the date of one that happens", r.Starting, r.Starting.Weekday(), joinDays(r.Days))
			good = false
		}
	}
	if r.Every > 1 && r.Starting.IsZero() && good {
		p.errorAt(m["every"].Line, "every %d needs `starting:` with the date of one session, to count the weeks from", r.Every)
		good = false
	}
	t, has := m["time"]
	if !has {
		p.errorAt(n.Line, "a time needs `time: \"10:00-12:00\"` (start and end, 24-hour clock)")
		return r, false
	}
	r.Start, r.End, ok = p.span(t)
	return r, good && ok
}

func joinDays(days []time.Weekday) string {
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = strings.ToLower(d.String()[:3])
	}
	return strings.Join(names, ", ")
}

// days accepts a list of day names or a single one.
func (p *parser) days(n *yaml.Node) ([]time.Weekday, bool) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	if len(items) == 0 {
		p.errorAt(n.Line, "days is empty; %s", dayHelp)
		return nil, false
	}
	var out []time.Weekday
	good := true
	for _, item := range items {
		d, ok := dayNames[strings.ToLower(strings.TrimSpace(item.Value))]
		if item.Kind != yaml.ScalarNode || !ok {
			p.errorAt(item.Line, "%s is not a day; %s", describeDay(item), dayHelp)
			good = false
			continue
		}
		out = append(out, d)
	}
	slices.Sort(out)
	return slices.Compact(out), good
}

func describeDay(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return "'" + n.Value + "'"
	}
	return describe(n)
}

func (p *parser) weeks(n *yaml.Node) ([]int, bool) {
	if n.Kind != yaml.SequenceNode {
		p.errorAt(n.Line, "weeks should be a list like [1, 3] (1st and 3rd of the month; -1 is the last), not %s", describe(n))
		return nil, false
	}
	var out []int
	for _, item := range n.Content {
		w, err := strconv.Atoi(strings.TrimSpace(item.Value))
		if item.Kind != yaml.ScalarNode || err != nil || w == 0 || w > 5 || w < -2 {
			p.errorAt(item.Line, "%s is not a week of the month; use 1 to 5, or -1 for the last and -2 for the one before", describe(item))
			return nil, false
		}
		out = append(out, w)
	}
	return out, true
}

// span reads "10:00-12:00". An end before the start runs past midnight.
func (p *parser) span(n *yaml.Node) (bot.Clock, bot.Clock, bool) {
	const help = `write the start and end like "10:00-12:00" (24-hour clock)`
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		p.errorAt(n.Line, "time %s: %s", describe(n), help)
		return 0, 0, false
	}
	s := strings.NewReplacer("–", "-", "—", "-", " ", "", ".", ":").Replace(n.Value)
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		p.errorAt(n.Line, "time %q has no end; %s", n.Value, help)
		return 0, 0, false
	}
	start, err1 := bot.ParseClock(a)
	end, err2 := bot.ParseClock(b)
	switch {
	case err1 != nil:
		p.errorAt(n.Line, "time %q: the start is not a time; %s", n.Value, help)
	case err2 != nil:
		p.errorAt(n.Line, "time %q: the end is not a time; %s", n.Value, help)
	case start == end || start == 24*60:
		p.errorAt(n.Line, "time %q starts when it ends; %s", n.Value, help)
	default:
		return start, end, true
	}
	return 0, 0, false
}
