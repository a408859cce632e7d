package bot

import (
	"sort"
	"time"
)

// Results are ranked by relevance, nearness and soonness together: among
// matches of the same strength, something on today or this week comes
// before the same thing a month away and a little closer, and a one-off
// weeks away does not lead the list for a general question.

// soonDays is how many days away halve a result's rank: a weekly session
// is never more than a week off (at least two-thirds of the rank of one
// on today), while a one-off a month away keeps a quarter.
const soonDays = 10.0

// untimedSoonness is the weight of something with no times listed ("get
// in touch to ask"): as if it were a week and a half away.
const untimedSoonness = 0.5

// targetedAges is how much more an activity meant for an age group counts
// than one for everyone, when a question names an age: "music for
// toddlers" wants Baby Rhyme Time before the community choir.
const targetedAges = 1.5

// score is the rank of res, given how well it matched (relevance, 0 to 1)
// and, if it has one, its distance, for a question with filters f.
func score(relevance float64, res Result, f Filters, now time.Time) float64 {
	s := relevance
	if res.DistanceKm != nil {
		s = Rank(s, *res.DistanceKm)
	}
	if f.Ages != nil && res.Activity != nil && targeted(res.Activity.Ages, *f.Ages) {
		s *= targetedAges
	}
	return s * soonness(res, now)
}

// targeted reports whether an activity for ages a is meant for the age
// group asked: not for everyone, nor for all grown-ups, but for some ages
// that include those asked.
func targeted(a, asked Ages) bool {
	everyone := a.Min <= 0 && a.Max < 0
	grownUps := a.Min >= 16 && a.Min <= Adult && a.Max < 0
	return !everyone && !grownUps && a.overlaps(asked)
}

// soonness weighs how soon res is on: 1 for now or today, falling with
// the days until it starts.
func soonness(res Result, now time.Time) float64 {
	if res.Next == nil {
		return untimedSoonness
	}
	days := res.Next.Sub(now).Hours() / 24
	if days <= 0 {
		return 1
	}
	return 1 / (1 + days/soonDays)
}

// rank orders results best first. For "is the library open?" (open) the
// ones open at the time asked come first.
func rank(results []Result, open bool) []Result {
	sort.SliceStable(results, func(i, j int) bool { return ranksBefore(results[i], results[j]) })
	if open {
		sort.SliceStable(results, func(i, j int) bool {
			x, y := results[i], results[j]
			if x.ClosedThen != y.ClosedThen {
				return !x.ClosedThen
			}
			return x.OpenNow && !y.OpenNow
		})
	}
	return results
}

// ranksBefore orders results best first: what matches the person's own
// words before what matches only words related to them, then higher
// score, then sooner, then nearer, then by name so the order never
// depends on the index's whims.
func ranksBefore(x, y Result) bool {
	if (x.Match == MatchRelated) != (y.Match == MatchRelated) {
		return y.Match == MatchRelated
	}
	if d := x.Score - y.Score; d > 1e-9 || d < -1e-9 {
		return d > 0
	}
	switch {
	case x.Next != nil && y.Next == nil:
		return true
	case x.Next == nil && y.Next != nil:
		return false
	case x.Next != nil && !x.Next.Equal(*y.Next):
		return x.Next.Before(*y.Next)
	}
	if x.DistanceKm != nil && y.DistanceKm != nil && *x.DistanceKm != *y.DistanceKm {
		return *x.DistanceKm < *y.DistanceKm
	}
	return x.Name() < y.Name()
}
