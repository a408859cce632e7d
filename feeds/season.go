package feeds

import (
	"slices"

	"signpost/bot"
)

// window is a rule with the dates a feed's row gives it, either of which
// may be zero for open-ended.
type window struct {
	rule        bot.Rule
	from, until bot.Date
}

// seasons turns a feed's rows, each a rule over its own dates, into the
// asset file's form: a row valid for one day only is a one-off on that
// day (how the standard says to add a session); rows giving the same
// rule over dates with gaps between are one rule whose gaps are excepted
// dates (how a feed says "not on the 22nd"); and the season is the rules'
// dates where all the rules share them.
func (r *reader) seasons(ws []window) (rules []bot.Rule, from, until bot.Date, except []bot.Date) {
	type group struct {
		rule bot.Rule
		ws   []window
	}
	var groups []group
	for _, w := range ws {
		if !w.from.IsZero() && w.from == w.until && w.rule.Date.IsZero() {
			if w.rule.On(w.from) {
				rules = append(rules, bot.Rule{Date: w.from, Start: w.rule.Start, End: w.rule.End})
			}
			continue
		}
		if !w.rule.Date.IsZero() {
			rules = append(rules, w.rule)
			continue
		}
		i := slices.IndexFunc(groups, func(g group) bool { return sameRule(g.rule, w.rule) })
		if i < 0 {
			groups = append(groups, group{rule: w.rule})
			i = len(groups) - 1
		}
		groups[i].ws = append(groups[i].ws, w)
	}
	for gi, g := range groups {
		slices.SortFunc(g.ws, func(a, b window) int { return a.from.Compare(b.from) })
		// covered is the last day the windows so far reach (zero once one
		// is open-ended); a gap is only where none of them reaches.
		gFrom, covered := g.ws[0].from, g.ws[0].until
		open := covered.IsZero()
		for _, w := range g.ws[1:] {
			if !open && !w.from.IsZero() && covered.AddDays(1).Before(w.from) {
				except = r.gap(except, g.rule, covered.AddDays(1), w.from)
			}
			switch {
			case w.until.IsZero():
				open = true
			case !open && covered.Before(w.until):
				covered = w.until
			}
		}
		gUntil := covered
		if open {
			gUntil = bot.Date{}
		}
		rules = append(rules, g.rule)
		if gi == 0 {
			from, until = gFrom, gUntil
		} else if from != gFrom || until != gUntil {
			from, until = bot.Date{}, bot.Date{}
		}
	}
	slices.SortFunc(except, bot.Date.Compare)
	return rules, from, until, slices.Compact(except)
}

// gap adds to except the days from first up to (not including) next,
// from today on, on which rule would be on.
func (r *reader) gap(except []bot.Date, rule bot.Rule, first, next bot.Date) []bot.Date {
	for d, n := first, 0; d.Before(next) && n < 366 && len(except) < maxExcept; d, n = d.AddDays(1), n+1 {
		if !d.Before(r.today) && rule.On(d) {
			except = append(except, d)
		}
	}
	return except
}
