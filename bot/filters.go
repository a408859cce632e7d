package bot

import (
	"regexp"
	"strconv"
	"strings"
)

// filters narrow results by what a person can afford, get into and is the
// right age for.
type filters struct {
	free, cheap, stepFree bool
	// ages is the age range asked for, as Ages; nil for any.
	ages *Ages
	// ageWords are where the words that asked for ages are, so they need
	// not also be topic words when the message names a topic.
	ageWords []int
}

// names lists the filters for showing what was understood.
func (f filters) names() []string {
	var n []string
	if f.free {
		n = append(n, "free")
	}
	if f.cheap {
		n = append(n, "cheap")
	}
	if f.stepFree {
		n = append(n, "wheelchair")
	}
	if f.ages != nil {
		n = append(n, "ages "+f.ages.Text)
	}
	return n
}

var (
	freePhrases     = []string{"free", "free of charge", "no cost", "costs nothing", "for nothing", "without paying", "no charge"}
	cheapPhrases    = []string{"cheap", "cheaper", "low cost", "affordable", "inexpensive", "budget", "not expensive", "not too expensive"}
	stepFreePhrases = []string{"wheelchair", "wheelchairs", "wheelchair accessible", "step free", "stepfree", "accessible", "disabled access", "disability access", "mobility", "no steps", "level access"}
	agePhrases      = []struct {
		phrase string
		ages   Ages
	}{
		{"toddler", Ages{1, 4, "1-4"}}, {"toddlers", Ages{1, 4, "1-4"}},
		{"baby", Ages{0, 1, "0-1"}}, {"babies", Ages{0, 1, "0-1"}},
		{"under 5s", Ages{0, 4, "0-4"}}, {"under 5", Ages{0, 4, "0-4"}}, {"under fives", Ages{0, 4, "0-4"}}, {"preschool", Ages{0, 4, "0-4"}},
		{"kids", Ages{4, 11, "4-11"}}, {"children", Ages{4, 11, "4-11"}}, {"child", Ages{4, 11, "4-11"}},
		{"teen", Ages{13, 17, "13-17"}}, {"teens", Ages{13, 17, "13-17"}}, {"teenager", Ages{13, 17, "13-17"}}, {"teenagers", Ages{13, 17, "13-17"}}, {"teenage", Ages{13, 17, "13-17"}}, {"young people", Ages{11, 19, "11-19"}},
		{"adults", Ages{18, -1, "18+"}}, {"adult", Ages{18, -1, "18+"}},
		{"over 50s", Ages{50, -1, "50+"}}, {"over 50", Ages{50, -1, "50+"}}, {"over 60s", Ages{60, -1, "60+"}}, {"over 60", Ages{60, -1, "60+"}},
		{"older people", Ages{60, -1, "60+"}}, {"elderly", Ages{65, -1, "65+"}}, {"pensioner", Ages{66, -1, "66+"}}, {"pensioners", Ages{66, -1, "66+"}}, {"seniors", Ages{60, -1, "60+"}},
	}
)

// readFilters finds the filters in ws, marking the words that only name a
// filter. Age words stay unmarked: "toddler" is a filter and a topic too.
func readFilters(ws []string, used []bool) filters {
	var f filters
	f.free = markPhrases(ws, used, freePhrases)
	f.cheap = !f.free && markPhrases(ws, used, cheapPhrases)
	f.stepFree = markPhrases(ws, used, stepFreePhrases)
	for i := range ws {
		for _, a := range agePhrases {
			if n, ok := phraseAt(ws, i, a.phrase); ok && f.ages == nil {
				ages := a.ages
				f.ages = &ages
				for j := i; j < i+n; j++ {
					f.ageWords = append(f.ageWords, j)
				}
			}
		}
	}
	return f
}

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

// keep reports whether a result passes the filters.
func (f filters) keep(a *Asset, act *Activity) bool {
	if f.stepFree && !isStepFree(a.Access) {
		return false
	}
	if act == nil {
		return !f.free && !f.cheap && f.ages == nil
	}
	if f.free && !isFree(act.Cost) {
		return false
	}
	if f.cheap && !isCheap(act.Cost) {
		return false
	}
	if f.ages != nil && !act.Ages.overlaps(*f.ages) {
		return false
	}
	return true
}
