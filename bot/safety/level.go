package safety

import "slices"

// match is one pattern found in a message: tokens [start, end).
type match struct {
	start, end int
	p          *pattern
}

// contains reports whether m's span holds o's.
func (m match) contains(o match) bool {
	return m.start <= o.start && o.end <= m.end
}

// findAll gives every pattern's shortest match at every place it starts.
func (r *rules) findAll(toks []token) []match {
	var ms []match
	m := &matcher{toks: toks}
	for i, t := range toks {
		r.first.candidates(t, func(id int) {
			p := r.patterns[id]
			if end := m.matchAt(p, i); end > i {
				ms = append(ms, match{start: i, end: end, p: p})
			}
		})
	}
	return ms
}

// overlaps reports whether m and o share a token.
func (m match) overlaps(o match) bool {
	return m.start < o.end && o.start < m.end
}

// longer reports whether m holds o and more.
func (m match) longer(o match) bool {
	return m.contains(o) && m.end-m.start > o.end-o.start
}

// readings keeps the most specific reading of each part of a message.
// A guard (an idiom, grief, a question about a group) stands unless a
// danger or distress reading holds all of it and more; a standing guard
// hides every reading it overlaps that does not hold it whole. Of the rest,
// a reading inside a longer one is hidden. Strong patterns are never
// hidden. So "my back is killing me" hides "killing me", "my friend hit me
// up" hides "my friend hit me", "not going to kill myself" (concern) hides
// "kill myself", and "going to kill me if i leave" (urgent) outweighs the
// guard "going to kill me if". Hints stand apart: a hint never outweighs
// a guard or hides another kind of reading, and only a guard or a longer
// hint hides one.
func readings(ms []match) []match {
	var guards, rest []match
	for _, m := range ms {
		if m.p.kind == kindGuard {
			guards = append(guards, m)
		} else {
			rest = append(rest, m)
		}
	}
	var standing []match
	for _, g := range guards {
		if !slices.ContainsFunc(rest, func(m match) bool { return m.p.kind != kindHint && m.longer(g) }) {
			standing = append(standing, g)
		}
	}
	kept := standing
	for _, m := range rest {
		hidden := slices.ContainsFunc(standing, func(g match) bool { return g.overlaps(m) && !m.longer(g) }) ||
			slices.ContainsFunc(rest, func(o match) bool { return o.longer(m) && (o.p.kind == kindHint) == (m.p.kind == kindHint) })
		if !hidden || m.p.strong {
			kept = append(kept, m)
		}
	}
	return kept
}

// level decides a message: the highest level among its readings, where
// danger told of in a sentence about the past ("two years ago", "when i
// was a child") and not also about now ("again", "tonight") is Concern,
// and a light reading in a message that jokes ("lol", "haha") and says
// nothing in earnest ("im scared", "not joking") is set aside.
// Hints are ordinary alone; two of one family but different groups that
// do not overlap ("at the top of the multi storey" and "not coming down",
// both signs of leaving) are Urgent, or Concern when both are in
// sentences about the past.
func (r *rules) level(toks []token) Level {
	lvl, _ := r.decide(toks)
	return lvl
}

// decide gives a message's level, as level does, and, when it is not
// Urgent, the readings that explain its words: the guards that stand
// (words read as harmless), and the readings that made it Concern
// (distress, danger denied or in the past, grief for a suicide), and the
// light readings a joke set aside. The
// scorer does not read those words: it looks for danger only in what the
// rules left unexplained.
func (r *rules) decide(toks []token) (Level, []match) {
	ms := r.findAll(toks)
	past, now := map[int]bool{}, map[int]bool{}
	jest, earnest := false, false
	var rest []match
	for _, m := range ms {
		switch m.p.kind {
		case kindPast:
			past[toks[m.end-1].sent] = true
		case kindNow:
			now[toks[m.end-1].sent] = true
		case kindJest:
			jest = true
		case kindEarnest:
			earnest = true
		default:
			rest = append(rest, m)
		}
	}
	pastOnly := func(m match) bool {
		s := toks[m.end-1].sent
		return past[s] && !now[s]
	}
	lvl := None
	var hints, known []match
	for _, m := range readings(rest) {
		switch m.p.kind {
		case kindGuard:
			known = append(known, m)
		case kindUrgent:
			if m.p.light && jest && !earnest {
				known = append(known, m)
				continue
			}
			if !pastOnly(m) {
				return Urgent, nil
			}
			lvl = max(lvl, Concern)
			known = append(known, m)
		case kindConcern:
			lvl = max(lvl, Concern)
			known = append(known, m)
		case kindHint:
			for _, h := range hints {
				if h.p.family != m.p.family || h.p.group == m.p.group || h.overlaps(m) {
					continue
				}
				if !pastOnly(h) || !pastOnly(m) {
					return Urgent, nil
				}
				lvl = max(lvl, Concern)
			}
			hints = append(hints, m)
		}
	}
	return lvl, known
}

// why names the readings that decided a message, past and now markers
// included, for tests.
func (r *rules) why(text string) []string {
	var out []string
	for _, m := range readings(r.findAll(r.normalise(text))) {
		out = append(out, m.p.name)
	}
	return out
}
