package bot

import (
	"regexp"
	"strconv"
	"strings"
)

// cheapest is the most, in pounds, that counts as cheap.
const cheapest = 3.0

var pounds = regexp.MustCompile(`£\s*([0-9]+(?:\.[0-9]{1,2})?)`)

// isFree reports whether a cost, as a coach wrote it, is free.
func isFree(cost string) bool {
	c := strings.ToLower(strings.TrimSpace(cost))
	return c == "free" || strings.HasPrefix(c, "free") || c == "£0" || c == "0"
}

// isCheap reports whether a cost is free, a donation, or at most £3.
func isCheap(cost string) bool {
	if isFree(cost) || strings.Contains(strings.ToLower(cost), "donation") {
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
		a = strings.ToLower(a)
		if strings.Contains(a, "wheelchair") || strings.Contains(a, "step free") || strings.Contains(a, "step-free") || strings.Contains(a, "level access") || strings.Contains(a, "ramp") {
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
	if f.Ages != nil && !act.Ages.overlaps(*f.Ages) {
		return false
	}
	return true
}
