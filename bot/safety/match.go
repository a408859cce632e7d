package safety

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A pattern is a line of rules.yaml: elements in order, each a set of
// word sequences (a trie) or a gap of a few words.
//
// Element syntax, separated by spaces:
//
//	word       the word in any form with the same stem (cut, cuts, cutting)
//	=word      the word exactly as normalised (=took, not take)
//	@family    any member of a family
//	#6+        a whole number of at least 6
//	$          a sentence boundary, or the start or end of the message
//	a|=b|@c    any of these
//	a_b        the words a b, within an alternative (on|in_the)
//	x?         x, or nothing
//	...3       up to 3 words, within one sentence
//
// A leading "! " makes the pattern strong: no longer reading hides it. A
// leading "~ " makes it light: a joke (rules.yaml's jest section) sets it
// aside, as in "hell kill me for telling u lol".
type pattern struct {
	elems  []elem
	kind   kind
	strong bool
	light  bool
	group  string // section.group (hints: hints.family.group)
	family string // the first part of group below the section: hints pair only within a family
	name   string // section.group and the source line, for tests
}

// elem is one element of a pattern: a trie, or a gap when trie is nil.
type elem struct {
	trie     *node
	gap      int
	optional bool
}

// node is a trie of token matchers. Each edge matches one token, except a
// family edge, which matches any sequence of the family's own trie (each
// family is compiled once and shared, not copied into every pattern).
type node struct {
	stem  map[string]*node
	exact map[string]*node
	nums  []numEdge
	fams  []famEdge
	bound *node
	end   bool
}

// famEdge matches a family's trie, then goes on at next.
type famEdge struct {
	trie *node
	next *node
}

// numEdge matches a whole number of at least min.
type numEdge struct {
	min  int
	next *node
}

// maxGap and maxDepth bound what a rules file may ask for, so matching
// stays fast and a family cannot include itself for ever.
const (
	maxGap   = 8
	maxDepth = 12
)

// builder compiles patterns against the rules file's families.
type builder struct {
	r        *rules
	families map[string][]string
	literals map[string][]token // each literal's words, normalised once
	tries    map[string]*node   // each family compiled, once
	building map[string]bool    // families being compiled, to catch one that includes itself
}

// pattern compiles one source line.
func (b *builder) pattern(src string, k kind, group string) (*pattern, error) {
	p := &pattern{kind: k, name: group + ": " + src}
	rest := strings.TrimSpace(src)
	if s, ok := strings.CutPrefix(rest, "! "); ok {
		p.strong, rest = true, s
	}
	if s, ok := strings.CutPrefix(rest, "~ "); ok {
		p.light, rest = true, s
	}
	if p.strong && p.light {
		return nil, errors.New("a pattern cannot be both strong (!) and light (~)")
	}
	for _, spec := range strings.Fields(rest) {
		e, err := b.elem(spec)
		if err != nil {
			return nil, err
		}
		p.elems = append(p.elems, e)
	}
	switch {
	case len(p.elems) == 0:
		return nil, errors.New("empty pattern")
	case p.elems[0].trie == nil || p.elems[0].optional:
		return nil, errors.New("a pattern must start with a word, not a gap or an optional element")
	case p.elems[len(p.elems)-1].trie == nil:
		return nil, errors.New("a pattern must not end with a gap")
	}
	return p, nil
}

// elem compiles one element.
func (b *builder) elem(spec string) (elem, error) {
	if n, ok := strings.CutPrefix(spec, "..."); ok {
		gap, err := strconv.Atoi(n)
		if err != nil || gap < 1 || gap > maxGap {
			return elem{}, fmt.Errorf("gap %q: want ...1 to ...%d", spec, maxGap)
		}
		return elem{gap: gap}, nil
	}
	e := elem{trie: &node{}}
	if s, ok := strings.CutSuffix(spec, "?"); ok && s != "" {
		e.optional, spec = true, s
	}
	ends, err := b.extend([]*node{e.trie}, spec, 0)
	if err != nil {
		return elem{}, err
	}
	for _, n := range ends {
		if n == e.trie {
			return elem{}, fmt.Errorf("%q can match nothing: mark the element optional instead", spec)
		}
		n.end = true
	}
	return e, nil
}

// extend adds to every node in from the token sequences one element spec
// can spell, and gives the nodes where they end.
func (b *builder) extend(from []*node, spec string, depth int) ([]*node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("families nest too deep at %q (does one include itself?)", spec)
	}
	optional := false
	if s, ok := strings.CutSuffix(spec, "?"); ok && s != "" {
		optional, spec = true, s
	}
	var ends []*node
	for _, alt := range strings.Split(spec, "|") {
		got, err := b.extendAlt(from, alt, depth)
		if err != nil {
			return nil, err
		}
		ends = append(ends, got...)
	}
	if optional {
		ends = append(ends, from...)
	}
	return dedupe(ends), nil
}

// extendAlt adds one alternative of an element.
func (b *builder) extendAlt(from []*node, alt string, depth int) ([]*node, error) {
	switch {
	case alt == "":
		return nil, errors.New("an empty alternative (two | in a row?)")
	case alt == "$":
		return each(from, func(n *node) *node {
			if n.bound == nil {
				n.bound = &node{}
			}
			return n.bound
		}), nil
	case strings.HasPrefix(alt, "@"):
		t, err := b.family(alt[1:], depth)
		if err != nil {
			return nil, err
		}
		return each(from, func(n *node) *node { return n.fam(t) }), nil
	case strings.HasPrefix(alt, "#"):
		n, err := strconv.Atoi(strings.TrimSuffix(alt[1:], "+"))
		if err != nil || !strings.HasSuffix(alt, "+") || n < 0 {
			return nil, fmt.Errorf("number %q: want #N+", alt)
		}
		return each(from, func(f *node) *node {
			for _, e := range f.nums {
				if e.min == n {
					return e.next
				}
			}
			next := &node{}
			f.nums = append(f.nums, numEdge{min: n, next: next})
			return next
		}), nil
	}
	exact := strings.HasPrefix(alt, "=")
	toks := b.literal(strings.TrimPrefix(alt, "="))
	if len(toks) == 0 {
		return nil, fmt.Errorf("%q has no words", alt)
	}
	ends := from
	for _, t := range toks {
		key := t.stem
		if exact {
			key = t.surf
		}
		ends = each(ends, func(n *node) *node { return n.child(exact, key) })
	}
	return ends, nil
}

// literal gives the words of a literal alternative ("_" joins words), as
// a message would be normalised.
func (b *builder) literal(s string) []token {
	toks, ok := b.literals[s]
	if !ok {
		toks = b.r.words(strings.ReplaceAll(s, "_", " "))
		b.literals[s] = toks
	}
	return toks
}

// family compiles a family's members into one trie, once.
func (b *builder) family(name string, depth int) (*node, error) {
	if t, ok := b.tries[name]; ok {
		return t, nil
	}
	members, ok := b.families[name]
	switch {
	case !ok:
		return nil, fmt.Errorf("no family @%s", name)
	case b.building[name]:
		return nil, fmt.Errorf("family @%s includes itself", name)
	case len(members) == 0:
		return nil, fmt.Errorf("family @%s is empty", name)
	}
	b.building[name] = true
	defer delete(b.building, name)
	root := &node{}
	for _, m := range members {
		ends, err := b.extendSeq([]*node{root}, m, depth+1)
		if err != nil {
			return nil, fmt.Errorf("@%s: %q: %w", name, m, err)
		}
		for _, n := range ends {
			if n == root {
				return nil, fmt.Errorf("@%s: %q can match nothing", name, m)
			}
			n.end = true
		}
	}
	b.tries[name] = root
	return root, nil
}

// extendSeq adds a family member: element specs separated by spaces, with
// no gaps.
func (b *builder) extendSeq(from []*node, member string, depth int) ([]*node, error) {
	specs := strings.Fields(member)
	if len(specs) == 0 {
		return nil, errors.New("empty member")
	}
	ends := from
	for _, spec := range specs {
		if strings.HasPrefix(spec, "...") {
			return nil, errors.New("a family member cannot hold a gap")
		}
		var err error
		if ends, err = b.extend(ends, spec, depth); err != nil {
			return nil, err
		}
	}
	return ends, nil
}

// child gives the node an edge leads to, making it if need be.
func (n *node) child(exact bool, key string) *node {
	m := &n.stem
	if exact {
		m = &n.exact
	}
	if *m == nil {
		*m = map[string]*node{}
	}
	c := (*m)[key]
	if c == nil {
		c = &node{}
		(*m)[key] = c
	}
	return c
}

// fam gives the node a family edge leads to, making it if need be.
func (n *node) fam(t *node) *node {
	for _, e := range n.fams {
		if e.trie == t {
			return e.next
		}
	}
	next := &node{}
	n.fams = append(n.fams, famEdge{trie: t, next: next})
	return next
}

// each applies f to every node and gives the results without repeats.
func each(from []*node, f func(*node) *node) []*node {
	out := make([]*node, 0, len(from))
	for _, n := range from {
		out = append(out, f(n))
	}
	return dedupe(out)
}

// dedupe drops repeated nodes, keeping the first of each.
func dedupe(ns []*node) []*node {
	seen := make(map[*node]bool, len(ns))
	out := ns[:0:0]
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// words normalises a rule's literal text as a message would be, without
// boundaries.
func (r *rules) words(s string) []token {
	var out []token
	for _, t := range r.normalise(s) {
		if !t.bound {
			out = append(out, t)
		}
	}
	return out
}

// index finds the patterns that can start at a token: by its stem, its
// exact form, its being a number, or its being a boundary.
type index struct {
	stem  map[string][]int
	exact map[string][]int
	num   []int
	bound []int
}

func newIndex() index {
	return index{stem: map[string][]int{}, exact: map[string][]int{}}
}

// add appends a pattern and indexes it by the tokens its first element
// can start with, looking into families.
func (r *rules) add(p *pattern) {
	id := len(r.patterns)
	r.patterns = append(r.patterns, p)
	r.first.addFirst(p.elems[0].trie, id)
}

// addFirst indexes pattern id under every token trie n can start with.
func (ix *index) addFirst(n *node, id int) {
	for k := range n.stem {
		ix.stem[k] = appendOnce(ix.stem[k], id)
	}
	for k := range n.exact {
		ix.exact[k] = appendOnce(ix.exact[k], id)
	}
	if len(n.nums) > 0 {
		ix.num = appendOnce(ix.num, id)
	}
	if n.bound != nil {
		ix.bound = appendOnce(ix.bound, id)
	}
	for _, e := range n.fams {
		ix.addFirst(e.trie, id)
	}
}

// appendOnce appends id unless it is already last: patterns are indexed
// one at a time, so that is enough to keep each list free of repeats.
func appendOnce(ids []int, id int) []int {
	if len(ids) > 0 && ids[len(ids)-1] == id {
		return ids
	}
	return append(ids, id)
}

// candidates calls f with each pattern that may start at t, at most once
// each.
func (ix *index) candidates(t token, f func(id int)) {
	if t.bound {
		for _, id := range ix.bound {
			f(id)
		}
		return
	}
	seen := ix.stem[t.stem]
	for _, id := range seen {
		f(id)
	}
	for _, id := range ix.exact[t.surf] {
		if !containsInt(seen, id) {
			f(id)
		}
	}
	if t.num >= 0 {
		for _, id := range ix.num {
			f(id)
		}
	}
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// matcher matches patterns against one message. stack holds where to go
// on after each family being walked, innermost last.
type matcher struct {
	toks  []token
	stack []*node
}

// matchAt gives the end (exclusive) of the shortest match of p starting at
// token i, or -1.
func (m *matcher) matchAt(p *pattern, i int) int {
	m.stack = m.stack[:0]
	return m.matchFrom(p, 0, i)
}

// matchFrom matches p's elements from ei on at token pos.
func (m *matcher) matchFrom(p *pattern, ei, pos int) int {
	if ei == len(p.elems) {
		return pos
	}
	e := p.elems[ei]
	if e.trie == nil {
		for k := 0; k <= e.gap; k++ {
			if k > 0 && (pos+k-1 >= len(m.toks) || m.toks[pos+k-1].bound) {
				break
			}
			if end := m.matchFrom(p, ei+1, pos+k); end >= 0 {
				return end
			}
		}
		return -1
	}
	if e.optional {
		if end := m.matchFrom(p, ei+1, pos); end >= 0 {
			return end
		}
	}
	return m.walk(p, ei, e.trie, pos)
}

// walk follows trie n from token pos, trying the rest of the pattern after
// each place a sequence ends, shortest first. At the end of a family's
// trie it goes on where the family edge leads.
func (m *matcher) walk(p *pattern, ei int, n *node, pos int) int {
	if n.end {
		if end := m.afterEnd(p, ei, pos); end >= 0 {
			return end
		}
	}
	for _, f := range n.fams {
		m.stack = append(m.stack, f.next)
		end := m.walk(p, ei, f.trie, pos)
		m.stack = m.stack[:len(m.stack)-1]
		if end >= 0 {
			return end
		}
	}
	if pos >= len(m.toks) {
		return -1
	}
	t := m.toks[pos]
	if t.bound {
		if n.bound != nil {
			return m.walk(p, ei, n.bound, pos+1)
		}
		return -1
	}
	if c := n.stem[t.stem]; c != nil {
		if end := m.walk(p, ei, c, pos+1); end >= 0 {
			return end
		}
	}
	if c := n.exact[t.surf]; c != nil {
		if end := m.walk(p, ei, c, pos+1); end >= 0 {
			return end
		}
	}
	if t.num >= 0 {
		for _, e := range n.nums {
			if t.num >= e.min {
				if end := m.walk(p, ei, e.next, pos+1); end >= 0 {
					return end
				}
			}
		}
	}
	return -1
}

// afterEnd goes on from the end of a trie: out of the innermost family
// being walked, or, at the element's own end, to the next element.
func (m *matcher) afterEnd(p *pattern, ei, pos int) int {
	k := len(m.stack)
	if k == 0 {
		return m.matchFrom(p, ei+1, pos)
	}
	next := m.stack[k-1]
	m.stack = m.stack[:k-1]
	end := m.walk(p, ei, next, pos)
	m.stack = append(m.stack[:k-1], next)
	return end
}
