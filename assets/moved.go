package assets

import "signpost/bot"

// movedTo is the item as it reads starting on line: every line number in
// it, its asset's and its problems', moved by as many lines as it moved.
// The lists holding line numbers are copied, so the remembered item is
// never changed; the rest is shared.
func (it item) movedTo(line int) item {
	by := line - it.line
	if by == 0 {
		return it
	}
	it.line = line
	it.asset.Line += by
	it.asset.Open = movedRules(it.asset.Open, by)
	if it.asset.Activities != nil {
		acts := make([]bot.Activity, len(it.asset.Activities))
		for i, act := range it.asset.Activities {
			act.Line += by
			act.When = movedRules(act.When, by)
			acts[i] = act
		}
		it.asset.Activities = acts
	}
	if it.problems != nil {
		problems := make([]Problem, len(it.problems))
		for i, q := range it.problems {
			q.Line += by
			problems[i] = q
		}
		it.problems = problems
	}
	return it
}

func movedRules(rules []bot.Rule, by int) []bot.Rule {
	if rules == nil {
		return nil
	}
	out := make([]bot.Rule, len(rules))
	for i, r := range rules {
		r.Line += by
		out[i] = r
	}
	return out
}
