package understand

import (
	"strconv"

	"signpost/bot"
)

// maxAge is the oldest age read from a number: above it, a number is
// something else (a bus, a price, a year).
const maxAge = 110

// readFilters finds the filters in toks, marking the words that only name
// a filter. Age words are not marked but returned, where they are: a
// toddler is a filter and may be a topic too ("things for toddlers").
func (v *vocabulary) readFilters(toks []token, used []bool) (bot.Filters, []int) {
	var f bot.Filters
	// "step free" first, so its "free" is not read as a price.
	f.StepFree = v.stepFree.markAll(toks, used)
	f.Free = v.free.markAll(toks, used)
	f.Cheap = !f.Free && v.cheap.markAll(toks, used)
	if ages, ok := v.readAgeNumber(toks, used); ok {
		f.Ages = &ages
		return f, nil
	}
	var at []int
	for i := range toks {
		if used[i] {
			continue
		}
		if e := v.ages.at(toks, i, used); e != nil {
			if f.Ages == nil {
				a := e.value
				f.Ages = &a
			}
			for j := i; j < i+len(e.keys); j++ {
				at = append(at, j)
			}
		}
	}
	return f, at
}

// readAgeNumber reads an age given as a number, marking its words: "my 8
// year old", "aged 7", "ages 4-11", "my son is 8", "I'm 80".
func (v *vocabulary) readAgeNumber(toks []token, used []bool) (bot.Ages, bool) {
	for i, t := range toks {
		n, ok := age(t.word)
		if !ok || used[i] {
			continue
		}
		// "8 year old"
		if i+1 < len(toks) {
			if e := v.ageWords.at(toks, i+1, used); e != nil {
				mark(used, i, 1+len(e.keys))
				return bot.Ages{Min: n, Max: n, Text: t.word}, true
			}
		}
		// "aged 7", "I'm 80", "ages 4 to 11"
		for start := i - 1; start >= 0 && start >= i-2; start-- {
			e := v.ageOf.at(toks, start, used)
			if e == nil || start+len(e.keys) != i {
				continue
			}
			if hi, width, ok := v.upTo(toks, i); ok {
				mark(used, start, i-start+width)
				return bot.Ages{Min: n, Max: hi, Text: t.word + "-" + strconv.Itoa(hi)}, true
			}
			if i+1 < len(toks) && v.notAgeUnits.at(toks, i+1, nil) != nil {
				continue
			}
			mark(used, start, i-start+1)
			return bot.Ages{Min: n, Max: n, Text: t.word}, true
		}
	}
	return bot.Ages{}, false
}

// upTo reads the end of an age range after toks[i]: "4 11", "4 to 11".
func (v *vocabulary) upTo(toks []token, i int) (hi, width int, ok bool) {
	j := i + 1
	if j < len(toks) && toks[j].word == "to" {
		j++
	}
	if j >= len(toks) {
		return 0, 0, false
	}
	lo, _ := age(toks[i].word)
	hi, ok = age(toks[j].word)
	if !ok || hi < lo {
		return 0, 0, false
	}
	return hi, j - i + 1, true
}

// age reads a word that is a plausible age.
func age(w string) (int, bool) {
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 0 && n <= maxAge
}
