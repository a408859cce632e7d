package bot

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"signpost/bot/words"
)

// cheapest is the most, in pounds, that counts as cheap.
const cheapest = 3.0

var pounds = regexp.MustCompile(`£\s*([0-9]+(?:\.[0-9]{1,2})?)`)

// isFree reports whether a cost, as a coach wrote it, is free: one of
// the vocabulary's free costs, or beginning with one ("free, donations
// welcome").
func isFree(cost string) bool {
	c := strings.ToLower(strings.TrimSpace(cost))
	for _, f := range words.Builtin().FreeCosts {
		if rest, ok := strings.CutPrefix(c, f); ok && (rest == "" || !unicode.IsLetter([]rune(rest)[0]) && !unicode.IsDigit([]rune(rest)[0])) {
			return true
		}
	}
	return false
}

// isCheap reports whether a cost is free, a donation or the like, or at
// most £3.
func isCheap(cost string) bool {
	if isFree(cost) || containsAny(strings.ToLower(cost), words.Builtin().CheapCosts) {
		return true
	}
	m := pounds.FindStringSubmatch(cost)
	if m == nil {
		return false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	return err == nil && v <= cheapest
}

// isStepFree reports whether a venue says it is wheelchair accessible.
func isStepFree(access []string) bool {
	for _, a := range access {
		if containsAny(strings.ToLower(a), words.Builtin().StepFreeAccess) {
			return true
		}
	}
	return false
}

// containsAny reports whether s holds any of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// overlaps reports whether an activity for ages a suits someone in b.
func (a Ages) overlaps(b Ages) bool {
	aMax, bMax := a.Max, b.Max
	if aMax < 0 {
		aMax = 1 << 30
	}
	if bMax < 0 {
		bMax = 1 << 30
	}
	return a.Min <= bMax && b.Min <= aMax
}

// keep reports whether a venue, or an activity in it, passes the filters.
// A venue itself has no cost or ages, so it passes only filters of access.
func (f Filters) keep(a *Asset, act *Activity) bool {
	if f.StepFree && !isStepFree(a.Access) {
		return false
	}
	if act == nil {
		return !f.Free && !f.Cheap && f.Ages == nil
	}
	if f.Free && !isFree(act.Cost) {
		return false
	}
	if f.Cheap && !isCheap(act.Cost) {
		return false
	}
	if f.Ages != nil && !act.Ages.overlaps(*f.Ages) && !(f.AdultsToo && act.Ages.overlaps(Ages{Min: Adult, Max: -1})) {
		return false
	}
	return true
}
