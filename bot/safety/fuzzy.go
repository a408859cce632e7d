package safety

// minFuzzyLen is the shortest word mended by fuzzyMatch: shorter words have
// too many real neighbours one letter away.
const minFuzzyLen = 6

// fuzzyMatch mends a word one slip (a letter added, dropped, changed, or two
// swapped) from one of the rules' fuzzy words, such as "paracetomol" or
// "unconsious", unless it is a real word listed under fuzzy.not.
func (r *rules) fuzzyMatch(w string) (string, bool) {
	if len(w) < minFuzzyLen || r.notFuzzy[w] {
		return "", false
	}
	for _, target := range r.fuzzy {
		if d := len(w) - len(target); d >= -1 && d <= 1 && oneSlip(w, target) {
			return target, true
		}
	}
	return "", false
}

// oneSlip reports whether a and b (bytes, lower-case ASCII in practice)
// differ by exactly one insertion, deletion, substitution or swap of
// neighbours.
func oneSlip(a, b string) bool {
	if a == b {
		return false
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	switch {
	case len(a) == len(b):
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case len(a) == len(b)+1:
		return a[i+1:] == b[i:]
	case len(b) == len(a)+1:
		return b[i+1:] == a[i:]
	}
	return false
}
